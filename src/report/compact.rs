//! Findings as one line each, for grep and editors' quickfix lists:
//! `path:line:col: severity[code] message (help: …)`.
//!
//! The position is the primary label's (1-based line, column in characters); newlines
//! inside messages become spaces so a finding is always exactly one line. Vim:
//! `:set errorformat=%f:%l:%c:\ %m`; Emacs `compilation-mode` reads it as is.

use std::io::{self, Write};

use crate::document::Document;
use crate::finding::Finding;

fn one_line(s: &str) -> String {
    s.split(['\n', '\r'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The line of one finding (without the newline); `None` when it has no label.
pub fn line(docs: &[Document], f: &Finding) -> Option<String> {
    let l = f.primary()?;
    let doc = docs.get(l.doc)?;
    let (line, col) = doc.line_col(l.span.start);
    let mut s = format!(
        "{}:{}:{}: {}[{}] {}",
        doc.name(),
        line,
        col,
        f.severity,
        f.rule,
        one_line(&f.message)
    );
    if let Some(h) = &f.help {
        s.push_str(&format!(" (help: {})", one_line(h)));
    }
    Some(s)
}

pub fn write(out: &mut dyn Write, docs: &[Document], findings: &[Finding]) -> io::Result<()> {
    for f in findings {
        if let Some(l) = line(docs, f) {
            writeln!(out, "{l}")?;
        }
    }
    Ok(())
}
