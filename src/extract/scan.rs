//! The scanner: walks the tokens of the cleaned text once, reads every numeric mention
//! and classifies it (amount, count, percentage, multiplier … or noise such as years,
//! dates, ordinals, identifiers, citations).
//!
//! Each mention is read in three steps: what stands before it decides whether it is
//! noise (`A380`, `p. 12`, `n° 3`, a marker glued to a word); the core is a digit
//! literal ([`super::number`]) or spelled-out words ([`super::words`]); then suffixes
//! are read (scale word, `et demi`, percent, `fois`, unit or counted noun, with `de` and
//! adjectives in between) and the qualifier is read backwards from the core. Every step
//! looks a bounded number of tokens around the mention, so the cost is linear.

use std::ops::Range;

use rust_decimal::Decimal;

use super::lexicon::{lower_into, LangLexicon, NumberLexicon, Term, UnitKind};
use super::number::parse_literal;
use super::token::{tokenize, Gap, Tok, TokKind};
use super::words::parse_spelled;
use crate::lang::Lang;
use crate::quantity::{Kind, Qualifier};

/// A mention found in the cleaned text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub range: Range<usize>,
    pub kind: Kind,
    pub value: Decimal,
    pub unit: Option<String>,
    pub scale: Decimal,
    pub precision: Decimal,
    pub qualifier: Qualifier,
}

/// The core of a mention before its suffixes are read.
#[derive(Debug, Clone, Copy)]
struct Core {
    /// First token of the mention (a currency prefix, if any).
    start: usize,
    /// First token of the number itself (where the qualifier is looked for).
    number_start: usize,
    /// One past the last token read so far.
    end: usize,
    value: Decimal,
    /// Step of the last written digit, before scale.
    step: Decimal,
    /// Whether the value was written as an integer (no decimals, no `et demi`).
    integer: bool,
    spelled: bool,
    /// A single word that also means something else (`neuf`, `un`): needs a noun.
    ambiguous: bool,
    /// Round-number noun (`une centaine`): about, exact step.
    approximate: bool,
    /// Currency written before the number (`$`, `USD`).
    prefix_unit: Option<usize>,
    /// Whether digit groups were joined (`1 300`): never a year.
    grouped: bool,
}

const YEARS: std::ops::RangeInclusive<i64> = 1800..=2100;

struct Scanner<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    lex: &'a LangLexicon,
    units: &'a NumberLexicon,
    lang: Lang,
    buf: String,
    out: Vec<Found>,
}

/// Every mention of `text`, in order.
pub fn scan(text: &str, lex: &NumberLexicon, lang: Lang) -> Vec<Found> {
    let mut s = Scanner {
        text,
        toks: tokenize(text),
        lex: lex.lang(lang),
        units: lex,
        lang,
        buf: String::new(),
        out: Vec::new(),
    };
    let mut i = 0;
    while i < s.toks.len() {
        let next = match s.toks[i].kind {
            TokKind::Digits => s.at_digits(i),
            TokKind::Word => s.at_word(i),
            TokKind::Punct => s.at_punct(i),
        };
        i = next.max(i + 1);
    }
    s.out
}

fn dec(v: i64) -> Decimal {
    Decimal::from(v)
}

impl<'a> Scanner<'a> {
    // ------------------------------------------------------------ token helpers

    fn tok(&self, i: usize) -> Option<Tok> {
        self.toks.get(i).copied()
    }

    fn s(&self, i: usize) -> &'a str {
        let t = self.toks[i];
        &self.text[t.range()]
    }

    fn is_punct(&self, i: usize, chars: &str) -> bool {
        self.tok(i).is_some_and(|t| {
            t.kind == TokKind::Punct && {
                let s = &self.text[t.range()];
                s.chars().count() == 1 && chars.contains(s)
            }
        })
    }

    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.gap == Gap::None)
    }

    fn is_kind(&self, i: usize, k: TokKind) -> bool {
        self.tok(i).is_some_and(|t| t.kind == k)
    }

    /// Token `i` exists and follows the previous one on the same paragraph.
    fn near(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.gap <= Gap::Spaces)
    }

    fn lower(&mut self, i: usize) -> &str {
        let t = self.toks[i];
        lower_into(&mut self.buf, &self.text[t.range()]);
        &self.buf
    }

    fn word_in(
        &mut self,
        i: usize,
        set: fn(&LangLexicon) -> &std::collections::HashSet<String>,
    ) -> bool {
        if !self.is_kind(i, TokKind::Word) {
            return false;
        }
        let lex = self.lex;
        let w = self.lower(i).to_string();
        set(lex).contains(&w)
    }

    fn phrase(&self, i: usize) -> Option<(Term, usize)> {
        if i >= self.toks.len() {
            return None;
        }
        self.lex.phrase_at(self.text, &self.toks, i)
    }

    fn digits_value(&self, i: usize) -> Option<i64> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Digits || t.len() > 12 {
            return None;
        }
        self.s(i).parse().ok()
    }

    fn is_year_token(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == TokKind::Digits && t.len() == 4)
            && self.digits_value(i).is_some_and(|v| YEARS.contains(&v))
            && !self.glued_continues(i + 1)
    }

    /// A glued letter or digit run at `i` (the token before continues into it).
    fn glued_continues(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.gap == Gap::None && t.kind != TokKind::Punct)
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        start: usize,
        end: usize,
        kind: Kind,
        value: Decimal,
        unit: Option<String>,
        scale: Decimal,
        precision: Decimal,
        qualifier: Qualifier,
    ) {
        let range = self.toks[start].start..self.toks[end - 1].end;
        // Keep text order and no overlap (a mention read from an earlier token wins).
        if let Some(last) = self.out.last() {
            if last.range.end > range.start {
                return;
            }
        }
        self.out.push(Found {
            range,
            kind,
            value,
            unit,
            scale,
            precision,
            qualifier,
        });
    }

    fn noise(&mut self, start: usize, end: usize, kind: Kind, value: Decimal) {
        self.push(
            start,
            end,
            kind,
            value,
            None,
            Decimal::ONE,
            Decimal::ZERO,
            Qualifier::None,
        );
    }

    /// End of a code glued together from `i`: letters, digits and `-_/+.#:` between them.
    fn identifier_end(&self, i: usize) -> usize {
        let mut j = i + 1;
        loop {
            match self.tok(j) {
                Some(t) if t.gap == Gap::None && t.kind != TokKind::Punct => j += 1,
                Some(t)
                    if t.gap == Gap::None
                        && self.is_punct(j, "-_/+.#:–")
                        && self.glued_continues(j + 1) =>
                {
                    j += 2
                }
                _ => return j,
            }
        }
    }

    // ------------------------------------------------------------ entry points

    fn at_punct(&mut self, i: usize) -> usize {
        // A currency symbol before a number: `$1.2 bn`, `€ 300`.
        if let Some((Term::Unit(u), used)) = self.phrase(i) {
            let j = i + used;
            if self.units.units[u].kind == UnitKind::Currency
                && self.is_kind(j, TokKind::Digits)
                && self.tok(j).is_some_and(|t| t.gap <= Gap::Space)
            {
                return self.number_at(j, i, Some(u));
            }
        }
        // `×3`
        if self.is_punct(i, "×") && self.is_kind(i + 1, TokKind::Digits) && self.glued(i + 1) {
            return self.multiplier_sign(i);
        }
        // A negative number: a minus sign glued to digits, not inside a word or range.
        if self.is_punct(i, "-−")
            && self.is_kind(i + 1, TokKind::Digits)
            && self.glued(i + 1)
            && (i == 0 || !self.glued(i))
        {
            return self.number_at(i + 1, i, None);
        }
        i + 1
    }

    fn multiplier_sign(&mut self, i: usize) -> usize {
        let Some(lit) = parse_literal(self.text, &self.toks, i + 1, self.lang) else {
            return i + 2;
        };
        let q = self.qualifier_before(i);
        let step = Decimal::new(1, lit.decimals);
        self.push(
            i,
            lit.end,
            Kind::Multiplier,
            lit.value,
            Some("x".into()),
            Decimal::ONE,
            step / dec(2),
            q,
        );
        lit.end
    }

    fn at_word(&mut self, i: usize) -> usize {
        // `x3`
        if matches!(self.s(i), "x" | "X")
            && self.is_kind(i + 1, TokKind::Digits)
            && self.glued(i + 1)
            && !self.glued(i)
            && !self.glued_continues(i + 2)
        {
            return self.multiplier_sign(i);
        }
        if let Some((term, used)) = self.phrase(i) {
            let j = i + used;
            match term {
                Term::Unit(u)
                    if self.units.units[u].kind == UnitKind::Currency
                        && self.is_kind(j, TokKind::Digits)
                        && self.tok(j).is_some_and(|t| t.gap <= Gap::Space) =>
                {
                    return self.number_at(j, i, Some(u));
                }
                Term::Factor(f, q) => {
                    let q = match self.qualifier_before(i) {
                        Qualifier::None if q == Qualifier::None => Qualifier::About,
                        Qualifier::None => q,
                        other => other,
                    };
                    self.push(
                        i,
                        j,
                        Kind::Multiplier,
                        f,
                        Some("x".into()),
                        Decimal::ONE,
                        Decimal::ZERO,
                        q,
                    );
                    return j;
                }
                Term::Fraction(f) => {
                    if i > 0 && matches!(self.phrase(i - 1), Some((Term::Rank, 1))) {
                        return j;
                    }
                    let q = self.qualifier_before(i);
                    self.push(
                        i,
                        j,
                        Kind::Multiplier,
                        f,
                        Some("fraction".into()),
                        Decimal::ONE,
                        Decimal::ZERO,
                        q,
                    );
                    return j;
                }
                Term::Month => return self.month_date(i, j),
                _ => {}
            }
        }
        // `un million`, `une centaine`, `a dozen`
        if self.word_in(i, |l| &l.article_one) && self.near(i + 1) {
            match self.phrase(i + 1) {
                Some((Term::Scale(_), _)) => {
                    return self.suffixes(Core {
                        start: i,
                        number_start: i,
                        end: i + 1,
                        value: Decimal::ONE,
                        step: Decimal::ONE,
                        integer: true,
                        spelled: true,
                        ambiguous: false,
                        approximate: false,
                        prefix_unit: None,
                        grouped: false,
                    });
                }
                Some((Term::Approximate(v), used)) => {
                    return self.suffixes(Core {
                        start: i,
                        number_start: i,
                        end: i + 1 + used,
                        value: v,
                        step: Decimal::ONE,
                        integer: true,
                        spelled: true,
                        ambiguous: false,
                        approximate: true,
                        prefix_unit: None,
                        grouped: false,
                    });
                }
                _ => {}
            }
        }
        // `du milliard de dollars`: a lone scale word after an article, before a unit.
        if self.word_in(i, |l| &l.article_scale) && self.near(i + 1) {
            if let Some((Term::Scale(_), used)) = self.phrase(i + 1) {
                if self.unit_follows(i + 1 + used) {
                    return self.suffixes(Core {
                        start: i + 1,
                        number_start: i + 1,
                        end: i + 1,
                        value: Decimal::ONE,
                        step: Decimal::ONE,
                        integer: true,
                        spelled: true,
                        ambiguous: false,
                        approximate: false,
                        prefix_unit: None,
                        grouped: false,
                    });
                }
            }
        }
        if let Some(sp) = parse_spelled(self.text, &self.toks, i, self.lex) {
            // `pour cent` is a percent sign, `cent` there is no number.
            let ambiguous = sp.words == 1 && self.word_in(i, |l| &l.ambiguous);
            if self.word_in(i, |l| &l.article_one) && sp.words == 1 {
                return sp.end;
            }
            return self.suffixes(Core {
                start: i,
                number_start: i,
                end: sp.end,
                value: Decimal::from(sp.value),
                step: Decimal::ONE,
                integer: true,
                spelled: true,
                ambiguous,
                approximate: false,
                prefix_unit: None,
                grouped: false,
            });
        }
        i + 1
    }

    /// A scale word at `i` is followed (through `de`) by a unit.
    fn unit_follows(&mut self, mut j: usize) -> bool {
        if self.near(j) && self.word_in(j, |l| &l.bridges) {
            j += 1;
            if self.is_punct(j, "'’") {
                j += 1;
            }
        }
        self.near(j) && matches!(self.phrase(j), Some((Term::Unit(_), _)))
    }

    /// A month at `i..j`: `décembre 2023`, `January 1, 2024`.
    fn month_date(&mut self, i: usize, j: usize) -> usize {
        if self.near(j) && self.is_year_token(j) {
            let v = self.digits_value(j).unwrap_or(0);
            self.noise(i, j + 1, Kind::Date, dec(v));
            return j + 1;
        }
        if self.near(j)
            && self.digits_value(j).is_some_and(|d| (1..=31).contains(&d))
            && !self.glued_continues(j + 1)
        {
            let mut k = j + 1;
            if self.is_punct(k, ",") {
                k += 1;
            }
            if self.near(k) && self.is_year_token(k) {
                let v = self.digits_value(k).unwrap_or(0);
                self.noise(j, k + 1, Kind::Date, dec(v));
                return k + 1;
            }
            let v = self.digits_value(j).unwrap_or(0);
            self.noise(j, j + 1, Kind::Date, dec(v));
            return j + 1;
        }
        j
    }

    // ------------------------------------------------------------ digits

    fn at_digits(&mut self, i: usize) -> usize {
        let t = self.toks[i];
        let v = self.digits_value(i).unwrap_or(0);
        // Glued to a word before: `A380`, `G20`, `COVID19`.
        if t.gap == Gap::None && i > 0 {
            let p = self.toks[i - 1];
            if p.kind == TokKind::Word {
                let end = self.identifier_end(i);
                self.noise(i - 1, end, Kind::Identifier, dec(v));
                return end;
            }
            if p.kind == TokKind::Punct && i >= 2 {
                let pp = self.toks[i - 2];
                let glued_before = p.gap == Gap::None && pp.kind != TokKind::Punct;
                // `mots.12 ` or `annoncés"2`: a footnote marker glued after punctuation.
                if glued_before
                    && pp.kind == TokKind::Word
                    && self.is_punct(i - 1, ".,;\"”»)")
                    && t.len() <= 3
                    && !self.glued_continues(i + 1)
                    && !self.is_punct(i + 1, ".,")
                {
                    self.noise(i, i + 1, Kind::FootnoteMarker, dec(v));
                    return i + 1;
                }
                // `MAZ-6430`, `-618320-2024/`, `2+2`
                if glued_before && self.is_punct(i - 1, "-_/+#:.–") {
                    let end = self.identifier_end(i);
                    self.noise(i, end, Kind::Identifier, dec(v));
                    return end;
                }
            }
        }
        // `p. 12`, `C. 51`, `n° 3`, `ISO 9001`
        if t.gap <= Gap::Spaces {
            for n in 1..=4usize.min(i) {
                match self.phrase(i - n) {
                    Some((Term::CitationPrefix, used)) if used == n => {
                        let end = self.range_end(i).unwrap_or(i + 1);
                        self.noise(i, end, Kind::Citation, dec(v));
                        return end;
                    }
                    Some((Term::IdentifierPrefix, used)) if used == n => {
                        let end = self.identifier_end(i);
                        self.noise(i, end, Kind::Identifier, dec(v));
                        return end;
                    }
                    _ => {}
                }
            }
        }
        // Numeric dates: `15.03.2023`, `15/03/2023`, `2023-03-15`.
        if let Some(end) = self.numeric_date(i) {
            self.noise(i, end, Kind::Date, dec(v));
            return end;
        }
        // List numbering: `1)` at the start of a paragraph or sentence, or after `;`.
        if t.len() <= 2 && self.is_punct(i + 1, ")") && self.glued(i + 1) {
            let at_start = t.gap == Gap::Break
                || (i > 0 && self.is_punct(i - 1, ";:.!?"))
                || (i > 0 && self.toks[i - 1].gap == Gap::Break && self.is_punct(i - 1, "("));
            if at_start {
                self.noise(i, i + 2, Kind::ListNumber, dec(v));
                return i + 2;
            }
        }
        if t.gap == Gap::Break && t.len() <= 2 && self.is_punct(i + 1, ".") && self.glued(i + 1) {
            let next_upper = self.tok(i + 2).is_some_and(|n| {
                n.gap != Gap::None && self.s(i + 2).starts_with(char::is_uppercase)
            });
            if next_upper {
                self.noise(i, i + 2, Kind::ListNumber, dec(v));
                return i + 2;
            }
        }
        self.number_at(i, i, None)
    }

    /// `15.03.2023`, `15/03/2023`, `2023-03-15`: end of the date starting at `i`.
    fn numeric_date(&self, i: usize) -> Option<usize> {
        let lens: Vec<usize> = (0..5)
            .map(|k| {
                let t = self.tok(i + k);
                match t {
                    Some(t) if k == 0 || t.gap == Gap::None => t.len(),
                    _ => 0,
                }
            })
            .collect();
        let sep_ok = |k: usize, seps: &str| self.is_punct(i + k, seps) && self.glued(i + k);
        let dig = |k: usize| self.is_kind(i + k, TokKind::Digits) && (k == 0 || self.glued(i + k));
        if dig(0) && dig(2) && dig(4) && !self.glued_continues(i + 5) {
            let day_first = lens[0] <= 2 && lens[2] <= 2 && (lens[4] == 4 || lens[4] == 2);
            let iso = lens[0] == 4 && lens[2] == 2 && lens[4] == 2;
            let same_sep = self.tok(i + 1).map(|t| &self.text[t.range()])
                == self.tok(i + 3).map(|t| &self.text[t.range()]);
            if same_sep
                && ((day_first && sep_ok(1, "./") && sep_ok(3, "./"))
                    || (iso && sep_ok(1, "-") && sep_ok(3, "-")))
            {
                return Some(i + 5);
            }
        }
        None
    }

    /// End of a range `a-b` starting at digits `i` (hyphen or dash glued on both sides).
    fn range_end(&self, i: usize) -> Option<usize> {
        let lit = parse_literal(self.text, &self.toks, i, self.lang)?;
        let j = lit.end;
        if self.is_punct(j, "-–—")
            && self.glued(j)
            && self.is_kind(j + 1, TokKind::Digits)
            && self.glued(j + 1)
        {
            let second = parse_literal(self.text, &self.toks, j + 1, self.lang)?;
            return Some(second.end);
        }
        None
    }

    /// A number whose first digits are token `i`; `start` is where the mention starts
    /// (a minus sign or a currency before it), `prefix_unit` a currency read there.
    fn number_at(&mut self, i: usize, start: usize, prefix_unit: Option<usize>) -> usize {
        let Some(lit) = parse_literal(self.text, &self.toks, i, self.lang) else {
            let end = self.identifier_end(i);
            let v = self.digits_value(i).unwrap_or(0);
            self.noise(i, end, Kind::Identifier, dec(v));
            return end;
        };
        let negative = start < i && self.is_punct(start, "-−");
        let value = if negative { -lit.value } else { lit.value };
        let j = lit.end;
        // Ranges: `2019-2021`, `10–15`.
        if self.is_punct(j, "-–—")
            && self.glued(j)
            && self.is_kind(j + 1, TokKind::Digits)
            && self.glued(j + 1)
        {
            if let Some(second) = parse_literal(self.text, &self.toks, j + 1, self.lang) {
                if !self.glued_continues(second.end) && !self.is_punct(second.end, "-–/") {
                    self.noise(start, second.end, Kind::Range, value);
                    return second.end;
                }
            }
            let end = self.identifier_end(i);
            self.noise(start, end, Kind::Identifier, value);
            return end;
        }
        // Other glued continuations: `2+2`, `24/7`, `1.2.3`, `3D`, `105e`, `5km`.
        if self.is_punct(j, "+/.#_") && self.glued(j) && self.glued_continues(j + 1) {
            let end = self.identifier_end(i);
            self.noise(start, end, Kind::Identifier, value);
            return end;
        }
        if self.is_kind(j, TokKind::Word) && self.glued(j) {
            let suffix_is_quantity = matches!(
                self.phrase(j),
                Some((
                    Term::Scale(_) | Term::Unit(_) | Term::Percent | Term::Point,
                    _
                ))
            ) || (self.lang == Lang::En && self.s(j) == "x");
            if !suffix_is_quantity {
                if lit.decimals == 0
                    && !lit.grouped
                    && self.word_in(j, |l| &l.ordinal_suffixes)
                    && !self.glued_continues(j + 1)
                {
                    // `1er janvier 2024` is a date; `105e` an ordinal.
                    if let Some((Term::Month, used)) = self.phrase(j + 1) {
                        let m = j + 1 + used;
                        if self.near(m) && self.is_year_token(m) {
                            self.noise(start, m + 1, Kind::Date, value);
                            return m + 1;
                        }
                        self.noise(start, m, Kind::Date, value);
                        return m;
                    }
                    self.noise(start, j + 1, Kind::Ordinal, value);
                    return j + 1;
                }
                let end = self.identifier_end(i);
                self.noise(start, end, Kind::Identifier, value);
                return end;
            }
            if self.s(j) == "x" {
                let q = self.qualifier_before(start);
                let step = Decimal::new(1, lit.decimals);
                self.push(
                    start,
                    j + 1,
                    Kind::Multiplier,
                    value,
                    Some("x".into()),
                    Decimal::ONE,
                    step / dec(2),
                    q,
                );
                return j + 1;
            }
        }
        // `15 mars 2023`, `1 January 2024`.
        if lit.decimals == 0
            && !lit.grouped
            && (1..=31).contains(&self.digits_value(i).unwrap_or(0))
            && self.near(j)
        {
            if let Some((Term::Month, used)) = self.phrase(j) {
                let m = j + used;
                let end = if self.near(m) && self.is_year_token(m) {
                    m + 1
                } else {
                    m
                };
                self.noise(start, end, Kind::Date, value);
                return end;
            }
        }
        self.suffixes(Core {
            start,
            number_start: i,
            end: j,
            value,
            step: Decimal::new(1, lit.decimals),
            integer: lit.decimals == 0,
            spelled: false,
            ambiguous: false,
            approximate: false,
            prefix_unit,
            grouped: lit.grouped,
        })
    }

    // ------------------------------------------------------------ suffixes

    /// Read scale, half, percent, multiplier, unit or noun after a core, then classify.
    fn suffixes(&mut self, c: Core) -> usize {
        let mut j = c.end;
        let mut scale = Decimal::ONE;
        let mut value = c.value;
        let mut step = c.step;
        let mut integer = c.integer;
        let mut kind: Option<Kind> = None;
        let mut unit: Option<String> = None;
        let mut counted_unit = false;
        let mut bridgeable = c.approximate;
        // Scale words (possibly two: `mille milliards` is one term).
        if self.near(j) {
            if let Some((Term::Scale(f), used)) = self.phrase(j) {
                scale = f;
                j += used;
                bridgeable = true;
            }
        }
        // `deux millions et demi`
        if self.near(j) {
            if let Some((Term::Half, used)) = self.phrase(j) {
                value += step / dec(2);
                step /= dec(2);
                integer = false;
                j += used;
            }
        }
        if let Some(u) = c.prefix_unit {
            let unit_def = &self.units.units[u];
            kind = Some(Kind::Amount);
            unit = Some(unit_def.code.clone());
        } else if self.near(j) {
            match self.phrase(j) {
                Some((Term::Percent, used)) => {
                    kind = Some(Kind::Percent);
                    unit = Some("%".into());
                    j += used;
                }
                Some((Term::Point, used)) => {
                    kind = Some(Kind::PercentagePoint);
                    unit = Some("pp".into());
                    j += used;
                }
                Some((Term::MultiplierAfter, used)) => {
                    kind = Some(Kind::Multiplier);
                    unit = Some("x".into());
                    j += used;
                    if self.near(j) {
                        if let Some((Term::Half, used)) = self.phrase(j) {
                            value += step / dec(2);
                            step /= dec(2);
                            integer = false;
                            j += used;
                        }
                    }
                }
                _ => {}
            }
        }
        // `-fold` glued
        if kind.is_none() && self.is_punct(j, "-") && self.glued(j) {
            if let Some((Term::MultiplierAfter, used)) = self.phrase(j) {
                kind = Some(Kind::Multiplier);
                unit = Some("x".into());
                j += used;
            }
        }
        // Calendar parts: `neuf premiers mois`, `les trois derniers trimestres`.
        if kind.is_none() && self.near(j) {
            if let Some((Term::Rank, used)) = self.phrase(j) {
                let p = j + used;
                let is_period = match self.phrase(p) {
                    Some((Term::Period, _)) => true,
                    Some((Term::Unit(u), _)) => matches!(
                        self.units.units[u].code.as_str(),
                        "months" | "years" | "days"
                    ),
                    _ => false,
                };
                if is_period && self.near(p) {
                    let used_p = self.phrase(p).map_or(1, |(_, n)| n);
                    let v = c.value;
                    self.noise(c.number_start, p + used_p, Kind::Date, v);
                    return p + used_p;
                }
            }
        }
        // Unit or counted noun.
        if kind.is_none() && self.near(j) {
            if let Some((end, u, known)) = self.unit_or_noun(j, bridgeable, c) {
                match u {
                    NounUnit::Known(id) => {
                        let def = &self.units.units[id];
                        kind = Some(match def.kind {
                            UnitKind::Count => Kind::Count,
                            _ => Kind::Amount,
                        });
                        unit = Some(def.code.clone());
                        counted_unit = def.kind == UnitKind::Count;
                    }
                    NounUnit::Noun(n) => {
                        kind = Some(Kind::Count);
                        unit = Some(n);
                        counted_unit = true;
                    }
                }
                let _ = known;
                j = end;
            }
        }
        let before = self.before_number(c.number_start.min(c.start));
        // Noise: years.
        let plain_four = !c.spelled
            && !c.grouped
            && c.integer
            && c.value.scale() == 0
            && self.toks[c.number_start].len() == 4
            && c.prefix_unit.is_none()
            && c.start == c.number_start
            && scale == Decimal::ONE;
        if plain_four {
            let y = c.value.mantissa();
            let unknown_noun = matches!(kind, Some(Kind::Count)) && !self.known_count(&unit);
            if YEARS.contains(&(y as i64)) && (kind.is_none() || unknown_noun) && !before.multiplier
            {
                self.noise(c.start, c.end, Kind::Year, c.value);
                return c.end;
            }
        }
        if before.multiplier && matches!(kind, None | Some(Kind::Multiplier)) {
            kind = Some(Kind::Multiplier);
            unit = Some("x".into());
        }
        let kind = match kind {
            Some(k) => k,
            None => {
                if c.spelled && scale == Decimal::ONE && !c.approximate {
                    // A spelled-out number with nothing to count is too weak a figure.
                    return c.end;
                }
                Kind::Number
            }
        };
        if c.ambiguous && !counted_unit && kind != Kind::Amount {
            return c.end;
        }
        let Some(value) = value.checked_mul(scale) else {
            return j;
        };
        let mut qualifier = before.qualifier;
        let precision = if c.approximate {
            if qualifier == Qualifier::None {
                qualifier = Qualifier::About;
            }
            Decimal::ZERO
        } else if integer && scale == Decimal::ONE && matches!(kind, Kind::Count | Kind::Number) {
            Decimal::ZERO
        } else {
            (step / dec(2)).checked_mul(scale).unwrap_or(Decimal::ZERO)
        };
        self.push(
            c.start,
            j,
            kind,
            value.normalize(),
            unit,
            scale,
            precision.normalize(),
            qualifier,
        );
        j
    }

    fn known_count(&self, unit: &Option<String>) -> bool {
        unit.as_deref().is_some_and(|u| {
            self.units
                .units
                .iter()
                .any(|d| d.code == u && d.kind == UnitKind::Count)
        })
    }

    /// The unit or noun a number counts, from token `j`: `dollars`, `de dollars` after a
    /// scale, `nouvelles entreprises`, or an unknown lowercase noun.
    fn unit_or_noun(
        &mut self,
        mut j: usize,
        bridgeable: bool,
        c: Core,
    ) -> Option<(usize, NounUnit, bool)> {
        if bridgeable && self.word_in(j, |l| &l.bridges) {
            let mut k = j + 1;
            if self.is_punct(k, "'’") && self.glued(k) {
                k += 1;
            }
            if self.near(k) || self.glued(k) {
                j = k;
            }
        }
        // Up to two adjectives between number and noun.
        let mut k = j;
        for _ in 0..3 {
            if let Some((Term::Unit(u), used)) = self.phrase(k) {
                return Some((k + used, NounUnit::Known(u), true));
            }
            if self.word_in(k, |l| &l.adjectives) && self.near(k + 1) {
                k += 1;
                continue;
            }
            break;
        }
        // An unknown noun: a lowercase word that is no function word.
        let t = self.tok(k)?;
        if t.kind != TokKind::Word || !(k == j || self.near(k)) {
            return None;
        }
        let s = self.s(k);
        if !s.starts_with(|ch: char| ch.is_lowercase()) || s.chars().count() < 3 {
            return None;
        }
        if self.glued_continues(k + 1) || self.is_punct(k + 1, "'’") {
            return None;
        }
        let lex = self.lex;
        let w = self.lower(k).to_string();
        if lex.stop_words.contains(&w)
            || lex.number_words.contains_key(&w)
            || lex.adjectives.contains(&w)
        {
            return None;
        }
        if self.phrase(k).is_some() {
            return None;
        }
        let _ = c;
        Some((k + 1, NounUnit::Noun(singular(&w)), false))
    }

    // ------------------------------------------------------------ backwards

    /// Qualifier and `multiplié par` written just before token `i`.
    fn before_number(&mut self, i: usize) -> Before {
        let words = self.words_before(i);
        let mut out = Before {
            qualifier: Qualifier::None,
            multiplier: false,
        };
        let mut key = String::new();
        let mut found_q = false;
        for skip in 0..=3usize.min(words.len()) {
            if skip > 0 && !self.lex.fillers.contains(&words[skip - 1]) {
                break;
            }
            for n in (1..=4usize.min(words.len() - skip)).rev() {
                key.clear();
                for (m, w) in words[skip..skip + n].iter().rev().enumerate() {
                    if m > 0 {
                        key.push(' ');
                    }
                    key.push_str(w);
                }
                match self.lex.phrase(&key) {
                    Some(Term::Qualifier(q)) if !found_q => {
                        out.qualifier = q;
                        found_q = true;
                    }
                    Some(Term::MultiplierBefore) => out.multiplier = true,
                    _ => {}
                }
            }
            if found_q {
                break;
            }
        }
        out
    }

    fn qualifier_before(&mut self, i: usize) -> Qualifier {
        self.before_number(i).qualifier
    }

    /// Up to six normalised words before token `i`, nearest first, stopping at sentence
    /// punctuation and paragraph breaks.
    fn words_before(&mut self, i: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::with_capacity(6);
        let mut j = i;
        let mut elided = false;
        while j > 0 && out.len() < 6 {
            if self.toks[j].gap == Gap::Break {
                break;
            }
            j -= 1;
            let t = self.toks[j];
            match t.kind {
                TokKind::Word => {
                    let mut w = self.lower(j).to_string();
                    if elided && !w.ends_with('e') {
                        w.push('e');
                    }
                    elided = false;
                    out.push(w);
                }
                TokKind::Punct if matches!(self.s(j), "'" | "’" | "ʼ") => elided = true,
                TokKind::Punct if matches!(self.s(j), "~" | "≈" | "-") => {
                    out.push(self.s(j).to_string());
                }
                _ => break,
            }
        }
        out
    }
}

enum NounUnit {
    Known(usize),
    Noun(String),
}

struct Before {
    qualifier: Qualifier,
    multiplier: bool,
}

/// A simple singular for an unknown counted noun: `gants` → `gant`.
fn singular(w: &str) -> String {
    let n = w.chars().count();
    if n > 3 && (w.ends_with('s') && !w.ends_with("ss") || w.ends_with('x')) {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}
