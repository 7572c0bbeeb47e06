//! Inline suppressions, read from the ORIGINAL text (they are comments, which cleaning drops):
//!
//! - `<!-- numlint-disable-next-line repeated-fact -->`: the next non-blank line;
//! - `<!-- numlint-disable growth-rate -->` … `<!-- numlint-enable growth-rate -->`: a block
//!   (to the end of the file when not closed);
//! - `<!-- numlint-disable-file conflicting-fact -->`: the whole file.
//!
//! Rule codes are separated by spaces or commas; none means every rule. A finding is
//! suppressed when one of its labels lies in a suppressed place of its file. A suppression
//! that matches no finding is reported as `unused-suppression` (a warning), so stale ones
//! do not pile up.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::config::Config;
use crate::document::Document;
use crate::finding::{Finding, Label, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    NextLine,
    Block,
    File,
}

/// One suppression comment.
#[derive(Debug, Clone)]
pub struct Suppression {
    pub doc: usize,
    pub scope: Scope,
    /// Rule codes; empty = all.
    pub rules: Vec<String>,
    /// Lines covered (1-based, inclusive).
    pub lines: Range<usize>,
    /// The comment in the original text.
    pub span: Range<usize>,
}

impl Suppression {
    fn covers(&self, rule: &str) -> bool {
        self.rules.is_empty() || self.rules.iter().any(|r| r == rule)
    }
}

fn directive() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"<!--\s*numlint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)-->")
            .expect("valid regex")
    })
}

/// Every suppression comment of a document.
pub fn parse(doc_index: usize, doc: &Document) -> Vec<Suppression> {
    let text = &doc.text;
    let last_line = doc.line_col(text.len()).0;
    let mut out: Vec<Suppression> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for m in directive().captures_iter(text) {
        let whole = m.get(0).expect("match");
        let kind = &m[1];
        let rules: Vec<String> = m[2]
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let line = doc.line_col(whole.start()).0;
        let end_line = doc.line_col(whole.end()).0;
        match kind {
            "disable-next-line" => {
                let target = next_content_line(doc, end_line);
                out.push(Suppression {
                    doc: doc_index,
                    scope: Scope::NextLine,
                    rules,
                    lines: target..target + 1,
                    span: whole.range(),
                });
            }
            "disable-file" => out.push(Suppression {
                doc: doc_index,
                scope: Scope::File,
                rules,
                lines: 1..last_line + 1,
                span: whole.range(),
            }),
            "disable" => {
                open.push(out.len());
                out.push(Suppression {
                    doc: doc_index,
                    scope: Scope::Block,
                    rules,
                    lines: line..last_line + 1,
                    span: whole.range(),
                });
            }
            _ => {
                // `enable X` closes the latest open block naming X (or any, when bare).
                if let Some(pos) = open.iter().rposition(|&k| {
                    rules.is_empty() || rules.iter().all(|r| out[k].rules.contains(r))
                }) {
                    let k = open.remove(pos);
                    out[k].lines.end = line + 1;
                }
            }
        }
    }
    out
}

fn next_content_line(doc: &Document, after: usize) -> usize {
    for (line, l) in (after + 1..).zip(doc.text.lines().skip(after)) {
        if !l.trim().is_empty() {
            return line;
        }
    }
    after + 1
}

/// Drop suppressed findings; add `unused-suppression` warnings for comments that matched
/// nothing.
pub fn apply(docs: &[Document], findings: Vec<Finding>, config: &Config) -> Vec<Finding> {
    let sups: Vec<Suppression> = docs
        .iter()
        .enumerate()
        .flat_map(|(i, d)| parse(i, d))
        .collect();
    if sups.is_empty() {
        return findings;
    }
    // Each label is matched against the suppressions of its own file only (all of them
    // for every finding grew with files × findings on a large run, issue 6).
    let mut of_doc: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    for (k, s) in sups.iter().enumerate() {
        if let Some(list) = of_doc.get_mut(s.doc) {
            list.push(k);
        }
    }
    let mut used = vec![false; sups.len()];
    let mut kept = Vec::with_capacity(findings.len());
    for f in findings {
        let mut suppressed = false;
        for l in &f.labels {
            let (Some(d), Some(list)) = (docs.get(l.doc), of_doc.get(l.doc)) else {
                continue;
            };
            let mut line = None;
            for &k in list {
                let s = &sups[k];
                if !s.covers(&f.rule) {
                    continue;
                }
                let line = *line.get_or_insert_with(|| d.line_col(l.span.start).0);
                if s.lines.contains(&line) {
                    used[k] = true;
                    suppressed = true;
                }
            }
        }
        if !suppressed {
            kept.push(f);
        }
    }
    if config.enabled("unused-suppression") {
        for (s, _) in sups.iter().zip(&used).filter(|(_, u)| !**u) {
            // A suppression of a rule switched off in the configuration is not stale.
            if !s.rules.is_empty() && s.rules.iter().all(|r| !config.enabled(r)) {
                continue;
            }
            let what = if s.rules.is_empty() {
                "any rule".to_string()
            } else {
                s.rules
                    .iter()
                    .map(|r| format!("`{r}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let scope = match s.scope {
                Scope::NextLine => "next-line",
                Scope::Block => "block",
                Scope::File => "file",
            };
            let name = docs[s.doc].name();
            kept.push(Finding {
                rule: "unused-suppression".into(),
                severity: config.severity_of("unused-suppression", Severity::Warning),
                message: format!("this {scope} suppression of {what} matches no finding"),
                help: Some("remove the comment, or fix the rule code it names".into()),
                labels: vec![Label {
                    doc: s.doc,
                    span: s.span.clone(),
                    message: "unused suppression".into(),
                    primary: true,
                }],
                fingerprint: crate::checks::fingerprint(
                    "unused-suppression",
                    &[name, scope.into(), s.rules.join(",")],
                ),
            });
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    fn doc(t: &str) -> Document {
        Document::new("a.md", t.into(), Format::Markdown, None)
    }

    fn f(rule: &str, d: &Document, needle: &str) -> Finding {
        let s = d.text.find(needle).unwrap();
        Finding {
            rule: rule.into(),
            severity: Severity::Error,
            message: "m".into(),
            help: None,
            labels: vec![Label {
                doc: 0,
                span: s..s + needle.len(),
                message: String::new(),
                primary: true,
            }],
            fingerprint: "x".into(),
        }
    }

    #[test]
    fn next_line_block_and_file() {
        let d = doc("Intro 1.\n<!-- numlint-disable-next-line repeated-fact -->\n\nLine A 2.\nLine B 3.\n<!-- numlint-disable growth-rate -->\nLine C 4.\n<!-- numlint-enable growth-rate -->\nLine D 5.\n");
        let docs = vec![d];
        let c = Config::default();
        let out = apply(
            &docs,
            vec![
                f("repeated-fact", &docs[0], "A 2"),
                f("repeated-fact", &docs[0], "B 3"),
                f("growth-rate", &docs[0], "C 4"),
                f("growth-rate", &docs[0], "D 5"),
            ],
            &c,
        );
        let rest: Vec<&str> = out
            .iter()
            .map(|f| docs[0].slice(&f.labels[0].span))
            .collect();
        assert_eq!(rest, vec!["B 3", "D 5"]);
        let d = doc("<!-- numlint-disable-file share -->\nText 1.\n");
        let docs = vec![d];
        let out = apply(&docs, vec![f("share", &docs[0], "1")], &c);
        assert!(out.is_empty());
    }

    #[test]
    fn unused_suppression_is_reported() {
        let d = doc("<!-- numlint-disable-next-line share, growth-rate -->\nNothing here.\n");
        let docs = vec![d];
        let out = apply(&docs, vec![], &Config::default());
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].rule, "unused-suppression");
        assert_eq!(out[0].severity, Severity::Warning);
        assert!(out[0].message.contains("`share`, `growth-rate`"));
    }
}
