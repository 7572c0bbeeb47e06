//! What a figure does in its sentence: a stated value, a change, an index, a multiplier, a
//! share of a whole, or a target (a plan or forecast, not a fact).

use std::sync::OnceLock;

use regex::Regex;
use rust_decimal::Decimal;

use super::lexicon::Cue;
use super::metric::MetricMention;
use super::segment::Segments;
use crate::claim::{Direction, Role};
use crate::quantity::{Kind, Quantity};

/// A role cue found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueMention {
    pub start: usize,
    pub end: usize,
    pub cue: Cue,
}

/// The role reading of one figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleReading {
    pub role: Role,
    pub direction: Option<Direction>,
    /// For a share: index of the metric of the whole.
    pub whole: Option<usize>,
}

/// How far before a figure a change verb still governs it ("a augmenté de près de 40 %").
const CHANGE_REACH: usize = 60;
/// For amounts, the change verb must be right before ("a augmenté de 50 millions").
const CHANGE_REACH_AMOUNT: usize = 16;

fn share_of_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:des|du|de\s+la|de\s+l['’]|de|of\s+the|of\s+all|of\s+total|of)\s")
            .expect("valid share regex")
    })
}

fn more_after_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?P<up>de\s+plus|more|higher)|^\s*(?P<down>de\s+moins|less|lower)")
            .expect("valid comparison regex")
    })
}

/// The direction a match of [`more_after_re`] or [`change_noun_after_re`] names.
fn up_or_down(c: &regex::Captures) -> Direction {
    if c.name("up").is_some() {
        Direction::Up
    } else {
        Direction::Down
    }
}

/// A noun of change right after a percentage: "a 21 % jump", "a 4 % decline".
fn change_noun_after_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:(?P<up>jump|rise|increase|gain|growth|surge|hike|climb|upturn)|(?P<down>drop|fall|decline|decrease|dip|slump|contraction|cut|reduction|downturn))(?-u:\b)")
            .expect("valid change noun regex")
    })
}

/// Whether the hyphen ending `before` joins a word or a number ("10-12 %", "COVID-19"):
/// then it is no minus sign.
fn after_word(before: &str) -> bool {
    let t = before.trim_end();
    t.strip_suffix('-')
        .and_then(|r| r.chars().next_back())
        .is_some_and(char::is_alphanumeric)
}

/// Read the role of a figure from the cues and metric terms of its sentence.
/// A factor below one written "N times X" / "N fois X", or one before a noun that is not a
/// comparison ("3 times EBITDA", not "3 times more", "3 times the 2020 level").
fn ratio_to_another_quantity(text: &str, q: &Quantity) -> bool {
    let surface = text.get(q.clean.clone()).unwrap_or("").to_lowercase();
    if !(surface.ends_with("times") || surface.ends_with("fois")) {
        return false;
    }
    let after = super::entity::ahead(text, q.clean.end, 40).trim_start();
    let next = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let acronym = next.len() >= 2 && next.chars().all(|c| c.is_ascii_uppercase());
    q.value < Decimal::ONE || acronym
}

/// The direction of a change stated as a fraction: a change verb right before it and
/// "de / d' / by" ("a augmenté d'un tiers", "cut by a quarter"), or "de plus / de moins /
/// more / less" right after it ("soit un tiers de plus").
fn fraction_change(
    text: &str,
    q: &Quantity,
    cues: &[CueMention],
    after: &str,
    in_clause: &dyn Fn(usize, usize) -> bool,
) -> Option<Direction> {
    if q.kind != Kind::Multiplier || q.unit.as_deref() != Some("fraction") {
        return None;
    }
    if let Some(c) = more_after_re().captures(after) {
        return Some(up_or_down(&c));
    }
    // "fell by a third": the verb's "by" is also the fraction's first word.
    let gap_ok = |c: &CueMention| {
        if c.end <= q.clean.start {
            q.clean.start - c.end <= CHANGE_REACH_AMOUNT
                && fraction_gap_re().is_match(&text[c.end..q.clean.start])
        } else {
            c.start < q.clean.start
                && text
                    .get(q.clean.start..c.end)
                    .is_some_and(|shared| shared.trim().eq_ignore_ascii_case("by"))
        }
    };
    cues.iter()
        // A comparison word ("fell to below 5 %") says nothing of the direction.
        .filter(|c| c.cue != Cue::Compare && c.start < q.clean.start && gap_ok(c))
        .filter(|c| in_clause(c.start, c.start.min(q.clean.start)))
        .max_by_key(|c| c.end)
        .and_then(|c| match c.cue {
            Cue::Change(d) => d,
            _ => None,
        })
}

/// What stands between a change verb and the fraction it is changed by.
fn fraction_gap_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:de|d['’]|by|of)?\s*(?:près\s+d['’]|plus\s+d['’]|presque|almost|nearly|about|more\s+than|over)?\s*$")
            .expect("valid fraction gap regex")
    })
}

pub fn role_of(
    text: &str,
    q: &Quantity,
    cues: &[CueMention],
    metrics: &[MetricMention],
    seg: &Segments,
) -> RoleReading {
    let in_clause = |s: usize, e: usize| {
        let (a, b) = if e <= q.clean.start {
            (e, q.clean.start)
        } else {
            (q.clean.end, s)
        };
        a >= b || !seg.break_between(a, b)
    };
    let mut reading = RoleReading {
        role: Role::Value,
        direction: None,
        whole: None,
    };
    let before = &text[..q.clean.start];
    // A window: the readers below are anchored at the figure and need no more.
    let after = super::entity::ahead(text, q.clean.end, 80);
    let is_percent = matches!(q.kind, Kind::Percent | Kind::PercentagePoint);

    if q.kind == Kind::Multiplier && ratio_to_another_quantity(text, q) {
        // "leverage of 0.9 times EBITDA", "1,5 fois le revenu moyen": a ratio between two
        // quantities, not a growth factor.
        reading.role = Role::Value;
    } else if let Some(direction) = fraction_change(text, q, cues, after, &in_clause) {
        // "réduites d'un tiers", "augmenté d'un quart", "un tiers de plus": a relative
        // change by that fraction (×2/3, ×5/4, ×4/3), not a factor of a third.
        reading.role = Role::Change;
        reading.direction = Some(direction);
    } else if q.kind == Kind::Multiplier {
        reading.role = Role::Multiplier;
        reading.direction = Some(if q.value >= Decimal::ONE {
            Direction::Up
        } else {
            Direction::Down
        });
    } else {
        // A change verb before the figure, in its clause.
        let reach = if is_percent {
            CHANGE_REACH
        } else {
            CHANGE_REACH_AMOUNT
        };
        let change = cues
            .iter()
            .filter(|c| matches!(c.cue, Cue::Change(_)))
            .filter(|c| c.end <= q.clean.start && q.clean.start - c.end <= reach)
            .filter(|c| in_clause(c.start, c.end))
            // "grew by 25 % from $80 million": the verb governs the first figure only.
            .filter(|c| !text[c.end..q.clean.start].contains(|ch: char| ch.is_ascii_digit()))
            // "fell to $0.3 billion", "est passé à 300 millions": the level reached; "rose
            // from $198.3 million": the level left.
            .filter(|c| {
                let gap = text[c.end..q.clean.start].trim_start().to_lowercase();
                !["to ", "à ", "jusqu'à", "jusqu’à", "up to ", "from "]
                    .iter()
                    .any(|w| gap.starts_with(w))
            })
            .max_by_key(|c| c.end);
        let sign = before.trim_end().chars().next_back();
        if let Some(c) = change {
            if let Cue::Change(d) = c.cue {
                reading.role = Role::Change;
                reading.direction = d;
            }
        } else if is_percent && matches!(sign, Some('+')) {
            reading.role = Role::Change;
            reading.direction = Some(Direction::Up);
        } else if is_percent
            && (matches!(sign, Some('−' | '–')) || (sign == Some('-') && !after_word(before)))
        {
            reading.role = Role::Change;
            reading.direction = Some(Direction::Down);
        } else if let Some(c) = change_noun_after_re()
            .captures(after)
            .filter(|_| is_percent)
        {
            // "a 21 % jump", "a 4 % decline in sales".
            reading.role = Role::Change;
            reading.direction = Some(up_or_down(&c));
        } else if let Some(c) = more_after_re().captures(after) {
            reading.role = Role::Change;
            reading.direction = Some(up_or_down(&c));
        }
        if is_percent && reading.role == Role::Value {
            // "108,9 % par rapport à 2020", "108.9 % of the previous year level".
            let index_cue = cues.iter().any(|c| {
                matches!(c.cue, Cue::Index | Cue::Base)
                    && c.start >= q.clean.end
                    && c.start - q.clean.end <= 12
            });
            if index_cue && q.value >= Decimal::from(50) {
                reading.role = Role::Index;
            }
        }
        if is_percent && reading.role == Role::Value {
            // "85,9 % des exportations": the whole is the metric right after.
            if let Some(m) = share_of_re().find(after) {
                let from = q.clean.end + m.end();
                reading.role = Role::Share;
                reading.whole = metrics
                    .iter()
                    .find(|mm| mm.start >= from && mm.start - from <= 30 && !mm.fallback)
                    .filter(|mm| !seg.break_between(from, mm.start))
                    .map(|mm| mm.metric);
            } else if cues
                .iter()
                .any(|c| c.cue == Cue::Share && in_clause(c.start, c.end) && c.end <= q.clean.start)
            {
                reading.role = Role::Share;
            }
        }
    }
    // A plan or forecast anywhere in the clause makes the figure a target, not a fact.
    if cues
        .iter()
        .any(|c| c.cue == Cue::Target && in_clause(c.start, c.end))
    {
        reading.role = Role::Target;
    }
    reading
}
