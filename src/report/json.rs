//! Findings as one JSON document: a stable, versioned contract for tools.
//!
//! ```json
//! {
//!   "version": 1,
//!   "findings": [
//!     {
//!       "rule": "trade-balance",            // stable kebab-case rule code
//!       "severity": "error",                // "info" | "warning" | "error"
//!       "message": "balance does not match …",
//!       "help": "exports − imports = … ≠ 198.9 (stated); balance would be 188.9",  // or null
//!       "fingerprint": "trade-balance:1f…", // position-independent key (baselines)
//!       "labels": [
//!         {
//!           "file": "report.md",            // path as given on the command line
//!           "line": 12, "column": 5,        // 1-based; column counts characters
//!           "offset": 431, "length": 5,     // bytes of the original file
//!           "primary": true,                // the figure in doubt (one per finding)
//!           "message": "balance stated here"
//!         }
//!       ]
//!     }
//!   ],
//!   "summary": {"files": 1, "findings": 1, "errors": 1, "warnings": 0, "infos": 0}
//! }
//! ```
//!
//! Compatibility: fields are never removed or renamed within version 1; new fields may be
//! added. Findings are sorted by file and position of their primary label.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::Value;

use crate::document::Document;
use crate::finding::{Finding, Severity};

/// Schema version of the document.
pub const VERSION: u32 = 1;

// The records below are written field by field, in alphabetical order (the order the
// schema above has always had), straight from the findings: no intermediate JSON tree.

#[derive(Serialize)]
struct LabelRecord<'a> {
    column: usize,
    file: String,
    length: usize,
    line: usize,
    message: &'a str,
    offset: usize,
    primary: bool,
}

#[derive(Serialize)]
struct FindingRecord<'a> {
    fingerprint: &'a str,
    help: Option<&'a str>,
    labels: Vec<LabelRecord<'a>>,
    message: &'a str,
    rule: &'a str,
    severity: &'static str,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    files: usize,
    findings: usize,
    infos: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct DocumentRecord<'a> {
    findings: Vec<FindingRecord<'a>>,
    summary: Summary,
    version: u32,
}

fn record<'a>(docs: &[Document], f: &'a Finding) -> FindingRecord<'a> {
    let labels = f
        .labels
        .iter()
        .map(|l| {
            let (file, line, column) = match docs.get(l.doc) {
                Some(d) => {
                    let (line, col) = d.line_col(l.span.start);
                    (d.name(), line, col)
                }
                None => (String::new(), 0, 0),
            };
            LabelRecord {
                column,
                file,
                length: l.span.len(),
                line,
                message: &l.message,
                offset: l.span.start,
                primary: l.primary,
            }
        })
        .collect();
    FindingRecord {
        fingerprint: &f.fingerprint,
        help: f.help.as_deref(),
        labels,
        message: &f.message,
        rule: &f.rule,
        severity: f.severity.as_str(),
    }
}

/// One finding as a JSON value (the shape of an element of `findings`).
pub fn finding_json(docs: &[Document], f: &Finding) -> Value {
    serde_json::to_value(record(docs, f)).unwrap_or(Value::Null)
}

fn document_record<'a>(docs: &[Document], findings: &'a [Finding]) -> DocumentRecord<'a> {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    DocumentRecord {
        findings: findings.iter().map(|f| record(docs, f)).collect(),
        summary: Summary {
            errors: count(Severity::Error),
            files: docs.len(),
            findings: findings.len(),
            infos: count(Severity::Info),
            warnings: count(Severity::Warning),
        },
        version: VERSION,
    }
}

/// The whole document as a JSON value.
pub fn document(docs: &[Document], findings: &[Finding]) -> Value {
    serde_json::to_value(document_record(docs, findings)).unwrap_or(Value::Null)
}

pub fn write(out: &mut dyn Write, docs: &[Document], findings: &[Finding]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &document_record(docs, findings))?;
    out.write_all(b"\n")
}
