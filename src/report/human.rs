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
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode,
};

use crate::document::Document;
use crate::finding::{Finding, Label, Severity};

#[derive(Debug)]
struct Diag {
    code: String,
    severity: miette::Severity,
    message: String,
    help: Option<String>,
    src: NamedSource<String>,
    labels: Vec<LabeledSpan>,
    related: Vec<Diag>,
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diag {}

impl Diagnostic for Diag {
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

fn diagnostic(docs: &[Document], f: &Finding) -> Option<Diag> {
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
                src: NamedSource::new(od.name(), od.text.clone()),
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
        src: NamedSource::new(doc.name(), doc.text.clone()),
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
    for f in findings {
        let Some(d) = diagnostic(docs, f) else {
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
