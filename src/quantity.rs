//! The typed numeric mention: what the extractor produces and every later stage reads.

use std::fmt;
use std::ops::Range;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::interval::Interval;

/// What a numeric mention is. Only "claim" kinds are checked by rules; the others
/// are kept so that a fact-checker can see why a number was not treated as a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A measured amount with a unit or currency: `301,9 millions de dollars`, `1,5 hectare`.
    Amount,
    /// A count of things: `425 organisations`, `60 emplois`, `twelve people`.
    Count,
    /// A percentage: `7,8 %`, `31 percent`.
    Percent,
    /// A difference of percentages: `2 p.p.`, `3 points de pourcentage`.
    PercentagePoint,
    /// A growth factor: `multiplié par 2,5`, `doubled`, `x3`, `un tiers` (as a factor of a whole).
    Multiplier,
    /// A bare number whose unit could not be read (still a claim, weaker context).
    Number,
    /// A calendar year: `en 2023`.
    Year,
    /// A date: `1er janvier 2024`.
    Date,
    /// An ordinal: `105e`, `3rd`.
    Ordinal,
    /// A range of years or values: `2019-2021`.
    Range,
    /// A model number or code: `MAZ-6430`.
    Identifier,
    /// A bibliographic citation or page reference: `C. 51`, `p. 12`.
    Citation,
    /// A footnote marker glued to a word or quote: `annoncés"2`.
    FootnoteMarker,
    /// A page number standing alone on a line.
    PageNumber,
    /// List numbering: `1)`.
    ListNumber,
}

impl Kind {
    /// The kind two figures must share to be one fact: a bare number counts what a count
    /// of its metric counts.
    pub fn fact_class(self) -> Kind {
        match self {
            Kind::Count | Kind::Number => Kind::Count,
            k => k,
        }
    }

    /// Whether rules may treat a mention of this kind as a figure.
    pub fn is_claim(self) -> bool {
        matches!(
            self,
            Kind::Amount
                | Kind::Count
                | Kind::Percent
                | Kind::PercentagePoint
                | Kind::Multiplier
                | Kind::Number
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Amount => "amount",
            Kind::Count => "count",
            Kind::Percent => "percent",
            Kind::PercentagePoint => "percentage-point",
            Kind::Multiplier => "multiplier",
            Kind::Number => "number",
            Kind::Year => "year",
            Kind::Date => "date",
            Kind::Ordinal => "ordinal",
            Kind::Range => "range",
            Kind::Identifier => "identifier",
            Kind::Citation => "citation",
            Kind::FootnoteMarker => "footnote-marker",
            Kind::PageNumber => "page-number",
            Kind::ListNumber => "list-number",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A hedge on a figure, which widens or opens its interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    #[default]
    None,
    /// plus de / more than / over / dépassé / exceeded: (v, ∞)
    MoreThan,
    /// au moins / at least / no less than: [v, ∞)
    AtLeast,
    /// moins de / less than / under / below: (-∞, v) — for non-negative kinds [0, v)
    LessThan,
    /// jusqu'à / up to / at most / no more than: [0, v]
    AtMost,
    /// près de / presque / nearly / almost: just below, [v·(1-band), v]
    Nearly,
    /// environ / about / around / approximately / some / une centaine: [v·(1-band), v·(1+band)]
    About,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::None => "none",
            Qualifier::MoreThan => "more-than",
            Qualifier::AtLeast => "at-least",
            Qualifier::LessThan => "less-than",
            Qualifier::AtMost => "at-most",
            Qualifier::Nearly => "nearly",
            Qualifier::About => "about",
        }
    }

    pub fn parse(s: &str) -> Option<Qualifier> {
        Some(match s {
            "none" => Qualifier::None,
            "more-than" => Qualifier::MoreThan,
            "at-least" => Qualifier::AtLeast,
            "less-than" => Qualifier::LessThan,
            "at-most" => Qualifier::AtMost,
            "nearly" => Qualifier::Nearly,
            "about" => Qualifier::About,
            _ => return None,
        })
    }
}

/// One numeric mention read from a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// Byte range in the document's cleaned text (see [`crate::clean`]).
    #[serde(skip)]
    pub clean: Range<usize>,
    /// Byte range in the original file: what diagnostics point at.
    #[serde(skip)]
    pub span: Range<usize>,
    pub kind: Kind,
    /// Exact value with the scale word applied (`301,9 millions` → 301900000).
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// Canonical unit or currency code from the lexicon (`USD`, `t`, `ha`, `jobs`, `%`).
    pub unit: Option<String>,
    /// The scale factor that was applied (1 when none was written).
    #[serde(with = "rust_decimal::serde::str")]
    pub scale: Decimal,
    /// Half the step of the last written digit, scale applied: `301,9 millions` → 50000.
    #[serde(with = "rust_decimal::serde::str")]
    pub precision: Decimal,
    pub qualifier: Qualifier,
    /// Values compatible with the text, from precision and qualifier.
    pub interval: Interval,
}

impl Quantity {
    /// Build a quantity and derive its interval from value, precision and qualifier.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        clean: Range<usize>,
        span: Range<usize>,
        kind: Kind,
        value: Decimal,
        unit: Option<String>,
        scale: Decimal,
        precision: Decimal,
        qualifier: Qualifier,
    ) -> Quantity {
        let interval = Interval::from_stated(value, precision, qualifier, kind);
        Quantity {
            clean,
            span,
            kind,
            value,
            unit,
            scale,
            precision,
            qualifier,
            interval,
        }
    }

    pub fn is_claim(&self) -> bool {
        self.kind.is_claim()
    }

    /// A count of years, months, weeks or days: when ("doublé en cinq ans") or an age ("les
    /// 65 ans ou plus"), not a level of a series.
    pub fn is_duration(&self) -> bool {
        self.kind == Kind::Count
            && matches!(
                self.unit.as_deref(),
                Some("years" | "months" | "weeks" | "days")
            )
    }
}
