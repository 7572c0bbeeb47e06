//! `numlint extract`: every quantity of a document, as a table or JSON Lines.
//!
//! JSON Lines schema (one object per quantity, stable; new fields may be added):
//! `file`, `line`, `column` (1-based, characters), `offset`, `length` (bytes of the
//! original), `surface`, `kind`, `claim` (bool), `value` (decimal string, scale applied),
//! `unit`, `scale`, `precision`, `qualifier`, `lo`, `hi` (decimal strings or null for ±∞),
//! `lo_open`, `hi_open`; and for claims `subject`, `partner`, `metric`, `period`, `role`,
//! `direction`, `confidence`.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::Value;

use crate::claim::Claim;
use crate::document::Document;
use crate::quantity::Quantity;

fn dec(d: rust_decimal::Decimal) -> String {
    d.normalize().to_string()
}

/// One JSON Lines record (field order is the documented order).
#[derive(Serialize)]
struct Record<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    offset: usize,
    length: usize,
    surface: &'a str,
    kind: &'static str,
    claim: bool,
    value: String,
    unit: Option<&'a str>,
    scale: String,
    precision: String,
    qualifier: &'static str,
    lo: Option<String>,
    hi: Option<String>,
    lo_open: bool,
    hi_open: bool,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    context: Option<Context<'a>>,
}

#[derive(Serialize)]
struct Context<'a> {
    subject: Option<&'a str>,
    partner: Option<&'a str>,
    metric: Option<&'a str>,
    period: Option<String>,
    role: &'static str,
    direction: Option<crate::claim::Direction>,
    confidence: f32,
}

fn record<'a>(
    doc: &'a Document,
    name: &'a str,
    q: &'a Quantity,
    claim: Option<&'a Claim>,
) -> Record<'a> {
    let (line, column) = doc.line_col(q.span.start);
    Record {
        file: name,
        line,
        column,
        offset: q.span.start,
        length: q.span.len(),
        surface: doc.slice(&q.span),
        kind: q.kind.as_str(),
        claim: q.is_claim(),
        value: dec(q.value),
        unit: q.unit.as_deref(),
        scale: dec(q.scale),
        precision: dec(q.precision),
        qualifier: q.qualifier.as_str(),
        lo: q.interval.lo.map(dec),
        hi: q.interval.hi.map(dec),
        lo_open: q.interval.lo_open,
        hi_open: q.interval.hi_open,
        context: claim.map(|c| Context {
            subject: c.subject.as_deref(),
            partner: c.partner.as_deref(),
            metric: c.metric.as_deref(),
            period: c.period.map(|p| p.to_string()),
            role: c.role.as_str(),
            direction: c.direction,
            confidence: (c.confidence * 100.0).round() / 100.0,
        }),
    }
}

/// One quantity (and its claim, if any) as a JSON value.
pub fn quantity_json(doc: &Document, q: &Quantity, claim: Option<&Claim>) -> Value {
    let name = doc.name();
    serde_json::to_value(record(doc, &name, q, claim)).unwrap_or(Value::Null)
}

/// Pair each quantity with its claim (claims are a subsequence of quantities by span).
fn with_claims<'a>(
    quantities: &'a [Quantity],
    claims: &'a [Claim],
) -> Vec<(&'a Quantity, Option<&'a Claim>)> {
    let mut ci = 0;
    quantities
        .iter()
        .map(|q| {
            while ci < claims.len() && claims[ci].quantity.span.start < q.span.start {
                ci += 1;
            }
            let c = claims.get(ci).filter(|c| c.quantity.span == q.span);
            (q, c)
        })
        .collect()
}

pub fn write_json(
    out: &mut dyn Write,
    doc: &Document,
    quantities: &[Quantity],
    claims: &[Claim],
) -> io::Result<()> {
    let name = doc.name();
    for (q, c) in with_claims(quantities, claims) {
        serde_json::to_writer(&mut *out, &record(doc, &name, q, c))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// A readable table; `all` includes noise (years, footnote markers …).
pub fn write_table(
    out: &mut dyn Write,
    doc: &Document,
    quantities: &[Quantity],
    claims: &[Claim],
    all: bool,
) -> io::Result<()> {
    writeln!(
        out,
        "{:<24} {:<17} {:>18} {:<9} {:<10} {:<14} {:<12} {:<10} {:<10} surface",
        "location", "kind", "value", "unit", "qualifier", "metric", "subject", "partner", "period"
    )?;
    for (q, c) in with_claims(quantities, claims) {
        if !all && !q.is_claim() {
            continue;
        }
        let (line, col) = doc.line_col(q.span.start);
        let loc = format!("{}:{}:{}", short_name(doc), line, col);
        let opt = |s: Option<&String>| s.cloned().unwrap_or_else(|| "-".into());
        let surface: String = doc
            .slice(&q.span)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        writeln!(
            out,
            "{:<24} {:<17} {:>18} {:<9} {:<10} {:<14} {:<12} {:<10} {:<10} {}",
            loc,
            q.kind.as_str(),
            dec(q.value),
            q.unit.clone().unwrap_or_else(|| "-".into()),
            q.qualifier.as_str(),
            opt(c.and_then(|c| c.metric.as_ref())),
            opt(c.and_then(|c| c.subject.as_ref())),
            opt(c.and_then(|c| c.partner.as_ref())),
            c.and_then(|c| c.period)
                .map_or("-".into(), |p| p.to_string()),
            surface
        )?;
    }
    Ok(())
}

fn short_name(doc: &Document) -> String {
    doc.path
        .file_name()
        .map_or_else(|| doc.name(), |n| n.to_string_lossy().into_owned())
}
