//! `numlint extract` through the binary: JSON Lines fields and offsets, table with --all.

use std::path::Path;
use std::process::Command;

fn numlint(args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_numlint"))
        .args(args)
        .output()
        .expect("run numlint");
    (
        String::from_utf8(out.stdout).expect("utf-8 output"),
        out.status.code().unwrap_or(-1),
    )
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn json_lines_carry_location_value_and_interval() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "Rapport.\nLes exportations ont atteint près de 245,4 millions\nde dollars en 2022\"3 .\n";
    let path = write(dir.path(), "fr.txt", text);
    let (out, code) = numlint(&["extract", "--format", "json", &path]);
    assert_eq!(code, 0);
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    let kinds: Vec<&str> = rows.iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, vec!["amount", "year", "footnote-marker"]);
    let a = &rows[0];
    assert_eq!(a["file"], path.as_str());
    assert_eq!(a["line"], 2);
    assert_eq!(a["column"], 38);
    assert_eq!(a["surface"], "245,4 millions\nde dollars");
    assert_eq!(a["value"], "245400000");
    assert_eq!(a["unit"], "USD");
    assert_eq!(a["qualifier"], "nearly");
    assert_eq!(a["claim"], true);
    assert_eq!(a["hi"], "245450000");
    assert!(a["lo"].as_str().unwrap().starts_with("220"));
    // offset/length are bytes of the original file.
    let off = a["offset"].as_u64().unwrap() as usize;
    let len = a["length"].as_u64().unwrap() as usize;
    assert_eq!(&text[off..off + len], "245,4 millions\nde dollars");
    let m = &rows[2];
    let off = m["offset"].as_u64().unwrap() as usize;
    assert_eq!(&text[off..off + 1], "3");
    assert_eq!(m["claim"], false);
}

#[test]
fn english_file_and_table_with_and_without_noise() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "en.md",
        "# Results for 2023\n\nThe firm hired more than 250 people and its sales tripled.\n",
    );
    let (out, code) = numlint(&["extract", "--format", "json", "--lang", "en", &path]);
    assert_eq!(code, 0);
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1]["surface"], "250 people");
    assert_eq!(rows[1]["qualifier"], "more-than");
    assert_eq!(rows[1]["lo_open"], true);
    assert_eq!(rows[2]["kind"], "multiplier");
    assert_eq!(rows[2]["value"], "3");

    let (table, _) = numlint(&["extract", &path]);
    assert!(table.contains("250 people"));
    assert!(!table.contains(" year "), "{table}");
    let (all, _) = numlint(&["extract", "--all", &path]);
    assert!(all.contains(" year "), "{all}");
}

#[test]
fn extract_reads_with_the_lexicon_of_numlint_toml() {
    let dir = tempfile::tempdir().unwrap();
    let text = "En 2024, la billetterie des musées a rapporté 12,5 millions d'euros.\n";
    let path = write(dir.path(), "note.md", text);
    let (out, code) = numlint(&["extract", "--format", "json", &path]);
    assert_eq!(code, 0);
    assert!(!out.contains("\"metric\":\"museums\""), "{out}");
    write(
        dir.path(),
        "numlint.toml",
        "[[lexicon.metric]]\ncode = \"museums\"\nfr = [\"billetterie des musées\"]\n",
    );
    let (out, code) = numlint(&["extract", "--format", "json", &path]);
    assert_eq!(code, 0);
    assert!(out.contains("\"metric\":\"museums\""), "{out}");
    // A bad configuration is an error, as for `check`.
    let bad = write(
        dir.path(),
        "bad.toml",
        "[[lexicon.metric]]\ncode = \"x\"\nfrench = [\"y\"]\n",
    );
    let (_, code) = numlint(&["extract", "--config", &bad, &path]);
    assert_eq!(code, 2);
}
