//! Findings as SARIF 2.1.0 (one run), for code-scanning services (GitHub, GitLab, Azure).
//!
//! - `tool.driver.rules`: every rule of the registry (id, name, descriptions, help, helpUri,
//!   default level); results refer to them by `ruleId` and `ruleIndex`.
//! - a result's `locations` hold the primary label, `relatedLocations` the others; each
//!   region has `startLine`, `startColumn`, `endLine`, `endColumn` (1-based; columns count
//!   Unicode code points, `run.columnKind` says so; the end column is exclusive),
//!   `byteOffset` and `byteLength` (of the original file).
//! - `partialFingerprints["numlint/v1"]` is `Finding::fingerprint` (position-independent),
//!   so a code-scanning service tracks a finding across edits.
//! - artifact URIs are the paths as given on the command line (relative ones relative to
//!   `%SRCROOT%`, the directory numlint ran in).

use std::io::{self, Write};

use serde_json::{json, Value};

use crate::checks::registry::{registry, RuleInfo};
use crate::document::Document;
use crate::finding::{Finding, Label, Severity};

use super::{path_uri, rule_doc_url};

/// `$schema` of the log.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule_json(r: &RuleInfo) -> Value {
    let markdown = format!(
        "{}\n\n{}\n\nFails:\n\n    {}\n\nPasses:\n\n    {}\n",
        r.summary,
        r.doc,
        r.fails.replace('\n', "\n    "),
        r.passes.replace('\n', "\n    ")
    );
    json!({
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": r.doc},
        "help": {"text": crate::checks::registry::explain(r), "markdown": markdown},
        "helpUri": rule_doc_url(&r.code),
        "defaultConfiguration": {"level": level(r.default_severity)},
    })
}

fn physical(doc: &Document, l: &Label) -> Value {
    let path = doc.path.as_path();
    let (start_line, start_col) = doc.line_col(l.span.start);
    let (end_line, end_col) = doc.line_col(l.span.end);
    let mut artifact = json!({"uri": path_uri(path)});
    if !path.is_absolute() {
        artifact["uriBaseId"] = json!("%SRCROOT%");
    }
    json!({
        "artifactLocation": artifact,
        "region": {
            "startLine": start_line,
            "startColumn": start_col,
            "endLine": end_line,
            "endColumn": end_col,
            "byteOffset": l.span.start,
            "byteLength": l.span.len(),
        }
    })
}

fn location(docs: &[Document], l: &Label, id: Option<usize>) -> Option<Value> {
    let doc = docs.get(l.doc)?;
    let mut v = json!({
        "physicalLocation": physical(doc, l),
        "message": {"text": l.message},
    });
    if let Some(id) = id {
        v["id"] = json!(id);
    }
    Some(v)
}

fn result_json(docs: &[Document], rules: &[RuleInfo], f: &Finding) -> Value {
    let primary = f.primary();
    let mut text = f.message.clone();
    if let Some(h) = &f.help {
        text.push_str("\nhelp: ");
        text.push_str(h);
    }
    let locations: Vec<Value> = primary
        .and_then(|l| location(docs, l, None))
        .into_iter()
        .collect();
    let related: Vec<Value> = f
        .labels
        .iter()
        .filter(|l| !primary.is_some_and(|p| std::ptr::eq(*l, p)))
        .filter_map(|l| location(docs, l, None))
        .enumerate()
        .map(|(i, mut v)| {
            v["id"] = json!(i + 1);
            v
        })
        .collect();
    let mut v = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": {"text": text},
        "locations": locations,
        "partialFingerprints": {"numlint/v1": f.fingerprint},
    });
    if let Some(i) = rules.iter().position(|r| r.code == f.rule) {
        v["ruleIndex"] = json!(i);
    }
    if !related.is_empty() {
        v["relatedLocations"] = json!(related);
    }
    v
}

/// The SARIF log of a run.
pub fn log(docs: &[Document], findings: &[Finding]) -> Value {
    let rules = registry();
    json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "numlint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": super::RULE_DOCS_BASE,
                "rules": rules.iter().map(rule_json).collect::<Vec<_>>(),
            }},
            "columnKind": "unicodeCodePoints",
            "results": findings.iter().map(|f| result_json(docs, &rules, f)).collect::<Vec<_>>(),
        }]
    })
}

pub fn write(out: &mut dyn Write, docs: &[Document], findings: &[Finding]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(docs, findings))?;
    out.write_all(b"\n")
}
