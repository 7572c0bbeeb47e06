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

/// A string as serde_json writes it: quoted, with `"`, `\` and control characters
/// escaped (the short escapes where JSON has them, `\u00xx` otherwise), every other byte
/// as it is; runs of bytes needing no escape are copied whole.
fn push_json_str(buf: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Whether any byte of `x` is below 0x20, a quote or a backslash (never a false "no";
    // a false "yes" only sends the bytes to the loop below).
    let may_escape = |x: u64| {
        let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
        (x.wrapping_sub(ONES * 0x20) & !x & HIGHS)
            | zero(x ^ (ONES * u64::from(b'"')))
            | zero(x ^ (ONES * u64::from(b'\\')))
            != 0
    };
    buf.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time while none needs an escape (most text).
        if let Some(chunk) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if !may_escape(x) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            0x0c => b"\\f",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x00..=0x1f => b"",
            _ => {
                i += 1;
                continue;
            }
        };
        buf.extend_from_slice(&bytes[start..i]);
        if escape.is_empty() {
            buf.extend_from_slice(b"\\u00");
            buf.push(HEX[usize::from(b >> 4)]);
            buf.push(HEX[usize::from(b & 0xf)]);
        } else {
            buf.extend_from_slice(escape);
        }
        i += 1;
        start = i;
    }
    buf.extend_from_slice(&bytes[start..]);
    buf.push(b'"');
}

/// An unsigned integer in decimal, as serde_json (itoa) writes it.
fn push_json_uint(buf: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[at..]);
}

/// One finding, byte for byte what [`pretty_nested`] writes of its record at the depth of
/// an element of `findings` (four spaces), written straight into the buffer: the record's
/// shape is fixed, and serde's machinery (a call and a formatter step for every key,
/// value and separator) was about half the cost of writing a report.
fn write_finding(buf: &mut Vec<u8>, r: &FindingRecord<'_>) {
    // Lines of the record's fields (depth 1), of its labels (2) and of their fields (3).
    const FIELD: &[u8] = b"\n      ";
    const LABEL: &[u8] = b"\n        ";
    const LABEL_FIELD: &[u8] = b"\n          ";
    let key = |buf: &mut Vec<u8>, first: bool, line: &[u8], name: &[u8]| {
        if !first {
            buf.push(b',');
        }
        buf.extend_from_slice(line);
        buf.push(b'"');
        buf.extend_from_slice(name);
        buf.extend_from_slice(b"\": ");
    };
    buf.push(b'{');
    key(buf, true, FIELD, b"fingerprint");
    push_json_str(buf, r.fingerprint);
    key(buf, false, FIELD, b"help");
    match r.help {
        Some(h) => push_json_str(buf, h),
        None => buf.extend_from_slice(b"null"),
    }
    key(buf, false, FIELD, b"labels");
    buf.push(b'[');
    for (k, l) in r.labels.iter().enumerate() {
        if k > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(LABEL);
        buf.push(b'{');
        key(buf, true, LABEL_FIELD, b"column");
        push_json_uint(buf, l.column);
        key(buf, false, LABEL_FIELD, b"file");
        push_json_str(buf, &l.file);
        key(buf, false, LABEL_FIELD, b"length");
        push_json_uint(buf, l.length);
        key(buf, false, LABEL_FIELD, b"line");
        push_json_uint(buf, l.line);
        key(buf, false, LABEL_FIELD, b"message");
        push_json_str(buf, l.message);
        key(buf, false, LABEL_FIELD, b"offset");
        push_json_uint(buf, l.offset);
        key(buf, false, LABEL_FIELD, b"primary");
        buf.extend_from_slice(if l.primary { b"true" } else { b"false" });
        buf.extend_from_slice(LABEL);
        buf.push(b'}');
    }
    if !r.labels.is_empty() {
        buf.extend_from_slice(FIELD);
    }
    buf.push(b']');
    key(buf, false, FIELD, b"message");
    push_json_str(buf, r.message);
    key(buf, false, FIELD, b"rule");
    push_json_str(buf, r.rule);
    key(buf, false, FIELD, b"severity");
    push_json_str(buf, r.severity);
    buf.extend_from_slice(b"\n    }");
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
                    write_finding(&mut buf, &record_named(docs, Some(&names), f));
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
    fn finding_written_by_hand_is_its_record_pretty_nested() {
        use std::borrow::Cow;
        let label = |file: &'static str, message: &'static str, primary: bool| LabelRecord {
            column: 39,
            file: Cow::Borrowed(file),
            length: 0,
            line: 18_446_744_073_709_551_615,
            message,
            offset: 10,
            primary,
        };
        let strings = [
            "",
            "plain",
            "quote \" backslash \\ slash / tab \t nl \n cr \r ff \u{c} bs \u{8}",
            "ctl \u{0}\u{1}\u{1f}\u{7f} é “x” ≠ 😀",
            "a long run of plain text, then a quote\" and more plain text after it",
            "0123456\\89abcdef\u{1f}123456789abcdef\"x\n!#$%&'()*+,-./0123456789:;<=>?@[]^_`{|}~ ",
        ];
        for (n, s) in strings.iter().enumerate() {
            let labels = match n {
                0 => vec![],
                1 => vec![label(s, s, true)],
                _ => vec![label(s, "here", true), label("b.md", s, false)],
            };
            let r = FindingRecord {
                fingerprint: s,
                help: (n % 2 == 1).then_some(*s),
                labels,
                message: s,
                rule: "repeated-fact",
                severity: "warning",
            };
            let (mut want, mut got) = (Vec::new(), Vec::new());
            pretty_nested(&r, b"    ", &mut want).unwrap();
            write_finding(&mut got, &r);
            assert_eq!(
                String::from_utf8(got).unwrap(),
                String::from_utf8(want).unwrap()
            );
        }
    }

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
