//! The rule registry: every rule's code, name, default severity and documentation, read
//! from `rules/registry.toml` (embedded at build time).

use std::sync::OnceLock;

use serde::Deserialize;

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
    /// Documentation (Markdown), without the examples.
    pub doc: String,
    /// Text the rule flags.
    pub fails: String,
    /// Text the rule accepts.
    pub passes: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    rule: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    code: String,
    name: String,
    severity: String,
    summary: String,
    doc: String,
    fails: String,
    passes: String,
}

const REGISTRY: &str = include_str!("../../rules/registry.toml");

fn load() -> Vec<RuleInfo> {
    // The file is embedded and covered by tests: a parse failure is a build defect.
    let file: File = toml::from_str(REGISTRY).expect("rules/registry.toml is valid");
    file.rule
        .into_iter()
        .map(|e| RuleInfo {
            default_severity: e.severity.parse().expect("valid severity in registry"),
            code: e.code,
            name: e.name,
            summary: e.summary,
            doc: e.doc.trim().to_string(),
            fails: e.fails,
            passes: e.passes,
        })
        .collect()
}

/// All rules, in a stable order.
pub fn registry() -> Vec<RuleInfo> {
    static CACHE: OnceLock<Vec<RuleInfo>> = OnceLock::new();
    CACHE.get_or_init(load).clone()
}

/// One rule by code.
pub fn find(code: &str) -> Option<RuleInfo> {
    registry().into_iter().find(|r| r.code == code)
}

/// `numlint explain CODE` text.
pub fn explain(r: &RuleInfo) -> String {
    format!(
        "{} ({}) — default severity: {}\n\n{}\n\n{}\n\nFails:\n    {}\n\nPasses:\n    {}\n",
        r.code,
        r.name,
        r.default_severity,
        r.summary,
        r.doc,
        r.fails.replace('\n', "\n    "),
        r.passes.replace('\n', "\n    ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_documented_with_examples() {
        let r = registry();
        for code in [
            "trade-balance",
            "growth-rate",
            "multiplier",
            "share",
            "sum-of-parts",
            "conflicting-fact",
            "repeated-fact",
            "unused-suppression",
            "identity",
        ] {
            let info = r
                .iter()
                .find(|i| i.code == code)
                .unwrap_or_else(|| panic!("{code}"));
            assert!(!info.fails.is_empty() && !info.passes.is_empty());
            assert!(explain(info).contains("Fails:"));
        }
        assert_eq!(
            find("repeated-fact").unwrap().default_severity,
            Severity::Warning
        );
    }
}
