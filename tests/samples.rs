//! The drafts in `samples/` do what the README says: the reports show every rule firing,
//! the clean notes pass, and a clean note with one figure changed fires the matching rule
//! (so the clean notes really are checked, not merely unread).

use std::collections::BTreeSet;
use std::path::Path;

use numlint::config::Config;
use numlint::document::{Document, Format};
use numlint::lexicon::Lexicon;

fn lint(name: &str, text: &str) -> Vec<String> {
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let docs = vec![Document::new(
        name,
        text.to_string(),
        Format::Markdown,
        None,
    )];
    numlint::lint(&docs, &lex, &Config::default())
        .into_iter()
        .map(|f| f.rule)
        .collect()
}

fn sample(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name);
    std::fs::read_to_string(path).expect("sample exists")
}

const EVERY_RULE: [&str; 7] = [
    "conflicting-fact",
    "multiplier",
    "repeated-fact",
    "share",
    "sum-of-parts",
    "trade-balance",
    "growth-rate",
];

#[test]
fn the_reports_show_every_rule_but_growth_rate_firing() {
    for name in ["rapport-fr.md", "report-en.md"] {
        let rules: BTreeSet<String> = lint(name, &sample(name)).into_iter().collect();
        let expected: BTreeSet<String> = EVERY_RULE
            .iter()
            .filter(|r| **r != "growth-rate")
            .map(|r| r.to_string())
            .collect();
        // The growth rate of each report is stated correctly: it is the passing example.
        assert_eq!(rules, expected, "{name}");
    }
}

#[test]
fn the_clean_notes_pass_and_fire_once_a_figure_is_changed() {
    let fr = sample("clean-fr.md");
    assert!(
        lint("clean-fr.md", &fr).is_empty(),
        "{:?}",
        lint("clean-fr.md", &fr)
    );
    for (from, to, rule) in [
        ("188,9", "198,9", "trade-balance"),
        ("par 2,5", "par 4", "multiplier"),
        ("près de 9 %", "près de 19 %", "growth-rate"),
        ("45 %", "75 %", "share"),
        ("10 structures", "9 structures", "sum-of-parts"),
        // A list longer than announced (a shorter one may be partial, and is not reported).
        ("tracteurs et", "tracteurs, une scierie et", "sum-of-parts"),
    ] {
        assert!(fr.contains(from), "{from}");
        let changed = fr.replace(from, to);
        assert_eq!(lint("clean-fr.md", &changed), [rule], "{from} → {to}");
    }
    let en = sample("clean-en.md");
    assert!(
        lint("clean-en.md", &en).is_empty(),
        "{:?}",
        lint("clean-en.md", &en)
    );
    for (from, to, rule) in [
        ("$300 million", "$320 million", "trade-balance"),
        ("doubled", "tripled", "multiplier"),
        ("fell by 12%", "fell by 30%", "growth-rate"),
        // A table's change column against its two period columns.
        ("+8.0%", "+18.0%", "growth-rate"),
        ("a sawmill and", "a sawmill, a dairy and", "sum-of-parts"),
    ] {
        assert!(en.contains(from), "{from}");
        let changed = en.replace(from, to);
        assert_eq!(lint("clean-en.md", &changed), [rule], "{from} → {to}");
    }
}

#[test]
fn checked_together_the_clean_notes_stay_clean() {
    // Cross-file facts are compared too: the samples must not contradict each other.
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let names = [
        "rapport-fr.md",
        "report-en.md",
        "clean-fr.md",
        "clean-en.md",
    ];
    let docs: Vec<Document> = names
        .iter()
        .map(|n| Document::new(*n, sample(n), Format::Markdown, None))
        .collect();
    let findings = numlint::lint(&docs, &lex, &Config::default());
    assert!(!findings.is_empty());
    for f in &findings {
        for l in &f.labels {
            assert!(l.doc < 2, "{} touches {}: {f:#?}", f.rule, names[l.doc]);
        }
    }
}
