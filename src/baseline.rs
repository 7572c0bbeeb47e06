//! Baselines: the fingerprints of accepted findings, so a CI job fails only on new ones.
//!
//! File format (JSON, versioned): `{"version": 1, "fingerprints": {"<fingerprint>": count}}`.
//! Fingerprints hold no positions (see [`crate::finding::Finding::fingerprint`]), so a
//! baseline survives edits that move paragraphs. Counts make it a multiset: a fact that is
//! repeated once more than in the baseline is new.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use miette::Diagnostic;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::finding::Finding;

#[derive(Debug, Error, Diagnostic)]
#[error("baseline {path}: {reason}")]
#[diagnostic(code(numlint::baseline))]
pub struct BaselineError {
    pub path: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub fingerprints: BTreeMap<String, usize>,
}

impl Baseline {
    pub fn from_findings(findings: &[Finding]) -> Baseline {
        let mut fingerprints = BTreeMap::new();
        for f in findings {
            *fingerprints.entry(f.fingerprint.clone()).or_insert(0) += 1;
        }
        Baseline {
            version: 1,
            fingerprints,
        }
    }

    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let err = |reason: String| BaselineError {
            path: path.display().to_string(),
            reason,
        };
        let text = std::fs::read_to_string(path).map_err(|e| err(e.to_string()))?;
        let b: Baseline =
            serde_json::from_str(&text).map_err(|e| err(format!("not a numlint baseline: {e}")))?;
        if b.version != 1 {
            return Err(err(format!("unsupported version {}", b.version)));
        }
        Ok(b)
    }

    /// Write atomically: a temporary file in the same directory, then a rename.
    pub fn write(&self, path: &Path) -> Result<(), BaselineError> {
        let err = |reason: String| BaselineError {
            path: path.display().to_string(),
            reason,
        };
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut tmp = tempfile_in(dir).map_err(|e| err(e.to_string()))?;
        let json = serde_json::to_string_pretty(self).map_err(|e| err(e.to_string()))?;
        tmp.1
            .write_all(json.as_bytes())
            .and_then(|_| tmp.1.write_all(b"\n"))
            .and_then(|_| tmp.1.sync_all())
            .map_err(|e| err(e.to_string()))?;
        drop(tmp.1);
        std::fs::rename(&tmp.0, path).map_err(|e| {
            let _ = std::fs::remove_file(&tmp.0);
            err(e.to_string())
        })
    }

    /// Findings not covered by the baseline.
    pub fn filter(&self, findings: Vec<Finding>) -> Vec<Finding> {
        let mut left = self.fingerprints.clone();
        findings
            .into_iter()
            .filter(|f| match left.get_mut(&f.fingerprint) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            })
            .collect()
    }
}

fn tempfile_in(dir: &Path) -> std::io::Result<(std::path::PathBuf, std::fs::File)> {
    let pid = std::process::id();
    for k in 0..100u32 {
        let p = dir.join(format!(".numlint-baseline.{pid}.{k}.tmp"));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&p)
        {
            Ok(f) => return Ok((p, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("cannot create a temporary file"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;

    fn f(fp: &str) -> Finding {
        Finding {
            rule: "share".into(),
            severity: Severity::Error,
            message: String::new(),
            help: None,
            labels: vec![],
            fingerprint: fp.into(),
        }
    }

    #[test]
    fn round_trip_and_multiset_filter() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("b.json");
        Baseline::from_findings(&[f("a"), f("b")])
            .write(&p)
            .unwrap();
        let b = Baseline::load(&p).unwrap();
        let left = b.filter(vec![f("a"), f("a"), f("c")]);
        let fps: Vec<&str> = left.iter().map(|f| f.fingerprint.as_str()).collect();
        assert_eq!(fps, vec!["a", "c"]);
        assert!(
            std::fs::read_dir(dir.path()).unwrap().count() == 1,
            "no temp file left"
        );
        std::fs::write(&p, "{}").unwrap();
        assert!(Baseline::load(&p).is_err());
    }
}
