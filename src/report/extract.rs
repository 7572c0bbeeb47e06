//! `numlint extract`: every quantity of a document, as a table or JSON Lines.
//!
//! JSON Lines schema (one object per quantity, stable; new fields may be added):
//! `file`, `line`, `column` (1-based, characters), `offset`, `length` (bytes of the
//! original), `surface`, `kind`, `claim` (bool), `value` (decimal string, scale applied),
//! `unit`, `scale`, `precision`, `qualifier`, `lo`, `hi` (decimal strings or null for ±∞),
//! `lo_open`, `hi_open`; and for claims `subject`, `partner`, `metric`, `period`, `role`,
//! `direction`, `confidence`.

use std::io::{self, Write};

use serde_json::{json, Map, Value};

use crate::claim::Claim;
use crate::document::Document;
use crate::quantity::Quantity;

fn dec(d: rust_decimal::Decimal) -> String {
    d.normalize().to_string()
}

/// One quantity (and its claim, if any) as a JSON object.
pub fn quantity_json(doc: &Document, q: &Quantity, claim: Option<&Claim>) -> Value {
    let (line, column) = doc.line_col(q.span.start);
    let mut o = Map::new();
    o.insert("file".into(), json!(doc.name()));
    o.insert("line".into(), json!(line));
    o.insert("column".into(), json!(column));
    o.insert("offset".into(), json!(q.span.start));
    o.insert("length".into(), json!(q.span.len()));
    o.insert("surface".into(), json!(doc.slice(&q.span)));
    o.insert("kind".into(), json!(q.kind.as_str()));
    o.insert("claim".into(), json!(q.is_claim()));
    o.insert("value".into(), json!(dec(q.value)));
    o.insert("unit".into(), json!(q.unit));
    o.insert("scale".into(), json!(dec(q.scale)));
    o.insert("precision".into(), json!(dec(q.precision)));
    o.insert("qualifier".into(), json!(q.qualifier.as_str()));
    o.insert("lo".into(), json!(q.interval.lo.map(dec)));
    o.insert("hi".into(), json!(q.interval.hi.map(dec)));
    o.insert("lo_open".into(), json!(q.interval.lo_open));
    o.insert("hi_open".into(), json!(q.interval.hi_open));
    if let Some(c) = claim {
        o.insert("subject".into(), json!(c.subject));
        o.insert("partner".into(), json!(c.partner));
        o.insert("metric".into(), json!(c.metric));
        o.insert("period".into(), json!(c.period.map(|p| p.to_string())));
        o.insert("role".into(), json!(c.role.as_str()));
        o.insert("direction".into(), json!(c.direction));
        o.insert(
            "confidence".into(),
            json!((c.confidence * 100.0).round() / 100.0),
        );
    }
    Value::Object(o)
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
    for (q, c) in with_claims(quantities, claims) {
        serde_json::to_writer(&mut *out, &quantity_json(doc, q, c))?;
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
