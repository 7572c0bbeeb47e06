//! What rules report: a finding with labelled spans in one or more documents.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Severity, String> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" | "warn" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!(
                "unknown severity `{other}` (expected info, warning or error)"
            )),
        }
    }
}

/// A span a finding points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Index of the document in the run.
    pub doc: usize,
    /// Byte range in the original text.
    pub span: Range<usize>,
    pub message: String,
    /// The figure in doubt (one per finding); the others are context.
    pub primary: bool,
}

/// One inconsistency or notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable kebab-case rule code.
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// The computation, and the value that would make the text consistent.
    pub help: Option<String>,
    pub labels: Vec<Label>,
    /// Position-independent key of the fact (rule, subject, metric, period, values), for
    /// baselines that survive edits moving paragraphs.
    pub fingerprint: String,
}

impl Finding {
    pub fn primary(&self) -> Option<&Label> {
        self.labels
            .iter()
            .find(|l| l.primary)
            .or(self.labels.first())
    }
}
