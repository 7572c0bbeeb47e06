//! `--diff REV`: keep only findings with a figure on a line changed since a git revision.
//!
//! For each file, `git diff --unified=0 REV -- FILE` (run in the file's directory) gives
//! hunk headers `@@ -a,b +c,d @@`: lines `c .. c+d` of the working file are changed.
//! An untracked file counts as wholly changed. A file outside a git repository, or a
//! revision git does not know, is an error (exit 2).

use std::collections::HashSet;
use std::ops::RangeInclusive;
use std::path::Path;
use std::process::Command;

use crate::document::Document;
use crate::finding::Finding;

/// Lines of one file changed since the revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// Untracked: every line counts as changed.
    All,
    /// 1-based inclusive line ranges of the working file.
    Lines(Vec<RangeInclusive<usize>>),
}

impl Changed {
    /// Whether any line of `lines` is changed.
    pub fn touches(&self, lines: RangeInclusive<usize>) -> bool {
        match self {
            Changed::All => true,
            Changed::Lines(v) => v
                .iter()
                .any(|r| r.start() <= lines.end() && lines.start() <= r.end()),
        }
    }
}

/// Parse the hunk headers of a `git diff --unified=0` output into changed line ranges of
/// the new file. Pure deletions (`+c,0`) change no line of the new file.
pub fn parse_hunks(diff: &str) -> Vec<RangeInclusive<usize>> {
    let mut out = Vec::new();
    for line in diff.lines() {
        let Some(rest) = line.strip_prefix("@@ ") else {
            continue;
        };
        let Some(plus) = rest.split_whitespace().find(|t| t.starts_with('+')) else {
            continue;
        };
        let mut parts = plus[1..].splitn(2, ',');
        let start: usize = match parts.next().and_then(|s| s.parse().ok()) {
            Some(s) => s,
            None => continue,
        };
        let count: usize = match parts.next() {
            Some(c) => match c.parse() {
                Ok(c) => c,
                Err(_) => continue,
            },
            None => 1,
        };
        if count > 0 {
            out.push(start..=start + count - 1);
        }
    }
    out
}

fn git(dir: &Path, args: &[&str]) -> Result<std::process::Output, String> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))
}

fn dir_and_file(path: &Path) -> Result<(&Path, String), String> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let file = path
        .file_name()
        .ok_or_else(|| format!("{}: not a file", path.display()))?
        .to_string_lossy()
        .into_owned();
    Ok((dir, file))
}

/// Check that `dir` is in a git work tree that knows `rev`.
fn check_repo(dir: &Path, shown: &str, rev: &str) -> Result<(), String> {
    let inside = git(dir, &["rev-parse", "--is-inside-work-tree"])?;
    if !inside.status.success() {
        return Err(format!(
            "{shown}: not in a git repository (--diff needs one)"
        ));
    }
    let verify = git(
        dir,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )?;
    if !verify.status.success() {
        return Err(format!("--diff: unknown git revision `{rev}`"));
    }
    Ok(())
}

/// Changed lines of a file of a checked repository since `rev`.
fn file_changes(dir: &Path, file: &str, shown: &str, rev: &str) -> Result<Changed, String> {
    let tracked = git(dir, &["ls-files", "--error-unmatch", "--", file])?;
    if !tracked.status.success() {
        return Ok(Changed::All);
    }
    let out = git(
        dir,
        &[
            "diff",
            "--no-color",
            "--no-ext-diff",
            "--unified=0",
            rev,
            "--",
            file,
        ],
    )?;
    if !out.status.success() {
        return Err(format!(
            "{shown}: git diff failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(Changed::Lines(parse_hunks(&String::from_utf8_lossy(
        &out.stdout,
    ))))
}

/// Changed lines of one file since `rev`.
pub fn changed_lines(path: &Path, rev: &str) -> Result<Changed, String> {
    let shown = path.display().to_string();
    let (dir, file) = dir_and_file(path)?;
    check_repo(dir, &shown, rev)?;
    file_changes(dir, &file, &shown, rev)
}

/// Changed lines of every document (stdin cannot be diffed). The repository and the
/// revision are checked once per directory.
pub fn changes(docs: &[Document], rev: &str) -> Result<Vec<Changed>, String> {
    let mut checked: HashSet<&Path> = HashSet::new();
    let mut out = Vec::with_capacity(docs.len());
    for d in docs {
        if d.path.as_os_str() == "<stdin>" {
            return Err("--diff cannot be used with stdin".into());
        }
        let shown = d.path.display().to_string();
        let (dir, file) = dir_and_file(&d.path)?;
        if checked.insert(dir) {
            check_repo(dir, &shown, rev)?;
        }
        out.push(file_changes(dir, &file, &shown, rev)?);
    }
    Ok(out)
}

/// Keep the findings with a label on a changed line (`changes` indexed like `docs`).
pub fn filter(docs: &[Document], changes: &[Changed], findings: Vec<Finding>) -> Vec<Finding> {
    findings
        .into_iter()
        .filter(|f| {
            f.labels.iter().any(|l| {
                let (Some(doc), Some(c)) = (docs.get(l.doc), changes.get(l.doc)) else {
                    return false;
                };
                let first = doc.line_col(l.span.start).0;
                let last = doc
                    .line_col(l.span.end.saturating_sub(1).max(l.span.start))
                    .0;
                c.touches(first..=last)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunk_headers_give_new_line_ranges() {
        let diff = "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -3 +3 @@\n-a\n+b\n\
                    @@ -10,0 +11,2 @@ ctx\n+c\n+d\n@@ -20,4 +21,0 @@\n";
        assert_eq!(parse_hunks(diff), vec![3..=3, 11..=12]);
        let c = Changed::Lines(parse_hunks(diff));
        assert!(c.touches(12..=14));
        assert!(!c.touches(4..=10));
        assert!(Changed::All.touches(1..=1));
    }
}
