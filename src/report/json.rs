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
    let mut ser = serde_json::Serializer::with_formatter(buf, NestedPretty::new(indent));
    v.serialize(&mut ser)?;
    Ok(())
}

/// serde_json's `PrettyFormatter` (two spaces a level, the same calls in the same order),
/// with `base` after every newline besides: a record written straight into the report at
/// its depth. The bytes are those of pretty-printing the record and then indenting its
/// lines, without the buffer per record and the pass over it, and each line's indentation
/// is one write (the pretty formatter writes it two spaces at a time): writing the report
/// was about 5 % of a check on the 10 MB generated corpus.
struct NestedPretty<'a> {
    base: &'a [u8],
    /// "\n", `base`, then spaces: a line's start, written as one slice of it.
    line: [u8; LINE],
    level: usize,
    has_value: bool,
}

/// Bytes of [`NestedPretty::line`]: a newline, a base indent and a few levels of nesting
/// (deeper lines are written piece by piece).
const LINE: usize = 64;

impl<'a> NestedPretty<'a> {
    fn new(base: &'a [u8]) -> Self {
        let mut line = [b' '; LINE];
        line[0] = b'\n';
        if let Some(to) = line.get_mut(1..=base.len()) {
            to.copy_from_slice(base);
        }
        NestedPretty {
            base,
            line,
            level: 0,
            has_value: false,
        }
    }

    /// A newline and the indentation of the current level.
    fn newline<W: ?Sized + io::Write>(&self, w: &mut W) -> io::Result<()> {
        let len = 1 + self.base.len() + 2 * self.level;
        match self.line.get(..len) {
            Some(line) => w.write_all(line),
            None => {
                w.write_all(b"\n")?;
                w.write_all(self.base)?;
                (0..self.level).try_for_each(|_| w.write_all(b"  "))
            }
        }
    }

    // Arrays and objects open, close and separate their items alike.
    fn open<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.newline(w)?;
        }
        w.write_all(bracket)
    }

    fn item<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.newline(w)
    }
}

impl serde_json::ser::Formatter for NestedPretty<'_> {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_pretty_is_pretty_json_indented() {
        // Deeper than one line buffer holds, too.
        let mut deep = serde_json::json!([1, 2]);
        for _ in 0..40 {
            deep = serde_json::json!({ "k": deep });
        }
        let value = serde_json::json!({
            "a": [],
            "b": [{"c": 1, "d": [true, null], "e": {}}, "x\ny"],
            "f": deep,
            "h": "é \u{1} \"",
        });
        for indent in [&b""[..], b"  ", b"    "] {
            let mut want = Vec::new();
            for (k, line) in serde_json::to_string_pretty(&value)
                .unwrap()
                .split('\n')
                .enumerate()
            {
                if k > 0 {
                    want.push(b'\n');
                    want.extend_from_slice(indent);
                }
                want.extend_from_slice(line.as_bytes());
            }
            let mut got = Vec::new();
            pretty_nested(&value, indent, &mut got).unwrap();
            assert_eq!(
                String::from_utf8(got).unwrap(),
                String::from_utf8(want).unwrap()
            );
        }
    }
}
