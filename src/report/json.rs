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
    file: std::borrow::Cow<'a, str>,
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
    record_named(docs, None, f)
}

/// [`record`], with each document's name given (`names[doc]`) rather than made per label.
fn record_named<'a>(
    docs: &[Document],
    names: Option<&'a [String]>,
    f: &'a Finding,
) -> FindingRecord<'a> {
    use std::borrow::Cow;
    let labels = f
        .labels
        .iter()
        .map(|l| {
            let (file, line, column) = match docs.get(l.doc) {
                Some(d) => {
                    let (line, col) = d.line_col(l.span.start);
                    let name = match names.and_then(|n| n.get(l.doc)) {
                        Some(n) => Cow::Borrowed(n.as_str()),
                        None => Cow::Owned(d.name()),
                    };
                    (name, line, col)
                }
                None => (Cow::Borrowed(""), 0, 0),
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

/// Findings rendered together in parallel, then written in order: bounds the memory of
/// the rendered text whatever the number of findings.
const BATCH: usize = 8192;
/// Findings one parallel task renders.
const CHUNK: usize = 256;

/// Pretty JSON of `v`, as `serde_json::to_writer_pretty` writes it, nested `indent` spaces
/// deeper: its lines after the first are indented (JSON strings hold no raw newline).
fn pretty_nested<T: Serialize>(v: &T, indent: &[u8], buf: &mut Vec<u8>) -> io::Result<()> {
    let mut tmp = Vec::new();
    serde_json::to_writer_pretty(&mut tmp, v)?;
    for (k, line) in tmp.split(|&b| b == b'\n').enumerate() {
        if k > 0 {
            buf.push(b'\n');
            buf.extend_from_slice(indent);
        }
        buf.extend_from_slice(line);
    }
    Ok(())
}

/// The whole document, byte for byte what `serde_json::to_writer_pretty` makes of
/// [`document_record`], written as it is rendered: findings are rendered in parallel
/// (rayon) batch by batch, in order, and never all held as records or text at once.
pub fn write(out: &mut dyn Write, docs: &[Document], findings: &[Finding]) -> io::Result<()> {
    use rayon::prelude::*;
    const ELEMENT: &[u8] = b"    ";
    let names: Vec<String> = docs.iter().map(Document::name).collect();
    out.write_all(b"{\n  \"findings\": [")?;
    for (n, batch) in findings.chunks(BATCH).enumerate() {
        let parts: Vec<io::Result<Vec<u8>>> = batch
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                let mut buf = Vec::new();
                for (k, f) in chunk.iter().enumerate() {
                    let first = n == 0 && c == 0 && k == 0;
                    buf.extend_from_slice(if first { b"\n" } else { b",\n" });
                    buf.extend_from_slice(ELEMENT);
                    pretty_nested(&record_named(docs, Some(&names), f), ELEMENT, &mut buf)?;
                }
                Ok(buf)
            })
            .collect();
        for part in parts {
            out.write_all(&part?)?;
        }
    }
    if !findings.is_empty() {
        out.write_all(b"\n  ")?;
    }
    out.write_all(b"],\n  \"summary\": ")?;
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let summary = Summary {
        errors: count(Severity::Error),
        files: docs.len(),
        findings: findings.len(),
        infos: count(Severity::Info),
        warnings: count(Severity::Warning),
    };
    let mut buf = Vec::new();
    pretty_nested(&summary, b"  ", &mut buf)?;
    out.write_all(&buf)?;
    write!(out, ",\n  \"version\": {VERSION}\n}}\n")
}
