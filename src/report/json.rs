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

use serde_json::{json, Value};

use crate::document::Document;
use crate::finding::{Finding, Severity};

/// Schema version of the document.
pub const VERSION: u32 = 1;

pub fn finding_json(docs: &[Document], f: &Finding) -> Value {
    let labels: Vec<Value> = f
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
            json!({
                "file": file,
                "line": line,
                "column": column,
                "offset": l.span.start,
                "length": l.span.len(),
                "primary": l.primary,
                "message": l.message,
            })
        })
        .collect();
    json!({
        "rule": f.rule,
        "severity": f.severity.as_str(),
        "message": f.message,
        "help": f.help,
        "fingerprint": f.fingerprint,
        "labels": labels,
    })
}

pub fn document(docs: &[Document], findings: &[Finding]) -> Value {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    json!({
        "version": VERSION,
        "findings": findings.iter().map(|f| finding_json(docs, f)).collect::<Vec<_>>(),
        "summary": {
            "files": docs.len(),
            "findings": findings.len(),
            "errors": count(Severity::Error),
            "warnings": count(Severity::Warning),
            "infos": count(Severity::Info),
        }
    })
}

pub fn write(out: &mut dyn Write, docs: &[Document], findings: &[Finding]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &document(docs, findings))?;
    out.write_all(b"\n")
}
