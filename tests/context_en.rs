//! Context of figures in English prose: subject, partner, metric, period, role.
//! Quantities are built by hand here, so these tests do not depend on the extractor.

use numlint::claim::{Claim, Direction, Role};
use numlint::context::{self, ContextLexicon, MIN_CONFIDENCE};
use numlint::document::{Document, Format};
use numlint::lang::Lang;
use numlint::quantity::{Kind, Qualifier, Quantity};
use rust_decimal::Decimal;

/// Build a document and the quantities named by their surface (found in order), then attach.
fn claims(text: &str, figs: &[(&str, Kind, Option<&str>)]) -> Vec<Claim> {
    let doc = Document::new("t.txt", text.to_string(), Format::Text, Some(Lang::En));
    let mut at = 0;
    let qs: Vec<Quantity> = figs
        .iter()
        .map(|(surface, kind, unit)| {
            let start = at + doc.clean.text[at..].find(surface).expect("surface in text");
            let end = start + surface.len();
            at = end;
            let digits: String = surface
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
                .collect::<String>()
                .replace(',', ".");
            let value: Decimal = digits.trim_end_matches('.').parse().unwrap_or(Decimal::ONE);
            Quantity::new(
                start..end,
                doc.clean.to_original(start..end),
                *kind,
                value,
                unit.map(str::to_string),
                Decimal::ONE,
                Decimal::ZERO,
                Qualifier::None,
            )
        })
        .collect();
    let lex = ContextLexicon::builtin().expect("lexicon");
    context::attach(0, &doc, &qs, &lex)
}

fn period(c: &Claim) -> String {
    c.period.map_or("-".into(), |p| p.to_string())
}

fn s(o: &Option<String>) -> &str {
    o.as_deref().unwrap_or("-")
}

#[test]
fn bilateral_trade_and_growth_in_brackets() {
    let t =
        "In 2022, trade between France and Brazil reached $8.4 billion, up 5.1 % compared with \
             2021. French exports to Brazil amounted to $5.2 billion (growth of 3.9 %).";
    let c = claims(
        t,
        &[
            ("$8.4 billion", Kind::Amount, Some("USD")),
            ("5.1 %", Kind::Percent, Some("%")),
            ("$5.2 billion", Kind::Amount, Some("USD")),
            ("3.9 %", Kind::Percent, Some("%")),
        ],
    );
    assert_eq!(s(&c[0].metric), "turnover");
    assert_eq!((s(&c[0].subject), s(&c[0].partner)), ("FRA", "BRA"));
    assert_eq!(period(&c[0]), "2022");
    assert_eq!(c[1].role, Role::Change);
    assert_eq!(c[1].direction, Some(Direction::Up));
    assert_eq!(
        c[1].base_period.map(|p| p.to_string()).as_deref(),
        Some("2021")
    );
    assert_eq!(s(&c[2].metric), "exports");
    assert_eq!((s(&c[2].subject), s(&c[2].partner)), ("FRA", "BRA"));
    assert_eq!(period(&c[2]), "2022");
    assert_eq!(s(&c[3].metric), "exports");
    assert_eq!(c[3].role, Role::Change);
}

#[test]
fn targets_and_last_year() {
    let t =
        "As of January 1, 2024, 96 companies were registered in the Kestrel free economic zone. \
             Last year, 11 new residents settled there, and they will create more than 400 jobs.";
    let c = claims(
        t,
        &[
            ("96", Kind::Count, Some("companies")),
            ("11", Kind::Count, Some("residents")),
            ("400", Kind::Count, Some("jobs")),
        ],
    );
    assert_eq!(s(&c[0].subject), "fez:kestrel");
    assert_eq!(period(&c[0]), "2024-01-01");
    assert_eq!(s(&c[0].metric), "residents");
    assert_eq!(c[1].role, Role::Value);
    assert_eq!(period(&c[1]), "2023");
    assert_eq!(s(&c[1].subject), "fez:kestrel");
    assert_eq!(c[2].role, Role::Target);
    assert_eq!(s(&c[2].metric), "jobs");
}

#[test]
fn halves_quarters_and_directions() {
    let t = "In H1 2022, Kazakhstan's imports from China grew by 14 %, while in Q3 2023 they fell \
             by 2.5 %.";
    let c = claims(
        t,
        &[
            ("14 %", Kind::Percent, Some("%")),
            ("2.5 %", Kind::Percent, Some("%")),
        ],
    );
    assert_eq!(s(&c[0].metric), "imports");
    assert_eq!((s(&c[0].subject), s(&c[0].partner)), ("KAZ", "CHN"));
    assert_eq!(period(&c[0]), "2022-H1");
    assert_eq!(c[0].direction, Some(Direction::Up));
    assert_eq!(period(&c[1]), "2023-Q3");
    assert_eq!(c[1].role, Role::Change);
    assert_eq!(c[1].direction, Some(Direction::Down));
}

#[test]
fn shares_index_and_multiplier() {
    let t = "Dairy products accounted for 42.3 % of Belarusian exports to Russia in 2021. \
             Mongolian copper output reached 108.9 % of the previous year level in 2023, and \
             coal exports were multiplied by 2.5.";
    let c = claims(
        t,
        &[
            ("42.3 %", Kind::Percent, Some("%")),
            ("108.9 %", Kind::Percent, Some("%")),
            ("2.5", Kind::Multiplier, None),
        ],
    );
    assert_eq!(c[0].role, Role::Share);
    assert_eq!(s(&c[0].whole), "exports");
    assert_eq!((s(&c[0].subject), s(&c[0].partner)), ("BLR", "RUS"));
    assert_eq!(period(&c[0]), "2021");
    assert_eq!(c[1].role, Role::Index);
    assert_eq!(s(&c[1].metric), "production");
    assert_eq!(s(&c[1].subject), "MNG");
    assert_eq!(period(&c[1]), "2023");
    assert_eq!(c[2].role, Role::Multiplier);
    assert_eq!(s(&c[2].metric), "exports");
}

#[test]
fn a_figure_without_context_stays_below_the_threshold() {
    let c = claims(
        "There were 12 chairs in the room.",
        &[("12", Kind::Count, None)],
    );
    assert_eq!(c[0].metric, None);
    assert_eq!(c[0].subject, None);
    assert!(c[0].confidence < MIN_CONFIDENCE);
}

#[test]
fn exports_then_imports_after_the_first_figures_period() {
    let t = "Georgian exports to Turkmenistan were $22.4 million in 2023 and imports $131.8 \
             million.";
    let c = claims(
        t,
        &[
            ("$22.4 million", Kind::Amount, Some("USD")),
            ("$131.8 million", Kind::Amount, Some("USD")),
        ],
    );
    assert_eq!(s(&c[0].metric), "exports", "{:?}", c[0]);
    assert_eq!(s(&c[1].metric), "imports");
}

#[test]
fn a_place_the_figure_is_compared_with_is_not_its_subject() {
    let t = "Our Kessock site produced 412 GWh in 2024, well above the UK onshore average. \
             Group exports reached 1.2 billion euros in 2024, ahead of Belgium. \
             The plant processed 3.4 million tonnes of crude imported from Romania in 2024.";
    let c = claims(
        t,
        &[
            ("412 GWh", Kind::Amount, Some("GWh")),
            ("1.2 billion euros", Kind::Amount, Some("EUR")),
            ("3.4 million tonnes", Kind::Amount, Some("t")),
        ],
    );
    assert_eq!(s(&c[0].subject), "-", "{:?}", c[0]);
    // Not the comparison's other side, nor carried from it.
    assert_eq!(s(&c[1].subject), "-", "{:?}", c[1]);
    assert_eq!(s(&c[2].subject), "-", "{:?}", c[2]);
    // "from" names an origin: the partner stays.
    assert_eq!(s(&c[2].partner), "ROU", "{:?}", c[2]);
}

#[test]
fn demonyms_of_countries_added_to_the_gazetteer() {
    // Chile and South Sudan had no demonym: these figures had no subject.
    let t = "Chilean copper exports reached $45 billion in 2024. South Sudanese oil exports fell \
             by 12 % in 2023.";
    let c = claims(
        t,
        &[
            ("$45 billion", Kind::Amount, Some("USD")),
            ("12 %", Kind::Percent, Some("%")),
        ],
    );
    assert_eq!(s(&c[0].subject), "CHL");
    assert_eq!(s(&c[0].metric), "exports");
    assert_eq!(period(&c[0]), "2024");
    // The longer demonym wins over the one it ends with (Sudanese → SDN).
    assert_eq!(s(&c[1].subject), "SSD");
    assert_eq!(period(&c[1]), "2023");
}

#[test]
fn company_results_and_years_inside_names() {
    let t = "Reported EBITDA came in at EUR 312 million in Q3 2025. The federation had 398 \
             affiliated clubs at the end of 2025, and exports at the end of 2025 reached \
             EUR 40 million. Compared with a year earlier, capital expenditure rose to EUR 164 \
             million, helped by the Fit-for-2027 programme.";
    let c = claims(
        t,
        &[
            ("EUR 312 million", Kind::Amount, Some("EUR")),
            ("398", Kind::Count, Some("club")),
            ("EUR 40 million", Kind::Amount, Some("EUR")),
            ("EUR 164", Kind::Amount, Some("EUR")),
        ],
    );
    assert_eq!(
        (s(&c[0].metric), period(&c[0]).as_str()),
        ("ebitda", "2025-Q3")
    );
    assert_eq!(period(&c[1]), "2025");
    assert_eq!(s(&c[3].metric), "capex");
    // "Fit-for-2027" names a programme: no period 2027.
    assert_ne!(period(&c[3]), "2027");
}
