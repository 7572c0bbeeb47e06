//! Extraction through the library API on English prose (sentences written for the tests).

use numlint::document::{Document, Format};
use numlint::extract::{extract, NumberLexicon};
use numlint::lang::Lang;
use numlint::quantity::{Kind, Qualifier, Quantity};
use rust_decimal::Decimal;
use std::str::FromStr;

fn run(text: &str) -> (Document, Vec<Quantity>) {
    let doc = Document::new("t.txt", text.to_string(), Format::Text, Some(Lang::En));
    let lex = NumberLexicon::builtin().expect("builtin lexicon");
    let q = extract(&doc, &lex);
    (doc, q)
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn summary(
    doc: &Document,
    q: &[Quantity],
) -> Vec<(String, Kind, Decimal, Option<String>, Qualifier)> {
    q.iter()
        .map(|q| {
            (
                doc.slice(&q.span).to_string(),
                q.kind,
                q.value,
                q.unit.clone(),
                q.qualifier,
            )
        })
        .collect()
}

#[test]
fn a_paragraph_of_trade_figures() {
    let text = "In 2021 the cooperative's exports doubled to $1.2 bn, while imports fell \
                by 2 percentage points to 31 per cent of turnover. It now employs some 1,450 \
                people and ships up to 312 tonnes of cheese a month.";
    let (doc, q) = run(text);
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        summary(&doc, &q),
        vec![
            ("2021".into(), Kind::Year, d("2021"), None, Qualifier::None),
            (
                "doubled".into(),
                Kind::Multiplier,
                d("2"),
                s("x"),
                Qualifier::About
            ),
            (
                "$1.2 bn".into(),
                Kind::Amount,
                d("1200000000"),
                s("USD"),
                Qualifier::None
            ),
            (
                "2 percentage points".into(),
                Kind::PercentagePoint,
                d("2"),
                s("pp"),
                Qualifier::None
            ),
            (
                "31 per cent".into(),
                Kind::Percent,
                d("31"),
                s("%"),
                Qualifier::None
            ),
            (
                "1,450 people".into(),
                Kind::Count,
                d("1450"),
                s("people"),
                Qualifier::About
            ),
            (
                "312 tonnes".into(),
                Kind::Amount,
                d("312"),
                s("t"),
                Qualifier::AtMost
            ),
        ]
    );
    // $1.2 bn: half a step of the last digit, scale applied.
    assert_eq!(q[2].precision, d("50000000"));
    assert_eq!(q[6].precision, d("0.5"));
    assert_eq!(q[5].precision, d("0"));
}

#[test]
fn english_commas_group_and_single_digit_commas_are_decimals() {
    let (_, q) = run("Output rose to 12,5 thousand units, and 3,200 workers joined.");
    assert_eq!(q[0].value, d("12500"));
    assert_eq!(q[1].value, d("3200"));
    assert_eq!(q[1].unit.as_deref(), Some("people"));
}

#[test]
fn dates_ordinals_codes_and_lists_are_not_claims() {
    let text = "On March 3, 2024 the 21st plant, certified ISO 14001, shipped its first \
                MAZ-5440 trucks; see p. 7.\n\n1) Overview\n";
    let (_, q) = run(text);
    assert!(q.iter().all(|q| !q.is_claim()), "{q:?}");
    let kinds: Vec<Kind> = q.iter().map(|q| q.kind).collect();
    assert_eq!(
        kinds,
        vec![
            Kind::Date,
            Kind::Ordinal,
            Kind::Identifier,
            Kind::Identifier,
            Kind::Citation,
            Kind::ListNumber
        ]
    );
}

#[test]
fn qualifiers_open_the_interval() {
    let (_, q) = run("Sales exceeded 40 million dollars and stayed below 5 %.");
    assert_eq!(q[0].qualifier, Qualifier::MoreThan);
    assert_eq!(q[0].interval.hi, None);
    assert_eq!(q[1].qualifier, Qualifier::LessThan);
    assert_eq!(q[1].interval.lo, None);
    assert!(q[1].interval.contains(d("4.9")));
}

#[test]
fn adjectives_before_the_noun_are_read_by_their_ending() {
    let lex = numlint::lexicon::Lexicon::builtin().unwrap();
    let doc = numlint::document::Document::new(
        "a.txt",
        "The regions signed 15 interregional agreements; 3 economic zones and 12 innovative projects opened, with 40 Chinese firms.".to_string(),
        numlint::document::Format::Text,
        Some(numlint::lang::Lang::En),
    );
    let units: Vec<Option<String>> = numlint::extract::extract(&doc, &lex.numbers)
        .into_iter()
        .filter(|q| q.is_claim())
        .map(|q| q.unit)
        .collect();
    let want = ["agreements", "zones", "projects", "companies"];
    assert_eq!(
        units,
        want.iter().map(|u| Some(u.to_string())).collect::<Vec<_>>()
    );
}

#[test]
fn more_than_after_a_figure_is_a_comparison_not_a_bound() {
    let (_, q) = run("Output reached MDL 24.6 billion in 2023, 8.9% more than the MDL 23.8 billion recorded in 2022, and 2.5 times more than the 9.8 billion of 2015. The plant employs more than 300 people.");
    let claims: Vec<&Quantity> = q.iter().filter(|q| q.is_claim()).collect();
    let by_value = |v: &str| claims.iter().find(|c| c.value == d(v)).copied().unwrap();
    assert_eq!(by_value("24600000000").unit.as_deref(), Some("MDL"));
    assert_eq!(by_value("23800000000").qualifier, Qualifier::None);
    assert_eq!(by_value("9800000000").qualifier, Qualifier::None);
    assert_eq!(by_value("300").qualifier, Qualifier::MoreThan);
}

#[test]
fn the_number_of_a_noun_is_a_count_of_it() {
    let (_, q) = run("The number of active industrial enterprises was 4,812 at the end of 2023, and the number of vessels stood at 1,942.");
    let claims: Vec<&Quantity> = q.iter().filter(|q| q.is_claim()).collect();
    assert_eq!(claims.len(), 2, "{claims:#?}");
    assert_eq!(
        (claims[0].kind, claims[0].unit.as_deref()),
        (Kind::Count, Some("companies"))
    );
    assert_eq!(
        (claims[1].kind, claims[1].unit.as_deref()),
        (Kind::Count, Some("vessel"))
    );
}

#[test]
fn participles_before_a_counted_noun_are_adjectives() {
    let (_, q) = run("The federation counted 2,184 affiliated clubs and 312 existing venues, and 120 visited the site.");
    let claims: Vec<&Quantity> = q.iter().filter(|q| q.is_claim()).collect();
    let units: Vec<Option<&str>> = claims.iter().map(|c| c.unit.as_deref()).collect();
    assert_eq!(units, [Some("club"), Some("venue"), None], "{claims:#?}");
}
