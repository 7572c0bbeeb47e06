//! `numlint.toml`: rule selection and severities, tolerances, language, extra lexicon terms
//! and identities.
//!
//! ```toml
//! lang = "fr"                      # default: detected per file
//! select = ["trade-balance", "growth-rate"]   # default: every rule
//! ignore = ["repeated-fact"]
//! min-confidence = 0.6             # context confidence a claim needs to be compared
//!
//! [severity]
//! repeated-fact = "error"          # info | warning | error
//!
//! [tolerance]
//! relative = 0.005                 # extra slack on every figure (0.5 %), beyond its rounding
//!
//! [repeats]
//! near = false                     # also report repeats inside one paragraph
//! abstract = true                  # report an abstract repeating the body
//! similarity = 0.55                # clause similarity (0–1) that makes two figures one fact
//!
//! [[lexicon.metric]]               # extra terms, merged into the built-in lexicons:
//! code = "revenue"                 # [[lexicon.metric]], [[lexicon.cue]], [[lexicon.entity]]
//! fr = ["recettes touristiques"]   # as in rules/metrics.toml and rules/gazetteer.toml;
//! en = ["tourism receipts"]        # [lexicon.numbers.fr] / .en / .common as in rules/numbers.toml
//! [lexicon.numbers.fr]
//! units = [{ code = "hl", kind = "measure", terms = ["hectolitres"] }]
//!
//! [[identity]]                     # your own arithmetic identities
//! expr = "revenue = cost + profit"
//! rule = "identity"                # code of the findings (default `identity`)
//! ```
//!
//! The file is found upward from the checked file's directory, or given with `--config`.
//! Unknown keys are errors (exit code 2) pointing at the line, with the known keys listed.

// A config error carries the file text for its miette snippet; it is built once per run.
#![allow(clippy::result_large_err)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use miette::{Diagnostic, NamedSource, SourceSpan};
use rust_decimal::Decimal;
use serde::Deserialize;
use thiserror::Error;

use crate::checks::identity::{Identity, IdentitySpec, Relations};
use crate::finding::Severity;
use crate::lang::Lang;

/// File name looked up from the checked file's directory upward.
pub const FILE_NAME: &str = "numlint.toml";

/// Context confidence a claim needs before rules compare it, until the context module
/// publishes its own threshold.
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.6;

/// How text-similar two clauses must be (weighted Jaccard of their content words) for their
/// figures to be read as one fact. Measured on French and English drafts: verbatim and
/// lightly edited restatements score 0.55–1.0; different facts sharing a unit and a few
/// common words stay below 0.4.
pub const DEFAULT_SIMILARITY: f32 = 0.5;

/// The loaded configuration, with defaults filled in.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where the configuration was read from, if anywhere.
    pub path: Option<PathBuf>,
    pub lang: Option<Lang>,
    /// Rules to run (`None`: all).
    pub select: Option<Vec<String>>,
    /// Rules not to run.
    pub ignore: Vec<String>,
    /// Severity overrides per rule code.
    pub severity: BTreeMap<String, Severity>,
    /// Extra relative slack on every figure.
    pub relative_tolerance: Decimal,
    pub min_confidence: f32,
    /// Report repeats inside one paragraph.
    pub near_repeats: bool,
    /// Report an abstract repeating the body.
    pub abstract_repeats: bool,
    pub similarity: f32,
    /// The `[lexicon]` table as TOML text, for the lexicons' `extend_from_toml`.
    pub lexicon: Option<String>,
    /// Built-in identities followed by the user's.
    pub relations: Relations,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            path: None,
            lang: None,
            select: None,
            ignore: Vec::new(),
            severity: BTreeMap::new(),
            relative_tolerance: Decimal::ZERO,
            min_confidence: DEFAULT_MIN_CONFIDENCE,
            near_repeats: false,
            abstract_repeats: true,
            similarity: DEFAULT_SIMILARITY,
            lexicon: None,
            relations: Relations::builtin().unwrap_or_default(),
        }
    }
}

impl Config {
    /// Whether a rule runs and is reported.
    pub fn enabled(&self, rule: &str) -> bool {
        if self.ignore.iter().any(|r| r == rule) {
            return false;
        }
        match &self.select {
            Some(s) => s.iter().any(|r| r == rule),
            None => true,
        }
    }

    /// The severity a rule reports at.
    pub fn severity_of(&self, rule: &str, default: Severity) -> Severity {
        self.severity.get(rule).copied().unwrap_or(default)
    }

    /// User identities only (after the built-in ones).
    pub fn identities(&self) -> &[Identity] {
        &self.relations.identities
    }

    /// Read and validate a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Io {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        let mut c = Config::parse(&path.display().to_string(), &text)?;
        c.path = Some(path.to_path_buf());
        Ok(c)
    }

    /// Parse configuration text; `name` is used in error messages.
    pub fn parse(name: &str, text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| syntax_error(name, text, &e))?;
        let lang = match &raw.lang {
            Some(l) => Some(
                l.parse::<Lang>()
                    .map_err(|m| value_error(name, text, l, m, "use \"fr\" or \"en\"".into()))?,
            ),
            None => None,
        };
        let mut c = Config {
            lang,
            ..Config::default()
        };
        let known: Vec<String> = crate::checks::registry::registry()
            .into_iter()
            .map(|r| r.code)
            .collect();
        let check_codes = |codes: &[String], key: &str| -> Result<(), ConfigError> {
            for code in codes {
                if !known.contains(code) {
                    return Err(value_error(
                        name,
                        text,
                        code,
                        format!("unknown rule `{code}` in `{key}`"),
                        format!("known rules: {}", known.join(", ")),
                    ));
                }
            }
            Ok(())
        };
        if let Some(s) = raw.select {
            check_codes(&s, "select")?;
            c.select = Some(s);
        }
        check_codes(&raw.ignore, "ignore")?;
        c.ignore = raw.ignore;
        let sev_codes: Vec<String> = raw.severity.keys().cloned().collect();
        check_codes(&sev_codes, "severity")?;
        for (code, s) in raw.severity {
            let sev: Severity = s.parse().map_err(|m: String| {
                value_error(name, text, &s, m, "use info, warning or error".to_string())
            })?;
            c.severity.insert(code, sev);
        }
        if let Some(t) = raw.tolerance {
            if t.relative < 0.0 || t.relative > 0.5 {
                return Err(value_error(
                    name,
                    text,
                    "relative",
                    format!(
                        "tolerance.relative must be between 0 and 0.5, not {}",
                        t.relative
                    ),
                    "0.01 is one per cent of slack on every figure".into(),
                ));
            }
            c.relative_tolerance = Decimal::try_from(t.relative).unwrap_or_default();
        }
        if let Some(m) = raw.min_confidence {
            c.min_confidence = m;
        }
        if let Some(r) = raw.repeats {
            c.near_repeats = r.near.unwrap_or(c.near_repeats);
            c.abstract_repeats = r.r#abstract.unwrap_or(c.abstract_repeats);
            if let Some(s) = r.similarity {
                if !(0.05..=1.0).contains(&s) {
                    return Err(value_error(
                        name,
                        text,
                        "similarity",
                        format!("repeats.similarity must be between 0.05 and 1, not {s}"),
                        format!("the default is {DEFAULT_SIMILARITY}"),
                    ));
                }
                c.similarity = s;
            }
        }
        if let Some(lex) = raw.lexicon {
            c.lexicon = Some(toml::to_string(&lex).unwrap_or_default());
        }
        for spec in raw.identity {
            let id = spec.parse().map_err(|e| {
                value_error(
                    name,
                    text,
                    &spec.expr,
                    e.to_string(),
                    "write `metric = metric + metric - 2 * metric`".into(),
                )
            })?;
            c.relations.identities.push(id);
        }
        Ok(c)
    }

    /// `numlint.toml` in `start` or the nearest parent directory.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let start = if start.is_file() {
            start.parent()?.to_path_buf()
        } else {
            start.to_path_buf()
        };
        let abs = std::fs::canonicalize(&start).unwrap_or(start);
        let mut dir = Some(abs.as_path());
        while let Some(d) = dir {
            let candidate = d.join(FILE_NAME);
            if candidate.is_file() {
                return Some(candidate);
            }
            dir = d.parent();
        }
        None
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    lang: Option<String>,
    select: Option<Vec<String>>,
    #[serde(default)]
    ignore: Vec<String>,
    min_confidence: Option<f32>,
    #[serde(default)]
    severity: BTreeMap<String, String>,
    tolerance: Option<RawTolerance>,
    repeats: Option<RawRepeats>,
    lexicon: Option<toml::Table>,
    #[serde(default)]
    identity: Vec<IdentitySpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawTolerance {
    relative: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRepeats {
    near: Option<bool>,
    r#abstract: Option<bool>,
    similarity: Option<f32>,
}

const TOP_KEYS: &[&str] = &[
    "lang",
    "select",
    "ignore",
    "min-confidence",
    "severity",
    "tolerance",
    "repeats",
    "lexicon",
    "identity",
];

/// A configuration that cannot be used (exit code 2).
#[derive(Debug, Error, Diagnostic)]
pub enum ConfigError {
    #[error("cannot read configuration {path}: {reason}")]
    #[diagnostic(code(numlint::config))]
    Io { path: String, reason: String },
    #[error("invalid configuration: {message}")]
    #[diagnostic(code(numlint::config))]
    Invalid {
        message: String,
        #[source_code]
        src: NamedSource<String>,
        #[label("here")]
        span: Option<SourceSpan>,
        #[help]
        help: Option<String>,
    },
}

fn syntax_error(name: &str, text: &str, e: &toml::de::Error) -> ConfigError {
    let mut message = e.message().to_string();
    let mut help = None;
    if let Some(rest) = e.message().strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        let expected: Vec<String> = message
            .split("expected ")
            .nth(1)
            .map(|s| {
                s.split(['`', ','])
                    .map(|p| p.trim().trim_start_matches("one of").trim())
                    .filter(|p| !p.is_empty() && *p != "or")
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_else(|| TOP_KEYS.iter().map(|s| s.to_string()).collect());
        let nearest = expected
            .iter()
            .min_by_key(|k| edit_distance(field, k))
            .filter(|k| edit_distance(field, k) <= 3);
        message = match nearest {
            Some(k) => format!("unknown key `{field}`, did you mean `{k}`?"),
            None => format!("unknown key `{field}`"),
        };
        help = Some(match nearest {
            Some(k) => format!("did you mean `{k}`? known keys: {}", expected.join(", ")),
            None => format!("known keys: {}", expected.join(", ")),
        });
    }
    ConfigError::Invalid {
        message,
        src: NamedSource::new(name, text.to_string()),
        span: e
            .span()
            .map(|r| SourceSpan::from(r.start..r.end.max(r.start + 1))),
        help,
    }
}

fn value_error(name: &str, text: &str, needle: &str, message: String, help: String) -> ConfigError {
    let span = text
        .find(&format!("\"{needle}\""))
        .map(|i| i + 1)
        .or_else(|| text.find(needle))
        .map(|i| SourceSpan::from(i..i + needle.len().max(1)));
    ConfigError::Invalid {
        message,
        src: NamedSource::new(name, text.to_string()),
        span,
        help: Some(help),
    }
}

/// Levenshtein distance on characters (for "did you mean").
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_file_parses() {
        let c = Config::parse(
            "numlint.toml",
            r#"
lang = "fr"
ignore = ["repeated-fact"]
min-confidence = 0.7
[severity]
growth-rate = "warning"
[tolerance]
relative = 0.01
[repeats]
near = true
similarity = 0.6
[lexicon]
[lexicon.fr.metrics]
recettes = "revenue"
[[identity]]
expr = "revenue = cost + profit"
"#,
        )
        .unwrap();
        assert_eq!(c.lang, Some(Lang::Fr));
        assert!(!c.enabled("repeated-fact"));
        assert!(c.enabled("growth-rate"));
        assert_eq!(
            c.severity_of("growth-rate", Severity::Error),
            Severity::Warning
        );
        assert!(c.near_repeats);
        assert!(c.lexicon.as_deref().unwrap().contains("recettes"));
        assert_eq!(c.identities().len(), 3);
        assert_eq!(c.identities()[2].rule, "identity");
    }

    #[test]
    fn typo_points_at_the_key_and_suggests() {
        let text = "lang = \"en\"\nignor = [\"share\"]\n";
        let e = Config::parse("numlint.toml", text).unwrap_err();
        match e {
            ConfigError::Invalid { span, help, .. } => {
                let span = span.unwrap();
                assert_eq!(&text[span.offset()..span.offset() + 5], "ignor");
                assert!(help.unwrap().contains("did you mean `ignore`"));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn typo_message_names_the_key_and_the_nearest_known_one() {
        let text = "lang = \"fr\"\n\n[severty]\nshare = \"error\"\n";
        let e = Config::parse("numlint.toml", text).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid configuration: unknown key `severty`, did you mean `severity`?"
        );
        let ConfigError::Invalid { span, help, .. } = e else {
            panic!("not an Invalid error")
        };
        let span = span.unwrap();
        assert_eq!(&text[span.offset()..span.offset() + span.len()], "severty");
        let help = help.unwrap();
        assert!(help.contains("known keys: lang, select, ignore"), "{help}");
        // Inside a table: the keys of that table are suggested.
        let text = "[repeats]\nsimilarty = 0.6\n";
        let e = Config::parse("numlint.toml", text).unwrap_err();
        assert!(
            e.to_string()
                .contains("unknown key `similarty`, did you mean `similarity`?"),
            "{e}"
        );
        // Nothing close: no guess, the known keys still listed.
        let e = Config::parse("numlint.toml", "colour = 1\n").unwrap_err();
        assert_eq!(e.to_string(), "invalid configuration: unknown key `colour`");
    }

    #[test]
    fn unknown_rule_and_bad_identity_are_errors() {
        assert!(Config::parse("n", "select = [\"growth\"]").is_err());
        assert!(Config::parse("n", "[severity]\nshare = \"loud\"").is_err());
        assert!(Config::parse("n", "[[identity]]\nexpr = \"a = \"").is_err());
        assert!(Config::parse("n", "[repeats]\nsimilarity = 3.0").is_err());
    }

    #[test]
    fn discover_walks_up() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "").unwrap();
        let found = Config::discover(&sub).unwrap();
        assert!(found.ends_with(FILE_NAME));
    }
}
