//! Closed-or-open intervals of exact decimals, and the arithmetic rules use on them.
//!
//! A stated figure stands for every value that would be written the same way:
//! `301,9` is any value in [301.85, 301.95]; `plus de 19` is (19, ∞). A relation between
//! figures is violated only when *no* choice of values inside their intervals satisfies it,
//! which is what the operations below compute. Arithmetic treats open bounds as closed
//! (the result can only be wider), so a rule never fires because of a bound's openness.
//! Arithmetic that would overflow `Decimal` yields an unbounded side: a wider interval,
//! never a false alarm.

use std::fmt;

use rust_decimal::Decimal;
use serde::ser::SerializeStruct;
use serde::Serialize;

use crate::quantity::{Kind, Qualifier};

/// Relative half-width of "environ / about" (10 %), documented in `numlint explain`.
pub const ABOUT_BAND: Decimal = Decimal::from_parts(10, 0, 0, false, 2);
/// How far below its value "près de / nearly" may go (10 %).
pub const NEARLY_BAND: Decimal = Decimal::from_parts(10, 0, 0, false, 2);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    /// Lower bound; `None` is −∞.
    pub lo: Option<Decimal>,
    /// Upper bound; `None` is +∞.
    pub hi: Option<Decimal>,
    pub lo_open: bool,
    pub hi_open: bool,
}

impl Interval {
    pub fn exact(v: Decimal) -> Interval {
        Interval::closed(v, v)
    }

    pub fn closed(lo: Decimal, hi: Decimal) -> Interval {
        Interval {
            lo: Some(lo),
            hi: Some(hi),
            lo_open: false,
            hi_open: false,
        }
    }

    pub fn unbounded() -> Interval {
        Interval {
            lo: None,
            hi: None,
            lo_open: true,
            hi_open: true,
        }
    }

    /// The interval a figure stands for, given its value, rounding half-step and qualifier.
    pub fn from_stated(v: Decimal, precision: Decimal, q: Qualifier, kind: Kind) -> Interval {
        let p = precision.abs();
        let non_negative = matches!(
            kind,
            Kind::Count | Kind::Amount | Kind::Multiplier | Kind::Number
        ) && v >= Decimal::ZERO;
        let floor = if non_negative {
            Some(Decimal::ZERO)
        } else {
            None
        };
        match q {
            Qualifier::None => Interval::closed(sub(v, p), add(v, p)),
            // A bound stated by a qualifier is the stated value itself: "plus de 19" is
            // (19, ∞) whatever 19's rounding, since the author vouches for the bound.
            Qualifier::MoreThan => Interval {
                lo: Some(v),
                hi: None,
                lo_open: true,
                hi_open: true,
            },
            Qualifier::AtLeast => Interval {
                lo: Some(v),
                hi: None,
                lo_open: false,
                hi_open: true,
            },
            Qualifier::LessThan => Interval {
                lo: floor,
                hi: Some(v),
                lo_open: floor.is_none(),
                hi_open: true,
            },
            Qualifier::AtMost => Interval {
                lo: floor,
                hi: Some(v),
                lo_open: floor.is_none(),
                hi_open: false,
            },
            Qualifier::Nearly => {
                let band = mul(v.abs(), NEARLY_BAND).max(p);
                Interval::closed(sub(v, band), add(v, p))
            }
            Qualifier::About => {
                let band = mul(v.abs(), ABOUT_BAND).max(p);
                Interval::closed(sub(v, band), add(v, band))
            }
        }
    }

    /// Whether `x` lies inside (respecting open bounds).
    pub fn contains(&self, x: Decimal) -> bool {
        let above = match self.lo {
            None => true,
            Some(lo) if self.lo_open => x > lo,
            Some(lo) => x >= lo,
        };
        let below = match self.hi {
            None => true,
            Some(hi) if self.hi_open => x < hi,
            Some(hi) => x <= hi,
        };
        above && below
    }

    /// Whether the two intervals share at least one value (bounds treated as closed).
    pub fn overlaps(&self, other: &Interval) -> bool {
        let lo_ok = match (self.lo, other.hi) {
            (Some(a), Some(b)) => a <= b,
            _ => true,
        };
        let hi_ok = match (self.hi, other.lo) {
            (Some(a), Some(b)) => a >= b,
            _ => true,
        };
        lo_ok && hi_ok
    }

    /// The value nearest to `x` inside the interval (used to say what would be consistent).
    pub fn clamp(&self, x: Decimal) -> Decimal {
        let mut y = x;
        if let Some(lo) = self.lo {
            y = y.max(lo);
        }
        if let Some(hi) = self.hi {
            y = y.min(hi);
        }
        y
    }

    /// A representative value: the midpoint when bounded, else the finite bound.
    pub fn midpoint(&self) -> Option<Decimal> {
        match (self.lo, self.hi) {
            (Some(a), Some(b)) => (a + b).checked_div(Decimal::TWO),
            (Some(a), None) => Some(a),
            (None, Some(b)) => Some(b),
            (None, None) => None,
        }
    }

    pub fn add(&self, o: &Interval) -> Interval {
        Interval::closed_opt(
            self.lo.zip(o.lo).and_then(|(a, b)| a.checked_add(b)),
            self.hi.zip(o.hi).and_then(|(a, b)| a.checked_add(b)),
        )
    }

    pub fn sub(&self, o: &Interval) -> Interval {
        Interval::closed_opt(
            self.lo.zip(o.hi).and_then(|(a, b)| a.checked_sub(b)),
            self.hi.zip(o.lo).and_then(|(a, b)| a.checked_sub(b)),
        )
    }

    pub fn neg(&self) -> Interval {
        Interval::closed_opt(self.hi.map(|h| -h), self.lo.map(|l| -l))
    }

    /// Product of two intervals. Unbounded factors give an unbounded side unless the
    /// other factor pins the sign (both non-negative is the common case in prose).
    pub fn mul(&self, o: &Interval) -> Interval {
        match (self.lo, self.hi, o.lo, o.hi) {
            (Some(a), Some(b), Some(c), Some(d)) => {
                let products = [
                    a.checked_mul(c),
                    a.checked_mul(d),
                    b.checked_mul(c),
                    b.checked_mul(d),
                ];
                if products.iter().any(Option::is_none) {
                    return Interval::unbounded();
                }
                let ps: Vec<Decimal> = products.iter().flatten().copied().collect();
                let lo = ps.iter().copied().min();
                let hi = ps.iter().copied().max();
                Interval::closed_opt(lo, hi)
            }
            (Some(a), _, Some(c), _) if a >= Decimal::ZERO && c >= Decimal::ZERO => {
                let hi = self.hi.zip(o.hi).and_then(|(b, d)| b.checked_mul(d));
                Interval::closed_opt(a.checked_mul(c), hi)
            }
            _ => Interval::unbounded(),
        }
    }

    /// Quotient; unbounded when the divisor interval touches zero.
    pub fn div(&self, o: &Interval) -> Interval {
        match (o.lo, o.hi) {
            (Some(c), Some(d)) if c > Decimal::ZERO || d < Decimal::ZERO => {
                let inv =
                    Interval::closed_opt(Decimal::ONE.checked_div(d), Decimal::ONE.checked_div(c));
                self.mul(&inv)
            }
            (Some(c), None) if c > Decimal::ZERO => {
                let inv = Interval::closed_opt(Some(Decimal::ZERO), Decimal::ONE.checked_div(c));
                self.mul(&inv)
            }
            _ => Interval::unbounded(),
        }
    }

    /// Multiply by an exact scalar.
    pub fn scale(&self, k: Decimal) -> Interval {
        self.mul(&Interval::exact(k))
    }

    fn closed_opt(lo: Option<Decimal>, hi: Option<Decimal>) -> Interval {
        Interval {
            lo,
            hi,
            lo_open: lo.is_none(),
            hi_open: hi.is_none(),
        }
    }
}

fn add(a: Decimal, b: Decimal) -> Decimal {
    a.checked_add(b).unwrap_or(Decimal::MAX)
}

fn sub(a: Decimal, b: Decimal) -> Decimal {
    a.checked_sub(b).unwrap_or(Decimal::MIN)
}

fn mul(a: Decimal, b: Decimal) -> Decimal {
    a.checked_mul(b).unwrap_or(Decimal::MAX)
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let open = if self.lo_open { '(' } else { '[' };
        let close = if self.hi_open { ')' } else { ']' };
        let lo = self
            .lo
            .map(crate::decimal_text::normalized)
            .unwrap_or_else(|| "-∞".into());
        let hi = self
            .hi
            .map(crate::decimal_text::normalized)
            .unwrap_or_else(|| "∞".into());
        write!(f, "{open}{lo}, {hi}{close}")
    }
}

impl Serialize for Interval {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Interval", 4)?;
        st.serialize_field("lo", &self.lo.map(|d| d.normalize().to_string()))?;
        st.serialize_field("hi", &self.hi.map(|d| d.normalize().to_string()))?;
        st.serialize_field("lo_open", &self.lo_open)?;
        st.serialize_field("hi_open", &self.hi_open)?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn stated_precision_gives_half_step_band() {
        let i = Interval::from_stated(dec!(301.9), dec!(0.05), Qualifier::None, Kind::Amount);
        assert_eq!(i.lo, Some(dec!(301.85)));
        assert_eq!(i.hi, Some(dec!(301.95)));
        assert!(i.contains(dec!(301.9)));
        assert!(!i.contains(dec!(302)));
    }

    #[test]
    fn more_than_is_open_below_and_unbounded_above() {
        let i = Interval::from_stated(dec!(19), dec!(0), Qualifier::MoreThan, Kind::Count);
        assert!(!i.contains(dec!(19)));
        assert!(i.contains(dec!(19.5)));
        assert!(i.contains(dec!(1000000)));
        assert_eq!(i.to_string(), "(19, ∞)");
    }

    #[test]
    fn a_qualified_bound_is_the_stated_value_whatever_its_rounding() {
        // "plus d'un million": above 1 000 000, not above 500 000 (half of "un million"'s step).
        let i = Interval::from_stated(dec!(1e6), dec!(5e5), Qualifier::MoreThan, Kind::Amount);
        assert_eq!((i.lo, i.hi), (Some(dec!(1e6)), None));
        assert!(!i.contains(dec!(999999)));
        let j = Interval::from_stated(dec!(12), dec!(0.5), Qualifier::AtMost, Kind::Count);
        assert_eq!((j.lo, j.hi), (Some(dec!(0)), Some(dec!(12))));
        assert!(j.contains(dec!(12)) && !j.contains(dec!(12.1)));
    }

    #[test]
    fn less_than_a_count_starts_at_zero() {
        let i = Interval::from_stated(dec!(50), dec!(0), Qualifier::LessThan, Kind::Count);
        assert_eq!(i.lo, Some(dec!(0)));
        assert!(!i.contains(dec!(50)));
        assert!(i.contains(dec!(49)));
    }

    #[test]
    fn nearly_lies_just_below() {
        let i = Interval::from_stated(dec!(40), dec!(0.5), Qualifier::Nearly, Kind::Percent);
        assert!(i.contains(dec!(38)));
        assert!(i.contains(dec!(40.4)));
        assert!(!i.contains(dec!(41)));
        assert!(!i.contains(dec!(35)));
    }

    #[test]
    fn sum_of_rounded_values_widens() {
        let e = Interval::from_stated(dec!(245.4), dec!(0.05), Qualifier::None, Kind::Amount);
        let m = Interval::from_stated(dec!(56.5), dec!(0.05), Qualifier::None, Kind::Amount);
        let t = e.add(&m);
        assert_eq!(t.lo, Some(dec!(301.8)));
        assert_eq!(t.hi, Some(dec!(302.0)));
        let stated = Interval::from_stated(dec!(301.9), dec!(0.05), Qualifier::None, Kind::Amount);
        assert!(t.overlaps(&stated));
    }

    #[test]
    fn difference_and_division() {
        let a = Interval::closed(dec!(10), dec!(12));
        let b = Interval::closed(dec!(2), dec!(4));
        assert_eq!(a.sub(&b), Interval::closed(dec!(6), dec!(10)));
        assert_eq!(a.div(&b), Interval::closed(dec!(2.5), dec!(6)));
        let zero = Interval::closed(dec!(-1), dec!(1));
        assert_eq!(a.div(&zero), Interval::unbounded());
    }

    #[test]
    fn unbounded_sides_propagate() {
        let a = Interval::from_stated(dec!(100), dec!(0), Qualifier::MoreThan, Kind::Amount);
        let b = Interval::exact(dec!(5));
        let s = a.add(&b);
        assert_eq!(s.lo, Some(dec!(105)));
        assert_eq!(s.hi, None);
        assert!(!s.overlaps(&Interval::exact(dec!(50))));
        assert!(s.overlaps(&Interval::exact(dec!(5000))));
    }
}
