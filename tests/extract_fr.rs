//! Extraction through the library API on French prose (sentences written for the tests).

use numlint::document::{Document, Format};
use numlint::extract::{extract, NumberLexicon};
use numlint::lang::Lang;
use numlint::quantity::{Kind, Qualifier, Quantity};
use rust_decimal::Decimal;
use std::str::FromStr;

fn run(text: &str) -> (Document, Vec<Quantity>) {
    let doc = Document::new("t.txt", text.to_string(), Format::Text, Some(Lang::Fr));
    let lex = NumberLexicon::builtin().expect("builtin lexicon");
    let q = extract(&doc, &lex);
    (doc, q)
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn a_paragraph_of_trade_figures() {
    let text = "En 2022, le chiffre d'affaires de l'usine s'est élevé à 48,6 millions de dollars, \
                soit une hausse de 12,4 % ; les exportations ont atteint près de 31 millions \
                d'euros et plus de 1 200 emplois ont été créés.";
    let (doc, q) = run(text);
    let got: Vec<(&str, Kind, Decimal, Option<&str>, Qualifier)> = q
        .iter()
        .map(|q| {
            (
                doc.slice(&q.span),
                q.kind,
                q.value,
                q.unit.as_deref(),
                q.qualifier,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("2022", Kind::Year, d("2022"), None, Qualifier::None),
            (
                "48,6 millions de dollars",
                Kind::Amount,
                d("48600000"),
                Some("USD"),
                Qualifier::None
            ),
            (
                "12,4 %",
                Kind::Percent,
                d("12.4"),
                Some("%"),
                Qualifier::None
            ),
            (
                "31 millions d'euros",
                Kind::Amount,
                d("31000000"),
                Some("EUR"),
                Qualifier::Nearly
            ),
            (
                "1 200 emplois",
                Kind::Count,
                d("1200"),
                Some("jobs"),
                Qualifier::MoreThan
            ),
        ]
    );
    // Intervals follow precision and qualifier.
    assert_eq!(q[1].interval.lo, Some(d("48550000")));
    assert_eq!(q[1].interval.hi, Some(d("48650000")));
    assert!(q[4].interval.contains(d("1201")));
    assert!(!q[4].interval.contains(d("1200")));
}

#[test]
fn spans_map_back_across_line_breaks_and_footnote_markers() {
    let text = "Les investissements ont atteint environ 500 \nmillions de dollars\"4 . Une centaine \nd'emplois seront créés.\n";
    let (doc, q) = run(text);
    let kinds: Vec<_> = q.iter().map(|q| (doc.slice(&q.span), q.kind)).collect();
    assert_eq!(
        kinds,
        vec![
            ("500 \nmillions de dollars", Kind::Amount),
            ("4", Kind::FootnoteMarker),
            ("Une centaine \nd'emplois", Kind::Count),
        ]
    );
    assert_eq!(q[0].value, d("500000000"));
    assert_eq!(q[0].qualifier, Qualifier::About);
    assert!(!q[1].is_claim());
    assert_eq!(q[2].value, d("100"));
    assert_eq!(q[2].qualifier, Qualifier::About);
    // Clean ranges are consistent with the cleaned text.
    assert_eq!(
        &doc.clean.text[q[0].clean.clone()],
        "500 millions de dollars"
    );
}

#[test]
fn page_numbers_and_footnote_lines_are_noise() {
    let text = "La zone compte 45 résidents et\n\n17\n\naccueille 12 projets.\n";
    let (doc, q) = run(text);
    let got: Vec<_> = q.iter().map(|q| (doc.slice(&q.span), q.kind)).collect();
    assert_eq!(
        got,
        vec![
            ("45 résidents", Kind::Count),
            ("17", Kind::PageNumber),
            ("12 projets", Kind::Count),
        ]
    );
}

#[test]
fn growth_words_and_noise_in_one_sentence() {
    let text = "Selon le décret n° 215, les ventes du modèle MTZ-82 ont doublé entre 2019-2021 \
                et la part des PME dépasse la moitié du total (voir p. 14).";
    let (_, q) = run(text);
    let claims: Vec<_> = q.iter().filter(|q| q.is_claim()).collect();
    assert_eq!(claims.len(), 2, "{claims:?}");
    assert_eq!(claims[0].value, d("2"));
    assert_eq!(claims[1].value, d("0.5"));
    assert_eq!(claims[1].qualifier, Qualifier::MoreThan);
    let noise: Vec<Kind> = q.iter().filter(|q| !q.is_claim()).map(|q| q.kind).collect();
    assert_eq!(
        noise,
        vec![
            Kind::Identifier,
            Kind::Identifier,
            Kind::Range,
            Kind::Citation
        ]
    );
}

#[test]
fn a_span_never_swallows_a_footnote_block_between_number_and_noun() {
    let text = "La coopérative a livré 80\n\n\
                12 Rapport annuel [Ressource électronique]. - 2023. - URL : https://example.org/r-2023/\n \
                moissonneuses en 2023.\n";
    let (doc, q) = run(text);
    let count = q.iter().find(|q| q.kind == Kind::Count).expect("a count");
    assert_eq!(count.value, d("80"));
    assert_eq!(doc.slice(&count.span), "80");
}

#[test]
fn billions_of_exports_are_an_amount_in_the_sentences_currency() {
    let (_, q) = run("Les échanges ont atteint 1 842,6 milliards de FCFA en 2023, dont 812,4 milliards d'exportations et 1 010,2 milliards d'importations. Elle a vendu 3 millions de bouteilles.");
    let claims: Vec<&Quantity> = q.iter().filter(|q| q.is_claim()).collect();
    assert_eq!(claims.len(), 4, "{claims:#?}");
    for (c, v) in claims[..3]
        .iter()
        .zip(["1842600000000", "812400000000", "1010200000000"])
    {
        assert_eq!(c.kind, Kind::Amount, "{c:?}");
        assert_eq!(c.unit.as_deref(), Some("XOF"));
        assert_eq!(c.value, d(v));
    }
    // A noun a number counts stays its unit.
    assert_eq!(claims[3].kind, Kind::Count);
    assert_eq!(claims[3].unit.as_deref(), Some("bouteille"));
}

#[test]
fn a_footnote_number_glued_to_a_percent_sign_is_set_aside() {
    let (doc, q) = run(
        "Les exportations ont augmenté de 21,4 %2 pour s'établir à 1 374,2 millions de dollars.",
    );
    let claims: Vec<&Quantity> = q.iter().filter(|q| q.is_claim()).collect();
    assert_eq!(claims.len(), 2, "{claims:#?}");
    assert_eq!(claims[0].value, d("21.4"));
    assert_eq!(&doc.text[claims[0].span.clone()], "21,4 %");
}

#[test]
fn ne_plus_que_is_only_not_more_than() {
    let (_, q) =
        run("Le charbon n'en représente plus que 9 % aujourd'hui, contre plus de 14 % en 2015.");
    let claims: Vec<&Quantity> = q.iter().filter(|q| q.is_claim()).collect();
    assert_eq!(claims.len(), 2, "{claims:#?}");
    assert_eq!(claims[0].qualifier, Qualifier::None);
    assert_eq!(claims[1].qualifier, Qualifier::MoreThan);
}

#[test]
fn a_currency_abbreviation_carries_its_scale() {
    // "MDT" is millions of Tunisian dinars; at the start of a line it is still a figure,
    // never a footnote number.
    let (_, q) = run("Les importations ont atteint 9 420 MDT, pour des exportations de seulement\n370 MDT. Le déficit avec le Maroc est de 250 MDH et de 4 MFCFA avec le Sénégal.");
    let claims: Vec<(Kind, Decimal, Option<&str>)> = q
        .iter()
        .filter(|q| q.is_claim())
        .map(|q| (q.kind, q.value, q.unit.as_deref()))
        .collect();
    assert_eq!(
        claims,
        vec![
            (Kind::Amount, d("9420000000"), Some("TND")),
            (Kind::Amount, d("370000000"), Some("TND")),
            (Kind::Amount, d("250000000"), Some("MAD")),
            (Kind::Amount, d("4000000"), Some("XOF")),
        ]
    );
}

#[test]
fn more_than_doubled_is_a_factor_above_two() {
    let (_, q) = run("Les adhésions ont plus que doublé en quatre ans ; les ventes ont doublé.");
    let factors: Vec<(Decimal, Qualifier)> = q
        .iter()
        .filter(|q| q.kind == Kind::Multiplier)
        .map(|q| (q.value, q.qualifier))
        .collect();
    assert_eq!(factors.len(), 2, "{q:#?}");
    assert_eq!(factors[0], (d("2"), Qualifier::MoreThan));
    assert_ne!(factors[1].1, Qualifier::MoreThan);
}
