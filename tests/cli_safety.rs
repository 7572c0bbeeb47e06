//! The binary in CI conditions (issue 6): deterministic output whatever the number of
//! threads, no write to the files it reads, baselines written atomically, configuration
//! typos answered with the key and a suggestion, bad inputs not stopping the run.

use std::path::Path;
use std::process::{Command, Output};

use numlint::lang::Lang;

fn numlint_env(args: &[&str], dir: &Path, threads: Option<&str>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_numlint"));
    c.args(args).current_dir(dir).env("NO_COLOR", "1");
    if let Some(t) = threads {
        c.env("RAYON_NUM_THREADS", t);
    }
    c.output().expect("numlint runs")
}

fn numlint(args: &[&str], dir: &Path) -> Output {
    numlint_env(args, dir, None)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A directory of drafts with findings inside and across files.
fn drafts(dir: &Path, files: usize, bytes: usize) {
    for i in 0..files {
        let lang = if i % 2 == 0 { Lang::Fr } else { Lang::En };
        let sub = dir.join(format!("part{}", i % 3));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(
            sub.join(format!("doc{i:02}.txt")),
            numlint::synth::draft(lang, bytes, i as u64 % 4),
        )
        .unwrap();
    }
    // The same fact told with another value in a Markdown file.
    std::fs::write(
        dir.join("summary.md"),
        "# Résumé\n\nEn 2021, les exportations vers la Chine ont atteint 310,2 millions de dollars.\n\n\
         En 2021, les exportations vers la Chine ont atteint 290,7 millions de dollars.\n",
    )
    .unwrap();
}

#[test]
fn output_is_the_same_with_one_and_two_threads() {
    let dir = tempfile::tempdir().unwrap();
    drafts(dir.path(), 12, 6_000);
    for args in [
        &["check", "--format", "json", "."][..],
        &["check", "."][..],
        &["extract", "--format", "json", "."][..],
    ] {
        let one = numlint_env(args, dir.path(), Some("1"));
        let two = numlint_env(args, dir.path(), Some("2"));
        assert_ne!(one.status.code(), Some(2), "{}", stderr(&one));
        assert_eq!(one.status.code(), two.status.code(), "{args:?}");
        assert!(
            one.stdout.len() > 1_000,
            "{args:?}: the drafts have findings and figures"
        );
        assert!(
            one.stdout == two.stdout,
            "{args:?}: output differs between RAYON_NUM_THREADS=1 and 2"
        );
        // And from one run to the next.
        let again = numlint_env(args, dir.path(), Some("2"));
        assert!(one.stdout == again.stdout, "{args:?}: not reproducible");
    }
}

/// Content and modification time of every file under `dir`, sorted by path.
fn snapshot(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>, std::time::SystemTime)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            let p = e.path();
            let meta = std::fs::metadata(&p).unwrap();
            if meta.is_dir() {
                stack.push(p);
            } else {
                out.push((
                    p.clone(),
                    std::fs::read(&p).unwrap(),
                    meta.modified().unwrap(),
                ));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn check_never_writes_to_what_it_reads() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    drafts(p, 4, 3_000);
    std::fs::write(p.join("numlint.toml"), "[repeats]\nnear = true\n").unwrap();
    std::fs::write(p.join("notes.md"), "Les ventes ont crû de 5 %.\n").unwrap();
    // Old enough that a rewrite within the same second would still show.
    let before = snapshot(p);
    for args in [
        &["check", "."][..],
        &["check", "--format", "json", "."][..],
        &["extract", "--all", "."][..],
        &["check", "notes.md", "part0"][..],
    ] {
        let o = numlint(args, p);
        assert_ne!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    }
    let after = snapshot(p);
    assert_eq!(before.len(), after.len(), "no file added or removed");
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b.0, a.0);
        assert!(b.1 == a.1, "{} changed", b.0.display());
        assert_eq!(b.2, a.2, "{} touched", b.0.display());
    }
}

#[test]
#[cfg(unix)]
fn the_baseline_is_replaced_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    drafts(p, 2, 4_000);
    let base = p.join("ci").join("numlint-baseline.json");
    std::fs::create_dir(p.join("ci")).unwrap();
    std::fs::write(&base, "old baseline\n").unwrap();
    // A hard link to the old file: an in-place rewrite would change it too, a rename
    // of a new file over the name leaves it alone.
    let link = p.join("old-link.json");
    std::fs::hard_link(&base, &link).unwrap();

    let o = numlint(
        &["check", "--write-baseline", "ci/numlint-baseline.json", "."],
        p,
    );
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    let written = std::fs::read_to_string(&base).unwrap();
    let json: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(json["version"], 1);
    assert!(
        !json["fingerprints"].as_object().unwrap().is_empty(),
        "the drafts have findings: {written}"
    );
    assert_eq!(std::fs::read_to_string(&link).unwrap(), "old baseline\n");
    let names: Vec<String> = std::fs::read_dir(p.join("ci"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        vec!["numlint-baseline.json"],
        "no temporary file left"
    );

    // With the baseline, the same findings are no longer reported.
    let o = numlint(
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "ci/numlint-baseline.json",
            ".",
        ],
        p,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    // A baseline that cannot be written: exit 2, nothing left behind.
    let o = numlint(&["check", "--write-baseline", "absent/dir/b.json", "."], p);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("absent/dir/b.json"), "{}", stderr(&o));
    assert!(!p.join("absent").exists());
}

#[test]
fn a_config_typo_points_at_the_key_and_suggests() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("a.txt"), "Les ventes ont crû de 5 % en 2021.\n").unwrap();
    std::fs::write(
        p.join("numlint.toml"),
        "lang = \"fr\"\n\n[severty]\nrepeated-fact = \"error\"\n",
    )
    .unwrap();
    let o = numlint(&["check", "a.txt"], p);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("unknown key `severty`, did you mean `severity`?"),
        "{err}"
    );
    // The snippet shows the bad line with its number.
    assert!(err.contains("numlint.toml"), "{err}");
    assert!(err.contains("3 │ [severty]"), "{err}");
    assert!(err.contains("known keys: lang, select, ignore"), "{err}");
}

#[test]
fn bad_inputs_do_not_stop_the_check_of_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(
        p.join("good.txt"),
        numlint::synth::draft(Lang::Fr, 20_000, 1),
    )
    .unwrap();
    std::fs::write(p.join("latin1.txt"), b"Le caf\xe9 co\xfbte 3 euros.\n").unwrap();
    let mut be = vec![0xFE, 0xFF];
    for u in "Exports grew by 5 %.".encode_utf16() {
        be.extend(u.to_be_bytes());
    }
    std::fs::write(p.join("utf16be.txt"), be).unwrap();
    std::fs::write(p.join("bin.md"), [0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0]).unwrap();
    let o = numlint(
        &[
            "check",
            "--format",
            "json",
            "latin1.txt",
            "missing.md",
            "good.txt",
            "utf16be.txt",
            "bin.md",
        ],
        p,
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    for needle in [
        "latin1.txt: not valid UTF-8",
        "missing.md: no such file",
        "utf16be.txt: UTF-16",
        "bin.md: looks like a binary file",
    ] {
        assert!(err.contains(needle), "{needle}: {err}");
    }
    let out: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(out["summary"]["files"], 1, "{out}");
    let findings = out["findings"].as_array().unwrap();
    assert!(
        !findings.is_empty(),
        "the good file is still checked: {out}"
    );
    assert!(out.to_string().contains("good.txt"), "{out}");
}

#[test]
fn findings_far_along_a_long_line_are_shown_around_their_figures() {
    // miette cannot draw a label past column 65 535, and would print all of a long line
    // for every finding: figures 70 000 bytes into one line are shown in a window.
    let dir = tempfile::tempdir().unwrap();
    let filler = "the board met again and discussed the plan at length ".repeat(1400);
    let text = format!(
        "{filler}Sales rose 10% from 100 tonnes in 2022 to 200 tonnes in 2023. Exports rose 5% from 300 tonnes in 2022 to 400 tonnes in 2023.\n"
    );
    std::fs::write(dir.path().join("long.txt"), &text).unwrap();
    let o = numlint(&["check", "long.txt"], dir.path());
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{}\n{out}", stderr(&o));
    assert_eq!(out.matches("numlint::growth-rate").count(), 2, "{out}");
    assert!(out.contains("long.txt:1:7"), "{out}");
    let widest = out.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest < 1000, "a line of {widest} characters");
}
