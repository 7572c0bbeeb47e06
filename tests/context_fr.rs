//! Context of figures in French prose: subject, partner, metric, period, role.
//! Quantities are built by hand here, so these tests do not depend on the extractor.

use numlint::claim::{Claim, Direction, Role};
use numlint::context::{self, ContextLexicon, MIN_CONFIDENCE};
use numlint::document::{Document, Format};
use numlint::lang::Lang;
use numlint::quantity::{Kind, Qualifier, Quantity};
use rust_decimal::Decimal;

/// Build a document and the quantities named by their surface (found in order), then attach.
fn claims(text: &str, figs: &[(&str, Kind, Option<&str>)]) -> Vec<Claim> {
    let doc = Document::new("t.txt", text.to_string(), Format::Text, Some(Lang::Fr));
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
fn bilateral_trade_with_parenthesised_growth_and_inherited_balance() {
    let t = "En 2022, le chiffre d'affaires commercial entre la Mongolie et le Brésil s'est élevé \
             à 412,5 millions de dollars et a augmenté de 6,2 % par rapport à 2021, les \
             exportations - 310,1 millions de dollars (croissance de 4,1 %). Le solde est positif - \
             207,7 millions de dollars.";
    let c = claims(
        t,
        &[
            ("412,5 millions de dollars", Kind::Amount, Some("USD")),
            ("6,2 %", Kind::Percent, Some("%")),
            ("310,1 millions de dollars", Kind::Amount, Some("USD")),
            ("4,1 %", Kind::Percent, Some("%")),
            ("207,7 millions de dollars", Kind::Amount, Some("USD")),
        ],
    );
    let row = |c: &Claim| {
        (
            s(&c.metric).to_string(),
            s(&c.subject).to_string(),
            s(&c.partner).to_string(),
            period(c),
            c.role,
        )
    };
    assert_eq!(
        row(&c[0]),
        (
            "turnover".into(),
            "MNG".into(),
            "BRA".into(),
            "2022".into(),
            Role::Value
        )
    );
    assert_eq!(
        row(&c[1]),
        (
            "turnover".into(),
            "MNG".into(),
            "BRA".into(),
            "2022".into(),
            Role::Change
        )
    );
    assert_eq!(c[1].direction, Some(Direction::Up));
    assert_eq!(
        c[1].base_period.map(|p| p.to_string()).as_deref(),
        Some("2021")
    );
    assert_eq!(
        row(&c[2]),
        (
            "exports".into(),
            "MNG".into(),
            "BRA".into(),
            "2022".into(),
            Role::Value
        )
    );
    // The growth rate in brackets is the growth of the figure before it.
    assert_eq!(
        row(&c[3]),
        (
            "exports".into(),
            "MNG".into(),
            "BRA".into(),
            "2022".into(),
            Role::Change
        )
    );
    // Subject, partner and period carried over from the previous sentence, less surely.
    assert_eq!(
        row(&c[4]),
        (
            "balance".into(),
            "MNG".into(),
            "BRA".into(),
            "2022".into(),
            Role::Value
        )
    );
    assert!(c[0].confidence > c[4].confidence);
    assert!(c[4].confidence >= MIN_CONFIDENCE, "{}", c[4].confidence);
}

#[test]
fn targets_are_not_facts_and_last_year_follows_the_date() {
    let t = "Au 1er janvier 2024, 212 organisations étaient enregistrées dans la zone franche de \
             Tarnovo. L'année dernière, 14 nouvelles entreprises s'y sont installées, et elles \
             créeront plus de 600 emplois. Le projet prévoit la création de 35 nouveaux emplois.";
    let c = claims(
        t,
        &[
            ("212", Kind::Count, Some("organisations")),
            ("14", Kind::Count, Some("companies")),
            ("600", Kind::Count, Some("jobs")),
            ("35", Kind::Count, Some("jobs")),
        ],
    );
    assert_eq!(s(&c[0].metric), "residents");
    assert_eq!(s(&c[0].subject), "fez:tarnovo");
    assert_eq!(period(&c[0]), "2024-01-01");
    assert!(c[0].period.unwrap().instant);
    assert_eq!(c[0].role, Role::Value);
    assert_eq!(period(&c[1]), "2023");
    assert_eq!(s(&c[1].subject), "fez:tarnovo");
    assert_eq!(c[1].role, Role::Value);
    assert_eq!(s(&c[2].metric), "jobs");
    assert_eq!(c[2].role, Role::Target);
    assert_eq!(c[3].role, Role::Target);
}

#[test]
fn shares_name_their_whole() {
    let t =
        "Les produits laitiers représentent 42,3 % des exportations biélorusses vers la Russie \
             en 2021.";
    let c = claims(t, &[("42,3 %", Kind::Percent, Some("%"))]);
    assert_eq!(c[0].role, Role::Share);
    assert_eq!(s(&c[0].whole), "exports");
    assert_eq!(s(&c[0].subject), "BLR");
    assert_eq!(s(&c[0].partner), "RUS");
    assert_eq!(period(&c[0]), "2021");
}

#[test]
fn spans_relative_years_and_decreases() {
    let t =
        "Au premier semestre 2022, les importations du Kazakhstan en provenance de Mongolie ont \
             atteint 58 millions de dollars. Sur les 9 premiers mois de 2023, elles ont diminué de \
             12 %. La même année, le déficit commercial a atteint 21 millions de dollars.";
    let c = claims(
        t,
        &[
            ("58 millions de dollars", Kind::Amount, Some("USD")),
            ("12 %", Kind::Percent, Some("%")),
            ("21 millions de dollars", Kind::Amount, Some("USD")),
        ],
    );
    assert_eq!(s(&c[0].metric), "imports");
    assert_eq!(s(&c[0].subject), "KAZ");
    assert_eq!(s(&c[0].partner), "MNG");
    assert_eq!(period(&c[0]), "2022-H1");
    assert_eq!(c[1].role, Role::Change);
    assert_eq!(c[1].direction, Some(Direction::Down));
    assert_eq!(period(&c[1]), "2023-01..2023-09");
    assert_eq!(s(&c[1].subject), "KAZ");
    assert_eq!(s(&c[2].metric), "balance");
    assert_eq!(period(&c[2]), "2023");
}

#[test]
fn index_multiplier_and_region() {
    let t =
        "En 2023, la production laitière de la région de Brest a atteint 108,9 % par rapport à \
             l'année précédente, et les exportations ont été multipliées par 2,5.";
    let c = claims(
        t,
        &[
            ("108,9 %", Kind::Percent, Some("%")),
            ("2,5", Kind::Multiplier, None),
        ],
    );
    assert_eq!(c[0].role, Role::Index);
    assert_eq!(s(&c[0].metric), "production");
    assert_eq!(s(&c[0].subject), "BY-BR");
    assert_eq!(period(&c[0]), "2023");
    assert_eq!(
        c[0].base_period.map(|p| p.to_string()).as_deref(),
        Some("2022")
    );
    assert_eq!(c[1].role, Role::Multiplier);
    assert_eq!(s(&c[1].metric), "exports");
}

#[test]
fn abbreviations_and_enumerations_keep_context_apart() {
    let t = "M. Petrov a rappelé que deux accords ont été signés en mai 2023 : 1) la livraison de \
             300 tracteurs vers l'Ouzbékistan ; 2) l'achat de 40 tonnes de coton en provenance du \
             Tadjikistan, etc. Les exportations de la zone ont atteint 7,8 millions d'euros.";
    let c = claims(
        t,
        &[
            ("300", Kind::Count, None),
            ("40 tonnes", Kind::Amount, Some("t")),
            ("7,8 millions d'euros", Kind::Amount, Some("EUR")),
        ],
    );
    assert_eq!(s(&c[0].partner), "UZB");
    assert_eq!(s(&c[1].partner), "TJK");
    assert_eq!(s(&c[1].metric), "volume");
    assert_eq!(period(&c[0]), "2023-05");
    // "M." did not end the sentence; "etc." before a capital did.
    assert_eq!(c[0].sentence, c[1].sentence);
    assert_ne!(c[1].sentence, c[2].sentence);
    assert_eq!(s(&c[2].metric), "exports");
    assert_eq!(period(&c[2]), "2023-05");
}

#[test]
fn a_figure_without_context_stays_below_the_threshold() {
    let c = claims(
        "Il y avait 12 chaises dans la salle.",
        &[("12", Kind::Count, None)],
    );
    assert_eq!(c[0].metric, None);
    assert_eq!(c[0].subject, None);
    assert_eq!(c[0].period, None);
    assert!(c[0].confidence < MIN_CONFIDENCE);
}

#[test]
fn non_claims_get_no_claim() {
    let c = claims(
        "En 2023, les ventes ont atteint 5 millions.",
        &[
            ("2023", Kind::Year, None),
            ("5 millions", Kind::Number, None),
        ],
    );
    assert_eq!(c.len(), 1);
    assert_eq!(period(&c[0]), "2023");
}

#[test]
fn end_to_end_with_the_extractor() {
    let text = "Au premier semestre 2023, le commerce bilatéral entre la Mongolie et le Brésil a \
                dépassé 412,5 millions de dollars et a augmenté de 6,2 % par rapport au premier \
                semestre 2022. Il est prévu de créer 40 emplois.";
    let doc = Document::new("t.txt", text.to_string(), Format::Text, Some(Lang::Fr));
    let lex = numlint::lexicon::Lexicon::builtin().expect("lexicon");
    let a = numlint::analyse(0, &doc, &lex);
    let usd = a
        .claims
        .iter()
        .find(|c| c.quantity.unit.as_deref() == Some("USD"))
        .expect("amount");
    assert_eq!(s(&usd.metric), "turnover");
    assert_eq!((s(&usd.subject), s(&usd.partner)), ("MNG", "BRA"));
    assert_eq!(period(usd), "2023-H1");
    let pct = a
        .claims
        .iter()
        .find(|c| c.quantity.kind == Kind::Percent)
        .expect("percent");
    assert_eq!(pct.role, Role::Change);
    assert_eq!(
        pct.base_period.map(|p| p.to_string()).as_deref(),
        Some("2022-H1")
    );
    let jobs = a.claims.last().expect("jobs");
    assert_eq!(s(&jobs.metric), "jobs");
    assert_eq!(jobs.role, Role::Target);
}

#[test]
fn an_ordinal_in_the_title_and_a_change_on_a_year() {
    let text = "# Salon du livre de Brive\n## Bilan de la 9e édition (novembre 2025)\n\nLe salon a accueilli 41 200 visiteurs, en hausse de 6 % sur 2024 (38 900 visiteurs).";
    let doc = Document::new("t.md", text.to_string(), Format::Markdown, Some(Lang::Fr));
    let lex = numlint::lexicon::Lexicon::builtin().expect("lexicon");
    let a = numlint::analyse(0, &doc, &lex);
    let of = |v: &str| {
        a.claims
            .iter()
            .find(|c| c.quantity.value.to_string() == v)
            .expect("claim")
    };
    // "9e" is an ordinal, not another figure of the title line: the title dates the text,
    // and the change's base is the year before.
    assert!(
        period(of("41200")).starts_with("2025"),
        "{}",
        period(of("41200"))
    );
    // "en hausse de 6 % sur 2024": 2024 is the base, the bracketed figure its value.
    assert_eq!(period(of("38900")), "2024");
    assert_eq!(
        of("6").base_period.map(|p| p.to_string()).as_deref(),
        Some("2024")
    );
}

#[test]
fn the_same_year_is_the_year_spoken_of_not_a_comparison_base() {
    let t = "En 2022, les exportations turques vers le Kazakhstan ont atteint 1 374,2 millions \
             de dollars, contre 1 152,3 millions en 2021. La même année, les échanges ont atteint \
             3 541,2 millions de dollars.";
    let c = claims(
        t,
        &[
            ("1 374,2 millions de dollars", Kind::Amount, Some("USD")),
            ("1 152,3 millions", Kind::Amount, Some("USD")),
            ("3 541,2 millions de dollars", Kind::Amount, Some("USD")),
        ],
    );
    assert_eq!(period(&c[0]), "2022");
    assert_eq!(period(&c[1]), "2021");
    assert_eq!(period(&c[2]), "2022", "{:?}", c[2]);
    assert_eq!(s(&c[2].metric), "turnover");
}

#[test]
fn a_place_after_a_comparison_word_is_not_the_subject() {
    let t = "Les exportations de la Côte d'Ivoire vers les Pays-Bas ont atteint 1,2 milliard \
             d'euros en 2024, loin devant la Belgique. La production a atteint 312 tonnes en \
             2024, contre 280 tonnes en Italie.";
    let c = claims(
        t,
        &[
            ("1,2 milliard", Kind::Amount, Some("EUR")),
            ("312 tonnes", Kind::Amount, Some("t")),
            ("280 tonnes", Kind::Amount, Some("t")),
        ],
    );
    assert_eq!((s(&c[0].subject), s(&c[0].partner)), ("CIV", "NLD"));
    assert_ne!(s(&c[1].subject), "ITA", "{:?}", c[1]);
    assert_eq!(s(&c[2].subject), "ITA", "{:?}", c[2]);
}

#[test]
fn a_demonym_after_the_metric_says_whose_flows_they_are() {
    let t = "Premier acheteur du pays, la Chine a absorbé 1,2 milliard de dollars \
             d'exportations biélorusses en 2023.";
    let c = claims(t, &[("1,2 milliard de dollars", Kind::Amount, Some("USD"))]);
    assert_eq!(
        (s(&c[0].subject), s(&c[0].partner), s(&c[0].metric)),
        ("BLR", "CHN", "exports"),
        "{:?}",
        c[0]
    );
}

#[test]
fn a_pronoun_stands_for_the_subject_of_the_sentence_before() {
    let t = "4. La Chine\n\nLe déficit avec la Chine s'est creusé à 8 950 millions de dinars en \
             2024. Les importations en provenance de Chine ont atteint 9 420 millions de dinars, \
             pour des exportations de seulement 370 millions de dinars. Elles avaient été de \
             8 210 millions de dinars en 2023.";
    let c = claims(
        t,
        &[
            ("8 950 millions de dinars", Kind::Amount, Some("TND")),
            ("9 420 millions de dinars", Kind::Amount, Some("TND")),
            ("370 millions de dinars", Kind::Amount, Some("TND")),
            ("8 210 millions de dinars", Kind::Amount, Some("TND")),
        ],
    );
    assert_eq!(s(&c[3].metric), "imports", "{:?}", c[3]);
    assert_eq!(s(&c[3].partner), "CHN", "{:?}", c[3]);
    assert_eq!(period(&c[3]), "2023");
}

#[test]
fn demonyms_of_countries_added_to_the_gazetteer() {
    // Sénégal and Soudan du Sud had no demonym: these figures had no subject.
    let t = "Les exportations sénégalaises ont atteint 1,2 milliard d'euros en 2024. Les \
             exportations sud-soudanaises ont reculé de 12 % en 2023.";
    let c = claims(
        t,
        &[
            ("1,2 milliard d'euros", Kind::Amount, Some("EUR")),
            ("12 %", Kind::Percent, Some("%")),
        ],
    );
    assert_eq!(s(&c[0].subject), "SEN");
    assert_eq!(s(&c[0].metric), "exports");
    assert_eq!(period(&c[0]), "2024");
    // The longer demonym wins over the one it ends with (soudanais → SDN).
    assert_eq!(s(&c[1].subject), "SSD");
    assert_eq!(period(&c[1]), "2023");
}

#[test]
fn a_bare_number_after_contre_measures_what_the_figure_before_it_does() {
    let t = "La région compte 64 400 exploitations en 2020, contre 77 600 en 2010. Le parc \
             compte 1 200 logements ; 800 sont vacants.";
    let c = claims(
        t,
        &[
            ("64 400 exploitations", Kind::Count, Some("exploitation")),
            ("77 600", Kind::Number, None),
            ("1 200 logements", Kind::Count, Some("logement")),
            ("800", Kind::Number, None),
        ],
    );
    assert_eq!(s(&c[1].metric), "exploitation", "{:?}", c[1]);
    assert_eq!(period(&c[1]), "2010");
    // No comparison word: the bare number is not taken for the same measure.
    assert_ne!(s(&c[3].metric), "logement", "{:?}", c[3]);
}

#[test]
fn a_year_earlier_opening_its_sentence_is_that_sentences_period() {
    let t = "En 2024, les exportations ont atteint 86,4 milliards d'euros, en hausse de 4,7 % par \
             rapport à 2023. Un an plus tôt, les exportations s'élevaient à 84,1 milliards \
             d'euros. En 2024, les importations ont atteint 81,2 milliards d'euros, en hausse de \
             3 % par rapport à l'année précédente.";
    let c = claims(
        t,
        &[
            ("86,4 milliards d'euros", Kind::Amount, Some("EUR")),
            ("4,7 %", Kind::Percent, Some("%")),
            ("84,1 milliards d'euros", Kind::Amount, Some("EUR")),
            ("81,2 milliards d'euros", Kind::Amount, Some("EUR")),
            ("3 %", Kind::Percent, Some("%")),
        ],
    );
    assert_eq!(period(&c[2]), "2023", "{:?}", c[2]);
    // After a change, "the previous year" is its base, not its period.
    assert_eq!(period(&c[4]), "2024", "{:?}", c[4]);
}
