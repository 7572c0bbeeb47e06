//! Bad input through the binary: a clear error naming the file, exit code 2, and the
//! other files of the run still read.

use std::path::Path;
use std::process::{Command, Output};

fn numlint(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_numlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("numlint runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const GOOD: &str = "En 2023, les exportations ont atteint 245,4 millions de dollars.\n";

#[test]
fn missing_path_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = numlint(&["check", "absent.txt"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("absent.txt"), "{}", stderr(&o));
    assert!(stderr(&o).contains("no such file"), "{}", stderr(&o));
}

#[test]
fn each_bad_file_is_named_and_the_good_one_is_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("good.txt"), GOOD).unwrap();
    std::fs::write(p.join("latin1.txt"), b"Le caf\xe9 co\xfbte 3 euros.\n").unwrap();
    std::fs::write(p.join("image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(p.join("empty.txt"), b"").unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Exports grew by 5 %.".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    std::fs::write(p.join("utf16.txt"), utf16).unwrap();

    let o = numlint(
        &[
            "extract",
            "--format",
            "json",
            "latin1.txt",
            "image.txt",
            "good.txt",
            "empty.txt",
            "utf16.txt",
        ],
        p,
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("latin1.txt: not valid UTF-8 (first invalid byte at offset 6)"),
        "{err}"
    );
    assert!(err.contains("image.txt: looks like a binary file"), "{err}");
    assert!(err.contains("empty.txt: file is empty"), "{err}");
    assert!(
        err.contains("utf16.txt: UTF-16 text is not supported"),
        "{err}"
    );
    // The good file was still read: its figures are listed.
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("good.txt"), "stdout: {out}");
}

#[test]
fn directories_are_walked_honouring_gitignore_and_globs() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("docs/drafts")).unwrap();
    std::fs::create_dir(p.join(".git")).unwrap();
    std::fs::write(p.join(".gitignore"), "drafts/\n").unwrap();
    std::fs::write(p.join("docs/a.md"), GOOD).unwrap();
    std::fs::write(p.join("docs/b.txt"), GOOD).unwrap();
    std::fs::write(p.join("docs/code.rs"), "fn main() { let x = 42; }\n").unwrap();
    std::fs::write(p.join("docs/drafts/c.txt"), GOOD).unwrap();

    let o = numlint(&["extract", "--format", "json", "."], p);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    let files: std::collections::BTreeSet<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["file"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let names: Vec<String> = files.iter().map(|f| f.replace('\\', "/")).collect();
    assert!(names.iter().any(|f| f.ends_with("docs/a.md")), "{names:?}");
    assert!(names.iter().any(|f| f.ends_with("docs/b.txt")), "{names:?}");
    assert!(
        !names.iter().any(|f| f.contains("drafts")),
        "gitignored: {names:?}"
    );
    assert!(
        !names.iter().any(|f| f.ends_with(".rs")),
        "not prose: {names:?}"
    );

    let o = numlint(&["extract", "--format", "json", "--glob", "*.md", "."], p);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("a.md") && !out.contains("b.txt"), "{out}");
}

#[test]
fn stdin_is_read_with_dash() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_numlint"))
        .args(["extract", "--format", "json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(GOOD.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.is_empty() || out.contains("<stdin>"), "{out}");
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let o = numlint(&["check", "--lang", "de", "x.txt"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    let o = numlint(&["frobnicate"], dir.path());
    assert_eq!(o.status.code(), Some(2));
}

/// 10 000 files in the default run (about 3 s); the 100 000 of issue 6 take half a minute
/// of file creation on a loaded machine: `cargo test --test cli_input -- --ignored`.
#[test]
fn ten_thousand_tiny_files() {
    tiny_files(10_000);
}

#[test]
#[ignore = "100 000 files: half a minute creating them; see README, Performance"]
fn a_hundred_thousand_tiny_files() {
    tiny_files(100_000);
}

fn tiny_files(count: u32) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    for i in 0..count {
        let sub = p.join(format!("d{}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir(&sub).unwrap();
        }
        std::fs::write(
            sub.join(format!("f{i}.txt")),
            format!("Les ventes ont atteint {} tonnes.\n", i % 997 + 1),
        )
        .unwrap();
    }
    let o = numlint(&["extract", "--format", "json", "."], p);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines = String::from_utf8_lossy(&o.stdout).lines().count();
    assert_eq!(lines, count as usize, "one figure per file");
    let o = numlint(&["check", "."], p);
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
#[cfg(unix)]
fn unreadable_directory_is_reported_and_the_rest_checked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("good.txt"), GOOD).unwrap();
    let locked = p.join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("hidden.txt"), GOOD).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let still_readable = std::fs::read_dir(&locked).is_ok(); // root reads anyway
    let o = numlint(&["extract", "--format", "json", "."], p);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("good.txt"), "{out}");
    if still_readable {
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    } else {
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("locked"), "{}", stderr(&o));
    }
}

/// Run numlint, killing it if it has not finished in `limit` (a hang fails the test
/// instead of stalling CI).
fn numlint_within(args: &[&str], dir: &Path, limit: std::time::Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_numlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("numlint runs");
    let t0 = std::time::Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if t0.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("numlint {args:?} still running after {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_long_single_line_file_and_pathological_files_finish() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    // 4 MB without a line break (the 50 MB one is in the README's Performance section).
    let unit =
        "Les exportations ont atteint 245,4 millions de dollars en 2021, soit 7,8 % de plus. ";
    std::fs::write(p.join("line.txt"), unit.repeat(4_000_000 / unit.len())).unwrap();
    std::fs::write(p.join("digits.txt"), "9".repeat(1_000_000)).unwrap();
    std::fs::write(
        p.join("spaces.txt"),
        format!("5 %{}3 %", " ".repeat(1_000_000)),
    )
    .unwrap();
    std::fs::write(
        p.join("nested.md"),
        format!("{}12 %\n", "> ".repeat(20_000)) + &"- ".repeat(20_000),
    )
    .unwrap();
    let limit = std::time::Duration::from_secs(60);
    for cmd in ["check", "extract"] {
        let o = numlint_within(&[cmd, "."], p, limit);
        assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(o.status.code().is_some(), "no crash: {:?}", o.status);
    }
}
