//! Findings as GitHub Actions workflow commands: one annotation per finding,
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
//!
//! Severity: error → `error`, warning → `warning`, info → `notice`. The position is the
//! primary label's (1-based; columns in characters, the end column inclusive); the message
//! holds the help line and the other labels' places. Escaping follows the runner's rules:
//! in the message `%`, `\r`, `\n` become `%25`, `%0D`, `%0A`; in properties `:` and `,`
//! also become `%3A` and `%2C`.

use std::io::{self, Write};

use crate::document::Document;
use crate::finding::{Finding, Severity};

/// Escape the data (message) part of a workflow command.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value of a workflow command.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// The workflow command of one finding (without the newline).
pub fn annotation(docs: &[Document], f: &Finding) -> Option<String> {
    let p = f.primary()?;
    let doc = docs.get(p.doc)?;
    let (line, col) = doc.line_col(p.span.start);
    // Inclusive end: the last character of the span.
    let last = doc.text[..p.span.end.min(doc.text.len())]
        .char_indices()
        .next_back()
        .map_or(p.span.start, |(i, _)| i.max(p.span.start));
    let (end_line, end_col) = doc.line_col(last);
    let mut message = f.message.clone();
    if let Some(h) = &f.help {
        message.push_str("\nhelp: ");
        message.push_str(h);
    }
    for l in f.labels.iter().filter(|l| !std::ptr::eq(*l, p)) {
        if let Some(d) = docs.get(l.doc) {
            let (ll, lc) = d.line_col(l.span.start);
            message.push_str(&format!("\n{}:{ll}:{lc}: {}", d.name(), l.message));
        }
    }
    Some(format!(
        "::{} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
        command(f.severity),
        escape_property(&doc.name()),
        escape_property(&format!("numlint {}", f.rule)),
        escape_data(&message)
    ))
}

pub fn write(out: &mut dyn Write, docs: &[Document], findings: &[Finding]) -> io::Result<()> {
    for f in findings {
        if let Some(a) = annotation(docs, f) {
            writeln!(out, "{a}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(escape_data("50 %\r\nnext"), "50 %25%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(escape_data("a:b,c"), "a:b,c");
    }
}
