//! Tables with a total row (`sum-of-parts`): in a Markdown table whose row labelled
//! "Total" / "Ensemble" closes the rows above it (or opens those below), each column of
//! figures must add up to its total, within the rounding of every cell.
//!
//! A table is read only when nothing says its rows may overlap or be partial: a row
//! labelled "of which" / "dont" (a part of the row above), or more than one total row
//! (subtotals), and it is left alone. Columns of rates, shares, changes, averages or prices
//! are not sums; nor is a column with an empty or unread cell among its parts.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use rust_decimal::Decimal;

use super::format::plain;
use super::{claim_key, finding, label, Ctx};
use crate::document::Format;
use crate::finding::Finding;
use crate::interval::Interval;
use crate::quantity::Kind;

/// Row labels that make a row the total of the others (folded: lower case, no emphasis).
const TOTAL_LABELS: &[&str] = &["total", "totaux", "ensemble", "sum", "somme"];
/// Row labels that make a row a part of the row above: the rows may then overlap.
const SUB_ROW_LABELS: &[&str] = &[
    "dont",
    "of which",
    "incl",
    "including",
    "y compris",
    "o/w",
    "-",
    "–",
    "—",
    "·",
];
/// Words of a column header that make its cells no parts of a sum.
const NOT_SUMMED: &[&str] = &[
    "%", "var", "change", "growth", "évol", "evol", "part", "share", "rate", "taux", "moyen",
    "average", "mean", "médian", "median", "prix", "price", "per ", "par ", "index", "indice",
    "rank", "rang", "yoy", "y/y", "ratio",
];

/// One table: its header cells and body rows, each cell a byte range of the document.
struct Table {
    header: Vec<Range<usize>>,
    rows: Vec<Vec<Range<usize>>>,
}

fn tables(text: &str) -> Vec<Table> {
    let mut out: Vec<Table> = Vec::new();
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
fn folded(text: &str, cell: &Range<usize>) -> String {
    text[cell.clone()]
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '|'))
        .to_lowercase()
}

pub fn table_totals(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (d, doc) in ctx.docs.iter().enumerate() {
        if doc.format != Format::Markdown || !doc.text.contains('|') {
            continue;
        }
        let lo = ctx.claims.partition_point(|c| c.doc < d);
        let hi = ctx.claims.partition_point(|c| c.doc <= d);
        for table in tables(&doc.text) {
            check_table(ctx, &doc.text, lo..hi, &table, out);
        }
    }
}

fn check_table(ctx: &Ctx, text: &str, claims: Range<usize>, table: &Table, out: &mut Vec<Finding>) {
    let labels: Vec<String> = table
        .rows
        .iter()
        .map(|r| r.first().map_or(String::new(), |c| folded(text, c)))
        .collect();
    if labels
        .iter()
        .any(|l| SUB_ROW_LABELS.iter().any(|s| l.starts_with(s)))
    {
        return;
    }
    let totals: Vec<usize> = (0..labels.len())
        .filter(|&i| {
            TOTAL_LABELS.iter().any(|t| {
                labels[i]
                    .strip_prefix(t)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            })
        })
        .collect();
    let [total_row] = totals[..] else {
        return;
    };
    let parts: Vec<usize> = if total_row == 0 {
        (1..table.rows.len()).collect()
    } else {
        (0..total_row).collect()
    };
    if parts.len() < 2 {
        return;
    }
    // The one figure a cell holds, as a claim index.
    let value_of = |cell: &Range<usize>| -> Option<usize> {
        let from = claims.start
            + ctx.claims[claims.clone()].partition_point(|c| c.quantity.span.start < cell.start);
        let inside: Vec<usize> = (from..claims.end)
            .take_while(|&i| ctx.claims[i].quantity.span.start < cell.end)
            .filter(|&i| ctx.claims[i].quantity.span.end <= cell.end)
            .collect();
        let [i] = inside[..] else {
            return None;
        };
        let q = &ctx.claims[i].quantity;
        matches!(q.kind, Kind::Number | Kind::Count | Kind::Amount).then_some(i)
    };
    for col in 1..table.header.len() {
        let header = folded(text, &table.header[col]);
        if NOT_SUMMED.iter().any(|w| header.contains(w)) {
            continue;
        }
        let Some(total) = table.rows[total_row].get(col).and_then(value_of) else {
            continue;
        };
        let cells: Option<Vec<usize>> = parts
            .iter()
            .map(|&r| table.rows[r].get(col).and_then(value_of))
            .collect();
        let Some(cells) = cells else {
            continue;
        };
        let unit = &ctx.claims[total].quantity.unit;
        if cells.iter().any(|&i| &ctx.claims[i].quantity.unit != unit) {
            continue;
        }
        let mut sum = Interval::exact(Decimal::ZERO);
        for &i in &cells {
            sum = sum.add(&ctx.interval(i));
        }
        if sum.overlaps(&ctx.interval(total)) {
            continue;
        }
        let value = |i: usize| ctx.claims[i].quantity.value;
        let added: Decimal = cells.iter().map(|&i| value(i)).sum();
        let header_text = text[table.header[col].clone()].trim();
        let message = format!(
            "the column “{header_text}” adds up to {} but its total row gives {}",
            plain(added, 2),
            plain(value(total), 2)
        );
        let help = format!(
            "{} = {} ≠ {} (stated)",
            cells
                .iter()
                .map(|&i| plain(value(i), 2))
                .collect::<Vec<_>>()
                .join(" + "),
            plain(added, 2),
            plain(value(total), 2)
        );
        let mut found = vec![label(&ctx.claims[total], "total row", true)];
        found.extend(cells.iter().map(|&i| label(&ctx.claims[i], "part", false)));
        let mut key = vec![claim_key(&ctx.claims[total])];
        key.extend(cells.iter().map(|&i| claim_key(&ctx.claims[i])));
        out.push(finding("sum-of-parts", message, Some(help), found, &key));
    }
}
