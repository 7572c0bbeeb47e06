//! Pathological input: the pipeline must neither panic nor hang, and every span it
//! reports must lie inside the file on char boundaries.

use std::time::Instant;

use numlint::config::Config;
use numlint::document::{Document, Format};
use numlint::lexicon::Lexicon;

fn lint(name: &str, text: String, format: Format) -> (Document, usize) {
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let doc = Document::new(name, text, format, None);
    let quantities = numlint::extract::extract(&doc, &lex.numbers);
    for q in &quantities {
        assert!(q.span.end <= doc.text.len());
        assert!(doc.text.is_char_boundary(q.span.start) && doc.text.is_char_boundary(q.span.end));
    }
    let docs = vec![doc];
    let findings = numlint::lint(&docs, &lex, &Config::default());
    for f in &findings {
        for l in &f.labels {
            assert!(l.span.end <= docs[0].text.len());
        }
    }
    let n = quantities.len();
    (docs.into_iter().next().expect("one doc"), n)
}

#[test]
fn ten_thousand_digits_do_not_overflow() {
    let digits: String = "9".repeat(10_000);
    let (_, n) = lint(
        "digits.txt",
        format!("Le total atteint {digits} dollars, soit 5 %."),
        Format::Text,
    );
    assert!(n >= 1, "the 5 % is still read");
    let grouped = "123 ".repeat(5_000);
    lint(
        "grouped.txt",
        format!("Exports reached {grouped}tonnes."),
        Format::Text,
    );
    let decimals = format!("0,{} %", "3".repeat(10_000));
    lint("decimals.txt", decimals, Format::Text);
}

#[test]
fn a_hundred_thousand_spaces_and_blank_lines() {
    let t0 = Instant::now();
    lint(
        "spaces.txt",
        format!(
            "Exportations :{}245,4 millions de dollars.",
            " ".repeat(100_000)
        ),
        Format::Text,
    );
    lint("blank.txt", "\n".repeat(100_000), Format::Text);
    lint("nbsp.txt", "1\u{a0}".repeat(50_000), Format::Text);
    assert!(t0.elapsed().as_secs() < 20, "took {:?}", t0.elapsed());
}

#[test]
fn deeply_nested_markdown() {
    let quotes = format!(
        "{}Les exportations ont atteint 12 millions de dollars.\n",
        "> ".repeat(5_000)
    );
    let (_, n) = lint("quotes.md", quotes, Format::Markdown);
    assert!(n <= 2);
    let mut lists = String::new();
    for depth in 0..2_000 {
        lists.push_str(&"  ".repeat(depth));
        lists.push_str("- 3 % de plus\n");
    }
    lint("lists.md", lists, Format::Markdown);
    let emph = format!("{}12 %{}", "*_".repeat(10_000), "_*".repeat(10_000));
    lint("emph.md", emph, Format::Markdown);
}

#[test]
fn a_long_single_line_is_linear() {
    // A sentence with figures repeated on one line, no line break at all.
    let unit =
        "Les exportations ont atteint 245,4 millions de dollars en 2021, soit 7,8 % de plus. ";
    let small: String = unit.repeat(2_000);
    let big: String = unit.repeat(20_000);
    let t0 = Instant::now();
    let (_, n_small) = lint("small.txt", small, Format::Text);
    let t_small = t0.elapsed();
    let t1 = Instant::now();
    let (_, n_big) = lint("big.txt", big, Format::Text);
    let t_big = t1.elapsed();
    assert_eq!(n_big, n_small * 10);
    // Ten times the input must not cost a hundred times the time (generous for CI noise).
    assert!(
        t_big.as_secs_f64() < 40.0 * t_small.as_secs_f64().max(0.01),
        "small {t_small:?}, big {t_big:?}"
    );
}

#[test]
fn control_characters_and_odd_unicode() {
    let text = "Le\u{0}chiffre\u{feff} d'affaires\u{200b}: 1\u{202f}300 emplois\r\n\u{1F600} 45 %\u{2028}soit 3 fois plus\u{0301}.";
    lint("odd.txt", text.to_owned(), Format::Text);
    lint("odd.md", text.to_owned(), Format::Markdown);
}

/// Time of `f` on an input `n` and `8 n` long: linear work stays near 8×; a quadratic path
/// shows as 64× (the bound is generous for a shared CI machine).
fn assert_linear(what: &str, make: impl Fn(usize) -> (String, Format), n: usize) {
    let run = |k: usize| {
        let (text, format) = make(k);
        let t = Instant::now();
        lint(what, text, format);
        t.elapsed()
    };
    run(n / 8); // warm-up: lexicon, allocator
    let small = run(n);
    let big = run(8 * n);
    assert!(
        big.as_secs_f64() < 24.0 * small.as_secs_f64().max(0.005),
        "{what}: {n} → {small:?}, {} → {big:?}",
        8 * n
    );
}

#[test]
fn pathological_runs_on_one_line_are_linear() {
    // One digit run, spaces, and grammar-like punctuation that keeps a number open.
    assert_linear(
        "digits",
        |n| (format!("Total : {} tonnes.", "7".repeat(n)), Format::Text),
        40_000,
    );
    assert_linear(
        "spaces",
        |n| (format!("Exportations :{}5 %.", " ".repeat(n)), Format::Text),
        100_000,
    );
    assert_linear("grouped", |n| ("1 000 ".repeat(n), Format::Text), 10_000);
    assert_linear("commas", |n| ("1,5,".repeat(n), Format::Text), 10_000);
    assert_linear("percent", |n| ("5 % ".repeat(n), Format::Text), 10_000);
    assert_linear(
        "words",
        |n| ("de la plus de millions ".repeat(n), Format::Text),
        5_000,
    );
    assert_linear(
        "markdown",
        |n| ("**12 %** [3](x) `4` ".repeat(n), Format::Markdown),
        5_000,
    );
}

#[test]
fn repeated_facts_across_many_documents_are_linear() {
    // Five drafts told again and again, 32 then 256 times, with other values too:
    // repeated-fact and conflicting-fact detection must go through an index and keep a
    // bounded number of comparisons per statement, not take every pair of statements.
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let run = |docs_n: usize| {
        let docs: Vec<Document> = (0..docs_n)
            .map(|i| {
                let lang = if i % 2 == 0 {
                    numlint::lang::Lang::Fr
                } else {
                    numlint::lang::Lang::En
                };
                Document::new(
                    format!("d{i}.txt"),
                    numlint::synth::draft(lang, 1_500, (i % 5) as u64),
                    Format::Text,
                    Some(lang),
                )
            })
            .collect();
        let claims: usize = docs
            .iter()
            .enumerate()
            .map(|(i, d)| numlint::analyse(i, d, &lex).claims.len())
            .sum();
        let t = Instant::now();
        let n = numlint::lint(&docs, &lex, &Config::default()).len();
        (t.elapsed(), n, claims)
    };
    run(10);
    let (small, n_small, _) = run(160);
    let (big, n_big, claims) = run(1_280);
    assert!(n_small > 0, "the drafts repeat facts");
    // All pairs of 256 copies gave 26 findings a claim (453 569 for 17 280 claims).
    assert!(
        n_big > n_small && n_big < 10 * claims,
        "{n_small} → {n_big} findings for {claims} claims"
    );
    // And 65× the time for 8× the input; linear work stays far below this bound.
    assert!(
        big.as_secs_f64() < 40.0 * small.as_secs_f64().max(0.01),
        "160 docs → {small:?}, 1280 docs → {big:?}"
    );
}

/// 50 MB on one line (run with `cargo test --test robustness -- --ignored`).
#[test]
#[ignore = "50 MB input, about 10 s: kept out of the default run; see README, Performance"]
fn fifty_megabytes_on_one_line() {
    let unit =
        "Les exportations ont atteint 245,4 millions de dollars en 2021, soit 7,8 % de plus. ";
    let text = unit.repeat(50_000_000 / unit.len() + 1);
    let t = Instant::now();
    let (_, n) = lint("fifty.txt", text, Format::Text);
    assert!(n >= 1_000_000);
    assert!(t.elapsed().as_secs() < 300, "took {:?}", t.elapsed());
}
