//! A claim: a quantity plus the context a fact-checker reads around it.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::quantity::Quantity;

/// A calendar date with optional month and day (0 = not stated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Ymd {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// The time a figure speaks of: a span of calendar time (`2021`, `janvier-août 2023`,
/// `H1 2022`) or an instant (`au 1er janvier 2024`: `from == to`, `instant`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Period {
    pub from: Ymd,
    pub to: Ymd,
    pub instant: bool,
}

impl Period {
    pub fn year(y: i32) -> Period {
        Period {
            from: Ymd {
                year: y,
                month: 1,
                day: 1,
            },
            to: Ymd {
                year: y,
                month: 12,
                day: 31,
            },
            instant: false,
        }
    }

    /// The calendar period just before, of the same length, when it is a year, half-year,
    /// quarter or month (what "par rapport à l'année précédente" refers to).
    /// Whether one of the two periods lies inside the other (June 2024 and 2024).
    pub fn nested(&self, other: &Period) -> bool {
        (self.from >= other.from && self.to <= other.to)
            || (other.from >= self.from && other.to <= self.to)
    }

    pub fn previous(&self) -> Option<Period> {
        if self.instant {
            return None;
        }
        let months = (self.to.year - self.from.year) * 12 + self.to.month as i32
            - self.from.month as i32
            + 1;
        if self.from.day != 1 || months <= 0 {
            return None;
        }
        let shift = |d: Ymd, back: i32| -> Ymd {
            let total = d.year * 12 + d.month as i32 - 1 - back;
            Ymd {
                year: total.div_euclid(12),
                month: (total.rem_euclid(12) + 1) as u8,
                day: d.day,
            }
        };
        let from = shift(self.from, months);
        let to_m = shift(self.to, months);
        Some(Period {
            from,
            to: Ymd {
                day: days_in_month(to_m.year, to_m.month),
                ..to_m
            },
            instant: false,
        })
    }
}

/// Days in month `m` of year `y`.
pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b) = (self.from, self.to);
        if self.instant {
            return write!(f, "{:04}-{:02}-{:02}", a.year, a.month, a.day);
        }
        if a.year == b.year && a.month == 1 && b.month == 12 && a.day == 1 && b.day == 31 {
            return write!(f, "{}", a.year);
        }
        if a.year == b.year && a.day == 1 && b.day == days_in_month(b.year, b.month) {
            match (a.month, b.month) {
                (1, 6) => return write!(f, "{}-H1", a.year),
                (7, 12) => return write!(f, "{}-H2", a.year),
                (m, n) if m == n => return write!(f, "{:04}-{:02}", a.year, m),
                (m, n) if n == m + 2 && m % 3 == 1 => {
                    return write!(f, "{}-Q{}", a.year, m / 3 + 1)
                }
                _ => {}
            }
        }
        if a.day != 1 || b.day != days_in_month(b.year, b.month) {
            // "un mois et demi de l'année" ends mid-February: whole months would say more.
            return write!(
                f,
                "{:04}-{:02}-{:02}..{:04}-{:02}-{:02}",
                a.year, a.month, a.day, b.year, b.month, b.day
            );
        }
        write!(
            f,
            "{:04}-{:02}..{:04}-{:02}",
            a.year, a.month, b.year, b.month
        )
    }
}

/// What a figure does in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// A level: "s'est élevé à 301,9 millions".
    #[default]
    Value,
    /// A relative change: "a augmenté de 7,8 %", "+31 %", "grew by 8 %".
    Change,
    /// An index against a base: "108,9 % par rapport à 2020".
    Index,
    /// A growth factor: "multiplié par 2,5", "doubled".
    Multiplier,
    /// A part of a whole: "85,9 % des exportations".
    Share,
    /// A plan, target or forecast, not a fact: "prévoit", "objectif", "plans to".
    Target,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Value => "value",
            Role::Change => "change",
            Role::Index => "index",
            Role::Multiplier => "multiplier",
            Role::Share => "share",
            Role::Target => "target",
        }
    }
}

/// Which way a change goes, when the text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Up,
    Down,
}

/// A claim quantity in context.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    /// Index of the document in the run.
    #[serde(skip)]
    pub doc: usize,
    pub quantity: Quantity,
    /// Canonical metric code from `rules/metrics.toml` (`turnover`, `exports`, `jobs` …).
    pub metric: Option<String>,
    /// Canonical entity id (`BLR`, `UZB`, `fez:minsk` …).
    pub subject: Option<String>,
    /// The other side of a bilateral relation.
    pub partner: Option<String>,
    pub period: Option<Period>,
    pub role: Role,
    pub direction: Option<Direction>,
    /// For a share: the metric of the whole ("85,9 % des exportations" → `exports`).
    pub whole: Option<String>,
    /// For a change, index or multiplier: the period compared against, when stated
    /// ("par rapport à 2020"); rules fall back to [`Period::previous`].
    pub base_period: Option<Period>,
    /// How sure the context reading is, 0–1; rules only compare claims above a threshold.
    pub confidence: f32,
    /// How sure the subject and partner reading alone is (0.9 stated in the clause, 0.75
    /// carried from the sentence before, lower from further away): a subject guessed from
    /// far away must not keep two figures told in the same words apart.
    #[serde(skip)]
    pub subject_confidence: f32,
    /// How sure the period reading alone is (1.0 stated with the figure, 0.75 carried from
    /// the sentence before, 0.55 from further away).
    #[serde(skip)]
    pub period_confidence: f32,
    /// For a count, what it counts by family: the metric whose units list the count's unit
    /// (companies, organisations and residents of a zone are all `residents`). Two counts
    /// of one family are in one unit.
    #[serde(skip)]
    pub counted: Option<String>,
    /// For the size of a ranked group that names its members ("Singapour, avec la Chine,
    /// l'Inde et la Russie, est devenu l'un des trois plus grands acheteurs"): how many
    /// distinct names are given as its members, and where they stand in the cleaned text.
    #[serde(skip)]
    pub members: Option<(usize, Range<usize>)>,
    /// For a figure told again in a sentence that says so ("Plus précisément, le nombre de
    /// résidents a atteint 108"): where the figure it restates starts in the cleaned text
    /// (an earlier claim of the same document, measure and paragraph). The two are one
    /// fact whatever period each was read with.
    #[serde(skip)]
    pub restates: Option<usize>,
    /// Sentence range in the cleaned text.
    #[serde(skip)]
    pub sentence: Range<usize>,
    /// Paragraph index in the cleaned text.
    pub paragraph: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previous_periods() {
        assert_eq!(Period::year(2021).previous(), Some(Period::year(2020)));
        let h1 = Period {
            from: Ymd {
                year: 2022,
                month: 1,
                day: 1,
            },
            to: Ymd {
                year: 2022,
                month: 6,
                day: 30,
            },
            instant: false,
        };
        assert_eq!(h1.to_string(), "2022-H1");
        assert_eq!(h1.previous().unwrap().to_string(), "2021-H2");
    }
}
