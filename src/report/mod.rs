//! Output: quantities (`extract`) and findings (`check`) in human and machine formats.

pub mod compact;
pub mod extract;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::io::{self, Write};

use clap::ValueEnum;

use crate::document::Document;
use crate::finding::Finding;

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
