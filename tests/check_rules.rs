//! Rules end to end: real sentences through extraction, context and the rule engine, each
//! rule once where it must fire and once where it must stay silent, in French and English.

use numlint::config::Config;
use numlint::document::{Document, Format};
use numlint::finding::Finding;
use numlint::lang::Lang;
use numlint::lexicon::Lexicon;

fn lint(text: &str, lang: Lang) -> Vec<Finding> {
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let docs = vec![Document::new(
        "draft.md",
        text.to_string(),
        Format::Text,
        Some(lang),
    )];
    numlint::lint(&docs, &lex, &Config::default())
}

fn rules(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.rule.as_str()).collect()
}

/// `text` gives exactly one finding, of `rule`, whose primary label covers `primary`; with
/// `from` replaced by `to` it gives none.
fn fires_once_then_silent(
    text: &str,
    lang: Lang,
    rule: &str,
    primary_text: &str,
    fix: (&str, &str),
) -> Finding {
    let mut f = lint(text, lang);
    assert_eq!(rules(&f), [rule], "{f:#?}");
    assert_eq!(primary(text, &f[0]), primary_text);
    let fixed = text.replace(fix.0, fix.1);
    assert_ne!(fixed, text, "the fix must change the text");
    let after = lint(&fixed, lang);
    assert!(after.is_empty(), "{after:#?}");
    f.remove(0)
}

/// The text a finding's primary label covers.
fn primary<'a>(text: &'a str, f: &Finding) -> &'a str {
    &text[f.primary().expect("a label").span.clone()]
}

#[test]
fn trade_balance_with_a_balance_in_the_next_sentence_fr() {
    let text = "En 2021, le commerce entre la Biélorussie et l'Ouzbékistan a atteint 301,9 millions de dollars, dont des exportations de 245,4 millions de dollars. Le solde est positif - 198,9 millions de dollars.";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["trade-balance"], "{f:#?}");
    assert_eq!(primary(text, &f[0]), "198,9 millions de dollars");
    let help = f[0].help.as_deref().unwrap();
    assert!(help.contains("301.9 − 245.4 = 56.5"), "{help}");
    assert!(help.contains("balance would be 188.9"), "{help}");
    assert_eq!(f[0].labels.len(), 3);
    // 188,9 is what the other two give: silent.
    let fixed = text.replace("198,9", "188,9");
    assert!(lint(&fixed, Lang::Fr).is_empty());
}

#[test]
fn trade_balance_en() {
    let text = "In 2022, trade between Belarus and China reached $5.1 billion, with exports of $3.0 billion and imports of $2.6 billion.";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["trade-balance"], "{f:#?}");
    // Within rounding: 3.0 + 2.1 = 5.1.
    let fixed = text.replace("$2.6", "$2.1");
    assert!(lint(&fixed, Lang::En).is_empty());
}

#[test]
fn multiplier_from_one_value_to_another_in_its_sentence_fr() {
    let text = "Le montant des transactions a été multiplié par 17 : d'un peu plus d'un million de dollars en 2022 à près de 8 millions de dollars en 2023.";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["multiplier"], "{f:#?}");
    assert_eq!(primary(text, &f[0]), "17");
    assert!(
        f[0].message.contains("from 2022 to 2023"),
        "{}",
        f[0].message
    );
    // ×7 fits: a little above 1 million to nearly 8 million.
    let fixed = text.replace("par 17", "par 7");
    assert!(lint(&fixed, Lang::Fr).is_empty());
}

#[test]
fn multiplier_against_the_value_it_is_compared_with_fr() {
    let text = "La nouvelle ligne permettra de tripler la production, jusqu'à 12 millions de pièces par mois, alors que la ligne actuelle en produit plus de six millions.";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["multiplier"], "{f:#?}");
    let fixed = text.replace("tripler", "doubler");
    assert!(
        lint(&fixed, Lang::Fr).is_empty(),
        "{:#?}",
        lint(&fixed, Lang::Fr)
    );
}

#[test]
fn multiplier_from_to_en() {
    let text = "Sales at the plant tripled from $4.1 million in 2022 to $8.3 million in 2023.";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["multiplier"], "{f:#?}");
    let fixed = text.replace("tripled", "doubled");
    assert!(lint(&fixed, Lang::En).is_empty());
}

#[test]
fn growth_rate_from_to_en() {
    let text = "Exports grew by 25% from $80 million in 2022 to $90 million in 2023.";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["growth-rate"], "{f:#?}");
    let fixed = text.replace("25%", "12.5%");
    assert!(lint(&fixed, Lang::En).is_empty());
}

#[test]
fn parts_in_brackets_fr_and_colon_list_en() {
    let text = "L'université compte 9 structures communes (3 laboratoires, 5 centres et 2 instituts) avec ses partenaires.";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["sum-of-parts"], "{f:#?}");
    assert!(lint(&text.replace("5 centres", "4 centres"), Lang::Fr).is_empty());
    let text = "Six large companies showed interest in the fair: Alpha Steel, Beta Tractors, Gamma Trucks, Delta Club, Omega Park, Sigma Harvesters and Tau Tools.";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["sum-of-parts"], "{f:#?}");
    assert!(lint(&text.replace("Six", "Seven"), Lang::En).is_empty());
}

#[test]
fn a_change_far_from_values_of_another_series_stays_silent_fr() {
    // The 82 % speaks of deliveries to one country; the other figures are a region's trade.
    let text = "En 2020, les exportations biélorusses vers l'Amérique latine ont atteint 178,9 millions de dollars.\n\nLe chapitre suivant décrit les foires.\n\nLes délégations se sont rencontrées.\n\nLes entreprises ont signé des contrats.\n\nLes transports se sont développés.\n\nEn 2021, des marchandises d'une valeur de près de 2 millions de dollars ont été exportées, soit une augmentation de 82 %.";
    assert!(
        lint(text, Lang::Fr).is_empty(),
        "{:#?}",
        lint(text, Lang::Fr)
    );
}

#[test]
fn a_number_word_and_a_digit_tell_one_fact_fr() {
    let lead = "Sept grandes infrastructures d'ingénierie et de transport ont également été construites dans les zones franches.";
    let body = "Par ailleurs, 7 grandes infrastructures d'ingénierie et de transport ont été construites dans les zones franches pour un montant total de plus de 130 millions d'euros.";
    let text = format!("{lead}\n\nLe régime fiscal des zones est décrit plus loin.\n\n{body}");
    let f = lint(&text, Lang::Fr);
    assert_eq!(rules(&f), ["repeated-fact"], "{f:#?}");
    assert_eq!(f[0].severity, numlint::finding::Severity::Warning);
    assert_eq!(primary(&text, &f[0]), "7 grandes infrastructures");
    // Huit in the lead, 7 in the body: one fact, two values.
    let text = text.replace("Sept", "Huit");
    let f = lint(&text, Lang::Fr);
    assert_eq!(rules(&f), ["conflicting-fact"], "{f:#?}");
    assert_eq!(f[0].severity, numlint::finding::Severity::Error);
    assert_eq!(f[0].labels.len(), 2);
}

#[test]
fn a_quote_restated_in_another_chapter_en() {
    let first = "The minister was clear: \"In April 2023, the regions had already signed 15 interregional agreements.\" Delegations now visit each other every month.";
    let second = "Recall that in April 2023, \"the regions had already signed 15 interregional agreements.\" Roadmaps for each of them followed.";
    let text = format!("{first}\n\nChapter 2 deals with logistics.\n\n{second}");
    let f = lint(&text, Lang::En);
    assert_eq!(rules(&f), ["repeated-fact"], "{f:#?}");
    // Two different years are two facts.
    let text = text.replace("Recall that in April 2023", "Recall that in April 2022");
    assert!(
        lint(&text, Lang::En).is_empty(),
        "{:#?}",
        lint(&text, Lang::En)
    );
}

#[test]
fn the_same_number_about_different_things_stays_silent_fr() {
    let text = "Le projet de l'usine de meubles de Pinsk prévoit la création de 60 nouveaux emplois.\n\nLa laiterie de Lida modernise sa ligne de conditionnement.\n\nSoixante nouveaux emplois seront créés dans la fonderie de Jlobine grâce à un atelier de galvanisation.\n\nAu 1er janvier 2024, 425 organisations étaient enregistrées comme résidents.\n\nLa région a produit pour 425 millions de dollars de biens de substitution aux importations.";
    assert!(
        lint(text, Lang::Fr).is_empty(),
        "{:#?}",
        lint(text, Lang::Fr)
    );
}

#[test]
fn values_far_apart_are_two_facts_not_a_conflict_fr() {
    let text = "À la fin de 2023, une société coréenne a acheté un lot d'essai de 400 mètres cubes de bois scié sur la bourse.\n\nLe reste du chapitre traite des céréales.\n\nEn 2023, une société chinoise a acheté plus de 140 000 mètres cubes de bois scié sur la bourse.";
    let f = lint(text, Lang::Fr);
    assert!(!rules(&f).contains(&"conflicting-fact"), "{f:#?}");
}

#[test]
fn shares_listed_in_one_sentence_add_up_fr_and_en() {
    let text = "En 2023, la Russie a représenté 55 % des exportations biélorusses, la Chine 30 % et le Kazakhstan 25 %.";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["share"], "{f:#?}");
    assert!(f[0]
        .help
        .as_deref()
        .unwrap()
        .contains("55 + 30 + 25 = 110 %"));
    assert!(lint(&text.replace("55 %", "45 %"), Lang::Fr).is_empty());
    let text = "In 2023, Russia took 55% of Belarusian exports, China 30% and Kazakhstan 25%.";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["share"], "{f:#?}");
    assert!(lint(&text.replace("55%", "40%"), Lang::En).is_empty());
}

#[test]
fn a_share_of_another_whole_is_not_summed_fr() {
    // 70 % of exports and 60 % of imports: two wholes.
    let text = "En 2023, la Russie a représenté 70 % des exportations biélorusses et 60 % des importations.";
    assert!(
        lint(text, Lang::Fr).is_empty(),
        "{:#?}",
        lint(text, Lang::Fr)
    );
}

#[test]
fn counts_of_companies_from_two_countries_are_two_facts_en() {
    let text = "As of 1 January 2024, 38 Georgian companies were registered as residents of the free economic zones.\n\nThe zones offer tax breaks.\n\nAs of 1 January 2024, 83 Kazakh companies were registered as residents of the free economic zones.";
    assert!(
        lint(text, Lang::En).is_empty(),
        "{:#?}",
        lint(text, Lang::En)
    );
    let text = text.replace("83 Kazakh", "83 Georgian");
    assert_eq!(rules(&lint(&text, Lang::En)), ["conflicting-fact"]);
}

#[test]
fn a_report_that_never_names_its_subject_is_still_checked_fr() {
    // No country or company is named: the paragraph, and the sentence, are one story.
    let text = "En 2022, l'usine a produit 1,2 million d'unités ; en 2023, la production est passée à 1,5 million d'unités, soit une hausse de 45 %.\n\nLes échanges entre les deux pays ont atteint 2,3 milliards de dollars en 2023 : des exportations de 1,5 milliard de dollars et des importations de 0,8 milliard de dollars.";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["growth-rate"], "{f:#?}");
    // 25 % is what the two values give; 1,7 + 0,8 is not 2,3.
    let text = text
        .replace("45 %", "25 %")
        .replace("1,5 milliard", "1,7 milliard");
    let f = lint(&text, Lang::Fr);
    assert_eq!(rules(&f), ["trade-balance"], "{f:#?}");
}

#[test]
fn levels_reached_and_bases_compared_with_en() {
    // "fell to $0.3 billion" is the level of imports, which the identity then checks.
    let text = "In 2023, Belarus's trade with Kazakhstan totalled $1.4 billion, up 9% on 2022. Exports rose 11% to $0.9 billion, while imports fell to $0.3 billion.";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["trade-balance"], "{f:#?}");
    assert!(lint(&text.replace("$1.4 billion", "$1.2 billion"), Lang::En).is_empty());
    // The base after "compared with", the change after both.
    let text = "The Almaty plant assembled 12,000 tractors in 2023, compared with 9,600 in 2022, an increase of 35%.";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["growth-rate"], "{f:#?}");
    assert!(lint(&text.replace("35%", "25%"), Lang::En).is_empty());
    // Two metrics compared are no series.
    let text = "In 2023 exports rose 10% to $5 billion, against $3 billion of imports.";
    assert!(
        lint(text, Lang::En).is_empty(),
        "{:#?}",
        lint(text, Lang::En)
    );
}

#[test]
fn a_dated_forum_told_in_two_chapters_fr() {
    let text = "## Coopération régionale\n\nEn octobre 2022, lors du IXe Forum des régions \"Industrie. Logistique. Export\", tenu à Grodno, douze accords ont été signés.\n\n## Relations avec le Kazakhstan\n\nLes entreprises kazakhes ont présenté leurs produits. En octobre 2022, lors du IXe Forum des régions \"Industrie, logistique, export\" à Grodno, les parties ont discuté des livraisons de lait.";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["repeated-fact"], "{f:#?}");
    assert_eq!(f[0].labels.len(), 2);
    assert_eq!(primary(text, &f[0]), "octobre 2022");
    assert!(f[0].message.contains("IXe Forum"), "{}", f[0].message);
    // The next year's forum is another event, and so is another forum the same month.
    let next_year = text.replacen(
        "En octobre 2022, lors du IXe",
        "En octobre 2023, lors du Xe",
        1,
    );
    assert!(
        lint(&next_year, Lang::Fr).is_empty(),
        "{:#?}",
        lint(&next_year, Lang::Fr)
    );
    let other = text.replacen(
        "IXe Forum des régions \"Industrie, logistique, export\"",
        "Salon \"Agro. Lait. Viande\"",
        1,
    );
    assert!(
        lint(&other, Lang::Fr).is_empty(),
        "{:#?}",
        lint(&other, Lang::Fr)
    );
}

#[test]
fn a_numbered_meeting_with_two_dates_en() {
    let text = "In March 2021, the fourth meeting of the Belarusian-Vietnamese intergovernmental commission was held in Hanoi.\n\nTrade grew in the following years.\n\nThe fourth meeting of the Belarusian-Vietnamese intergovernmental commission, held in June 2021, approved a road map.";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["conflicting-fact"], "{f:#?}");
    assert_eq!(primary(text, &f[0]), "June 2021");
    // The same month: a repeat, not a conflict.
    let same = text.replace("June 2021", "March 2021");
    assert_eq!(rules(&lint(&same, Lang::En)), ["repeated-fact"]);
    // Commissions with two different countries are two events, whatever their dates.
    let two = text.replacen("Belarusian-Vietnamese", "Belarusian-Turkish", 1);
    assert!(
        lint(&two, Lang::En).is_empty(),
        "{:#?}",
        lint(&two, Lang::En)
    );
    // A visit of the President and one of the Prime Minister, the same month: two events.
    let visits = "In May 2023, during the official visit of President Lukashenko to Beijing, ten agreements were signed.\n\nExports grew.\n\nIn May 2023, during the official visit of Prime Minister Golovchenko to Beijing, a road map was approved.";
    assert!(
        lint(visits, Lang::En).is_empty(),
        "{:#?}",
        lint(visits, Lang::En)
    );
}

#[test]
fn a_bound_far_below_a_figure_is_neither_its_repeat_nor_its_contradiction_en() {
    let text = "In 2022, trade between Belarus and China reached $5.8 billion.\n\nThe ministry published its report.\n\nIn 2022, trade between Belarus and China exceeded $2 billion.";
    let f = lint(text, Lang::En);
    assert!(f.is_empty(), "{f:#?}");
    // Close to the figure, the bound restates it.
    let close = text.replace("$2 billion", "$5.5 billion");
    assert_eq!(rules(&lint(&close, Lang::En)), ["repeated-fact"]);
}

#[test]
fn a_subject_guessed_across_a_heading_does_not_hide_a_repeat_fr() {
    let text = "## Commerce\n\nEn 2023, la Russie a représenté 55 % des exportations.\n\nEn avril 2023, « les régions avaient déjà signé 12 accords interrégionaux ».\n\n## Réunions\n\nLa commission mixte biélorusse-kazakhe s'est réunie à Astana.\n\n## Rappel\n\nRappelons qu'en avril 2023, « les régions avaient déjà signé 12 accords interrégionaux ».";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["repeated-fact"], "{f:#?}");
}

#[test]
fn a_positive_balance_stated_in_words_fr_and_en() {
    let fr = "En 2024, les exportations vers la Tunisie (2,1 milliards d'euros) sont restées inférieures aux importations en provenance de Tunisie (2,4 milliards d'euros), ce qui a dégagé un solde positif.";
    let f = lint(fr, Lang::Fr);
    assert_eq!(rules(&f), ["trade-balance"], "{f:#?}");
    assert_eq!(primary(fr, &f[0]), "solde positif");
    assert_eq!(f[0].labels.len(), 3);
    assert!(
        f[0].help.as_deref().unwrap().contains("2.1 − 2.4"),
        "{:?}",
        f[0].help
    );
    // The right sign, or figures within rounding of zero: silent.
    assert!(lint(&fr.replace("solde positif", "solde négatif"), Lang::Fr).is_empty());
    let en = "In 2023, exports to Chile reached $200 million and imports from Chile $260 million. The trade balance was therefore positive.";
    assert_eq!(rules(&lint(en, Lang::En)), ["trade-balance"]);
    assert!(lint(&en.replace("$260", "$160"), Lang::En).is_empty());
    assert!(lint(&en.replace("positive", "negative"), Lang::En).is_empty());
    // A balance with its own figure is checked by the identity, once.
    let stated = "In 2023, exports to Chile reached $200 million and imports from Chile $260 million, a trade surplus of $60 million.";
    assert_eq!(rules(&lint(stated, Lang::En)), ["trade-balance"]);
}

#[test]
fn a_report_that_names_no_place_is_checked_across_paragraphs_en() {
    // A city budget: no country anywhere, so its figures are about the city itself.
    let text = "## Revenue\n\nProperty tax revenue rose 8% to $212 million in 2025, driven by new construction.\n\n## Comparison\n\nIn 2024, property tax revenue was $190 million.";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["growth-rate"], "{f:#?}");
    assert!(
        f[0].help.as_deref().unwrap().contains("+11.6 %"),
        "{:?}",
        f[0].help
    );
    assert!(lint(&text.replace("$190", "$196"), Lang::En).is_empty());
    // Two departments' spending the same year are two facts, not a conflict.
    let departments = "## Spending\n\nIn 2025, spending on public safety reached $142.5 million.\n\n## Transport\n\nIn 2025, spending on roads and transit reached $88.0 million.";
    assert!(
        lint(departments, Lang::En).is_empty(),
        "{:#?}",
        lint(departments, Lang::En)
    );
}

#[test]
fn a_scaled_number_takes_the_currency_of_its_sentence_fr() {
    let text = "En 2024, les échanges entre la France et le Maroc ont atteint 15,8 milliards d'euros : exportations françaises 7,9 milliards, importations 7,4 milliards.";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["trade-balance"], "{f:#?}");
    assert!(lint(&text.replace("7,4", "7,9"), Lang::Fr).is_empty());
}

#[test]
fn metrics_beyond_trade_fr() {
    let text = "En 2024, le nombre d'étudiants inscrits a augmenté de 4 % pour atteindre 38 450.\n\nLes effectifs de l'université ont été publiés en mars.\n\nEn 2023, l'université comptait 35 100 étudiants inscrits.";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["growth-rate"], "{f:#?}");
    // 38 450 / 36 970 = +4.0 %.
    assert!(lint(&text.replace("35 100", "36 970"), Lang::Fr).is_empty());
}

#[test]
fn the_value_reached_then_its_base_en_and_fr() {
    let en = "Wheat output rose 18% to 4.2 million tonnes, up from 3.8 million tonnes in 2024.";
    let f = lint(en, Lang::En);
    assert_eq!(rules(&f), ["growth-rate"], "{f:#?}");
    assert!(lint(&en.replace("18%", "10.5%"), Lang::En).is_empty());
    let fr = "La consommation intérieure a progressé de 3,5 % pour atteindre 449,2 TWh, après 445,4 TWh en 2023.";
    assert_eq!(rules(&lint(fr, Lang::Fr)), ["growth-rate"]);
    assert!(lint(&fr.replace("3,5 %", "0,9 %"), Lang::Fr).is_empty());
}

#[test]
fn values_in_brackets_after_their_years_fr() {
    let text = "Les exportations de vin ont été multipliées par 2,5 entre 2021 (120 millions d'euros) et 2024 (210 millions d'euros).";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["multiplier"], "{f:#?}");
    assert!(
        f[0].message.contains("from 2021 to 2024"),
        "{}",
        f[0].message
    );
    assert!(lint(&text.replace("210", "300"), Lang::Fr).is_empty());
}

#[test]
fn a_whole_factor_is_as_tight_as_its_word_en() {
    // ×2.57 is not "three times" (nor "tripled"); ×2.9 is.
    let text = "Canola exports to Japan were three times higher than in 2024: 540,000 tonnes against 210,000 tonnes.";
    assert_eq!(rules(&lint(text, Lang::En)), ["multiplier"]);
    assert!(lint(&text.replace("540,000", "610,000"), Lang::En).is_empty());
    // A factor that relates two quantities is not a growth factor.
    let ratio =
        "Net debt fell to £208.9 million from £264.0 million, taking leverage to 0.9 times EBITDA.";
    assert!(
        lint(ratio, Lang::En).is_empty(),
        "{:#?}",
        lint(ratio, Lang::En)
    );
}

#[test]
fn a_plans_horizon_is_not_the_period_of_what_follows_en() {
    // "by 2027" dates the plan, not the figures the next sentences give.
    let text = "The 2025 budget was adopted in December 2024. The city expects revenue to reach $230 million by 2027. The library budget was $18.3 million.";
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let doc = Document::new("draft.md", text.to_string(), Format::Text, Some(Lang::En));
    let claims = numlint::analyse(0, &doc, &lex).claims;
    let library = claims
        .iter()
        .find(|c| c.quantity.value == rust_decimal::Decimal::new(18_300_000, 0))
        .expect("the library figure");
    assert_ne!(
        library.period.map(|p| p.to_string()).as_deref(),
        Some("2027"),
        "{library:#?}"
    );
}

#[test]
fn words_in_brackets_gloss_the_word_before_them_fr() {
    let text = "En 2024, le solde des échanges d'électricité a atteint 89,0 TWh, avec 101,3 TWh d'exportations et 12,3 TWh d'importations. Le volume total des échanges (exportations et importations) a atteint 115,6 TWh.";
    fires_once_then_silent(
        text,
        Lang::Fr,
        "trade-balance",
        "115,6 TWh",
        ("115,6", "113,6"),
    );
}

#[test]
fn a_period_carried_from_a_dateline_does_not_hide_a_repeat_en() {
    // The headline figure takes "April 2025" from the dateline, the note's 2024 from its
    // paragraph: neither period is stated with the figure, so the same words are one fact.
    let text = "# Coast Tourism Brief, Year 2024\n\n*Issued April 2025. Figures are provisional.*\n\n## Headline figures\n\n- Mean length of hotel stay: 3.9 nights.\n- Hotel occupancy stayed high.\n\n## Regions\n\nThe north coast hosted 410 hotels and the south coast 265 hotels.\n\nCruise calls rose to 312 ships, and the airport handled 5.8 million passengers.\n\nThe tourism workforce counted 18,400 employees in the summer season.\n\n## Notes\n\nThe Observatory counts arrivals in 2024 from hotel registrations. Mean length of hotel stay: 3.9 nights.";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["repeated-fact"], "{f:#?}");
    // With each period stated by its figure, they are two facts.
    let dated = text.replace(
        "- Mean length of hotel stay: 3.9",
        "- Mean length of hotel stay in 2023: 3.9",
    );
    assert!(
        lint(&dated, Lang::En).is_empty(),
        "{:#?}",
        lint(&dated, Lang::En)
    );
}

#[test]
fn amounts_broken_down_after_their_total_en() {
    // Brackets after each label, the total introduced by "totalled".
    let text = "Capital spending totalled $410.0 million across three programmes: housing ($205.5 million), roads ($120.0 million) and schools ($64.5 million).";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["sum-of-parts"], "{f:#?}");
    assert_eq!(primary(text, &f[0]), "$410.0 million");
    let help = f[0].help.as_deref().unwrap();
    assert!(
        help.contains("205.5 + 120.0 + 64.5 = 390.0 ≠ 410.0"),
        "{help}"
    );
    assert!(lint(&text.replace("$64.5", "$84.5"), Lang::En).is_empty());
    // Rounded parts: 205.5 + 120.4 + 84.4 = 410.3, within half a unit per part of 410.
    let rounded = "Capital spending totalled $410 million: housing $205.5 million, roads $120.4 million and schools $84.4 million.";
    assert!(
        lint(rounded, Lang::En).is_empty(),
        "{:#?}",
        lint(rounded, Lang::En)
    );
    // "with … contributing".
    let text = "Net income reached €74.0 million, with Retail contributing €41.2 million, Wholesale €22.5 million and Services €14.3 million.";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["sum-of-parts"], "{f:#?}");
    assert!(f[0].help.as_deref().unwrap().contains("= 78.0 ≠ 74.0"));
    assert!(lint(&text.replace("€14.3", "€10.3"), Lang::En).is_empty());
}

#[test]
fn amounts_that_are_not_all_of_a_total_stay_silent_en() {
    // "including": a partial list, only parts past the total would be wrong.
    let text = "Revenue totalled $80.0 million, including $45.0 million from licences and $20.0 million from services.";
    assert!(
        lint(text, Lang::En).is_empty(),
        "{:#?}",
        lint(text, Lang::En)
    );
    let over = text.replace("$20.0", "$40.0");
    assert_eq!(rules(&lint(&over, Lang::En)), ["sum-of-parts"]);
    // Parts in another unit are no parts of the amount.
    let text = "Exports totalled $5.2 billion: 3.1 million tonnes of potash and 1.4 million tonnes of fertiliser.";
    assert!(
        lint(text, Lang::En).is_empty(),
        "{:#?}",
        lint(text, Lang::En)
    );
    // Without a word of total, the bracket may name the main partners only.
    let text = "Exports reached $5.0 billion ($3.1 billion to Russia and $1.2 billion to China).";
    assert!(
        lint(text, Lang::En).is_empty(),
        "{:#?}",
        lint(text, Lang::En)
    );
}

#[test]
fn amounts_broken_down_after_their_total_fr() {
    // Colon list after a date, parts in the total's unit.
    let text = "La capacité installée totalise 84,6 GW au 1er janvier 2025 : gaz 30,2 GW, charbon 21,4 GW, éolien 18,7 GW et solaire 11,3 GW.";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["sum-of-parts"], "{f:#?}");
    assert!(f[0].help.as_deref().unwrap().contains("= 81.6 ≠ 84.6"));
    assert!(lint(&text.replace("11,3 GW", "14,3 GW"), Lang::Fr).is_empty());
    // An open list (no "et" before the last part) may be incomplete.
    let open =
        "La capacité installée totalise 84,6 GW : gaz 30,2 GW, charbon 21,4 GW, éolien 18,7 GW.";
    assert!(
        lint(open, Lang::Fr).is_empty(),
        "{:#?}",
        lint(open, Lang::Fr)
    );
    // "se répartissent entre", parts in brackets after each label.
    let text = "Les 12 640 adhérents se répartissent entre Lyon (7 210), Grenoble (3 480) et Annecy (1 450).";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["sum-of-parts"], "{f:#?}");
    assert!(lint(&text.replace("1 450", "1 950"), Lang::Fr).is_empty());
}

#[test]
fn parts_announced_by_dont_only_cannot_exceed_fr() {
    let text = "Le budget atteint 52,0 millions d'euros, dont 31,5 millions d'euros de salaires et 24,0 millions d'euros d'investissements.";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["sum-of-parts"], "{f:#?}");
    assert!(f[0].help.as_deref().unwrap().contains("= 55.5 > 52.0"));
    // Less than the whole: other expenses may exist.
    let fewer = text.replace("24,0", "14,0");
    assert!(
        lint(&fewer, Lang::Fr).is_empty(),
        "{:#?}",
        lint(&fewer, Lang::Fr)
    );
}

#[test]
fn a_closed_list_shorter_than_announced_fr_and_en() {
    let text = "Le groupe possède sept usines : Lille, Rouen, Nantes, Dijon, Metz et Brest.";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["sum-of-parts"], "{f:#?}");
    assert!(f[0]
        .message
        .contains("7 items are announced but 6 are listed"));
    assert!(lint(&text.replace("sept", "six"), Lang::Fr).is_empty());
    // Not closed ("etc.") or partial ("notamment"): silent.
    let open = "Le groupe possède sept usines : Lille, Rouen, Nantes, Dijon, Metz, etc.";
    assert!(
        lint(open, Lang::Fr).is_empty(),
        "{:#?}",
        lint(open, Lang::Fr)
    );
    let partial = "Le groupe possède sept usines, notamment : Lille, Rouen et Brest.";
    assert!(lint(partial, Lang::Fr).is_empty());
    // A year between the count and its colon.
    let text = "The fund backed four start-ups in 2023: Aster, Brio and Corvid.";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["sum-of-parts"], "{f:#?}");
    assert!(f[0]
        .message
        .contains("4 items are announced but 3 are listed"));
    let among = "The fund backed four start-ups in 2023, among them: Aster, Brio and Corvid.";
    assert!(lint(among, Lang::En).is_empty());
    // An item that may be two ("research and design") leaves the count open.
    let two_ways = "The firm has four units: research and design, sales and support.";
    assert!(lint(two_ways, Lang::En).is_empty());
    let joint =
        "Le groupe compte cinq filiales : Alpha, Beta, Gamma et Delta ainsi qu'une coentreprise.";
    assert!(
        lint(joint, Lang::Fr).is_empty(),
        "{:#?}",
        lint(joint, Lang::Fr)
    );
}

#[test]
fn elliptic_shares_of_one_whole_past_a_hundred_en() {
    let text =
        "In 2023, Retail accounted for 46% of group sales, Wholesale for 38% and Online for 22%.";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["share"], "{f:#?}");
    assert_eq!(primary(text, &f[0]), "22%");
    assert!(f[0]
        .help
        .as_deref()
        .unwrap()
        .contains("46 + 38 + 22 = 106 %"));
    assert!(lint(&text.replace("22%", "16%"), Lang::En).is_empty());
    // 46 + 38 + 17 = 101: rounded shares may reach it.
    assert!(lint(&text.replace("22%", "17%"), Lang::En).is_empty());
    // Shares of different wholes, of growth, or overlapping answers are not summed.
    let wholes = "In 2023, Europe accounted for 60% of revenue, North America for 45% of profit and Asia for 20% of staff.";
    assert!(
        lint(wholes, Lang::En).is_empty(),
        "{:#?}",
        lint(wholes, Lang::En)
    );
    let growth =
        "In 2023, exports accounted for 70% of growth, consumption for 45% and investment for 10%.";
    assert!(
        lint(growth, Lang::En).is_empty(),
        "{:#?}",
        lint(growth, Lang::En)
    );
    let answers = "Car users made up 64% of respondents, bus users 48% and cyclists 30% (multiple answers possible).";
    assert!(
        lint(answers, Lang::En).is_empty(),
        "{:#?}",
        lint(answers, Lang::En)
    );
    // Shares of people who use something are not parts of one whole.
    let used = "Smartphones were used by 80% of respondents, laptops by 60% and tablets by 40%.";
    assert!(
        lint(used, Lang::En).is_empty(),
        "{:#?}",
        lint(used, Lang::En)
    );
}

#[test]
fn elliptic_shares_of_one_whole_past_a_hundred_fr() {
    let text =
        "En 2024, le blé représentait 55 % de la surface cultivée, le maïs 28 % et l'orge 24 %.";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["share"], "{f:#?}");
    assert!(f[0]
        .help
        .as_deref()
        .unwrap()
        .contains("55 + 28 + 24 = 107 %"));
    assert!(lint(&text.replace("24 %", "17 %"), Lang::Fr).is_empty());
    // A whole named at length, two shares.
    let text = "Les virus de type A représentent 88 % des prélèvements positifs analysés par les laboratoires de la région, les virus de type B 17 %.";
    assert_eq!(rules(&lint(text, Lang::Fr)), ["share"]);
    assert!(lint(&text.replace("17 %", "12 %"), Lang::Fr).is_empty());
    let answers = "Les automobilistes représentent 64 % des répondants, les usagers du bus 48 % et les cyclistes 30 % (plusieurs réponses possibles).";
    assert!(
        lint(answers, Lang::Fr).is_empty(),
        "{:#?}",
        lint(answers, Lang::Fr)
    );
}

#[test]
fn a_share_and_its_part_told_after_it_en() {
    // The figure after the share is its part; the whole is the one told before.
    let text = "In 2023, Belarus exported goods worth $640 million; Russia accounted for 80% of exports, or $400 million.";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["share"], "{f:#?}");
    let help = f[0].help.as_deref().unwrap();
    assert!(help.contains("400 / 640 = 62.5 %"), "{help}");
    assert!(lint(&text.replace("$400", "$512"), Lang::En).is_empty());
}

#[test]
fn present_tense_changes_and_aims_fr_en() {
    let fr = "En 2024, les inscriptions progressent de 3 % pour atteindre 38 450 étudiants, après 36 000 étudiants en 2023.";
    assert_eq!(rules(&lint(fr, Lang::Fr)), ["growth-rate"]);
    assert!(lint(&fr.replace("36 000", "37 330"), Lang::Fr).is_empty());
    // An aim is not a fact: it may differ from what was reached.
    let en = "In 2026, group revenue reached £1,248.6 million, the board said.\n\nThe strategy was reviewed in the spring.\n\nIn 2026, the group aims for revenue of £1,500 million, the board said.";
    assert!(lint(en, Lang::En).is_empty(), "{:#?}", lint(en, Lang::En));
    let fact = en.replace("the group aims for revenue of", "group revenue reached");
    assert_eq!(rules(&lint(&fact, Lang::En)), ["conflicting-fact"]);
}

#[test]
fn fraction_changes_are_relative_fr() {
    // "réduites d'un tiers" is ×2/3 and "augmenté d'un tiers" ×4/3, never ×1/3.
    let text = "Les livraisons ont été réduites d'un tiers, passant de 900 tonnes en 2023 à 600 tonnes en 2024.\n\nLe nombre de logements a augmenté d'un tiers, passant de 2 400 en 2024 à 3 210 en 2025.\n\nLes permis délivrés sont passés de 1 500 en 2024 à 2 000 en 2025, soit un tiers de plus.";
    let f = lint(text, Lang::Fr);
    assert!(f.is_empty(), "{f:#?}");
    // A cut of a third that is in fact a cut of a sixth.
    let wrong = text.replace("à 600 tonnes", "à 750 tonnes");
    let f = lint(&wrong, Lang::Fr);
    assert_eq!(rules(&f), ["multiplier"], "{f:#?}");
    assert_eq!(primary(&wrong, &f[0]), "un tiers");
    let help = f[0].help.as_deref().unwrap();
    assert!(help.contains("750 / 900 = ×0.83"), "{help}");
    assert!(help.contains("a change of −33.3 %"), "{help}");
}

#[test]
fn share_of_the_unnamed_whole_stated_in_another_section_en() {
    let text = "# Visitor statistics, year 2024\n\n- Arrivals: 3.20 million.\n- Receipts: EUR 2.9 billion.\n\n## Markets\n\nVisitors from Spain made up 30% of arrivals (1,150,000). Italy accounted for 21% of arrivals (672,000).\n";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["share"], "{f:#?}");
    assert_eq!(primary(text, &f[0]), "30%");
    // 1,150,000 / 3.2 million = 35.9 %; stated 36 % is within rounding.
    let fixed = text.replace("30%", "36%");
    assert!(lint(&fixed, Lang::En).is_empty());
}

/// The period each claim of a text was read with, by its surface.
fn periods(text: &str, lang: Lang) -> Vec<(String, Option<String>)> {
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let doc = Document::new("draft.md", text.to_string(), Format::Markdown, Some(lang));
    numlint::analyse(0, &doc, &lex)
        .claims
        .iter()
        .map(|c| {
            (
                text[c.quantity.span.clone()].to_string(),
                c.period.map(|p| p.to_string()),
            )
        })
        .collect()
}

fn period_of(periods: &[(String, Option<String>)], surface: &str) -> Option<String> {
    periods
        .iter()
        .find(|(s, _)| s == surface)
        .unwrap_or_else(|| panic!("no claim {surface:?} in {periods:?}"))
        .1
        .clone()
}

#[test]
fn periods_of_a_comparison_an_issue_date_or_a_starting_point_are_not_carried_en() {
    let text = "# Rental market, year 2024\n\nIssued March 2025.\n\nRegistered units rose to 11,900, compared with 10,600 at the end of 2023. Rural houses remain a niche, with about 1,150 units.\n\nOccupancy reached 78.4%, the highest since records began in 1998. The average stay was 4.3 nights.\n";
    let p = periods(text, Lang::En);
    // The 2023 is 10,600's alone.
    assert_eq!(period_of(&p, "10,600").as_deref(), Some("2023"));
    assert_eq!(period_of(&p, "11,900").as_deref(), Some("2024"), "{p:?}");
    // Neither 2023 nor 1998 is carried to the next sentence: the title's year is.
    assert_eq!(
        period_of(&p, "1,150 units").as_deref(),
        Some("2024"),
        "{p:?}"
    );
    assert_eq!(
        period_of(&p, "4.3 nights").as_deref(),
        Some("2024"),
        "{p:?}"
    );
    // Without a title, the issue date is carried to nothing.
    let untitled = text.replace("# Rental market, year 2024\n\n", "");
    let p = periods(&untitled, Lang::En);
    assert_eq!(period_of(&p, "11,900"), None, "{p:?}");
}

#[test]
fn period_bound_to_the_other_side_of_a_comparison_fr() {
    let text = "Les mises en chantier ont atteint 3 150 logements en 2024, contre 2 980 fin 2023. Les ventes se sont établies à 1 920 logements.\n";
    let p = periods(text, Lang::Fr);
    assert_eq!(period_of(&p, "2 980").as_deref(), Some("2023"), "{p:?}");
    assert_eq!(
        period_of(&p, "1 920 logements").as_deref(),
        Some("2024"),
        "{p:?}"
    );
}

#[test]
fn wire_dateline_is_no_figure_period_and_local_currencies_are_units_en() {
    let text = "NAIROBI, 14 March 2025 — Exports rose 11% in 2024 to KSh 1,120 billion, from KSh 1,010 billion in 2023, while imports edged up to KSh 2,640 billion.\n";
    let p = periods(text, Lang::En);
    assert_eq!(
        period_of(&p, "KSh 1,120 billion").as_deref(),
        Some("2024"),
        "{p:?}"
    );
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let doc = Document::new("wire.txt", text.to_string(), Format::Text, Some(Lang::En));
    let a = numlint::analyse(0, &doc, &lex);
    let imports = a
        .claims
        .iter()
        .find(|c| c.metric.as_deref() == Some("imports"))
        .expect("imports");
    assert_eq!(imports.quantity.unit.as_deref(), Some("KES"));
    // "edged up to" is a verb and "to", not the bound "up to".
    assert_eq!(
        imports.quantity.qualifier,
        numlint::quantity::Qualifier::None
    );
    // 1,120 / 1,010 = +10.9 %: the stated 11 % holds.
    assert!(lint(text, Lang::En).is_empty());
    let wrong = text.replace("rose 11%", "rose 15%");
    assert_eq!(rules(&lint(&wrong, Lang::En)), ["growth-rate"]);
}

#[test]
fn one_sentence_total_with_parts_read_at_different_confidence_en() {
    // The total names its metric in the figure's clause; the parts after "with" are read
    // with less confidence. One sentence is one statement: 305 + 119 ≠ 410.
    let text = "Trade with the regional bloc totalled $410 million last year, with exports of $305 million and imports of $119 million.\n";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["trade-balance"], "{f:#?}");
    let fixed = text.replace("$119", "$105");
    assert!(lint(&fixed, Lang::En).is_empty());
}

#[test]
fn a_heading_opens_a_section_whose_period_is_not_the_last_one_fr() {
    let text = "Les exportations ont atteint 3,1 milliards d'euros en 2023.\n\nPerspectives\n\nLes investissements s'élèvent à 820 millions d'euros.\n\nLes agréments ont atteint 4 850 logements en 2025, soit un tiers de plus qu'en 2024 (3 200).\n";
    let p = periods(text, Lang::Fr);
    assert_eq!(period_of(&p, "820 millions d'euros"), None, "{p:?}");
    // A figure in brackets right after a comparison's base is that base's.
    assert_eq!(period_of(&p, "3 200").as_deref(), Some("2024"), "{p:?}");
    // Without the heading, 2023 is carried to the next paragraph.
    let p = periods(&text.replace("Perspectives\n\n", ""), Lang::Fr);
    assert_eq!(
        period_of(&p, "820 millions d'euros").as_deref(),
        Some("2023"),
        "{p:?}"
    );
}

#[test]
fn changes_written_with_a_hyphen_or_a_noun_after_en() {
    let text = "Mail volumes fell to 3,100 tonnes in 2025 (-12%) from 3,400 tonnes in 2024.\n\nRevenue posted a 21% jump to $50 million in 2025 from $40 million in 2024.\n";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["growth-rate", "growth-rate"], "{f:#?}");
    // −8.8 % and +25 %: silent; a range "8-9%" is no minus sign.
    let fixed = text.replace("(-12%)", "(-8.8%)").replace("21%", "25%");
    assert!(lint(&fixed, Lang::En).is_empty());
    let range =
        "Mail volumes fell to 3,100 tonnes in 2025 (down 8-9%) from 3,400 tonnes in 2024.\n";
    assert!(lint(range, Lang::En).is_empty());
}

#[test]
fn a_figure_restated_within_its_year_is_a_repeat_fr() {
    // June 2024 is inside 2024: the same 290 told again is the same fact.
    let text = "Les premières cargaisons ont été chargées en juin 2024. Sur l'année, les ventes de pétrole brut ont rapporté 290 milliards de FCFA.\n\nLes importations de biens d'équipement ont progressé.\n\nLe tourisme a reculé.\n\nLa pêche a souffert de la sécheresse.\n\nRappelons qu'en 2024 les ventes de pétrole brut ont rapporté 290 milliards de FCFA au pays.\n";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["repeated-fact"], "{f:#?}");
    // Two values for a month and its year are two facts, not a conflict.
    let other = text.replace(
        "rapporté 290 milliards de FCFA au pays",
        "rapporté 410 milliards de FCFA au pays",
    );
    assert!(
        lint(&other, Lang::Fr).is_empty(),
        "{:#?}",
        lint(&other, Lang::Fr)
    );
}

#[test]
fn a_share_glossing_its_part_takes_the_whole_from_elsewhere_en() {
    // "7.9 million passengers, or 52 % of all passengers": 7.9 is the part, not the whole.
    let text = "In 2025, Harbourton airport handled 18.4 million passengers.\n\nIn 2025, low-cost carriers at Harbourton airport carried 7.9 million passengers, or 52% of all passengers.\n";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["share"], "{f:#?}");
    let help = f[0].help.as_deref().unwrap();
    assert!(help.starts_with("7.9 / 18.4 = 42.9 %"), "{help}");
    assert!(lint(&text.replace("52%", "43%"), Lang::En).is_empty());
}

#[test]
fn a_duration_is_no_level_of_the_series_fr() {
    let text = "Les importations en provenance de Chine ont doublé en cinq ans, passant de 410 milliards de FCFA en 2019 à 1 070 milliards en 2024.\n";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["multiplier"], "{f:#?}");
    assert!(lint(&text.replace("1 070", "830"), Lang::Fr).is_empty());
}

#[test]
fn parts_before_their_total_in_one_sentence_en_fr() {
    let text = "Last year 11.2 million passengers flew on international routes, 5.1 million on domestic routes and 1.6 million were in transit, for a total of 18.4 million.\n";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["sum-of-parts"], "{f:#?}");
    assert_eq!(
        f[0].help.as_deref(),
        Some("11.2 + 5.1 + 1.6 = 17.9 ≠ 18.4 (stated)")
    );
    assert!(lint(&text.replace("18.4", "17.9"), Lang::En).is_empty());
    let text = "Les dons ont rapporté 3,1 millions d'euros, les legs 3,9 millions et les subventions 1,2 million, soit un total de 9,2 millions d'euros.\n";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["sum-of-parts"], "{f:#?}");
    assert!(lint(&text.replace("9,2", "8,2"), Lang::Fr).is_empty());
}

#[test]
fn a_country_name_opening_an_organisation_name_is_not_the_country_fr() {
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let text = "Selon France Travail, la région compte 118 400 demandeurs d'emploi en 2025.\n";
    let doc = Document::new("t.md", text.to_string(), Format::Markdown, Some(Lang::Fr));
    let a = numlint::analyse(0, &doc, &lex);
    assert_eq!(a.claims[0].subject, None, "{:?}", a.claims[0]);
    let text = "En 2025, la France compte 118 400 demandeurs d'emploi de plus.\n";
    let doc = Document::new("t.md", text.to_string(), Format::Markdown, Some(Lang::Fr));
    let a = numlint::analyse(0, &doc, &lex);
    assert_eq!(
        a.claims[0].subject.as_deref(),
        Some("FRA"),
        "{:?}",
        a.claims[0]
    );
}

#[test]
fn new_companies_of_a_quarter_against_the_half_year_in_a_park_fr() {
    // "le parc" refers back to the park named before; "nouvelles entreprises" and "nouveaux
    // résidents" are one flow, counted in one family of units.
    let text = "La Biélorussie accueille le parc technologique Orion, qui compte déjà plus de 60 résidents. Au premier trimestre 2024, 9 nouvelles entreprises s'y sont enregistrées.\n\nLe parc a réalisé de bons résultats. Au cours du premier semestre 2024, le parc a accueilli 7 nouveaux résidents.\n";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["sum-of-parts"], "{f:#?}");
    assert_eq!(primary(text, &f[0]), "7 nouveaux résidents");
    assert_eq!(
        f[0].help.as_deref(),
        Some("9 (2024-Q1) = 9 > 7 (2024-H1, stated); the whole would be at least 9")
    );
    assert!(lint(&text.replace(" 7 ", " 12 "), Lang::Fr).is_empty());
    // The size of the park is a level, not a flow: it can shrink within a year.
    let stock = "Au premier trimestre 2023, le parc industriel Orion comptait 80 résidents. Fin 2023, le parc industriel Orion comptait 75 résidents, après plusieurs départs.\n";
    assert!(lint(stock, Lang::Fr).is_empty());
    // "le parc de logements" is the housing stock, not the park.
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let housing = "Le parc industriel Orion emploie 900 personnes.\n\nEn 2024, le parc de logements de la ville a gagné 1 200 unités.\n";
    let doc = Document::new("t.md", housing.to_string(), Format::Text, Some(Lang::Fr));
    let a = numlint::analyse(0, &doc, &lex);
    let homes = a
        .claims
        .iter()
        .find(|c| c.quantity.value == 1200.into())
        .unwrap();
    // Carried from the paragraph before at most, never named here.
    assert!(homes.subject_confidence < 0.9, "{homes:?}");
    let park = housing.replace("le parc de logements de la ville", "le parc");
    let doc = Document::new("t.md", park, Format::Text, Some(Lang::Fr));
    let a = numlint::analyse(0, &doc, &lex);
    let homes = a
        .claims
        .iter()
        .find(|c| c.quantity.value == 1200.into())
        .unwrap();
    assert_eq!(homes.subject.as_deref(), Some("park:orion"), "{homes:?}");
    assert!(homes.subject_confidence >= 0.9, "{homes:?}");
}

#[test]
fn a_month_without_its_year_inside_a_month_and_a_half_en() {
    let text = "As of 1 February 2025, 90 Kazakh companies were accredited on the commodity exchange. In January, transactions by Kazakh traders amounted to $5.2 million.\n\nTimber leads the exchange. In the first one and a half months of the year, Kazakh companies bought and sold goods worth $4 million on the exchange.\n";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["sum-of-parts"], "{f:#?}");
    assert_eq!(primary(text, &f[0]), "$4 million");
    let help = f[0].help.as_deref().unwrap();
    assert!(help.contains("(2025-01-01..2025-02-15, stated)"), "{help}");
    assert!(lint(&text.replace("$4 million", "$6 million"), Lang::En).is_empty());
    // A dollar amount is never a count of the companies named near it.
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let doc = Document::new("t.md", text.to_string(), Format::Text, Some(Lang::En));
    let a = numlint::analyse(0, &doc, &lex);
    let amount = a
        .claims
        .iter()
        .find(|c| c.quantity.unit.as_deref() == Some("USD"))
        .unwrap();
    assert_eq!(amount.metric.as_deref(), Some("transactions"));
}

#[test]
fn a_balance_stated_as_a_deficit_is_negative_fr_en() {
    let text = "En 2024, les exportations atteignent 6 240 millions d'euros, pour des importations de 7 985 millions, soit un déficit de 1 745 millions d'euros.\n";
    assert!(lint(text, Lang::Fr).is_empty());
    let text = "En 2024, les exportations atteignent 6 240 millions d'euros, pour des importations de 7 985 millions, soit un solde négatif de 1 745 millions d'euros.\n";
    assert!(lint(text, Lang::Fr).is_empty());
    let f = lint(&text.replace("1 745", "1 500"), Lang::Fr);
    assert_eq!(rules(&f), ["trade-balance"], "{f:#?}");
    let help = f[0].help.as_deref().unwrap();
    assert!(help.contains("balance would be -1745"), "{help}");
    let text = "In 2024, exports reached $6.2 billion and imports $8.0 billion, a trade deficit of $1.8 billion.\n";
    assert!(lint(text, Lang::En).is_empty());
    // A surplus of the same size contradicts the figures.
    let f = lint(&text.replace("trade deficit", "trade surplus"), Lang::En);
    assert_eq!(rules(&f), ["trade-balance"], "{f:#?}");
}

#[test]
fn a_plain_text_header_gives_the_title_year_not_the_issue_date_fr() {
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let text = "OFFICE RÉGIONAL DE LA STATISTIQUE\nService des échanges\n\nLE COMMERCE EXTÉRIEUR DE LA RÉGION EN 2025\nBulletin n° 7 — mai 2026\nLyon, le 18 mai 2026\n\nLes exportations atteignent 4 120 millions d'euros et les importations 3 870 millions d'euros, soit un excédent de 250 millions d'euros.\n";
    let doc = Document::new("t.txt", text.to_string(), Format::Text, Some(Lang::Fr));
    let a = numlint::analyse(0, &doc, &lex);
    let periods: Vec<String> = a
        .claims
        .iter()
        .map(|c| c.period.map(|p| p.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(periods, ["2025", "2025", "2025"], "{:#?}", a.claims);
    assert!(lint(text, Lang::Fr).is_empty());
    let f = lint(
        &text.replace("excédent de 250", "excédent de 350"),
        Lang::Fr,
    );
    assert_eq!(rules(&f), ["trade-balance"], "{f:#?}");
}

#[test]
fn the_figure_of_a_clause_on_the_base_year_is_that_years_fr() {
    let text = "En 2025, les exportations atteignent 22 800 millions de francs.\n\nLes exportations progressent de 2,3 % par rapport à 2024, année où elles s'élevaient à 21 400 millions de francs.\n";
    fires_once_then_silent(text, Lang::Fr, "growth-rate", "2,3 %", ("22 800", "21 900"));
}

#[test]
fn counts_of_one_noun_with_no_metric_term_are_one_fact_en() {
    // No metric term in reach: what the count counts is what it measures.
    let text = "Fleet and crews\n\nThe active fleet numbered 1,942 trawlers at the end of 2025, after twelve were scrapped.\n\nOutlook\n\nThe survey confirms that the active fleet stood at 1,924 trawlers at the end of 2025.\n";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["conflicting-fact"], "{f:#?}");
    assert!(lint(&text.replace("1,924", "1,942"), Lang::En)
        .iter()
        .all(|f| f.rule != "conflicting-fact"));
    // Another year, or another noun, is another fact.
    assert!(lint(
        &text.replace(
            "1,924 trawlers at the end of 2025",
            "1,924 trawlers at the end of 2024"
        ),
        Lang::En
    )
    .is_empty());
    assert!(lint(&text.replace("1,924 trawlers", "1,924 crews"), Lang::En).is_empty());
}

#[test]
fn a_figure_for_a_list_of_countries_is_not_its_first_countrys_fr() {
    let text = "En 2025, nos programmes ont bénéficié à 412 000 personnes au Mali, au Niger, au Burkina Faso et au Tchad.\n\nRépartition des bénéficiaires par pays en 2025 :\n- Mali : 148 000 personnes ;\n- Niger : 121 000 personnes ;\n- Burkina Faso : 96 000 personnes ;\n- Tchad : 47 000 personnes.\n";
    let f = lint(text, Lang::Fr);
    assert!(f.iter().all(|f| f.rule != "conflicting-fact"), "{f:#?}");
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let doc = Document::new("t.md", text.to_string(), Format::Text, Some(Lang::Fr));
    let a = numlint::analyse(0, &doc, &lex);
    assert_eq!(a.claims[0].subject.as_deref(), Some("BFA+MLI+NER+TCD"));
    // Two names are a relation's two sides, not a list.
    let text = "En 2024, le commerce entre la Biélorussie et la Chine a atteint 8,1 milliards de dollars.\n";
    let doc = Document::new("t.md", text.to_string(), Format::Text, Some(Lang::Fr));
    let a = numlint::analyse(0, &doc, &lex);
    assert_eq!(a.claims[0].subject.as_deref(), Some("BLR"));
    assert_eq!(a.claims[0].partner.as_deref(), Some("CHN"));
}

#[test]
fn a_share_against_the_ratio_stated_with_it_fr_en() {
    let text = "En 2025, la chirurgie ambulatoire représente 62 % des séjours, soit 48 700 séjours sur 91 200.\n";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["share"], "{f:#?}");
    assert_eq!(primary(text, &f[0]), "62 %");
    let help = f[0].help.as_deref().unwrap();
    assert!(
        help.starts_with("48700 / 91200 = 53.4 % ≠ 62 % (stated)"),
        "{help}"
    );
    // 48 700 / 91 200 = 53.4 %: "53 %" holds within rounding.
    assert!(lint(&text.replace("62 %", "53 %"), Lang::Fr).is_empty());
    let text = "In 2025, 12 out of 32 stations (45%) were step-free.\n";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["share"], "{f:#?}");
    assert!(lint(&text.replace("45%", "37.5%"), Lang::En).is_empty());
    // "3 sur 10 millions" is no ratio of one unit.
    let text = "En 2025, 40 % des ménages, soit 3 millions d'euros sur 10 millions de personnes, ont reçu une aide.\n";
    assert!(lint(text, Lang::Fr).is_empty());
}

#[test]
fn a_share_with_its_whole_told_after_it_en_fr() {
    let text = "In 2025, liquid bulk, at 14.8 million tonnes, made up 41% of the port's total throughput of 48.6 million tonnes.\n";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["share"], "{f:#?}");
    assert_eq!(primary(text, &f[0]), "41%");
    // 14.8 / 48.6 = 30.5 %.
    assert!(lint(&text.replace("41%", "30%"), Lang::En).is_empty());
    let text = "En 2025, les recettes tarifaires de 187,3 millions d'euros ont couvert 31 % des coûts d'exploitation de 812,5 millions d'euros.\n";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["share"], "{f:#?}");
    assert!(lint(&text.replace("31 %", "23 %"), Lang::Fr).is_empty());
}

#[test]
fn a_period_in_brackets_dates_the_bracketed_figure_only_fr() {
    // The main figure's period is carried from the sentence before; the bracket's is the
    // base's.
    let text = "La coopérative a connu une bonne année 2025. Le chiffre d'affaires atteint 2,48 millions d'euros, en hausse de 15 % (2,31 millions d'euros en 2024).\n";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["growth-rate"], "{f:#?}");
    // 2,48 / 2,31 = +7.4 %.
    assert!(lint(&text.replace("15 %", "7 %"), Lang::Fr).is_empty());
}

#[test]
fn a_share_of_this_refers_to_the_figure_just_before_en() {
    let text = "Demersal landings totalled 84,200 tonnes in 2025; haddock accounted for 47% of this, 52,100 tonnes.\n";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["share"], "{f:#?}");
    assert_eq!(primary(text, &f[0]), "47%");
    // 52,100 / 84,200 = 61.9 %.
    assert!(lint(&text.replace("47%", "62%"), Lang::En).is_empty());
}

#[test]
fn a_targets_horizon_is_not_carried_fr() {
    let text = "En 2025, l'ambulatoire représente 53 % des séjours. L'objectif fixé par le projet médical est d'atteindre 65 % d'ambulatoire en 2027.\n\nLes patients viennent à 54 % du département, les autres de la région.\n";
    let p = periods(text, Lang::Fr);
    assert_eq!(period_of(&p, "65 %").as_deref(), Some("2027"), "{p:?}");
    assert_eq!(period_of(&p, "54 %").as_deref(), Some("2025"), "{p:?}");
}

#[test]
fn container_traffic_in_teu_en() {
    let text = "In 2025, container throughput reached 1.42 million TEU, up 17% on 2024, when it stood at 1.21 million TEU.\n";
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let doc = Document::new("t.md", text.to_string(), Format::Text, Some(Lang::En));
    let a = numlint::analyse(0, &doc, &lex);
    assert_eq!(a.claims[0].quantity.unit.as_deref(), Some("TEU"));
    assert_eq!(a.claims[0].metric.as_deref(), Some("containers"));
    // 1.42 / 1.21 = +17.4 %.
    fires_once_then_silent(
        &text.replace("17%", "6%"),
        Lang::En,
        "growth-rate",
        "6%",
        ("6%", "17%"),
    );
}

#[test]
fn the_part_of_a_share_may_measure_another_metric_en() {
    let text = "In 2025, revenue totalled £186.0 million. Wages of £128.3 million represented 59% of revenue.\n";
    fires_once_then_silent(text, Lang::En, "share", "59%", ("59%", "69%"));
    // With the whole named in the sentence, the whole is no part of itself.
    let text = "In 2025, with revenue of £186.0 million, wages represented 69% of revenue.\n";
    assert!(lint(text, Lang::En).is_empty());
}

#[test]
fn a_level_broken_down_after_a_colon_fr_en() {
    let text = "En 2025, le parc d'abonnements s'élève à 9,84 millions : 6,12 millions d'abonnements mobiles, 2,41 millions d'abonnements Internet et 0,93 million d'abonnements télé.\n";
    fires_once_then_silent(
        text,
        Lang::Fr,
        "sum-of-parts",
        "9,84 millions",
        ("9,84", "9,46"),
    );
    let text = "In 2025, the fleet stood at 1,260 vehicles: 840 buses, 310 trams and 90 ferries.\n";
    fires_once_then_silent(
        text,
        Lang::En,
        "sum-of-parts",
        "1,260 vehicles",
        ("1,260", "1,240"),
    );
    // Without a colon, the figures after a level are not its parts.
    let text = "In 2025, the fleet stood at 1,260 vehicles, and the depot counted 840 buses, 310 trams and 90 ferries.\n";
    assert!(lint(text, Lang::En).is_empty());
}

#[test]
fn an_anniversary_given_two_start_years_fr() {
    let text = "En mars 2024, le Chili et la Belgique ont célébré le 40e anniversaire de leurs relations diplomatiques. Les échanges portent surtout sur le cuivre et les machines.\n\nLes deux délégations se sont ensuite rendues au port d'Anvers pour visiter les terminaux.\n\nLa Belgique est le premier partenaire européen du Chili dans le secteur minier. Les deux pays ont fêté en 2024 les 35 ans de leurs relations diplomatiques.";
    let f = fires_once_then_silent(
        text,
        Lang::Fr,
        "conflicting-fact",
        "35 ans",
        ("fêté en 2024 les 35 ans", "fêté en 2019 les 35 ans"),
    );
    let help = f.help.as_deref().unwrap();
    assert!(help.contains("2024 − 35 = 1989"), "{help}");
    assert!(help.contains("2024 − 40 = 1984"), "{help}");
}

#[test]
fn an_anniversary_told_again_en_and_other_countries_stay_silent() {
    let text = "In May 2023 Ghana and Norway marked the 60th anniversary of their diplomatic relations with a trade fair in Accra.\n\nCocoa and fish remain the main goods exchanged between the two countries.\n\nThe two governments celebrated 60 years of diplomatic relations in 2023 by signing a new fisheries protocol.";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["repeated-fact"], "{f:#?}");
    assert_eq!(primary(text, &f[0]), "60 years");
    // Another pair of countries, another anniversary: nothing to compare.
    let other = "In May 2023 Ghana and Norway marked the 60th anniversary of their diplomatic relations with a trade fair in Accra.\n\nCocoa and fish remain the main goods exchanged between the two countries.\n\nIn 2023 Peru and Japan celebrated the 150th anniversary of their diplomatic relations.";
    assert!(lint(other, Lang::En).is_empty());
    // One year apart: the anniversary may fall either side of a date.
    let slack = text.replace(
        "celebrated 60 years of diplomatic relations in 2023",
        "celebrated 61 years of diplomatic relations in 2023",
    );
    assert!(lint(&slack, Lang::En).is_empty());
    // A duration is not an anniversary.
    let duration = text.replace(
        "The two governments celebrated 60 years of diplomatic relations in 2023",
        "In 2023, after 55 years of steady growth, the fishing fleet",
    );
    assert!(lint(&duration, Lang::En).is_empty());
}

#[test]
fn a_figure_copied_with_two_digits_swapped_en() {
    let text = "# Harbour Bank: annual letter 2025\n\nAt the end of 2025 the bank employed 2,764 people across its branches, after a year of careful hiring.\n\nLending grew in every region, with mortgages leading.\n\nDeposits were stable and the cost of funding fell.\n\nLooking back at 2025, our headcount of 2,674 at year end shows how lean the network has become.";
    let f = fires_once_then_silent(
        text,
        Lang::En,
        "conflicting-fact",
        "2,674",
        ("headcount of 2,674", "headcount of 2,910"),
    );
    assert!(f.message.contains("2,764"), "{}", f.message);
}

#[test]
fn a_share_of_a_whole_smaller_than_its_part_stays_silent_en() {
    // The nearest earlier count of pupils is a part of the school roll, not its whole.
    let text = "In autumn 2024 the district enrolled 18,420 students, up from 17,950 a year before.\nKindergarten enrolment stood at 1,380 in autumn 2024.\nAbout 12% of students, roughly 2,200, received special education services.";
    let f = lint(text, Lang::En);
    assert!(!rules(&f).contains(&"share"), "{f:#?}");
}

#[test]
fn a_total_that_comprised_its_parts_en() {
    let text = "Net sales for the year were $86.4 million. Net sales of $86.4 million comprised hardware sales of $51.2 million and software licences of $31.9 million.";
    let f = fires_once_then_silent(
        text,
        Lang::En,
        "sum-of-parts",
        "$86.4 million",
        ("$31.9 million", "$35.2 million"),
    );
    assert!(f.help.as_deref().unwrap().contains("83.1"), "{:?}", f.help);
}

#[test]
fn a_change_up_from_its_base_and_from_a_fiscal_year_en() {
    let up =
        "Assets under management reached $7.80 billion at year end, up 31% from $6.50 billion.";
    fires_once_then_silent(up, Lang::En, "growth-rate", "31%", ("up 31%", "up 20%"));
    let rose = "Water sales rose from $48.2 million in 2023-24 to $53.9 million, an increase of 9.1 percent.";
    fires_once_then_silent(
        rose,
        Lang::En,
        "growth-rate",
        "9.1 percent",
        ("9.1 percent", "11.8 percent"),
    );
}

#[test]
fn rates_of_the_statistics_lexicon_are_facts_fr_en() {
    let fr = "# Portrait du bassin d'emploi\n\nLe taux de chômage atteint 9,4 % en 2023, au-dessus de la moyenne régionale.\n\nLes créations d'entreprises restent dynamiques dans les services.\n\nLe commerce de détail résiste mieux que l'industrie.\n\nEn conclusion, le taux de chômage de 9,8 % en 2023 reste au-dessus de la moyenne régionale.";
    fires_once_then_silent(
        fr,
        Lang::Fr,
        "conflicting-fact",
        "9,8 %",
        ("9,8 % en 2023", "9,8 % en 2021"),
    );
    let en = "# Quarterly bulletin\n\nForeign exchange reserves stood at $6.72 billion at end-March 2025, covering five months of imports.\n\nCredit to the private sector grew moderately.\n\nThe exchange rate was broadly stable against the dollar.\n\nIn short, foreign exchange reserves stood at $6.72 billion at end-March 2025, a comfortable buffer.";
    fires_once_then_silent(
        en,
        Lang::En,
        "repeated-fact",
        "$6.72 billion",
        (
            "$6.72 billion at end-March 2025, a",
            "$6.72 billion at end-March 2024, a",
        ),
    );
}

#[test]
fn more_members_named_than_a_ranked_group_has_places_fr_en() {
    let fr = "En 2024, le Brésil, avec l'Argentine, le Chili et le Pérou, figure parmi les trois principaux fournisseurs de cuivre de la région.";
    fires_once_then_silent(
        fr,
        Lang::Fr,
        "sum-of-parts",
        "trois principaux fournisseurs",
        ("les trois principaux", "les quatre principaux"),
    );
    let en = "In 2023 Kenya, Uganda and Tanzania were among the two largest buyers of the cooperative's tea.";
    fires_once_then_silent(
        en,
        Lang::En,
        "sum-of-parts",
        "two largest buyers",
        ("Kenya, Uganda and Tanzania were", "Kenya and Uganda were"),
    );
    // Names that are not the group's subject: the list is what the buyer buys from.
    let other = "En 2024, la Chine, qui achète du cuivre au Chili, au Pérou et en Zambie, est devenue l'un des deux plus grands acheteurs de la région.";
    assert!(
        lint(other, Lang::Fr).is_empty(),
        "{:#?}",
        lint(other, Lang::Fr)
    );
}

#[test]
fn a_term_that_ends_the_item_before_is_not_the_next_figures_fr() {
    let text = "En 2024, les échanges du port avec le Maroc ont atteint 1,52 milliard d'euros, dont 0,83 milliard à l'exportation et 0,61 milliard à l'importation.";
    let f = fires_once_then_silent(
        text,
        Lang::Fr,
        "trade-balance",
        "0,61 milliard",
        ("0,61 milliard", "0,69 milliard"),
    );
    assert!(f.help.as_deref().unwrap().contains("0.69"), "{:?}", f.help);
}

#[test]
fn shares_listed_after_age_labels_fr() {
    let text = "En 2023, les moins de 15 ans représentent 17,2 % de la population, les 15-59 ans 58,6 % et les 60 ans ou plus 26,1 %.";
    let f = fires_once_then_silent(text, Lang::Fr, "share", "26,1 %", ("26,1 %", "24,2 %"));
    assert!(f.help.as_deref().unwrap().contains("101.9"), "{:?}", f.help);
}

#[test]
fn a_multiplier_before_two_dated_levels_after_a_colon_fr_en() {
    let fr =
        "Les consultations en ligne ont été multipliées par 2,5 : 3 400 en 2023, 9 600 en 2024.";
    fires_once_then_silent(fr, Lang::Fr, "multiplier", "2,5", ("9 600", "8 500"));
    let en = "Online renewals doubled: 4,100 in 2023, 10,200 in 2024.";
    fires_once_then_silent(en, Lang::En, "multiplier", "doubled", ("10,200", "8,200"));
}

#[test]
fn a_figure_restated_more_precisely_must_agree_fr() {
    // The restating sentence carries the quarter of the sentence before it; the first
    // figure carries no period at all. "Plus précisément" says they are one fact.
    let text = "Le parc technologique de Lyon réunit déjà plus d'une centaine de résidents venus de 15 pays. Ses investissements ont dépassé 830 millions d'euros. Au premier trimestre 2023, 11 nouvelles entreprises s'y sont installées. Plus précisément, le nombre de résidents du parc a maintenant atteint 88.";
    let f = fires_once_then_silent(text, Lang::Fr, "conflicting-fact", "88", ("88", "108"));
    assert_eq!(f.labels.len(), 2);
    let help = f.help.as_deref().unwrap();
    assert!(help.contains("(100, ∞)"), "{help}");
    // Without the cue, the two figures are read with different periods: silent.
    let plain = text.replace("Plus précisément, le", "Le");
    assert!(lint(&plain, Lang::Fr).is_empty());
}

#[test]
fn a_figure_restated_in_other_words_must_agree_en() {
    let text = "The cooperative now gathers about 2,400 member farms across 14 counties. Its dairy sold 310 million litres in 2024. In other words, the cooperative counts 1,900 member farms.";
    fires_once_then_silent(
        text,
        Lang::En,
        "conflicting-fact",
        "1,900 member",
        ("1,900", "2,412"),
    );
    // The counties are not what the restating sentence counts.
    let counties = "The cooperative gathers farms from 14 counties. Its dairy sold 310 million litres in 2024. In other words, the cooperative counts 1,900 member farms.";
    assert!(lint(counties, Lang::En).is_empty());
}

#[test]
fn a_change_by_a_fraction_en() {
    // "fell by a third" is ×2/3, "grew by a quarter" ×5/4.
    let text = "Curtailment fell by a third, from 96 GWh in 2022 to 81 GWh in 2023.";
    fires_once_then_silent(
        text,
        Lang::En,
        "multiplier",
        "by a third",
        ("81 GWh", "64 GWh"),
    );
    let text = "Turnover with the region grew by a quarter, from $31.2 million in 2022 to $45.6 million in 2023.";
    fires_once_then_silent(
        text,
        Lang::En,
        "multiplier",
        "by a quarter",
        ("$45.6", "$39.0"),
    );
}

#[test]
fn a_fall_by_a_fraction_with_an_elided_de_fr() {
    // "une baisse d'un tiers" is a change of −1/3 (×2/3), not a factor of a third: 64 is
    // two thirds of 96.
    let text =
        "Les pertes sont passées de 96 GWh en 2022 à 81 GWh en 2023, soit une baisse d'un tiers.";
    let f = fires_once_then_silent(
        text,
        Lang::Fr,
        "multiplier",
        "un tiers",
        ("81 GWh", "64 GWh"),
    );
    assert!(f.help.as_deref().unwrap().contains("×0.67"), "{:?}", f.help);
}

#[test]
fn parts_in_brackets_may_be_the_main_ones_but_never_more_than_the_total_en() {
    let text = "The 18.6 million euros raised in 2023 (individual donations 9.8 million, corporate giving 5.1 million and legacies 4.2 million) are a record.";
    fires_once_then_silent(
        text,
        Lang::En,
        "sum-of-parts",
        "18.6 million euros",
        ("9.8 million", "8.8 million"),
    );
    // Fewer than the total: the brackets may name the main sources only.
    let main = text.replace("9.8 million", "7.1 million");
    assert!(lint(&main, Lang::En).is_empty());
}

#[test]
fn a_companys_turnover_broken_down_by_product_fr() {
    // "Chiffre d'affaires" is trade turnover in a trade report, a company's sales here: its
    // parts are products, not exports and imports.
    let text = "Le chiffre d'affaires de 286,4 millions d'euros se répartit entre les fromages (148,2 millions), les produits frais (79,5 millions) et la poudre de lait (52,3 millions).";
    let f = fires_once_then_silent(
        text,
        Lang::Fr,
        "sum-of-parts",
        "286,4 millions d'euros",
        ("148,2", "154,6"),
    );
    assert!(
        f.help
            .as_deref()
            .unwrap()
            .contains("148.2 + 79.5 + 52.3 = 280.0"),
        "{:?}",
        f.help
    );
}

#[test]
fn a_total_dated_before_its_verb_of_composition_en() {
    let text = "Industrial output of $72.4 billion in 2023 comprised mining ($1.9 billion), manufacturing ($61.3 billion) and energy ($8.1 billion).";
    fires_once_then_silent(
        text,
        Lang::En,
        "sum-of-parts",
        "$72.4 billion",
        ("$61.3", "$62.4"),
    );
    // Another figure before the verb is not a date: no list.
    let other = text.replace("in 2023 comprised", "up 4% comprised");
    assert!(lint(&other, Lang::En).is_empty());
}

#[test]
fn shares_listed_with_long_labels_fr() {
    let text = "Le lait conventionnel représente 71 % de la collecte, le lait biologique 22 % et le lait destiné aux fromages AOP 12 %.";
    fires_once_then_silent(text, Lang::Fr, "share", "12 %", ("71 %", "66 %"));
}

#[test]
fn exports_and_imports_given_respectively_en_fr() {
    let en = "Exports to and imports from Uzbekistan were $96.4 million and $58.1 million respectively, leaving a surplus of $48.3 million.";
    fires_once_then_silent(
        en,
        Lang::En,
        "trade-balance",
        "$48.3 million",
        ("$48.3", "$38.3"),
    );
    let fr = "Les exportations et les importations ont atteint respectivement 96,4 et 58,1 millions de dollars, soit un excédent de 48,3 millions de dollars.";
    fires_once_then_silent(
        fr,
        Lang::Fr,
        "trade-balance",
        "48,3 millions de dollars",
        ("48,3", "38,3"),
    );
}

#[test]
fn a_change_stated_against_the_base_it_is_more_than_en_fr() {
    let en = "Output of the food industry reached MDL 24.6 billion in 2023, 8.9% more than the MDL 23.8 billion recorded in 2022.";
    let f = fires_once_then_silent(en, Lang::En, "growth-rate", "8.9%", ("8.9%", "3.4%"));
    assert!(
        f.help
            .as_deref()
            .unwrap()
            .contains("(24.6 − 23.8) / 23.8 = +3.4 %"),
        "{:?}",
        f.help
    );
    let fr = "La production a atteint 24,6 milliards d'euros en 2023, soit 8,9 % de plus que les 23,8 milliards d'euros de 2022.";
    fires_once_then_silent(fr, Lang::Fr, "growth-rate", "8,9 %", ("8,9 %", "3,4 %"));
}

#[test]
fn a_base_given_in_brackets_en() {
    let text = "Mail volumes fell 7.5% to 1,148 tonnes (2022: 1,206 tonnes).";
    fires_once_then_silent(text, Lang::En, "growth-rate", "7.5%", ("7.5%", "4.8%"));
    let text = "Parcel volumes rose 12% to 2,240 tonnes (1,800 tonnes in 2022).";
    fires_once_then_silent(text, Lang::En, "growth-rate", "12%", ("12%", "24%"));
}

#[test]
fn a_capacity_spread_across_sites_en() {
    let text = "Northwind operates an installed capacity of 742 MW across four sites: Carrow Ridge (218 MW), Bellmoor (196 MW), Hask Fell (174 MW) and Ardlow Bank (134 MW).";
    fires_once_then_silent(
        text,
        Lang::En,
        "sum-of-parts",
        "742 MW",
        ("742 MW", "722 MW"),
    );
}

#[test]
fn two_labels_sharing_one_listed_share_en() {
    let text = "Kazakhstan accounted for 52% of Georgia's trade with the region, Uzbekistan for 21%, Turkmenistan for 19%, and Kyrgyzstan and Tajikistan for 11% combined.";
    fires_once_then_silent(text, Lang::En, "share", "11%", ("11%", "8%"));
}

#[test]
fn a_count_told_again_after_a_place_name_has_lapsed_fr() {
    // A place named in the first paragraph is no subject four paragraphs later: both
    // counts are the cooperative's own, and their digits are swapped.
    let filler =
        "\n\nLe conseil d'administration s'est réuni chaque mois pour suivre les chantiers.";
    let text = format!(
        "Coopérative laitière du Bocage : rapport d'activité 2023\n\nLa coopérative compte 1 240 exploitations adhérentes, réparties sur quatre départements de Normandie.{}{}{}{}\n\nLes 1 420 exploitations adhérentes de la coopérative livrent chaque jour leur lait.",
        filler, filler, filler, filler
    );
    let f = lint(&text, Lang::Fr);
    assert_eq!(rules(&f), ["conflicting-fact"], "{f:#?}");
    // The same count twice is no conflict.
    let same = text.replace("1 420", "1 240");
    let f = lint(&same, Lang::Fr);
    assert!(!rules(&f).contains(&"conflicting-fact"), "{f:#?}");
}

#[test]
fn an_anniversary_against_the_founding_year_told_outright_en_fr() {
    let en = "Georgia and Kazakhstan celebrated the 30th anniversary of diplomatic relations in 2022.\n\nTrade grew in every quarter.\n\nDiplomatic relations between Georgia and Kazakhstan, established in 1994, have deepened since.";
    let f = fires_once_then_silent(
        en,
        Lang::En,
        "conflicting-fact",
        "established in 1994",
        ("1994", "1992"),
    );
    let help = f.help.as_deref().unwrap();
    assert!(
        help.contains("began in 1994") && help.contains("2022 − 30 = 1992"),
        "{help}"
    );
    let fr = "En 2022, le Kazakhstan et la Turquie ont célébré le 30e anniversaire de leurs relations diplomatiques.\n\nLes échanges ont progressé.\n\nLes relations diplomatiques entre le Kazakhstan et la Turquie, établies en 1994, restent étroites.";
    fires_once_then_silent(
        fr,
        Lang::Fr,
        "conflicting-fact",
        "établies en 1994",
        ("1994", "1992"),
    );
    // Another thing founded: no relation.
    let other = en.replace("Diplomatic relations between", "The chamber of commerce of");
    assert!(lint(&other, Lang::En).is_empty());
}

#[test]
fn the_number_of_a_noun_counts_it_en() {
    let text = "At the end of 2023 there were 4,128 active industrial enterprises in Moldova.\n\nOutput rose in every branch, led by food processing and machinery, while textiles and wood products held steady through the second half of the year.\n\nExport orders improved in the autumn as demand from neighbouring markets recovered.\n\nThe number of active industrial enterprises in Moldova was 4,812 at the end of 2023.";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["conflicting-fact"], "{f:#?}");
    assert_eq!(primary(text, &f[0]), "4,812");
    let same = text.replace("4,812", "4,128");
    assert!(!rules(&lint(&same, Lang::En)).contains(&"conflicting-fact"));
}

#[test]
fn a_cut_by_a_fraction_en() {
    // "cut by a quarter" is ×3/4: 9.3 is three quarters of 12.4.
    let text = "Average emissions were cut by a quarter, from 12.4 g in 2022 to 9.3 g in 2023.";
    assert!(
        lint(text, Lang::En).is_empty(),
        "{:#?}",
        lint(text, Lang::En)
    );
    let wrong = text.replace("9.3 g", "10.9 g");
    assert_eq!(rules(&lint(&wrong, Lang::En)), ["multiplier"]);
}

fn lint_markdown(text: &str, lang: Lang) -> Vec<Finding> {
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let docs = vec![Document::new(
        "report.md",
        text.to_string(),
        Format::Markdown,
        Some(lang),
    )];
    numlint::lint(&docs, &lex, &Config::default())
}

#[test]
fn a_table_column_against_its_total_row_en_fr() {
    let en = "# Fleet\n\n| Ship type | 2022 | 2023 | Share 2023 (%) |\n|---|---|---|---|\n| Bulk carriers | 42 | 45 | 46.4 |\n| Tankers | 31 | 30 | 30.9 |\n| Container ships | 18 | 22 | 22.7 |\n| **Total** | 91 | 99 | 100.0 |\n";
    let f = lint_markdown(en, Lang::En);
    assert_eq!(rules(&f), ["sum-of-parts"], "{f:#?}");
    assert_eq!(primary(en, &f[0]), "99");
    assert_eq!(f[0].labels.len(), 4);
    assert_eq!(
        f[0].help.as_deref(),
        Some("45 + 30 + 22 = 97 ≠ 99 (stated)")
    );
    assert!(lint_markdown(&en.replace("| 91 | 99 |", "| 91 | 97 |"), Lang::En).is_empty());
    // Rounded cells: 12,4 + 7,3 = 19,7 may be 19,8 in full.
    let fr = "| Région | Tonnes (milliers) |\n|---|---|\n| **Ensemble** | 19,8 |\n| Nord | 12,4 |\n| Sud | 7,3 |\n";
    assert!(lint_markdown(fr, Lang::Fr).is_empty());
    let f = lint_markdown(&fr.replace("19,8", "21,8"), Lang::Fr);
    assert_eq!(rules(&f), ["sum-of-parts"], "{f:#?}");
}

#[test]
fn a_table_whose_rows_may_overlap_is_left_alone_en() {
    // "of which" rows are parts of the row above; two totals are subtotals.
    let sub = "| Item | 2023 |\n|---|---|\n| Exports | 120 |\n| of which machinery | 70 |\n| Imports | 80 |\n| Total | 200 |\n";
    assert!(lint_markdown(sub, Lang::En).is_empty());
    let subtotals = "| Item | 2023 |\n|---|---|\n| A | 10 |\n| B | 20 |\n| Total north | 30 |\n| C | 5 |\n| Total | 35 |\n";
    assert!(lint_markdown(subtotals, Lang::En).is_empty());
    // A plain-text file's pipes are no table.
    let text = "| Item | 2023 |\n|---|---|\n| A | 10 |\n| B | 20 |\n| Total | 35 |\n";
    assert!(lint(text, Lang::En).is_empty());
    assert_eq!(rules(&lint_markdown(text, Lang::En)), ["sum-of-parts"]);
}

/// `text` gives one finding, of `rule`; each of `silent` gives none.
fn fires_then_silent(text: &str, lang: Lang, rule: &str, silent: &[&str]) -> Finding {
    let mut f = lint(text, lang);
    assert_eq!(rules(&f), [rule], "{text}\n{f:#?}");
    for s in silent {
        let after = lint(s, lang);
        assert!(after.is_empty(), "{s}\n{after:#?}");
    }
    f.remove(0)
}

#[test]
fn shares_listed_after_a_breakdown_colon_en_and_fr() {
    let text = "Spending on the programme breaks down by region as follows: north 44%, centre 31%, coast 22% and islands 9%.";
    let f = fires_then_silent(
        text,
        Lang::En,
        "share",
        // 100 % within rounding; two shares of one whole each.
        &[
            &text.replace("44%", "38%"),
            "Staff break down as follows: 52% of men and 61% of women work part time.",
        ],
    );
    assert_eq!(primary(text, &f), "9%");
    assert!(f
        .help
        .as_deref()
        .unwrap()
        .contains("44 + 31 + 22 + 9 = 106 %"));
    let text = "Les subventions versées en 2024 se répartissent comme suit : agriculture 52 %, industrie 31 % et services 24 %.";
    fires_then_silent(
        text,
        Lang::Fr,
        "share",
        &[
            &text.replace("24 %", "17 %"),
            // Two wholes in one lead: by sex and by age.
            "Répartition des salariés par sexe et par âge : femmes 46 %, hommes 54 %, jeunes 40 %.",
        ],
    );
}

#[test]
fn shares_by_age_band_after_a_colon_fr_and_en() {
    // The ages in the labels are not shares.
    let text = "Répartition des salariés par tranche d'âge en 2024 : moins de 30 ans, 22 % ; de 30 à 49 ans, 45 % ; de 50 à 59 ans, 24 % ; 60 ans ou plus, 16 %.";
    let f = fires_then_silent(text, Lang::Fr, "share", &[&text.replace("16 %", "9 %")]);
    assert!(f
        .help
        .as_deref()
        .unwrap()
        .contains("22 + 45 + 24 + 16 = 107 %"));
    let text = "Breakdown of members by age: under 25 years, 18%; 25 to 44 years, 40%; 45 to 64 years, 35%; 65 years and over, 14%.";
    fires_then_silent(text, Lang::En, "share", &[&text.replace("14%", "7%")]);
}

#[test]
fn parts_in_brackets_after_a_verb_of_provenance_en_and_fr() {
    let text = "The museum's income of €4.6 million in 2024 came from ticket sales (€2.1 million), the city and the regional council together (€1.9 million) and private donors (€0.9 million).";
    fires_then_silent(
        text,
        Lang::En,
        "sum-of-parts",
        &[
            &text.replace("€0.9", "€0.6"),
            // The main sources only: they may add up to less.
            "The museum's income of €4.6 million in 2024 came mainly from ticket sales (€2.1 million) and the city (€1.9 million).",
        ],
    );
    // 1,6 + 1,1 + 0,9 = 3,6 ≠ 3,2 (3,4 would be within rounding).
    let text = "En 2024, les recettes de 3,2 millions d'euros provenaient des cotisations (1,6 million d'euros), du mécénat (1,1 million d'euros) et des subventions publiques (0,9 million d'euros).";
    fires_then_silent(
        text,
        Lang::Fr,
        "sum-of-parts",
        &[&text.replace("0,9 million", "0,5 million")],
    );
}

#[test]
fn a_breakdown_of_the_total_told_in_the_sentence_before_fr_and_en() {
    let text = "Les dépenses de formation ont atteint 2,4 Md€ en 2024, contre 2,1 Md€ en 2020.\n\nCes dépenses se répartissent entre les régions (1 150 M€), l'État (820 M€) et les entreprises (310 M€).";
    let f = fires_then_silent(
        text,
        Lang::Fr,
        "sum-of-parts",
        &[
            &text.replace("310 M€", "430 M€"),
            // Some of the parts only.
            &text.replace("se répartissent entre", "se répartissent notamment entre"),
        ],
    );
    assert_eq!(primary(text, &f), "2,4 Md€");
    let text = "Maintenance costs reached $96 million in 2024, up from $81 million in 2021. These costs break down into roads ($52 million), bridges ($31 million) and tunnels ($9 million).";
    fires_then_silent(
        text,
        Lang::En,
        "sum-of-parts",
        &[
            &text.replace("$9 million", "$13 million"),
            // The figure before is not of the parts' period: no total to refer to.
            "Maintenance costs reached $96 million in 2021. These costs break down into roads ($52 million in 2024), bridges ($31 million) and tunnels ($9 million).",
        ],
    );
}

#[test]
fn a_share_of_the_figure_before_with_its_part_in_brackets_en_and_fr() {
    let text = "The agency registered 48,000 applicants in 2024. Of these, 35% (about 12,000 applicants) found a job within a year.";
    let f = fires_then_silent(
        text,
        Lang::En,
        "share",
        // 35 % of 48,000 is 16,800: "about 16,000" may be it.
        &[&text.replace("12,000", "16,000")],
    );
    assert_eq!(primary(text, &f), "35%");
    let text = "L'agence a inscrit 48 000 demandeurs en 2024. Parmi eux, 35 % (soit 12 000 demandeurs) ont retrouvé un emploi.";
    fires_then_silent(
        text,
        Lang::Fr,
        "share",
        &[
            &text.replace("12 000 demandeurs)", "16 800 demandeurs)"),
            // A share of another figure than the one before.
            "L'agence a inscrit 48 000 demandeurs en 2024. Parmi eux, 35 % des jeunes (soit 12 000 demandeurs) ont retrouvé un emploi.",
        ],
    );
}

#[test]
fn a_note_number_after_a_closing_bracket_does_not_break_a_list_en() {
    let text = "The alliance pooled a capacity of 180,000 TEU in 1990, split between Alpha Lines (72,000 TEU), Beta Shipping (61,000 TEU) and Gamma Lines (39,000 TEU).4 Such pools spread quickly.";
    let f = fires_then_silent(
        text,
        Lang::En,
        "sum-of-parts",
        &[&text.replace("39,000", "47,000")],
    );
    assert_eq!(primary(text, &f), "180,000 TEU");
}

/// The claims of a Markdown draft: (surface, period, base period) of each figure in a table
/// row, i.e. on a line starting with "| " that is no header.
fn table_periods(text: &str, lang: Lang) -> Vec<(String, String, String)> {
    let lex = Lexicon::builtin().expect("builtin lexicon");
    let doc = Document::new("report.md", text.to_string(), Format::Markdown, Some(lang));
    let p = |p: Option<numlint::claim::Period>| p.map_or("-".into(), |p| p.to_string());
    numlint::analyse(0, &doc, &lex)
        .claims
        .iter()
        .map(|c| {
            (
                text[c.quantity.span.clone()].to_string(),
                p(c.period),
                p(c.base_period),
            )
        })
        .collect()
}

const MEMBERS_EN: &str = "# Membership report 2025\n\nThe federation closed 2025 with 36,810 licensed members.\n\n| Category | 2024 | 2025 | Change |\n|---|---:|---:|---:|\n| Juniors | 8,420 | 9,310 | +10.6% |\n| Seniors | 14,760 | 15,020 | +1.8% |\n| Masters | 11,930 | 12,480 | +6.4% |\n| **Total** | **35,110** | **36,810** | **+4.8%** |\n";

#[test]
fn a_table_change_against_its_two_period_columns_en() {
    let f = lint_markdown(MEMBERS_EN, Lang::En);
    assert_eq!(rules(&f), ["growth-rate"], "{f:#?}");
    assert_eq!(primary(MEMBERS_EN, &f[0]), "6.4%");
    assert_eq!(
        f[0].message,
        "“Masters” change of +6.4 % from 2024 to 2025 does not match the values (+4.6 %)"
    );
    assert_eq!(
        f[0].help.as_deref(),
        Some("(12480 − 11930) / 11930 = +4.6 % ≠ +6.4 % (stated); from 11930, +6.4 % gives 12694")
    );
    let labels: Vec<(&str, &str)> = f[0]
        .labels
        .iter()
        .map(|l| (&MEMBERS_EN[l.span.clone()], l.message.as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            ("6.4%", "stated change"),
            ("12,480", "value reached (2025)"),
            ("11,930", "base value (2024)")
        ]
    );
    // +4.6 % is what the values give; the total's +4.8 % is 36,810 / 35,110 = +4.84 %.
    let fixed = MEMBERS_EN.replace("+6.4%", "+4.6%");
    assert!(lint_markdown(&fixed, Lang::En).is_empty());
    // A fall given as a rise is an error too.
    let sign = MEMBERS_EN.replace("+1.8%", "−1.8%");
    assert_eq!(rules(&lint_markdown(&sign, Lang::En)), ["growth-rate"; 2]);
}

#[test]
fn a_table_change_in_either_column_order_and_in_points_fr() {
    let fr = "# Bilan 2024\n\n| Région | 2023 | 2024 | Évolution |\n|---|---:|---:|---:|\n| Nord | 1 300 | 1 401 | +7,8 % |\n| Sud | 2 450,5 | 2 399 | −2,1 % |\n| Est | 980 | 1 020 | +9,1 % |\n";
    let f = lint_markdown(fr, Lang::Fr);
    assert_eq!(rules(&f), ["growth-rate"], "{f:#?}");
    assert_eq!(primary(fr, &f[0]), "9,1 %");
    assert!(f[0]
        .message
        .starts_with("“Est” change of +9.1 % from 2023 to 2024"));
    assert!(lint_markdown(&fr.replace("+9,1 %", "+4,1 %"), Lang::Fr).is_empty());
    // The later period first, quarters, a header with its unit.
    let quarters = "| Segment | T1 2025 (M€) | T1 2024 (M€) | Var. |\n|---|---|---|---|\n| Polymères | 812 | 690 | +17,7 % |\n| Gaz | 544 | 521 | +4,4 % |\n| Agro | 486 | 464 | +2,7 % |\n";
    let f = lint_markdown(quarters, Lang::Fr);
    assert_eq!(rules(&f), ["growth-rate"], "{f:#?}");
    assert_eq!(primary(quarters, &f[0]), "2,7 %");
    assert!(
        f[0].message.contains("from T1 2024 to T1 2025"),
        "{}",
        f[0].message
    );
    assert!(lint_markdown(&quarters.replace("+2,7 %", "+4,7 %"), Lang::Fr).is_empty());
    // Rates and their change in points: a difference, not a ratio.
    let points = "| Indicateur | 2023/24 | 2024/25 | Var. (pts) |\n|---|---:|---:|---:|\n| Taux de réussite | 74,2 % | 76,0 % | +1,8 |\n| Taux d'abandon | 12,4 % | 11,1 % | −0,3 |\n";
    let f = lint_markdown(points, Lang::Fr);
    assert_eq!(rules(&f), ["growth-rate"], "{f:#?}");
    assert_eq!(primary(points, &f[0]), "−0,3");
    assert_eq!(
        f[0].help.as_deref(),
        Some(
            "11.1 % − 12.4 % = −1.3 p.p. ≠ −0.3 p.p. (stated); from 12.4 %, −0.3 p.p. gives 12.1 %"
        )
    );
    assert!(lint_markdown(&points.replace("−0,3", "−1,3"), Lang::Fr).is_empty());
}

#[test]
fn table_changes_that_rounding_explains_or_that_are_no_change_of_the_two_stay_silent() {
    // Rounded cells: 1,842 / 1,675 = +9.97 % is +10.0 %; 9.3 / 8.4 = +10.7 % may be +11 %.
    let rounded = "| Segment | Q3 2024 | Q3 2025 | YoY |\n|---|---|---|---|\n| Group | 1,675 | 1,842 | +10.0% |\n| Gases | 8.4 | 9.3 | +11% |\n";
    assert!(lint_markdown(rounded, Lang::En).is_empty());
    // A share or an index column is no change of the two periods.
    let share = "| Category | 2024 | 2025 | Share (%) | Index (2024 = 100) |\n|---|---|---|---|---|\n| Juniors | 8,420 | 9,310 | 25.3 | 110.6 |\n| Masters | 11,930 | 12,480 | 33.9 | 104.6 |\n";
    assert!(lint_markdown(share, Lang::En).is_empty());
    let part =
        "| Région | 2023 | 2024 | Part (%) |\n|---|---|---|---|\n| Nord | 1 300 | 1 401 | 38,0 |\n";
    assert!(lint_markdown(part, Lang::Fr).is_empty());
    // No period headers: the change is against something the table does not show.
    let no_periods = "| Partner | Exports | Imports | Change |\n|---|---|---|---|\n| France | 1,200 | 900 | +6.4% |\n";
    assert!(lint_markdown(no_periods, Lang::En).is_empty());
    // Three periods, a budget column, a change since another year: which two is unclear.
    let three = "| Item | 2023 | 2024 | 2025 | Change |\n|---|---|---|---|---|\n| A | 90 | 100 | 150 | +6.4% |\n";
    assert!(lint_markdown(three, Lang::En).is_empty());
    let budget =
        "| Item | 2024 | Budget 2025 | Change |\n|---|---|---|---|\n| A | 100 | 150 | +6.4% |\n";
    assert!(lint_markdown(budget, Lang::En).is_empty());
    let since = "| Item | 2024 | 2025 | Change since 2019 |\n|---|---|---|---|\n| A | 100 | 150 | +6.4% |\n";
    assert!(lint_markdown(since, Lang::En).is_empty());
    // Cells that are no numbers, and a sign change with no rate.
    let words = "| Item | 2024 | 2025 | Change |\n|---|---|---|---|\n| A | n.a. | 150 | +6.4% |\n| B | 100 | 150 | new |\n| C | −20 | 30 | +6.4% |\n";
    assert!(lint_markdown(words, Lang::En).is_empty());
}

#[test]
fn a_table_cell_is_of_its_columns_period_en_fr() {
    // The text is of 2025, and the 2024 column's figures are of 2024, not of 2025.
    let read = table_periods(MEMBERS_EN, Lang::En);
    let of = |s: &str| {
        read.iter()
            .find(|(t, _, _)| t == s)
            .map(|(_, p, b)| (p.as_str(), b.as_str()))
            .unwrap()
    };
    assert_eq!(of("8,420"), ("2024", "-"));
    assert_eq!(of("9,310"), ("2025", "-"));
    assert_eq!(of("35,110"), ("2024", "-"));
    // A change is of the later period, against the earlier.
    assert_eq!(of("10.6%"), ("2025", "2024"));
    let fr = "# Bilan 2024\n\nLes effectifs ont atteint 1 401 en 2024.\n\n| Région | T1 2023 | T1 2024 | Saison 2022/23 |\n|---|---:|---:|---:|\n| Nord | 1 300 | 1 401 | 1 250 |\n";
    let read = table_periods(fr, Lang::Fr);
    let periods: Vec<&str> = read.iter().skip(1).map(|(_, p, _)| p.as_str()).collect();
    assert_eq!(
        periods,
        ["2023-Q1", "2024-Q1", "2022-07..2023-06"],
        "{read:?}"
    );
}

#[test]
fn a_share_of_trips_named_by_its_whole_fr() {
    // "46 % des voyages": trips are what a network's ridership counts, so the whole is the
    // ridership told in the sentence before, and "assure" makes the tram a part of it.
    let text = "En 2025, la fréquentation du réseau urbain de Vernèze a atteint 31,4 millions de voyages. Le métro assure 58 % des voyages, soit 14,1 millions de voyages.\n";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["share"], "{f:#?}");
    let help = f[0].help.as_deref().unwrap();
    assert!(help.starts_with("14.1 / 31.4 = 44.9 %"), "{help}");
    assert!(lint(&text.replace("58 %", "45 %"), Lang::Fr).is_empty());
}

#[test]
fn listed_shares_of_a_whole_opening_the_sentence_en_fr() {
    let text = "Of gas imports in 2025, Algeria accounted for 41%, Qatar for 28%, Nigeria for 22% and Angola for 17%.\n";
    let f = lint(text, Lang::En);
    assert_eq!(rules(&f), ["share"], "{f:#?}");
    assert_eq!(
        f[0].help.as_deref(),
        Some("41 + 28 + 22 + 17 = 108 % > 100 %")
    );
    assert!(lint(&text.replace("17%", "9%"), Lang::En).is_empty());
    let text = "Parmi les licenciés du club, les cadets représentent 38 %, les juniors 33 %, les seniors 21 % et les vétérans 15 %.\n";
    let f = lint(text, Lang::Fr);
    assert_eq!(rules(&f), ["share"], "{f:#?}");
    assert!(lint(&text.replace("15 %", "8 %"), Lang::Fr).is_empty());
    // A figure in the opening phrase is no whole named once ("Of the 412 members, …").
    let counted = "Of the 412 members surveyed, 41% accounted for most of the trips, 38% for the rest and 30% for none.\n";
    assert!(lint(counted, Lang::En).is_empty());
}
