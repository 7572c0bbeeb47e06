//! Every `numlint check --format` on a sample with findings across two files: snapshots
//! (paths relative to the crate root, so they are stable), the SARIF log validated against
//! the official SARIF 2.1.0 schema, `--quiet`, `--statistics` and `--diff`.

use std::path::Path;
use std::process::{Command, Output};

const SAMPLE: &str = "tests/data/formats";

fn numlint_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_numlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("numlint runs")
}

fn numlint(args: &[&str]) -> Output {
    numlint_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn check(format: &str) -> String {
    let o = numlint(&["check", "--format", format, SAMPLE]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

#[test]
fn human_without_colour() {
    let out = check("human");
    assert!(!out.contains('\u{1b}'), "no escape codes off a terminal");
    insta::assert_snapshot!("human", out);
}

#[test]
fn json() {
    insta::assert_snapshot!("json", check("json"));
}

#[test]
fn sarif() {
    insta::assert_snapshot!("sarif", check("sarif"));
}

#[test]
fn github() {
    let out = check("github");
    for line in out.lines() {
        assert!(line.starts_with("::error file=") || line.starts_with("::warning file="));
        let (props, data) = line[2..].split_once("::").expect("command::data");
        assert!(!data.contains('\n') && !data.contains('\r'));
        // A property value holds no raw `,` or `:` (they would end it).
        for p in props.split_once(' ').unwrap().1.split(',') {
            let (_, v) = p.split_once('=').expect("key=value");
            assert!(!v.contains(':'), "{v}");
        }
    }
    insta::assert_snapshot!("github", out);
}

#[test]
fn compact() {
    let out = check("compact");
    for line in out.lines() {
        let mut parts = line.splitn(4, ':');
        let (file, l, c) = (parts.next(), parts.next(), parts.next());
        assert!(file.unwrap().starts_with(SAMPLE));
        assert!(l.unwrap().parse::<usize>().is_ok() && c.unwrap().parse::<usize>().is_ok());
    }
    insta::assert_snapshot!("compact", out);
}

fn escape_stray_bracket(v: &mut serde_json::Value) -> usize {
    const STRAY: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    match v {
        serde_json::Value::String(s) if s == STRAY => {
            *s = r"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\]?$".to_string();
            1
        }
        serde_json::Value::Array(a) => a.iter_mut().map(escape_stray_bracket).sum(),
        serde_json::Value::Object(o) => o.values_mut().map(escape_stray_bracket).sum(),
        _ => 0,
    }
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let mut schema: serde_json::Value =
        serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json")).unwrap();
    // The official schema's `language` patterns (run, toolComponent) have a stray `]` that
    // a strict ECMA-262 regex check (draft-07's `format: regex` on `pattern`) rejects;
    // escape it, which is what it means in the lenient (Annex B) reading. Nothing else is
    // changed.
    let fixed = escape_stray_bracket(&mut schema);
    assert_eq!(fixed, 2, "the two `language` patterns");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let log: serde_json::Value = serde_json::from_str(&check("sarif")).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    // The validator does reject what the schema forbids.
    let mut bad = log.clone();
    bad["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(!validator.is_valid(&bad));

    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let codes: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for r in numlint::checks::registry::registry() {
        assert!(codes.contains(&r.code.as_str()), "{}", r.code);
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    for res in results {
        let idx = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], res["ruleId"]);
        let region = &res["locations"][0]["physicalLocation"]["region"];
        assert!(region["byteLength"].as_u64().unwrap() > 0);
        assert!(res["partialFingerprints"]["numlint/v1"].is_string());
        assert!(!res["relatedLocations"].as_array().unwrap().is_empty());
    }
    // The region's byte offset points at the figure in the file.
    let r0 = &results[0]["locations"][0]["physicalLocation"];
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(r0["artifactLocation"]["uri"].as_str().unwrap());
    let text = std::fs::read_to_string(path).unwrap();
    let off = r0["region"]["byteOffset"].as_u64().unwrap() as usize;
    let len = r0["region"]["byteLength"].as_u64().unwrap() as usize;
    assert_eq!(&text[off..off + len], "8,1 %");
}

#[test]
fn quiet_drops_the_summary_and_statistics_count_per_rule() {
    let o = numlint(&["check", "--quiet", SAMPLE]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("conflicting-fact"));
    assert!(!out.contains("numlint: "), "{out}");

    let o = numlint(&["check", "--statistics", SAMPLE]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "2  conflicting-fact\n1  repeated-fact\n"
    );
}

fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .output()
        .expect("git runs");
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn diff_reports_only_findings_on_changed_lines() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let old = "Le chômage a atteint 8,1 % en 2021 en France.\n\n\
               Plus loin : le chômage a atteint 9,3 % en 2021 en France.\n\n\
               Les exportations ont atteint 12 millions d'euros.\n";
    std::fs::write(p.join("note.md"), old).unwrap();
    git(p, &["init", "-q"]);
    git(p, &["add", "note.md"]);
    git(p, &["commit", "-qm", "draft"]);
    // Only the last line changes: the contradiction above is old news.
    std::fs::write(p.join("note.md"), old.replace("12 millions", "13 millions")).unwrap();
    let all = numlint_in(p, &["check", "-f", "compact", "note.md"]);
    assert!(String::from_utf8_lossy(&all.stdout).contains("conflicting-fact"));
    let o = numlint_in(p, &["check", "-f", "compact", "--diff", "HEAD", "note.md"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout), "");

    // Now a figure of the contradiction changes: it is reported.
    std::fs::write(p.join("note.md"), old.replace("9,3", "9,4")).unwrap();
    let o = numlint_in(p, &["check", "-f", "compact", "--diff", "HEAD", "note.md"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("note.md:3:"));

    // An untracked file is wholly changed.
    std::fs::write(p.join("new.md"), old).unwrap();
    let o = numlint_in(p, &["check", "-f", "compact", "--diff", "HEAD", "new.md"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("new.md:3:"));

    // A bad revision, or no repository: a clear error, exit 2.
    let o = numlint_in(p, &["check", "--diff", "no-such-rev", "note.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no-such-rev"));
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("a.md"), old).unwrap();
    let o = numlint_in(outside.path(), &["check", "--diff", "HEAD", "a.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not in a git repository"));
}
