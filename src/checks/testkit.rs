//! Hand-built claims for rule tests: a document, and claims placed on substrings of it with
//! the context a reader would attach (metric, subject, partner, period, role).

use rust_decimal::Decimal;

use crate::claim::{Claim, Direction, Period, Role, Ymd};
use crate::config::Config;
use crate::document::{Document, Format};
use crate::finding::Finding;
use crate::lang::Lang;
use crate::quantity::{Kind, Qualifier, Quantity};

pub struct Kit {
    pub docs: Vec<Document>,
    pub claims: Vec<Claim>,
    pub config: Config,
    lang: Lang,
}

impl Kit {
    pub fn fr(text: &str) -> Kit {
        Kit::new(text, Lang::Fr)
    }

    pub fn en(text: &str) -> Kit {
        Kit::new(text, Lang::En)
    }

    fn new(text: &str, lang: Lang) -> Kit {
        Kit {
            docs: vec![Document::new(
                "draft.md",
                text.to_string(),
                Format::Text,
                Some(lang),
            )],
            claims: Vec::new(),
            config: Config::default(),
            lang,
        }
    }

    /// Add a second document; later claims go to the last document.
    pub fn add_doc(&mut self, name: &str, text: &str) {
        self.docs.push(Document::new(
            name,
            text.to_string(),
            Format::Text,
            Some(self.lang),
        ));
    }

    /// Original byte span of the first occurrence of `surface` in the last document.
    pub fn span_of(&self, surface: &str) -> std::ops::Range<usize> {
        let d = self.docs.last().unwrap();
        let s = d.text.find(surface).expect("surface in text");
        s..s + surface.len()
    }

    fn place(&mut self, surface: &str, nth: usize, kind: Kind) -> &mut Claim {
        let doc = self.docs.len() - 1;
        let d = &self.docs[doc];
        let start = d
            .clean
            .text
            .match_indices(surface)
            .nth(nth)
            .unwrap_or_else(|| panic!("`{surface}` #{nth} not in text"))
            .0;
        let clean = start..start + surface.len();
        let span = d.clean.to_original(clean.clone());
        let digits: String = surface
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
            .collect();
        let (value, decimals) = parse_number(&digits, self.lang);
        let (unit, scale) = match kind {
            Kind::Amount => (Some("USD".to_string()), Decimal::from(1_000_000)),
            Kind::Percent => (Some("%".to_string()), Decimal::ONE),
            _ => (None, Decimal::ONE),
        };
        // Whole counts are exact; amounts and percentages are rounded to their last digit.
        let precision = if kind == Kind::Count && decimals == 0 {
            Decimal::ZERO
        } else {
            half_step(decimals) * scale
        };
        let q = Quantity::new(
            clean.clone(),
            span,
            kind,
            value * scale,
            unit,
            scale,
            precision,
            Qualifier::None,
        );
        let text = &d.clean.text;
        let sentence = sentence_of(text, clean.start);
        let paragraph = d.clean.paragraph_of(clean.start);
        self.claims.push(Claim {
            doc,
            quantity: q,
            metric: None,
            subject: None,
            partner: None,
            period: None,
            role: match kind {
                Kind::Percent => Role::Change,
                Kind::Multiplier => Role::Multiplier,
                _ => Role::Value,
            },
            direction: None,
            whole: None,
            base_period: None,
            confidence: 0.9,
            subject_confidence: 0.9,
            period_confidence: 1.0,
            counted: None,
            members: None,
            restates: None,
            sentence,
            paragraph,
        });
        self.claims.last_mut().unwrap()
    }

    /// An amount in millions of USD (`.scale()` and `.unit()` change it).
    pub fn amount(&mut self, surface: &str, metric: &str) -> &mut Claim {
        self.nth_amount(surface, 0, metric)
    }

    pub fn nth_amount(&mut self, surface: &str, nth: usize, metric: &str) -> &mut Claim {
        self.place(surface, nth, Kind::Amount).metric(metric)
    }

    pub fn count(&mut self, surface: &str, metric: &str) -> &mut Claim {
        self.place(surface, 0, Kind::Count).metric(metric)
    }

    pub fn nth_count(&mut self, surface: &str, nth: usize, metric: &str) -> &mut Claim {
        self.place(surface, nth, Kind::Count).metric(metric)
    }

    /// A count with no context at all (what the reader gives when unsure).
    pub fn bare_count(&mut self, surface: &str, nth: usize) -> &mut Claim {
        self.place(surface, nth, Kind::Count).confidence(0.2)
    }

    /// A count written as a word (`Sept`): give its value.
    pub fn word_count(&mut self, surface: &str, nth: usize, value: i64) -> &mut Claim {
        let c = self.place(surface, nth, Kind::Count);
        c.quantity = Quantity::new(
            c.quantity.clean.clone(),
            c.quantity.span.clone(),
            Kind::Count,
            Decimal::from(value),
            None,
            Decimal::ONE,
            Decimal::ZERO,
            Qualifier::None,
        );
        c.confidence(0.2)
    }

    /// A percentage, read as a change by default (`.role()` changes it).
    pub fn percent(&mut self, surface: &str, metric: &str) -> &mut Claim {
        self.place(surface, 0, Kind::Percent).metric(metric)
    }

    pub fn multiplier(&mut self, surface: &str, value: &str, metric: &str) -> &mut Claim {
        let c = self.place(surface, 0, Kind::Multiplier);
        let v: Decimal = value.parse().unwrap();
        let decimals = value.split('.').nth(1).map_or(0, |s| s.len() as u32);
        c.quantity = Quantity::new(
            c.quantity.clean.clone(),
            c.quantity.span.clone(),
            Kind::Multiplier,
            v,
            None,
            Decimal::ONE,
            half_step(decimals),
            Qualifier::None,
        );
        c.metric(metric)
    }

    pub fn check(&self) -> Vec<Finding> {
        crate::checks::check(&self.docs, &self.claims, &self.config)
    }
}

fn half_step(decimals: u32) -> Decimal {
    Decimal::new(5, decimals + 1)
}

fn parse_number(s: &str, lang: Lang) -> (Decimal, u32) {
    let (int, frac) = match lang {
        Lang::Fr => {
            let t = s.replace('.', "");
            match t.split_once(',') {
                Some((a, b)) => (a.to_string(), b.to_string()),
                None => (t, String::new()),
            }
        }
        Lang::En => {
            let t = s.replace(',', "");
            match t.split_once('.') {
                Some((a, b)) => (a.to_string(), b.to_string()),
                None => (t, String::new()),
            }
        }
    };
    let text = if frac.is_empty() {
        int
    } else {
        format!("{int}.{frac}")
    };
    (text.parse().unwrap_or_default(), frac.len() as u32)
}

/// The sentence the context reader finds around `at` (the same segmentation as the pipeline).
fn sentence_of(text: &str, at: usize) -> std::ops::Range<usize> {
    let seg = crate::context::segment::Segments::new(text);
    seg.sentence_of(at)
        .map_or(0..text.len(), |i| seg.sentences[i].clone())
}

/// Chainable context setters for hand-built claims.
pub trait ClaimExt {
    fn metric(&mut self, m: &str) -> &mut Self;
    fn subject(&mut self, s: &str) -> &mut Self;
    fn partner(&mut self, s: &str) -> &mut Self;
    fn year(&mut self, y: i32) -> &mut Self;
    fn months(&mut self, y: i32, from: u8, to: u8) -> &mut Self;
    fn instant(&mut self, y: i32, m: u8, d: u8) -> &mut Self;
    fn base_year(&mut self, y: i32) -> &mut Self;
    fn role(&mut self, r: Role) -> &mut Self;
    fn down(&mut self) -> &mut Self;
    fn whole(&mut self, m: &str) -> &mut Self;
    fn confidence(&mut self, c: f32) -> &mut Self;
    fn unit(&mut self, u: &str) -> &mut Self;
    fn scale(&mut self, s: i64) -> &mut Self;
    fn qualifier(&mut self, q: Qualifier) -> &mut Self;
    fn more_than(&mut self) -> &mut Self;
    fn nearly(&mut self) -> &mut Self;
    fn about(&mut self) -> &mut Self;
}

fn rebuild(c: &mut Claim, value: Decimal, scale: Decimal, precision: Decimal, q: Qualifier) {
    let old = &c.quantity;
    c.quantity = Quantity::new(
        old.clean.clone(),
        old.span.clone(),
        old.kind,
        value,
        old.unit.clone(),
        scale,
        precision,
        q,
    );
}

impl ClaimExt for Claim {
    fn metric(&mut self, m: &str) -> &mut Self {
        self.metric = Some(m.into());
        self
    }
    fn subject(&mut self, s: &str) -> &mut Self {
        self.subject = Some(s.into());
        self
    }
    fn partner(&mut self, s: &str) -> &mut Self {
        self.partner = Some(s.into());
        self
    }
    fn year(&mut self, y: i32) -> &mut Self {
        self.period = Some(Period::year(y));
        self
    }
    fn months(&mut self, y: i32, from: u8, to: u8) -> &mut Self {
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let last = if to == 2 && y % 4 != 0 {
            28
        } else {
            days[to as usize - 1]
        };
        self.period = Some(Period {
            from: Ymd {
                year: y,
                month: from,
                day: 1,
            },
            to: Ymd {
                year: y,
                month: to,
                day: last,
            },
            instant: false,
        });
        self
    }
    fn instant(&mut self, y: i32, m: u8, d: u8) -> &mut Self {
        let at = Ymd {
            year: y,
            month: m,
            day: d,
        };
        self.period = Some(Period {
            from: at,
            to: at,
            instant: true,
        });
        self
    }
    fn base_year(&mut self, y: i32) -> &mut Self {
        self.base_period = Some(Period::year(y));
        self
    }
    fn role(&mut self, r: Role) -> &mut Self {
        self.role = r;
        self
    }
    fn down(&mut self) -> &mut Self {
        self.direction = Some(Direction::Down);
        self
    }
    fn whole(&mut self, m: &str) -> &mut Self {
        self.whole = Some(m.into());
        self.role = Role::Share;
        self
    }
    fn confidence(&mut self, c: f32) -> &mut Self {
        self.confidence = c;
        self
    }
    fn unit(&mut self, u: &str) -> &mut Self {
        self.quantity.unit = Some(u.into());
        self
    }
    fn scale(&mut self, s: i64) -> &mut Self {
        let q = &self.quantity;
        let old = if q.scale.is_zero() {
            Decimal::ONE
        } else {
            q.scale
        };
        let k = Decimal::from(s) / old;
        let (v, p, qual) = (q.value * k, q.precision * k, q.qualifier);
        rebuild(self, v, Decimal::from(s), p, qual);
        self
    }
    fn qualifier(&mut self, qual: Qualifier) -> &mut Self {
        let q = &self.quantity;
        let (v, s, p) = (q.value, q.scale, q.precision);
        rebuild(self, v, s, p, qual);
        self
    }
    fn more_than(&mut self) -> &mut Self {
        self.qualifier(Qualifier::MoreThan)
    }
    fn nearly(&mut self) -> &mut Self {
        self.qualifier(Qualifier::Nearly)
    }
    fn about(&mut self) -> &mut Self {
        self.qualifier(Qualifier::About)
    }
}
