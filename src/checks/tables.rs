//! Markdown tables. With a total row (`sum-of-parts`): in a table whose row labelled
//! "Total" / "Ensemble" closes the rows above it (or opens those below), each column of
//! figures must add up to its total, within the rounding of every cell.
//!
//! A table is read only when nothing says its rows may overlap or be partial: a row
//! labelled "of which" / "dont" (a part of the row above), or more than one total row
//! (subtotals), and it is left alone. Columns of rates, shares, changes, averages or prices
//! are not sums; nor is a column with an empty or unread cell among its parts.
//!
//! With two period columns and a change column (`growth-rate`, [`table_changes`]): each
//! row's change against what its two values give. Only a table whose headers name exactly
//! two periods of one length (years, quarters, seasons), neither a forecast, is read; a
//! column headed as a share, an index, an average or a change against a plan is no change
//! of the two, and a row whose cells are not one figure each is skipped.

use std::ops::Range;

use rust_decimal::Decimal;

use super::format::{decimals_of, plain, signed_percent, NumFmt};
use super::{claim_key, finding, label, Ctx};
use crate::claim::{Direction, Period, Role};
use crate::document::Format;
use crate::finding::Finding;
use crate::interval::Interval;
use crate::quantity::Kind;
use crate::table::{
    folded, header_periods, in_points, is_change_header, period_columns, tables, PeriodColumn,
    Table,
};

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

/// The one figure a cell holds, as a claim index (none when it holds none or several).
fn figure_of(ctx: &Ctx, claims: &Range<usize>, cell: &Range<usize>) -> Option<usize> {
    let from = claims.start
        + ctx.claims[claims.clone()].partition_point(|c| c.quantity.span.start < cell.start);
    let mut inside = (from..claims.end)
        .take_while(|&i| ctx.claims[i].quantity.span.start < cell.end)
        .filter(|&i| ctx.claims[i].quantity.span.end <= cell.end);
    let one = inside.next()?;
    inside.next().is_none().then_some(one)
}

/// Every Markdown table of the run, with its document's text and the range of its claims.
fn each_table(ctx: &Ctx, mut f: impl FnMut(&str, Range<usize>, &Table)) {
    for (d, doc) in ctx.docs.iter().enumerate() {
        if doc.format != Format::Markdown || !doc.text.contains('|') {
            continue;
        }
        let lo = ctx.claims.partition_point(|c| c.doc < d);
        let hi = ctx.claims.partition_point(|c| c.doc <= d);
        for table in tables(&doc.text) {
            f(&doc.text, lo..hi, &table);
        }
    }
}

pub fn table_totals(ctx: &Ctx, out: &mut Vec<Finding>) {
    each_table(ctx, |text, claims, table| {
        check_table(ctx, text, claims, table, out)
    });
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
        let i = figure_of(ctx, &claims, cell)?;
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

/// What a change cell may state about the two values of its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    /// (new − old) / old, in per cent.
    Relative,
    /// new − old, both percentages: percentage points.
    Points,
    /// new − old, in the values' unit.
    Difference,
}

/// What a change column's cell may state, from the header, the cell and the kinds of the
/// three figures; empty when the cell is no change of the two values.
fn readings(ctx: &Ctx, header: &str, cell: &str, c: usize, old: usize, new: usize) -> Vec<Change> {
    let (cq, oq, nq) = (
        &ctx.claims[c].quantity,
        &ctx.claims[old].quantity,
        &ctx.claims[new].quantity,
    );
    let level = |k: Kind| matches!(k, Kind::Number | Kind::Count | Kind::Amount | Kind::Percent);
    if !level(oq.kind)
        || !level(nq.kind)
        || oq.is_duration()
        || nq.is_duration()
        || (oq.kind == Kind::Percent) != (nq.kind == Kind::Percent)
        || !super::same_unit(oq, nq)
        || oq.scale != nq.scale
    {
        return Vec::new();
    }
    let percentages = oq.kind == Kind::Percent;
    let points = in_points(header) || in_points(cell) || cq.kind == Kind::PercentagePoint;
    // A change in per cent needs a positive base and no change of sign.
    let ratio_ok = oq.value > Decimal::ZERO && nq.value >= Decimal::ZERO;
    let relative = if ratio_ok {
        vec![Change::Relative]
    } else {
        Vec::new()
    };
    match cq.kind {
        _ if points => {
            if percentages
                && matches!(
                    cq.kind,
                    Kind::PercentagePoint | Kind::Percent | Kind::Number
                )
            {
                vec![Change::Points]
            } else {
                Vec::new()
            }
        }
        Kind::Percent | Kind::Number if cq.kind == Kind::Percent || header.contains('%') => {
            // A change of a rate in per cent may be relative or in points.
            let mut r = relative;
            if percentages {
                r.push(Change::Points);
            }
            r
        }
        // A bare number under "Change": absolute, or a change in per cent without its sign.
        Kind::Number if cq.unit.is_none() && !percentages => {
            let mut r = relative;
            if cq.scale == oq.scale {
                r.push(Change::Difference);
            }
            r
        }
        Kind::Count | Kind::Amount
            if !percentages && super::same_unit(cq, oq) && cq.scale == oq.scale =>
        {
            vec![Change::Difference]
        }
        _ => Vec::new(),
    }
}

/// Changes in a table against the two period columns they compare (`growth-rate`): in a
/// Markdown table headed by two periods ("| Category | 2024 | 2025 | Change |"), each row's
/// change must be what its two values give — (new − old) / old for a change in per cent,
/// new − old for one in points or in the values' unit — within every cell's rounding.
pub fn table_changes(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut found = Vec::new();
    each_table(ctx, |text, claims, table| {
        check_changes(ctx, text, claims, table, &mut found)
    });
    if found.is_empty() {
        return;
    }
    // One finding for one stated change: the sentence rules may have read the same cells.
    let told: std::collections::HashSet<(usize, Range<usize>)> = out
        .iter()
        .filter(|f| f.rule == "growth-rate")
        .filter_map(|f| f.primary().map(|l| (l.doc, l.span.clone())))
        .collect();
    found.retain(|f| {
        f.primary()
            .is_none_or(|l| !told.contains(&(l.doc, l.span.clone())))
    });
    out.extend(found);
}

fn check_changes(
    ctx: &Ctx,
    text: &str,
    claims: Range<usize>,
    table: &Table,
    out: &mut Vec<Finding>,
) {
    let Some((old, new)) = period_columns(text, table) else {
        return;
    };
    for col in 1..table.header.len() {
        if col == old.col || col == new.col {
            continue;
        }
        let header = folded(text, &table.header[col]);
        if !is_change_header(&header) {
            continue;
        }
        // "Var. 2025/24" speaks of the table's periods; "Change since 2019" does not.
        let span = Period {
            from: old.period.from,
            to: new.period.to,
            instant: false,
        };
        let own = header_periods(text, &table.header[col]);
        if own
            .iter()
            .any(|(p, _)| p.from < span.from || p.to > span.to)
        {
            continue;
        }
        for row in &table.rows {
            let cell = |i: usize| row.get(i).and_then(|r| figure_of(ctx, &claims, r));
            let (Some(c), Some(o), Some(n)) = (cell(col), cell(old.col), cell(new.col)) else {
                continue;
            };
            if ctx.claims[c].role == Role::Target {
                continue;
            }
            let cell_text = folded(text, &row[col]);
            let kinds = readings(ctx, &header, &cell_text, c, o, n);
            if kinds.is_empty() {
                continue;
            }
            let label_text = row.first().map_or(String::new(), |r| {
                super::squeeze_whitespace(
                    text[r.clone()]
                        .trim_matches(|ch: char| ch.is_whitespace() || matches!(ch, '*' | '_')),
                )
            });
            if let Some(f) = check_row(ctx, &kinds, (c, o, n), (&old, &new), &label_text) {
                out.push(f);
            }
        }
    }
}

/// A signed plain number: `+0.3`, `−1.25`.
fn signed(v: Decimal, decimals: u32) -> String {
    let r = v.round_dp_with_strategy(
        decimals,
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    );
    let s = format!("{:.*}", decimals as usize, r.abs());
    if r.is_sign_negative() && !r.is_zero() {
        format!("−{s}")
    } else {
        format!("+{s}")
    }
}

fn check_row(
    ctx: &Ctx,
    kinds: &[Change],
    (ci, old, new): (usize, usize, usize),
    (po, pn): (&PeriodColumn, &PeriodColumn),
    row: &str,
) -> Option<Finding> {
    let c = &ctx.claims[ci];
    let mut stated = ctx.interval(ci);
    let mut value = c.quantity.value;
    if c.direction == Some(Direction::Down) && value > Decimal::ZERO {
        stated = stated.neg();
        value = -value;
    }
    let (io, inew) = (ctx.interval(old), ctx.interval(new));
    let hundred = Decimal::ONE_HUNDRED;
    let computed = |k: Change| match k {
        Change::Relative => inew
            .div(&io)
            .add(&Interval::exact(-Decimal::ONE))
            .scale(hundred),
        Change::Points | Change::Difference => inew.sub(&io),
    };
    if kinds.iter().any(|&k| computed(k).overlaps(&stated)) {
        return None;
    }
    let (vo, vn) = (
        ctx.claims[old].quantity.value,
        ctx.claims[new].quantity.value,
    );
    let fmt = NumFmt::for_claims([&ctx.claims[new], &ctx.claims[old]]);
    let decimals = decimals_of(c, Decimal::ONE).max(1);
    let pct = |v: Decimal| {
        if fmt.unit == "%" {
            format!("{} %", fmt.num(v))
        } else {
            fmt.num(v)
        }
    };
    let (help, stated_text, actual_text) = match kinds[0] {
        Change::Relative => {
            let actual = (vn - vo).checked_div(vo)? * hundred;
            let help = format!(
                "({} − {}) / {} = {} ≠ {} (stated); from {}, {} gives {}",
                fmt.num(vn),
                fmt.num(vo),
                fmt.num(vo),
                signed_percent(actual, decimals),
                signed_percent(value, decimals),
                fmt.num(vo),
                signed_percent(value, decimals),
                fmt.with_unit(vo * (hundred + value) / hundred)
            );
            (
                help,
                signed_percent(value, decimals),
                signed_percent(actual, decimals),
            )
        }
        Change::Points => {
            let actual = vn - vo;
            let d = decimals.max(fmt.decimals);
            let help = format!(
                "{} − {} = {} p.p. ≠ {} p.p. (stated); from {}, {} p.p. gives {}",
                pct(vn),
                pct(vo),
                signed(actual, d),
                signed(value, d),
                pct(vo),
                signed(value, d),
                pct(vo + value)
            );
            (
                help,
                format!("{} p.p.", signed(value, d)),
                format!("{} p.p.", signed(actual, d)),
            )
        }
        Change::Difference => {
            let actual = vn - vo;
            let scaled = |v: Decimal| {
                let s = fmt.num(v.abs());
                if v.is_sign_negative() && !v.is_zero() {
                    format!("−{s}")
                } else {
                    format!("+{s}")
                }
            };
            let help = format!(
                "{} − {} = {} ≠ {} (stated); from {}, {} gives {}",
                fmt.num(vn),
                fmt.num(vo),
                scaled(actual),
                scaled(value),
                fmt.num(vo),
                scaled(value),
                fmt.with_unit(vo + value)
            );
            (help, scaled(value), scaled(actual))
        }
    };
    let what = if row.is_empty() {
        "the row".to_string()
    } else {
        format!("“{row}”")
    };
    let message = format!(
        "{what} change of {stated_text} from {} to {} does not match the values ({actual_text})",
        po.name, pn.name
    );
    let labels = vec![
        label(c, "stated change", true),
        label(
            &ctx.claims[new],
            format!("value reached ({})", pn.name),
            false,
        ),
        label(&ctx.claims[old], format!("base value ({})", po.name), false),
    ];
    let key = [
        claim_key(c),
        claim_key(&ctx.claims[new]),
        claim_key(&ctx.claims[old]),
    ];
    Some(finding("growth-rate", message, Some(help), labels, &key))
}
