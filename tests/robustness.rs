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
