//! Markdown tables as the rules and the context read them: header and body cells as byte
//! ranges of the original text, and what a header says (a period, a change, a share).
//!
//! Context gives a cell the period of its column's header when that header is a period
//! ("| Category | 2024 | 2025 | Change |": a figure of the first column is of 2024, whatever
//! the text around the table says); `checks/tables.rs` reads a table's total row and its
//! change column against the two period columns.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::claim::Period;
use crate::context::period;

/// One table: its header cells and body rows, each cell a byte range of the document.
pub struct Table {
    pub header: Vec<Range<usize>>,
    pub rows: Vec<Vec<Range<usize>>>,
}

/// The tables of a Markdown text, in order.
pub fn tables(text: &str) -> Vec<Table> {
    let mut out: Vec<Table> = Vec::new();
    if !text.contains('|') {
        return out;
    }
    let mut in_head = false;
    for (ev, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        match ev {
            Event::Start(Tag::Table(_)) => out.push(Table {
                header: Vec::new(),
                rows: Vec::new(),
            }),
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => {
                if let Some(t) = out.last_mut() {
                    t.rows.push(Vec::new());
                }
            }
            Event::Start(Tag::TableCell) => {
                if let Some(t) = out.last_mut() {
                    if in_head {
                        t.header.push(range);
                    } else if let Some(r) = t.rows.last_mut() {
                        r.push(range);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// A cell's text, folded for matching labels: lower case, emphasis and spaces trimmed.
pub fn folded(text: &str, cell: &Range<usize>) -> String {
    text[cell.clone()]
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '|'))
        .to_lowercase()
}

/// Words of a header that make its column a change between two periods (`*`: a stem,
/// "var*" is "var.", "variation"; other words stand whole: "change" is no "exchange").
const CHANGE_WORDS: &[&str] = &[
    "change*",
    "var*",
    "évol*",
    "evol*",
    "growth",
    "croissance",
    "progression",
    "δ",
    "yoy",
    "y/y",
    "y-o-y",
    "diff*",
    "écart*",
    "ecart*",
];

/// Words of a header that make its column no change between the table's two periods: a
/// share or contribution, an index, an average or compound rate, a change against a plan.
const NOT_A_CHANGE: &[&str] = &[
    "share*",
    "part",
    "parts",
    "% of",
    "% du",
    "% de",
    "% des",
    "% in",
    "weight*",
    "poids",
    "contrib*",
    "index*",
    "indice*",
    "base",
    "cagr",
    "tcam",
    "annual*",
    "annuel*",
    "moyen*",
    "average*",
    "avg",
    "mean",
    "p.a",
    "/an",
    "per year",
    "par an",
    "budget*",
    "target*",
    "objecti*",
    "forecast*",
    "prévision*",
    "plan*",
    "rank*",
    "rang",
    "cumul*",
];

/// Words of a header that make its periods no facts of one series (a forecast beside the
/// actual figure): the table's columns are then not two periods of one series.
const NOT_ACTUAL: &[&str] = &[
    "budget*",
    "target*",
    "objecti*",
    "forecast*",
    "prévision*",
    "prévu*",
    "projected",
    "projection*",
    "estimate*",
    "estimé*",
    "plan*",
    "(e)",
    "(p)",
    "(f)",
];

/// Words of a change column's header (or a change cell) that give it in percentage points.
const POINT_WORDS: &[&str] = &["pp", "p.p", "pts", "pt", "points", "point"];

/// Whether `word` stands as a word of `s` (no letter or digit either side; a `*` word is a
/// stem, and may go on).
fn has_word(s: &str, word: &str) -> bool {
    let (stem, open) = match word.strip_suffix('*') {
        Some(w) => (w, true),
        None => (word, false),
    };
    let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    s.match_indices(stem).any(|(at, _)| {
        let first = stem.chars().next().is_some_and(char::is_alphanumeric);
        let last = stem.chars().next_back().is_some_and(char::is_alphanumeric);
        (!first || edge(s[..at].chars().next_back()))
            && (open || !last || edge(s[at + stem.len()..].chars().next()))
    })
}

fn any_word(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| has_word(s, w))
}

/// Whether a folded header names a change (and not a share, index or average).
pub fn is_change_header(folded: &str) -> bool {
    any_word(folded, CHANGE_WORDS) && !any_word(folded, NOT_A_CHANGE)
}

/// Whether a folded header names a change of some kind, a share, an index or an average:
/// a column whose cells are no levels of the period it may name.
pub fn is_derived(folded: &str) -> bool {
    any_word(folded, CHANGE_WORDS) || any_word(folded, NOT_A_CHANGE)
}

/// Whether a folded header speaks of a forecast, a budget or a target.
pub fn is_not_actual(folded: &str) -> bool {
    any_word(folded, NOT_ACTUAL)
}

/// Whether a folded text gives a change in percentage points ("Var. (pts)", "+0,3 pt").
pub fn in_points(folded: &str) -> bool {
    any_word(folded, POINT_WORDS)
}

/// The periods a header names: each with its byte range in the header's text.
pub fn header_periods(text: &str, cell: &Range<usize>) -> Vec<(Period, Range<usize>)> {
    let cell_text = &text[cell.clone()];
    period::scan(cell_text)
        .into_iter()
        .filter_map(|m| {
            let p = m.period.filter(|_| m.relative.is_none())?;
            Some((p, cell.start + m.range.start..cell.start + m.range.end))
        })
        .collect()
}

/// The one period a header cell names, when it names one and is no change column ("2024",
/// "Q3 2025 (EUR m)", "2024/25", "Members 2025", "Share 2025"; not "Change 2025/24").
pub fn header_period(text: &str, cell: &Range<usize>) -> Option<(Period, Range<usize>)> {
    if any_word(&folded(text, cell), CHANGE_WORDS) {
        return None;
    }
    let [one] = <[_; 1]>::try_from(header_periods(text, cell)).ok()?;
    Some(one)
}

/// One of a table's two period columns.
pub struct PeriodColumn {
    pub col: usize,
    pub period: Period,
    /// The period as its header writes it ("2024", "Q3 2025", "2024/25").
    pub name: String,
}

fn months(p: &Period) -> i32 {
    (p.to.year * 12 + i32::from(p.to.month)) - (p.from.year * 12 + i32::from(p.from.month))
}

/// The table's two period columns, older first: exactly two headers name a period (one
/// each, no forecast or budget among them), of the same length, one before the other.
pub fn period_columns(text: &str, table: &Table) -> Option<(PeriodColumn, PeriodColumn)> {
    let mut cols = Vec::new();
    for (col, h) in table.header.iter().enumerate().skip(1) {
        let periods = header_periods(text, h);
        if periods.is_empty() {
            continue;
        }
        let f = folded(text, h);
        if is_derived(&f) {
            // A change or share column may name its periods ("Var. 2025/24", "Share 2025").
            continue;
        }
        if is_not_actual(&f) {
            return None;
        }
        let [(period, range)] = <[_; 1]>::try_from(periods).ok()?;
        let name = text[range].to_string();
        cols.push(PeriodColumn { col, period, name });
    }
    let [a, b] = <[_; 2]>::try_from(cols).ok()?;
    let (old, new) = if a.period.to < b.period.from {
        (a, b)
    } else if b.period.to < a.period.from {
        (b, a)
    } else {
        return None;
    };
    let alike = old.period.instant == new.period.instant
        && (old.period.instant || months(&old.period) == months(&new.period));
    alike.then_some((old, new))
}

/// The period of a table cell's figure, and for a change, its base period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellPeriod {
    pub period: Period,
    pub base: Option<Period>,
}

/// The body cells of a Markdown text whose column header is one period, with that period,
/// and in a table of two period columns, the cells of its change columns, with the later
/// period and the earlier as base; sorted by position.
pub fn cell_periods(text: &str) -> Vec<(Range<usize>, CellPeriod)> {
    let mut out = Vec::new();
    for t in tables(text) {
        let mut periods: Vec<Option<CellPeriod>> = t
            .header
            .iter()
            .map(|h| header_period(text, h).map(|(period, _)| CellPeriod { period, base: None }))
            .collect();
        if let Some((old, new)) = period_columns(text, &t) {
            for (col, h) in t.header.iter().enumerate() {
                if is_change_header(&folded(text, h)) && header_periods(text, h).is_empty() {
                    periods[col] = Some(CellPeriod {
                        period: new.period,
                        base: Some(old.period),
                    });
                }
            }
        }
        if periods.iter().all(Option::is_none) {
            continue;
        }
        for row in &t.rows {
            for (col, cell) in row.iter().enumerate() {
                if let Some(Some(p)) = periods.get(col) {
                    out.push((cell.clone(), *p));
                }
            }
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_that_are_periods_changes_and_shares() {
        let text = "| Category | 2024 | Q3 2025 (EUR m) | Change | Share 2025 | Var. 2025/24 | 2024/25 |\n|---|---|---|---|---|---|---|\n| A | 1 | 2 | +3% | 4% | 5% | 6 |\n";
        let t = &tables(text)[0];
        let read: Vec<Option<String>> = t
            .header
            .iter()
            .map(|h| header_period(text, h).map(|(p, _)| p.to_string()))
            .collect();
        assert_eq!(
            read,
            [
                None,
                Some("2024".into()),
                Some("2025-Q3".into()),
                None,
                Some("2025".into()),
                None,
                Some("2024-07..2025-06".into())
            ]
        );
        let f = |s: &str| s.to_lowercase();
        assert!(is_change_header(&f("Évolution (%)")));
        assert!(is_change_header(&f("% change")));
        assert!(is_change_header(&f("Δ")));
        assert!(is_change_header(&f("YoY")));
        assert!(!is_change_header(&f("Exchange rate")));
        assert!(!is_change_header(&f("Part (%)")));
        assert!(!is_change_header(&f("% of total")));
        assert!(!is_change_header(&f("Average annual growth")));
        assert!(in_points(&f("Var. (pts)")));
        assert!(in_points(&f("Change (p.p.)")));
        assert!(!in_points(&f("Change (%)")));
    }
}
