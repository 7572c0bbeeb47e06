//! Findings for people: miette diagnostics with the source snippet, labels on every figure,
//! the rule code and the help line, then a summary line.
//!
//! Colours and Unicode box drawing only when stdout is a terminal and `NO_COLOR` is unset;
//! otherwise plain ASCII. A finding whose figures stand in several files is one diagnostic
//! in the primary label's file with a related diagnostic per other file (miette's labels
//! stay within one source).

use std::fmt;
use std::io::{self, IsTerminal, Write};

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use crate::document::Document;
use crate::finding::{Finding, Label, Severity};

#[derive(Debug)]
struct Diag<'a> {
    code: String,
    severity: miette::Severity,
    message: String,
    help: Option<String>,
    src: Source<'a>,
    labels: Vec<LabeledSpan>,
    related: Vec<Diag<'a>>,
}

/// A document's text as miette reads it, borrowed rather than copied for each finding.
///
/// miette reads the lines around a span by scanning the text from its first byte: each
/// label of each finding cost a pass over the whole file (and each finding a copy of it),
/// so thousands of findings on a long file took time in its size times their number. The
/// same scan is run here from a line start shortly before the span (found in the
/// document's line starts, by miette's rule: a line ends at `\n`, `\r\n` or a lone `\r`),
/// and the line numbers it gives are shifted by the lines skipped. Starting one line
/// earlier than the context miette asks for leaves its scan in the state it would have
/// reached from the top, so the contents are the same.
#[derive(Debug)]
struct Source<'a> {
    name: String,
    text: &'a str,
    line_starts: &'a [usize],
}

impl SourceCode for Source<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let line = self
            .line_starts
            .partition_point(|&s| s <= span.offset())
            .saturating_sub(1);
        if let Some(window) = self.long_line_window(line, span, context_lines_before) {
            return Ok(Box::new(window));
        }
        let first = line.saturating_sub(context_lines_before + 1);
        let from = self.line_starts.get(first).copied().unwrap_or(0);
        let tail = &self.text.as_bytes()[from..];
        let shifted = SourceSpan::new((span.offset() - from).into(), span.len());
        let read = tail.read_span(&shifted, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            read.data(),
            SourceSpan::new((read.span().offset() + from).into(), read.span().len()),
            read.line() + first,
            read.column(),
            read.line_count() + first,
        )))
    }
}

/// A line longer than this (a table flattened to one line, a file without line breaks) is
/// shown only around each figure: miette would print all of it for every finding, and
/// cannot draw a label past column 65 535 at all.
const LONG_LINE: usize = 2000;
/// Bytes of a long line shown either side of a span.
const LONG_LINE_WINDOW: usize = 160;

impl Source<'_> {
    /// The contents miette asks for, cut to a window of a long line around `span` (which
    /// must lie within the line): from the span itself when it asks for the location only
    /// (no context lines), else from a little before it.
    fn long_line_window(
        &self,
        line: usize,
        span: &SourceSpan,
        context_lines_before: usize,
    ) -> Option<MietteSpanContents<'_>> {
        let start = *self.line_starts.get(line)?;
        let end = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let body = self.text[start..end].trim_end_matches(['\n', '\r']);
        let line_end = start + body.len();
        let span_end = span.offset() + span.len();
        if body.len() <= LONG_LINE || span_end > line_end {
            return None;
        }
        let column = self.text[start..span.offset()].chars().count();
        if context_lines_before == 0 {
            let data = &self.text[span.offset()..span_end];
            return Some(MietteSpanContents::new_named(
                self.name.clone(),
                data.as_bytes(),
                *span,
                line,
                column,
                1,
            ));
        }
        let from = self
            .text
            .floor_char_boundary(span.offset().saturating_sub(LONG_LINE_WINDOW))
            .max(start);
        let to = self
            .text
            .ceil_char_boundary((span_end + LONG_LINE_WINDOW).min(line_end));
        let window_column = self.text[start..from].chars().count();
        Some(MietteSpanContents::new_named(
            self.name.clone(),
            &self.text.as_bytes()[from..to],
            SourceSpan::new(from.into(), to - from),
            line,
            window_column,
            1,
        ))
    }
}

/// Where each line starts, by miette's rule (see [`Source`]).
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        // The `\r` of a `\r\n` ends no line: its `\n` does.
        if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
            starts.push(i + 1);
        }
    }
    starts
}

impl fmt::Display for Diag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diag<'_> {}

impl Diagnostic for Diag<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        if self.code.is_empty() {
            None
        } else {
            Some(Box::new(&self.code))
        }
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.src)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
        }
    }
}

fn severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

fn labeled(l: &Label) -> LabeledSpan {
    let span = (l.span.start, l.span.len().max(1));
    if l.primary {
        LabeledSpan::new_primary_with_span(Some(l.message.clone()), span)
    } else {
        LabeledSpan::new_with_span(Some(l.message.clone()), span)
    }
}

fn diagnostic<'a>(
    docs: &'a [Document],
    line_starts: &'a [Vec<usize>],
    f: &Finding,
) -> Option<Diag<'a>> {
    let main_doc = f.primary()?.doc;
    let doc = docs.get(main_doc)?;
    let mut other_docs: Vec<usize> = f
        .labels
        .iter()
        .map(|l| l.doc)
        .filter(|&d| d != main_doc)
        .collect();
    other_docs.sort_unstable();
    other_docs.dedup();
    let related = other_docs
        .into_iter()
        .filter_map(|d| {
            let od = docs.get(d)?;
            Some(Diag {
                code: String::new(),
                severity: miette::Severity::Advice,
                message: format!("also involved, in {}", od.name()),
                help: None,
                src: Source {
                    name: od.name(),
                    text: &od.text,
                    line_starts: &line_starts[d],
                },
                labels: f
                    .labels
                    .iter()
                    .filter(|l| l.doc == d)
                    .map(labeled)
                    .collect(),
                related: Vec::new(),
            })
        })
        .collect();
    Some(Diag {
        code: format!("numlint::{}", f.rule),
        severity: severity(f.severity),
        message: f.message.clone(),
        help: f.help.clone(),
        src: Source {
            name: doc.name(),
            text: &doc.text,
            line_starts: &line_starts[main_doc],
        },
        labels: f
            .labels
            .iter()
            .filter(|l| l.doc == main_doc)
            .map(labeled)
            .collect(),
        related,
    })
}

/// Whether output should be fancy: stdout is a terminal and `NO_COLOR` is unset.
pub fn fancy() -> bool {
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

pub fn write(out: &mut dyn Write, docs: &[Document], findings: &[Finding]) -> io::Result<()> {
    write_with(out, docs, findings, fancy())
}

/// Render with an explicit choice of theme (tests use the plain one).
pub fn write_with(
    out: &mut dyn Write,
    docs: &[Document],
    findings: &[Finding],
    fancy: bool,
) -> io::Result<()> {
    write_findings_only(out, docs, findings, fancy)?;
    writeln!(out, "{}", summary(docs.len(), findings))
}

/// The diagnostics without the summary line (`--quiet`).
pub fn write_findings_only(
    out: &mut dyn Write,
    docs: &[Document],
    findings: &[Finding],
    fancy: bool,
) -> io::Result<()> {
    let theme = if fancy {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::none()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
    let line_starts: Vec<Vec<usize>> = docs.iter().map(|d| line_starts(&d.text)).collect();
    for f in findings {
        let Some(d) = diagnostic(docs, &line_starts, f) else {
            continue;
        };
        let mut s = String::new();
        if handler.render_report(&mut s, &d).is_err() {
            s = format!("{}: {} [{}]\n", f.severity, f.message, f.rule);
        }
        out.write_all(s.as_bytes())?;
        writeln!(out)?;
    }
    Ok(())
}

/// `numlint: 2 errors, 1 warning in 3 files`.
pub fn summary(files: usize, findings: &[Finding]) -> String {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let files = plural(files, "file");
    if findings.is_empty() {
        return format!("numlint: no findings in {files}");
    }
    let mut parts = vec![
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
    ];
    let infos = count(Severity::Info);
    if infos > 0 {
        parts.push(plural(infos, "note"));
    }
    format!("numlint: {} in {files}", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::{line_starts, Source};
    use miette::{SourceCode, SourceSpan};

    /// Reading from a line start near the span gives what miette's scan from the top does:
    /// every span of a text with `\n`, `\r\n`, lone `\r`, empty lines and long lines, with
    /// 0 to 3 context lines.
    #[test]
    fn source_reads_as_miette_does() {
        let text =
            "first line\nsecond\r\nthird\r\r\n\nfifth é line\rsixth\n\n\nlast one, with no end";
        let starts = line_starts(text);
        let ours = Source {
            name: "t.txt".into(),
            text,
            line_starts: &starts,
        };
        // Spans inside the text, as labels are (miette's own reading panics past its end).
        for offset in 0..=text.len() {
            for len in [0, 1, 3, 12]
                .into_iter()
                .filter(|l| offset + l <= text.len())
            {
                for context in 0..=3 {
                    let span = SourceSpan::new(offset.into(), len);
                    let theirs = text.read_span(&span, context, context);
                    let mine = ours.read_span(&span, context, context);
                    match (theirs, mine) {
                        (Ok(t), Ok(m)) => {
                            let at = format!("{offset}+{len}, {context} lines");
                            assert_eq!(t.data(), m.data(), "{at}");
                            assert_eq!(t.span(), m.span(), "{at}");
                            assert_eq!(t.line(), m.line(), "{at}");
                            assert_eq!(t.column(), m.column(), "{at}");
                            assert_eq!(t.line_count(), m.line_count(), "{at}");
                            assert_eq!(m.name(), Some("t.txt"));
                        }
                        (Err(_), Err(_)) => {}
                        (t, m) => panic!("{offset}+{len}: {:?} vs {:?}", t.is_ok(), m.is_ok()),
                    }
                }
            }
        }
    }
}
