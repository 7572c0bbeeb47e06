//! `numlint check` through the binary: exit codes, the JSON contract, configuration
//! (rule selection, severities, user lexicon terms) and the rule documentation commands.

use std::path::Path;
use std::process::Command;

fn numlint(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_numlint"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run numlint");
    (
        String::from_utf8(out.stdout).expect("utf-8 output"),
        String::from_utf8(out.stderr).expect("utf-8 errors"),
        out.status.code().unwrap_or(-1),
    )
}

const DRAFT: &str = "# Commerce\n\nEn 2021, le commerce entre la Biélorussie et l'Ouzbékistan a atteint 301,9 millions de dollars,\ndont des exportations de 245,4 millions de dollars. Le solde est positif - 198,9 millions de dollars.\n";

#[test]
fn findings_in_json_with_labels_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.md"), DRAFT).unwrap();
    let (out, _, code) = numlint(dir.path(), &["check", "--format", "json", "draft.md"]);
    assert_eq!(code, 1, "an error finding fails the run");
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(v["version"], 1);
    let f = &v["findings"][0];
    assert_eq!(f["rule"], "trade-balance");
    assert_eq!(f["severity"], "error");
    assert!(f["help"]
        .as_str()
        .unwrap()
        .contains("balance would be 188.9"));
    let labels = f["labels"].as_array().unwrap();
    assert_eq!(labels.len(), 3);
    let primary = labels.iter().find(|l| l["primary"] == true).unwrap();
    assert_eq!(primary["file"], "draft.md");
    assert_eq!(primary["line"], 4);
    let offset = primary["offset"].as_u64().unwrap() as usize;
    let length = primary["length"].as_u64().unwrap() as usize;
    assert_eq!(&DRAFT[offset..offset + length], "198,9 millions de dollars");
    assert_eq!(v["summary"]["errors"], 1);

    // The consistent draft passes.
    std::fs::write(dir.path().join("draft.md"), DRAFT.replace("198,9", "188,9")).unwrap();
    let (_, _, code) = numlint(dir.path(), &["check", "draft.md"]);
    assert_eq!(code, 0);
}

#[test]
fn configuration_selects_rules_and_sets_severities() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.md"), DRAFT).unwrap();
    std::fs::write(
        dir.path().join("numlint.toml"),
        "[severity]\ntrade-balance = \"warning\"\n",
    )
    .unwrap();
    let (_, _, code) = numlint(dir.path(), &["check", "draft.md"]);
    assert_eq!(
        code, 0,
        "a warning does not fail the default --fail-on error"
    );
    let (_, _, code) = numlint(dir.path(), &["check", "--fail-on", "warning", "draft.md"]);
    assert_eq!(code, 1);
    std::fs::write(
        dir.path().join("numlint.toml"),
        "ignore = [\"trade-balance\"]\n",
    )
    .unwrap();
    let (out, _, code) = numlint(dir.path(), &["check", "--format", "json", "draft.md"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("\"findings\": []") || out.contains("\"findings\":[]"),
        "{out}"
    );
}

#[test]
fn user_lexicon_terms_extend_the_reader_and_bad_ones_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let text = "En 2023, la billetterie des musées de la Biélorussie a augmenté de 10 % pour atteindre 40 millions de roubles. En 2022, la billetterie des musées de la Biélorussie s'élevait à 32 millions de roubles.\n";
    std::fs::write(dir.path().join("draft.txt"), text).unwrap();
    let (_, _, code) = numlint(dir.path(), &["check", "draft.txt"]);
    assert_eq!(code, 0, "without the term the figures are not linked");
    std::fs::write(
        dir.path().join("numlint.toml"),
        "[[lexicon.metric]]\ncode = \"museums\"\nfr = [\"billetterie des musées\"]\n",
    )
    .unwrap();
    let (out, _, code) = numlint(dir.path(), &["check", "--format", "json", "draft.txt"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("\"growth-rate\""), "{out}");
    std::fs::write(
        dir.path().join("numlint.toml"),
        "[[lexicon.metric]]\ncode = \"revenue\"\nfrench = [\"recettes\"]\n",
    )
    .unwrap();
    let (_, err, code) = numlint(dir.path(), &["check", "draft.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("french"), "{err}");
}

#[test]
fn rules_and_explain_document_every_rule() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _, code) = numlint(dir.path(), &["rules"]);
    assert_eq!(code, 0);
    for rule in [
        "trade-balance",
        "growth-rate",
        "multiplier",
        "share",
        "sum-of-parts",
        "conflicting-fact",
        "repeated-fact",
    ] {
        assert!(out.contains(rule), "{rule} missing from `numlint rules`");
        let (doc, _, code) = numlint(dir.path(), &["explain", rule]);
        assert_eq!(code, 0);
        let lower = doc.to_lowercase();
        assert!(
            lower.contains("fail") || lower.contains("bad"),
            "{rule}: {doc}"
        );
        assert!(
            lower.contains("pass") || lower.contains("good"),
            "{rule}: {doc}"
        );
    }
    let (_, err, code) = numlint(dir.path(), &["explain", "no-such-rule"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("trade-balance"),
        "known rules are listed: {err}"
    );
}
