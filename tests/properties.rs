//! Property tests across the pipeline (issue 6): a number printed in any supported locale
//! format parses back to the same `Decimal`; every span the linter reports lies inside
//! its file on char boundaries; cleaning then mapping back returns original offsets.

use std::sync::OnceLock;

use numlint::config::Config;
use numlint::document::{Document, Format};
use numlint::lang::Lang;
use numlint::lexicon::Lexicon;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn lex() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::builtin().expect("builtin lexicon"))
}

/// The ways a number is printed.
#[derive(Debug, Clone, Copy)]
enum Style {
    /// `1 300,5` with a space, a no-break space or a narrow no-break space.
    French(char),
    /// `1,300.5`.
    English,
    /// `1300,5` (French) / `1300.5` (English), no grouping.
    Plain(Lang),
}

impl Style {
    fn lang(self) -> Lang {
        match self {
            Style::French(_) => Lang::Fr,
            Style::English => Lang::En,
            Style::Plain(l) => l,
        }
    }
}

/// Print `int` with `frac` (decimal digits, possibly empty) in `style`.
fn print(int: u64, frac: &str, style: Style) -> String {
    let digits = int.to_string();
    let (group, mark) = match style {
        Style::French(sep) => (Some(sep), ','),
        Style::English => (Some(','), '.'),
        Style::Plain(Lang::Fr) => (None, ','),
        Style::Plain(Lang::En) => (None, '.'),
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            if let Some(g) = group {
                out.push(g);
            }
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(mark);
        out.push_str(frac);
    }
    out
}

fn style() -> impl Strategy<Value = Style> {
    prop_oneof![
        Just(Style::French(' ')),
        Just(Style::French('\u{a0}')),
        Just(Style::French('\u{202f}')),
        Just(Style::English),
        Just(Style::Plain(Lang::Fr)),
        Just(Style::Plain(Lang::En)),
    ]
}

fn lint_spans_ok(docs: &[Document]) -> Result<(), TestCaseError> {
    for f in numlint::lint(docs, lex(), &Config::default()) {
        for l in &f.labels {
            let text = &docs[l.doc].text;
            prop_assert!(l.span.start <= l.span.end, "reversed {:?}", l.span);
            prop_assert!(l.span.end <= text.len(), "{:?} past {}", l.span, text.len());
            prop_assert!(text.is_char_boundary(l.span.start));
            prop_assert!(text.is_char_boundary(l.span.end));
        }
    }
    Ok(())
}

/// Prose pieces dense in figures, relations and repeats, plus arbitrary characters.
fn prose() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Les exportations ont atteint 245,4 millions de dollars en 2021. ".to_owned()),
        Just("Les importations : 120 millions de dollars. ".to_owned()),
        Just("Le solde est positif, 80 millions de dollars. ".to_owned()),
        Just("Le chiffre d'affaires a augmenté de 12 % pour atteindre 300 millions. ".to_owned()),
        Just("La part de la Chine est de 60 %, celle de l'Inde de 55 %. ".to_owned()),
        Just("Exports to China rose 3.5 times to $1.2 billion in 2022. ".to_owned()),
        Just("Trade reached $900 million, exports $500 million, imports $300 million. ".to_owned()),
        Just("plus de 1 300 emplois ".to_owned()),
        Just("\n\n".to_owned()),
        Just("\n".to_owned()),
        Just("# Titre\n".to_owned()),
        Just("> ".to_owned()),
        Just("- ".to_owned()),
        Just("`12 %` ".to_owned()),
        Just("[45 %](http://x.org/1) ".to_owned()),
        Just("« élevé » ".to_owned()),
        "[0-9 ,.%$€\u{a0}\u{202f}]{0,10}",
        "\\PC{0,8}",
    ];
    proptest::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A number printed in any supported locale format reads back as the same value.
    #[test]
    fn locale_formats_round_trip(
        int in prop_oneof![0u64..1_000, 1_000u64..1_000_000, 1_000_000u64..1_000_000_000_000_000],
        frac in "[0-9]{0,4}",
        style in style(),
    ) {
        // Four-digit integers without decimals may be read as years: keep them out of
        // the grammar's ambiguity by giving the figure a unit that a year never has.
        let printed = print(int, &frac, style);
        let sentence = match style.lang() {
            Lang::Fr => format!("Le stock atteint {printed} tonnes de blé."),
            Lang::En => format!("The stock reached {printed} tonnes of wheat."),
        };
        let expected: Decimal = if frac.is_empty() {
            Decimal::from(int)
        } else {
            format!("{int}.{frac}").parse().unwrap()
        };
        let doc = Document::new("p.txt", sentence.clone(), Format::Text, Some(style.lang()));
        let qs = numlint::extract::extract(&doc, &lex().numbers);
        prop_assert_eq!(qs.len(), 1, "{:?} in {:?}: {:?}", printed, sentence, qs);
        let q = &qs[0];
        prop_assert_eq!(q.value, expected, "{:?}", printed);
        prop_assert_eq!(q.unit.as_deref(), Some("t"));
        prop_assert_eq!(&sentence[q.span.clone()].trim_end_matches(" tonnes"), &printed);
    }

    /// Whatever the input, every span the whole pipeline reports is inside its file on
    /// char boundaries, in text and in Markdown, across two documents.
    #[test]
    fn reported_spans_lie_inside_the_file(a in prose(), b in prose(), md in any::<bool>()) {
        let format = if md { Format::Markdown } else { Format::Text };
        let docs = vec![
            Document::new("a", a, format, None),
            Document::new("b", b, Format::Text, None),
        ];
        for d in &docs {
            for q in numlint::extract::extract(d, &lex().numbers) {
                prop_assert!(q.span.end <= d.text.len());
                prop_assert!(d.text.is_char_boundary(q.span.start));
                prop_assert!(d.text.is_char_boundary(q.span.end));
                prop_assert!(q.clean.end <= d.clean.text.len());
            }
        }
        lint_spans_ok(&docs)?;
    }

    /// Cleaning then mapping back: a cleaned offset maps to an original offset that maps
    /// back to itself (or, for a character the cleaner changed, into the same place), and
    /// the original text under a figure is the figure's cleaned text.
    #[test]
    fn clean_then_map_back_returns_original_offsets(text in prose(), md in any::<bool>()) {
        let format = if md { Format::Markdown } else { Format::Text };
        let doc = Document::new("c", text, format, Some(Lang::Fr));
        let c = &doc.clean;
        for (i, ch) in c.text.char_indices() {
            let o = c.offset_to_original(i);
            prop_assert!(o <= doc.text.len() && doc.text.is_char_boundary(o));
            if ch.is_alphanumeric() {
                prop_assert_eq!(doc.text[o..].chars().next(), Some(ch));
                prop_assert_eq!(c.offset_from_original(o), i, "clean {} → original {}", i, o);
            }
        }
        for q in numlint::extract::extract(&doc, &lex().numbers) {
            if q.clean.is_empty() {
                continue; // noise set aside by the cleaner: no cleaned text
            }
            let cleaned = &c.text[q.clean.clone()];
            let first = cleaned.chars().next().unwrap();
            if first.is_ascii_digit() {
                // The span starts where the cleaned figure starts.
                prop_assert_eq!(doc.text[q.span.clone()].chars().next(), Some(first));
            }
        }
    }
}

#[test]
fn printing_styles_are_what_they_claim() {
    assert_eq!(print(1_300, "5", Style::French(' ')), "1 300,5");
    assert_eq!(
        print(1_300_000, "", Style::French('\u{202f}')),
        "1\u{202f}300\u{202f}000"
    );
    assert_eq!(print(1_300, "5", Style::English), "1,300.5");
    assert_eq!(print(1_300, "25", Style::Plain(Lang::Fr)), "1300,25");
    assert_eq!(print(999, "", Style::English), "999");
}
