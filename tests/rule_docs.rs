//! Every rule's documented examples are true: the failing one fires the rule, the passing
//! one does not (ruff-style docs that cannot drift from behaviour). The pages in
//! `docs/rules/` (linked from SARIF and the language server) are the same text: regenerate
//! them with `NUMLINT_BLESS=1 cargo test --test rule_docs`.

use std::path::Path;

use numlint::checks::registry::{explain, registry, RuleInfo};
use numlint::config::Config;
use numlint::document::{Document, Format};
use numlint::lexicon::Lexicon;

/// The configuration the `identity` rule's doc page shows.
fn config_for(code: &str) -> (Config, Lexicon) {
    let mut lex = Lexicon::builtin().expect("builtin lexicon");
    if code != "identity" {
        return (Config::default(), lex);
    }
    let doc = numlint::checks::registry::find("identity")
        .expect("identity rule")
        .doc;
    // The indented block of the doc is the configuration.
    let toml: String = doc
        .lines()
        .filter(|l| l.starts_with("    "))
        .map(|l| format!("{}\n", &l[4..]))
        .collect();
    let config = Config::parse("numlint.toml", &toml).expect("the documented config parses");
    if let Some(table) = &config.lexicon {
        lex.extend_from_config(table, "numlint.toml")
            .expect("the documented lexicon terms load");
    }
    (config, lex)
}

fn fires(rule: &RuleInfo, text: &str) -> bool {
    let (config, lex) = config_for(&rule.code);
    let docs = vec![Document::new(
        "example.md",
        text.to_string(),
        Format::Markdown,
        None,
    )];
    numlint::lint(&docs, &lex, &config)
        .iter()
        .any(|f| f.rule == rule.code)
}

#[test]
fn every_documented_example_behaves_as_documented() {
    for rule in registry() {
        assert!(
            fires(&rule, &rule.fails),
            "{}: the failing example does not fire:\n{}",
            rule.code,
            rule.fails
        );
        assert!(
            !fires(&rule, &rule.passes),
            "{}: the passing example fires:\n{}",
            rule.code,
            rule.passes
        );
    }
}

fn page(rule: &RuleInfo) -> String {
    format!(
        "# `{}`: {}\n\nDefault severity: **{}**. {}\n\n{}\n\n## Fails\n\n```text\n{}\n```\n\n## Passes\n\n```text\n{}\n```\n\n(`numlint explain {}` prints this page.)\n",
        rule.code,
        rule.name,
        rule.default_severity,
        rule.summary,
        rule.doc.trim_end(),
        rule.fails,
        rule.passes,
        rule.code
    )
}

#[test]
fn the_rule_pages_are_up_to_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules");
    let bless = std::env::var_os("NUMLINT_BLESS").is_some();
    for rule in registry() {
        let path = dir.join(format!("{}.md", rule.code));
        let want = page(&rule);
        assert!(explain(&rule).contains(&rule.summary));
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &want).unwrap();
            continue;
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            have,
            want,
            "{} is stale: run NUMLINT_BLESS=1 cargo test --test rule_docs",
            path.display()
        );
    }
}
