//! The rule registry: every rule's code, name, default severity and documentation.
//! (Skeleton: the documentation moves to `rules/registry.toml` with the rules.)

use crate::finding::Severity;

/// What a user reads about a rule (`numlint rules`, `numlint explain CODE`, SARIF rules).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInfo {
    /// Stable kebab-case code used in output, config and suppressions.
    pub code: String,
    /// Short human name.
    pub name: String,
    pub default_severity: Severity,
    /// One-line summary.
    pub summary: String,
    /// Markdown documentation with a failing and a passing example.
    pub doc: String,
}

/// All rules, in a stable order.
pub fn registry() -> Vec<RuleInfo> {
    [
        ("trade-balance", "Trade balance", Severity::Error, "Turnover must equal exports + imports; balance must equal exports − imports."),
        ("growth-rate", "Growth rate", Severity::Error, "A stated change or index must match the two values it relates."),
        ("multiplier", "Multiplier", Severity::Error, "A stated growth factor must match the values it relates."),
        ("share", "Share", Severity::Error, "A part must equal its share of the whole; shares of one whole cannot add up past 100 %."),
        ("sum-of-parts", "Sum of parts", Severity::Error, "A stated total must match the parts listed for it."),
        ("conflicting-fact", "Conflicting fact", Severity::Error, "The same fact is given two incompatible values."),
        ("repeated-fact", "Repeated fact", Severity::Warning, "The same fact is stated again at a distant place."),
    ]
    .into_iter()
    .map(|(code, name, sev, summary)| RuleInfo {
        code: code.into(),
        name: name.into(),
        default_severity: sev,
        summary: summary.into(),
        doc: summary.into(),
    })
    .collect()
}
