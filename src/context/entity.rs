//! Entities a figure is about: countries (names, demonyms, capitals), regions, and named
//! zones found by pattern ("zone franche de Brest" → `fez:brest`). Each mention is marked
//! when grammar makes it the other side of a relation ("avec la Chine", "exports to China",
//! "entre la Biélorussie et l'Ouzbékistan": the second one).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::lexicon::{ContextLexicon, EntityForm, EntityKind, Hit, TermKind};

/// An entity found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMention {
    pub range: Range<usize>,
    pub id: String,
    /// 1 = country, 2 = region, 3 = zone or organisation: the more specific wins in a clause.
    pub specificity: u8,
    /// Grammar marks it as a partner ("avec X", "vers X", "to X", "entre A et X").
    pub partner: bool,
    /// The country it belongs to (itself for a country).
    pub country: Option<String>,
}

/// Whether the words just before an entity make it the partner of a relation: "avec la",
/// "vers l'", "à destination de", "en provenance du", "imports from", "exports to",
/// "entre le Bélarus et l'", "livraisons de bois à l'", "partenaires", "marché".
/// Read word by word from the end: a regex anchored at the end would try every start.
fn partner_cue(before: &str) -> bool {
    let lower = before.to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .filter(|w| !w.is_empty())
        .collect();
    // The text right before the name: no clause punctuation may sit between.
    let strip = |words: &mut Vec<&str>, set: &[&str]| {
        if words.last().is_some_and(|w| set.contains(w)) {
            words.pop();
            true
        } else {
            false
        }
    };
    strip(
        &mut words,
        &["le", "la", "les", "l", "the", "des", "du", "d"],
    );
    strip(&mut words, &["partie", "side", "pays", "country"]);
    strip(&mut words, &["le", "la", "les", "l", "the"]);
    let n = words.len();
    let w = |i: usize| -> &str {
        if i < n {
            words[n - 1 - i]
        } else {
            ""
        }
    };
    match w(0) {
        "avec" | "vers" | "with" | "to" | "into" | "towards" => return true,
        "provenance" if w(1) == "en" => return true,
        "destination" if w(1) == "à" => return true,
        "de" | "du" if matches!((w(1), w(2)), ("destination", "à") | ("provenance", "en")) => {
            return true
        }
        "from" if matches!(w(1), "imports" | "purchases" | "imported") => return true,
        "partenaire" | "partenaires" | "partner" | "partners" | "marché" | "marchés" | "market"
        | "markets" => return true,
        "de" | "du" | "des" | "of"
            if matches!(w(1), "partenaires" | "marché" | "marchés" | "market") =>
        {
            return true
        }
        "et" | "and" => {
            // "entre (le|la|l') X et", "between (the) X and"
            return (1..=3).any(|i| matches!(w(i), "entre" | "between"));
        }
        "à" | "au" | "aux" => {
            let clause: Vec<&str> = words[n.saturating_sub(10)..n - 1].to_vec();
            return clause.iter().any(|t| {
                t.starts_with("fourni")
                    || t.starts_with("livr")
                    || t.starts_with("export")
                    || t.starts_with("vend")
                    || *t == "ventes"
                    || *t == "vente"
            });
        }
        _ => {}
    }
    false
}

fn coordination_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)^\s+(?:et|and)\s+(?:(?:le|la|l['’]|the)\s*)?$").expect("valid regex")
    })
}

fn region_before_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)(?-u:\b)(?:région|region|oblast|province|voblast)\s+(?:de\s+|du\s+|d['’]\s*|of\s+)?$",
        )
        .expect("valid region regex")
    })
}

fn region_after_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)^\s+(?:region|oblast|province)(?-u:\b)").expect("valid region regex")
    })
}

/// A zone's name after its kind word: `de Minsk`, `"Great Stone"`, `Grodnoinvest`.
fn zone_name_after_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r#"^\s*(?:(?:de|du|d['’]|of)\s*)?["«“]?\s*(?P<name>\p{Lu}[\p{L}\d-]*(?:\s+\p{Lu}[\p{L}\d-]*)?)"#,
        )
        .expect("valid zone regex")
    })
}

/// A zone's name before its kind word: `Mogilev free economic zone`.
fn zone_name_before_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        // A name is written on one line: never across a paragraph or a heading.
        Regex::new(r#"(?P<name>\p{Lu}[\p{L}\d-]*(?:[^\S\n]+\p{Lu}[\p{L}\d-]*)?)["»”]?[^\S\n]*$"#)
            .expect("valid zone regex")
    })
}

/// How far back (bytes) a zone named before is what "le parc" refers to.
const ANAPHORA_REACH: usize = 3000;

/// A complement right after a noun: "le parc| de logements", "the park| of".
fn complement_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)^\s+(?:de|d['’]|du|des|of)(?-u:\b)").expect("valid complement regex")
    })
}

/// Words that start a sentence or name a kind of thing, never a zone's own name.
const NOT_NAMES: &[&str] = &[
    "Le", "La", "Les", "L", "Un", "Une", "The", "A", "En", "In", "Au", "Dans", "Belarus",
];

pub(super) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' => 'e',
            'î' | 'ï' | 'Î' => 'i',
            'ô' | 'ö' | 'Ô' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c => c,
        };
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// At most `len` bytes of text from `at` (anchored regexes then never scan the whole rest).
pub(crate) fn ahead(text: &str, at: usize, len: usize) -> &str {
    &text[at..text.floor_char_boundary(at + len)]
}

/// All entity mentions of a text, from the lexicon hits, sorted by position.
pub fn mentions(text: &str, hits: &[Hit], lex: &ContextLexicon) -> Vec<EntityMention> {
    let mut out: Vec<EntityMention> = Vec::new();
    // Group meanings of the same span (a name may be a city and a region).
    let mut by_span: Vec<(Range<usize>, Vec<TermKind>)> = Vec::new();
    for h in hits {
        match by_span.last_mut() {
            Some((r, kinds)) if r.start == h.start && r.end == h.end => kinds.push(h.term.kind),
            _ => by_span.push((h.start..h.end, vec![h.term.kind])),
        }
    }
    let mut consumed_until = 0usize;
    for (r, kinds) in &by_span {
        if r.start < consumed_until {
            continue;
        }
        // Named zones: "FEZ de Minsk", "zone franche Brest", "Mogilev FEZ".
        let zone_before = kinds.iter().find_map(|k| match k {
            TermKind::ZoneBefore(i) => Some(*i),
            _ => None,
        });
        let zone_after = kinds.iter().find_map(|k| match k {
            TermKind::ZoneAfter(i) => Some(*i),
            _ => None,
        });
        let zone_generic = kinds.iter().find_map(|k| match k {
            TermKind::ZoneGeneric(i) => Some(*i),
            _ => None,
        });
        if let Some(z) = zone_before {
            if let Some(c) = zone_name_after_re().captures(ahead(text, r.end, 80)) {
                let name = c.name("name").expect("group");
                let first = name.as_str().split_whitespace().next().unwrap_or("");
                if !NOT_NAMES.contains(&first) {
                    // Keep only the first word when the second starts a new phrase.
                    let end = r.end + name.end();
                    out.push(EntityMention {
                        range: r.start..end,
                        id: lex.zone_id(&lex.zones[z].id_prefix, name.as_str()),
                        specificity: 3,
                        partner: false,
                        country: None,
                    });
                    consumed_until = end;
                    continue;
                }
            }
        }
        if let Some(z) = zone_after {
            let from = text.ceil_char_boundary(r.start.saturating_sub(60));
            if let Some(c) = zone_name_before_re().captures(&text[from..r.start]) {
                let mut name = c.name("name").expect("group").as_str();
                let mut start = from + c.get(0).expect("match").start();
                if let Some((first, rest)) = name.split_once(char::is_whitespace) {
                    if NOT_NAMES.contains(&first) {
                        start += name.len() - rest.len();
                        name = rest;
                    }
                }
                if !NOT_NAMES.contains(&name) && !name.contains("FEZ") {
                    // The name was already read as a place: it is the zone's name instead.
                    while out.last().is_some_and(|m| m.range.start >= start) {
                        out.pop();
                    }
                    out.push(EntityMention {
                        range: start..r.end,
                        id: lex.zone_id(&lex.zones[z].id_prefix, name),
                        specificity: 3,
                        partner: false,
                        country: None,
                    });
                    consumed_until = r.end;
                    continue;
                }
            }
        }
        let zone_anaphor = kinds.iter().find_map(|k| match k {
            TermKind::ZoneAnaphor(i) => Some(*i),
            _ => None,
        });
        if let Some(z) = zone_anaphor {
            // "le parc" is the park named last; "le parc de logements" is another thing.
            let prefix = format!("{}:", lex.zones[z].id_prefix);
            let complement = complement_re().is_match(ahead(text, r.end, 8));
            let named = out
                .iter()
                .rev()
                .take_while(|m| m.range.end + ANAPHORA_REACH >= r.start)
                .find(|m| m.id.starts_with(&prefix));
            // "le Great Stone Park": the word ends the name just read.
            let ends_name = named.is_some_and(|m| {
                text.get(m.range.end..r.start)
                    .is_some_and(|gap| gap.trim_matches(['"', '»', '”']).trim().is_empty())
            });
            if let (false, false, Some(m)) = (complement, ends_name, named) {
                out.push(EntityMention {
                    range: r.clone(),
                    id: m.id.clone(),
                    specificity: 3,
                    partner: false,
                    country: None,
                });
                continue;
            }
        }
        if let Some(z) = zone_generic {
            out.push(EntityMention {
                range: r.clone(),
                id: lex.zones[z].id_prefix.clone(),
                specificity: 3,
                partner: false,
                country: None,
            });
            continue;
        }
        // Places.
        let mut country_meaning = None;
        let mut region_meaning = None;
        for k in kinds {
            if let TermKind::Entity(i, form) = k {
                let e = &lex.entities[*i];
                match e.kind {
                    EntityKind::Region => region_meaning = Some(*i),
                    _ => {
                        if country_meaning.is_none() || *form == EntityForm::Name {
                            country_meaning = Some(*i);
                        }
                    }
                }
            }
        }
        let before = &text[text.ceil_char_boundary(r.start.saturating_sub(40))..r.start];
        let region_cue = region_before_re().is_match(before)
            || region_after_re().is_match(ahead(text, r.end, 24));
        let chosen = match (country_meaning, region_meaning) {
            (_, Some(reg)) if region_cue => Some(reg),
            (Some(c), _) => Some(c),
            (None, Some(reg)) => Some(reg),
            (None, None) => None,
        };
        let Some(i) = chosen else { continue };
        let e = &lex.entities[i];
        // "France Travail", "Kenya Airways": a country's name that opens another proper
        // name is an organisation, not the country.
        let next_word = ahead(text, r.end, 24);
        let named = kinds
            .iter()
            .any(|k| matches!(k, TermKind::Entity(j, EntityForm::Name) if *j == i));
        if e.kind == EntityKind::Country
            && named
            && org_name_after_re().is_match(next_word)
            && !by_span
                .iter()
                .any(|(o, _)| o.start > r.end && o.start <= r.end + 2)
        {
            continue;
        }
        let start = text.ceil_char_boundary(r.start.saturating_sub(80));
        let window = &text[start..r.start];
        // Clause punctuation cuts the window: "à" cannot reach back over a comma.
        let window = &window[window.rfind([',', ';', '.', ':']).map_or(0, |i| i + 1)..];
        let mut partner = partner_cue(window);
        // "le Belarus et la Chine": the second country of a pair is the partner.
        if let Some(prev) = out.last() {
            if !prev.partner
                && prev.specificity == 1
                && prev.range.end <= r.start
                && prev.id != e.id
            {
                let between = &text[prev.range.end..r.start];
                // Not the end of a list: "la Chine, l'Inde et le Kazakhstan".
                let lead = &text
                    [text.ceil_char_boundary(prev.range.start.saturating_sub(8))..prev.range.start];
                if coordination_re().is_match(between) && !lead.contains(',') {
                    partner = true;
                }
            }
        }
        out.push(EntityMention {
            range: r.clone(),
            id: e.id.clone(),
            specificity: match e.kind {
                EntityKind::Country => 1,
                EntityKind::Region => 2,
                EntityKind::Organisation => 3,
            },
            partner,
            country: Some(e.country.clone().unwrap_or_else(|| e.id.clone())),
        });
    }
    out
}

/// A capitalised word right after a name, on the same line: "France| Travail".
fn org_name_after_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"^[ \u{a0}]\p{Lu}\p{Ll}{2,}").expect("valid org name regex"))
}

/// The country a document mostly speaks of: the default subject of its figures.
pub fn home_country(mentions: &[EntityMention]) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    // Partner mentions ("avec le Viet Nam", "exports to Chile") name the other side of the
    // relations a document tells: they do not make it that country's document.
    for m in mentions.iter().filter(|m| !m.partner) {
        if let Some(c) = &m.country {
            *counts.entry(c.as_str()).or_default() += 1;
        }
    }
    let mut best: Vec<(&str, usize)> = counts.into_iter().collect();
    best.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let (top, n) = *best.first()?;
    let second = best.get(1).map_or(0, |b| b.1);
    // Only a clear majority makes a default.
    (n >= 3 && 2 * n > 3 * second).then(|| top.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn ids(text: &str, lang: Lang) -> Vec<(String, bool)> {
        let lex = ContextLexicon::builtin().unwrap();
        let hits = lex.scan(text, lang);
        mentions(text, &hits, &lex)
            .into_iter()
            .map(|m| (m.id, m.partner))
            .collect()
    }

    #[test]
    fn countries_demonyms_and_partners_fr() {
        assert_eq!(
            ids(
                "Le commerce entre la Biélorussie et l'Ouzbékistan ; les exportations biélorusses vers la Chine ; \
                 des entreprises ouzbèkes ; avec la partie chinoise ; à Minsk.",
                Lang::Fr
            ),
            [
                ("BLR".into(), false),
                ("UZB".into(), true),
                ("BLR".into(), false),
                ("CHN".into(), true),
                ("UZB".into(), false),
                ("CHN".into(), true),
                ("BLR".into(), false),
            ]
        );
    }

    #[test]
    fn countries_and_partners_en() {
        assert_eq!(
            ids(
                "Trade between France and Brazil; Mongolian exports to China; imports from Turkey.",
                Lang::En
            ),
            [
                ("FRA".into(), false),
                ("BRA".into(), true),
                ("MNG".into(), false),
                ("CHN".into(), true),
                ("TUR".into(), true),
            ]
        );
    }

    #[test]
    fn zones_and_regions_by_pattern() {
        assert_eq!(
            ids(
                "La zone franche de Tarnovo et la FEZ Grodnoinvest ; la région de Brest ; \
                 les résidents de la FEZ ont investi.",
                Lang::Fr
            ),
            [
                ("fez:tarnovo".into(), false),
                ("fez:grodno".into(), false),
                ("BY-BR".into(), false),
                ("fez".into(), false),
            ]
        );
        assert_eq!(
            ids(
                "The Kestrel free economic zone and the Gomel region grew.",
                Lang::En
            ),
            [("fez:kestrel".into(), false), ("BY-HO".into(), false)]
        );
        // One zone under its several names: by pattern and by name alone.
        assert_eq!(
            ids(
                "Le parc industriel de Veliky Kamen ; le Great Stone Park ; la FEZ Gomel-Raton.",
                Lang::Fr
            ),
            [
                ("park:great-stone".into(), false),
                ("park:great-stone".into(), false),
                ("fez:gomel".into(), false),
            ]
        );
    }
}

#[cfg(test)]
mod pair_tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn a_pair_is_a_relation_but_a_list_is_not() {
        let lex = ContextLexicon::builtin().unwrap();
        let pair = "Le Belarus et la Chine ont échangé des biens.";
        let list = "Avec la Russie : la Chine, l'Inde et le Kazakhstan.";
        let partners = |t: &str| -> Vec<bool> {
            mentions(t, &lex.scan(t, Lang::Fr), &lex)
                .into_iter()
                .map(|m| m.partner)
                .collect()
        };
        assert_eq!(partners(pair), [false, true]);
        assert_eq!(partners(list), [true, false, false, false]);
    }
}
