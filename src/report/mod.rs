//! Output: quantities (`extract`) and findings (`check`) in human and machine formats.

pub mod compact;
pub mod diff;
pub mod extract;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

use clap::ValueEnum;

use crate::document::Document;
use crate::finding::Finding;

/// Where a rule's documentation (the text of `numlint explain CODE`) is published:
/// `{RULE_DOCS_BASE}{code}.md`. SARIF `helpUri` and the language server's
/// `codeDescription` link there; one constant so the scheme stays stable.
pub const RULE_DOCS_BASE: &str = "https://github.com/numlint/numlint/blob/main/docs/rules/";

/// The documentation URL of a rule code.
pub fn rule_doc_url(code: &str) -> String {
    format!("{RULE_DOCS_BASE}{code}.md")
}

/// How `numlint check` prints findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// miette diagnostics with source snippets (colours only on a terminal).
    Human,
    /// One JSON document (versioned schema, see `report::json`).
    Json,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions workflow commands (one annotation per finding).
    Github,
    /// `path:line:col: severity[code] message`, one per line.
    Compact,
}

impl OutputFormat {
    /// Formats read by programs (no progress bar, no summary line, no colours).
    pub fn is_machine(self) -> bool {
        matches!(
            self,
            OutputFormat::Json | OutputFormat::Sarif | OutputFormat::Github
        )
    }
}

/// Write findings of a run in the chosen format. `docs` are indexed by `Label::doc`.
pub fn write_findings(
    format: OutputFormat,
    out: &mut dyn Write,
    docs: &[Document],
    findings: &[Finding],
) -> io::Result<()> {
    match format {
        OutputFormat::Human => human::write(out, docs, findings),
        OutputFormat::Json => json::write(out, docs, findings),
        OutputFormat::Sarif => sarif::write(out, docs, findings),
        OutputFormat::Github => github::write(out, docs, findings),
        OutputFormat::Compact => compact::write(out, docs, findings),
    }
}

/// Findings per rule, most frequent first (ties by code): `--statistics`.
pub fn statistics(findings: &[Finding]) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for f in findings {
        *counts.entry(f.rule.as_str()).or_default() += 1;
    }
    let mut v: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(code, n)| (code.to_string(), n))
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

/// `--statistics` lines, like ruff's: `12  repeated-fact`, counts right-aligned.
pub fn write_statistics(out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
    let stats = statistics(findings);
    let width = stats
        .iter()
        .map(|(_, n)| n.to_string().len())
        .max()
        .unwrap_or(1);
    for (code, n) in stats {
        writeln!(out, "{n:>width$}  {code}")?;
    }
    Ok(())
}

/// A path as a URI reference: relative paths stay relative (`docs/a%20b.md`), absolute
/// ones become `file://` URIs. Separators become `/`; everything but unreserved
/// characters and `/` is percent-encoded (UTF-8).
pub fn path_uri(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    let s = s.strip_prefix("./").unwrap_or(&s);
    let encoded = percent_encode_path(s);
    if path.is_absolute() {
        if encoded.starts_with('/') {
            format!("file://{encoded}")
        } else {
            // Windows drive path `C:/…`.
            format!("file:///{encoded}")
        }
    } else {
        encoded
    }
}

fn percent_encode_path(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;

    fn finding(rule: &str) -> Finding {
        Finding {
            rule: rule.into(),
            severity: Severity::Warning,
            message: String::new(),
            help: None,
            labels: Vec::new(),
            fingerprint: String::new(),
        }
    }

    #[test]
    fn statistics_sorted_by_count_then_code() {
        let fs: Vec<Finding> = ["share", "repeated-fact", "growth-rate", "repeated-fact"]
            .into_iter()
            .chain(std::iter::repeat_n("repeated-fact", 10))
            .map(finding)
            .collect();
        let mut out = Vec::new();
        write_statistics(&mut out, &fs).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "12  repeated-fact\n 1  growth-rate\n 1  share\n"
        );
    }

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(
            path_uri(Path::new("./docs/note é.md")),
            "docs/note%20%C3%A9.md"
        );
        assert_eq!(path_uri(Path::new("/tmp/a,b.md")), "file:///tmp/a%2Cb.md");
    }
}
