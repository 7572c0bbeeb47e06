//! Numbers as a reader wrote them: in the figure's own scale (millions stay millions),
//! with as many decimals as the figures involved carry.

use rust_decimal::prelude::*;
use rust_decimal::Decimal;

use crate::claim::Claim;
use crate::interval::Interval;
use crate::quantity::Kind;

/// How to print the values of one relation: a common scale and number of decimals.
#[derive(Debug, Clone)]
pub struct NumFmt {
    pub scale: Decimal,
    pub decimals: u32,
    pub unit: String,
}

impl NumFmt {
    /// A format for figures compared together: the scale of the first, the finest
    /// precision of all.
    pub fn for_claims<'a>(claims: impl IntoIterator<Item = &'a Claim>) -> NumFmt {
        let mut it = claims.into_iter().peekable();
        let (scale, unit) = it.peek().map_or((Decimal::ONE, String::new()), |c| {
            (
                if c.quantity.scale.is_zero() {
                    Decimal::ONE
                } else {
                    c.quantity.scale
                },
                unit_text(c),
            )
        });
        let decimals = it.map(|c| decimals_of(c, scale)).max().unwrap_or(0);
        NumFmt {
            scale,
            decimals,
            unit,
        }
    }

    /// A value in this scale, without the unit.
    pub fn num(&self, v: Decimal) -> String {
        let x = v.checked_div(self.scale).unwrap_or(v);
        let r = x.round_dp_with_strategy(self.decimals, RoundingStrategy::MidpointAwayFromZero);
        let mut s = format!("{:.*}", self.decimals as usize, r);
        if s == "-0" || s.starts_with("-0.") && s[1..].chars().all(|c| matches!(c, '0' | '.')) {
            s.remove(0);
        }
        s
    }

    /// A value with scale word and unit: `301.9 million USD`.
    pub fn with_unit(&self, v: Decimal) -> String {
        let mut s = self.num(v);
        let word = scale_word(self.scale);
        if !word.is_empty() {
            s.push(' ');
            s.push_str(word);
        }
        if !self.unit.is_empty() {
            if self.unit != "%" {
                s.push(' ');
            }
            s.push_str(&self.unit);
        }
        s
    }

    /// A representative value of an interval, or its bound.
    pub fn interval(&self, iv: &Interval) -> String {
        match (iv.lo, iv.hi) {
            (Some(a), Some(b)) if self.num(a) == self.num(b) => self.num(a),
            (Some(a), Some(b)) => {
                let mid = (a + b) / Decimal::TWO;
                self.num(mid)
            }
            (Some(a), None) => format!("> {}", self.num(a)),
            (None, Some(b)) => format!("< {}", self.num(b)),
            (None, None) => "any value".into(),
        }
    }
}

/// Decimals needed to show a claim's stated precision in `scale`.
pub fn decimals_of(c: &Claim, scale: Decimal) -> u32 {
    let step = (c.quantity.precision * Decimal::TWO)
        .checked_div(scale)
        .unwrap_or_default()
        .normalize();
    if step.is_zero() || step >= Decimal::ONE {
        0
    } else {
        step.scale().min(4)
    }
}

pub fn scale_word(scale: Decimal) -> &'static str {
    match scale.to_i64() {
        Some(1_000) => "thousand",
        Some(1_000_000) => "million",
        Some(1_000_000_000) => "billion",
        Some(1_000_000_000_000) => "trillion",
        _ => "",
    }
}

fn unit_text(c: &Claim) -> String {
    match (c.quantity.kind, &c.quantity.unit) {
        (Kind::Percent, _) => "%".into(),
        (_, Some(u)) => u.clone(),
        _ => String::new(),
    }
}

/// A percentage with sign: `+8.7 %`.
pub fn signed_percent(v: Decimal, decimals: u32) -> String {
    let r = v.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    let s = format!("{:.*}", decimals as usize, r.abs());
    if r.is_sign_negative() && !r.is_zero() {
        format!("−{s} %")
    } else {
        format!("+{s} %")
    }
}

/// A plain decimal, trailing zeros dropped.
pub fn plain(v: Decimal, decimals: u32) -> String {
    crate::decimal_text::normalized(
        v.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn millions_stay_millions() {
        let f = NumFmt {
            scale: dec!(1000000),
            decimals: 1,
            unit: "USD".into(),
        };
        assert_eq!(f.num(dec!(188900000)), "188.9");
        assert_eq!(f.with_unit(dec!(301900000)), "301.9 million USD");
        assert_eq!(f.num(dec!(56449999)), "56.4");
    }

    #[test]
    fn signs() {
        assert_eq!(signed_percent(dec!(8.66), 1), "+8.7 %");
        assert_eq!(signed_percent(dec!(-3.04), 1), "−3.0 %");
        assert_eq!(plain(dec!(2.50), 2), "2.5");
    }
}
