//! Context lexicon: metric terms, role cues and the gazetteer, loaded from `rules/*.toml`,
//! validated, and compiled into one Aho-Corasick automaton per language.
//!
//! Every term of every table becomes one pattern; a document is scanned once per run and
//! the hits are sorted by position, so no stage ever scans the lexicon per quantity.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;

use crate::claim::Direction;
use crate::extract::lexicon::LexiconError;
use crate::lang::Lang;

const METRICS_TOML: &str = include_str!("../../rules/metrics.toml");
const GAZETTEER_TOML: &str = include_str!("../../rules/gazetteer.toml");

/// One file of context data: a metric lexicon, a gazetteer, or a user config adding to both.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ContextFile {
    #[serde(default)]
    metric: Vec<MetricDef>,
    #[serde(default)]
    cue: Vec<CueDef>,
    #[serde(default)]
    entity: Vec<EntityDef>,
    #[serde(default)]
    zone: Vec<ZoneDef>,
    #[serde(default)]
    event: Vec<EventDef>,
}

/// Nouns that name a dated event ("forum", "réunion", "summit"): a date told with the same
/// event at two places is a repeated fact.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventDef {
    #[serde(default)]
    pub fr: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricDef {
    pub code: String,
    #[serde(default)]
    pub fallback: bool,
    #[serde(default)]
    pub units: Vec<String>,
    #[serde(default)]
    pub fr: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueDef {
    role: String,
    #[serde(default)]
    direction: Option<String>,
    #[serde(default)]
    fr: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityDef {
    pub id: String,
    pub kind: EntityKind,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub adjectives: Vec<String>,
    #[serde(default)]
    pub adjectives_en: Vec<String>,
    #[serde(default)]
    pub cities: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Country,
    Region,
    Organisation,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZoneDef {
    pub id_prefix: String,
    #[serde(default)]
    pub before: Vec<String>,
    #[serde(default)]
    pub after: Vec<String>,
    #[serde(default)]
    pub generic: Vec<String>,
    /// Words that refer back to the zone of this kind named last ("le parc", "the park").
    #[serde(default)]
    pub anaphora: Vec<String>,
}

/// What a role cue says about the figure near it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    Change(Option<Direction>),
    Index,
    Share,
    Target,
    /// The period after it is the base of a comparison.
    Base,
    /// The figure after it is the other side of a comparison ("contre 10 600 fin 2023",
    /// "from 8.72 million in 2023"): the period bound to that figure is its own and is not
    /// carried to the sentences after it.
    Against,
    /// The date after it is when the document was issued ("Issued April 2025", "publié le
    /// 4 février"), not a period the figures speak of: it is not carried.
    Dateline,
    /// The sentence it opens tells an earlier figure again, more exactly ("Plus
    /// précisément, …", "In other words, …"): its figure of the same measure is that one.
    Restate,
    /// A place named after it, behind the figure, is the other side of a comparison
    /// ("412 GWh, well above the UK average", "loin devant la Belgique"): neither the
    /// figure's subject nor its partner.
    Compare,
}

/// How an entity is written where it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityForm {
    Name,
    Adjective,
    City,
}

/// What one lexicon term stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// Index into [`ContextLexicon::metrics`].
    Metric(usize),
    Cue(Cue),
    /// Index into [`ContextLexicon::entities`].
    Entity(usize, EntityForm),
    /// Index into [`ContextLexicon::zones`]: words before a zone's name.
    ZoneBefore(usize),
    ZoneAfter(usize),
    ZoneGeneric(usize),
    ZoneAnaphor(usize),
    /// A noun naming an event ("forum", "meeting").
    Event,
}

/// One meaning of a pattern, with the matching rules of the term it came from.
#[derive(Debug, Clone, Copy)]
pub struct Term {
    pub kind: TermKind,
    /// Proper names must be capitalised in the text ("Turkey", not "turkey").
    pub capital: bool,
    /// `export*`: the word may go on after the term.
    pub prefix: bool,
}

/// A compiled automaton for one language: pattern id → meanings.
#[derive(Debug, Clone)]
struct Compiled {
    automaton: AhoCorasick,
    meanings: Vec<Vec<Term>>,
}

/// A lexicon term found in a document.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub term: Term,
}

#[derive(Debug, Clone, Default)]
pub struct ContextLexicon {
    pub metrics: Vec<MetricDef>,
    pub entities: Vec<EntityDef>,
    pub zones: Vec<ZoneDef>,
    pub events: Vec<EventDef>,
    /// Slug of every name of an entity whose id is a zone's (`park:great-stone`) → that id.
    zone_names: HashMap<String, String>,
    cues: Vec<(Cue, Vec<String>, Vec<String>)>,
    /// The automaton of each language; `None` before any terms are compiled. The built-in
    /// lexicon's are built on first use: a run in one language (most reports) never
    /// builds the other's, about 40 M instructions. A lexicon extended from a user's TOML
    /// builds both at once, so that an error is told at start-up.
    fr: Option<OnceLock<Compiled>>,
    en: Option<OnceLock<Compiled>>,
}

fn err(origin: &str, reason: impl Into<String>) -> LexiconError {
    LexiconError {
        name: origin.to_string(),
        reason: reason.into(),
    }
}

impl ContextLexicon {
    /// The lexicons shipped in `rules/metrics.toml` and `rules/gazetteer.toml`.
    pub fn builtin() -> Result<ContextLexicon, LexiconError> {
        let mut lex = ContextLexicon::default();
        // Both files merged, then compiled once: the automata of the metrics alone were
        // built only to be thrown away. Each language's automaton waits for its first text.
        lex.merge_toml(METRICS_TOML, "rules/metrics.toml")?;
        lex.merge_toml(GAZETTEER_TOML, "rules/gazetteer.toml")?;
        lex.index_zone_names();
        lex.fr = Some(OnceLock::new());
        lex.en = Some(OnceLock::new());
        Ok(lex)
    }

    /// Add metric terms, cues, entities and zones from TOML text (same schema as the files in
    /// `rules/`). Terms for an existing metric code or entity id are merged into it.
    pub fn extend_from_toml(&mut self, src: &str, origin: &str) -> Result<(), LexiconError> {
        self.merge_toml(src, origin)?;
        self.compile().map_err(|e| err(origin, e))
    }

    /// [`ContextLexicon::extend_from_toml`] without compiling the automata: for a lexicon
    /// extended again before it is used.
    fn merge_toml(&mut self, src: &str, origin: &str) -> Result<(), LexiconError> {
        let file: ContextFile =
            toml::from_str(src).map_err(|e| err(origin, e.message().to_string()))?;
        for m in file.metric {
            validate_code(&m.code, origin)?;
            validate_terms(&m.fr, origin, &m.code)?;
            validate_terms(&m.en, origin, &m.code)?;
            if let Some(old) = self
                .metrics
                .iter_mut()
                .find(|o| o.code == m.code && o.fallback == m.fallback)
            {
                old.fr.extend(m.fr);
                old.en.extend(m.en);
                old.units.extend(m.units);
            } else {
                self.metrics.push(m);
            }
        }
        for c in file.cue {
            let direction = match c.direction.as_deref() {
                None => None,
                Some("up") => Some(Direction::Up),
                Some("down") => Some(Direction::Down),
                Some(d) => {
                    return Err(err(
                        origin,
                        format!("cue direction `{d}` (expected `up` or `down`)"),
                    ))
                }
            };
            let cue = match c.role.as_str() {
                "change" => Cue::Change(direction),
                "index" => Cue::Index,
                "share" => Cue::Share,
                "target" => Cue::Target,
                "base" => Cue::Base,
                "against" => Cue::Against,
                "dateline" => Cue::Dateline,
                "restate" => Cue::Restate,
                "compare" => Cue::Compare,
                r => {
                    return Err(err(
                        origin,
                        format!(
                            "cue role `{r}` (expected change, index, share, target, base, against, dateline, restate or compare)"
                        ),
                    ))
                }
            };
            validate_terms(&c.fr, origin, &c.role)?;
            validate_terms(&c.en, origin, &c.role)?;
            self.cues.push((cue, c.fr, c.en));
        }
        for e in file.entity {
            if e.id.trim().is_empty() || e.id.contains(char::is_whitespace) {
                return Err(err(
                    origin,
                    format!("entity id `{}` is empty or has spaces", e.id),
                ));
            }
            if e.names.is_empty() && e.adjectives.is_empty() && e.adjectives_en.is_empty() {
                return Err(err(origin, format!("entity `{}` has no names", e.id)));
            }
            for list in [&e.names, &e.adjectives, &e.adjectives_en, &e.cities] {
                validate_terms(list, origin, &e.id)?;
            }
            if let Some(old) = self.entities.iter_mut().find(|o| o.id == e.id) {
                old.names.extend(e.names);
                old.adjectives.extend(e.adjectives);
                old.adjectives_en.extend(e.adjectives_en);
                old.cities.extend(e.cities);
            } else {
                self.entities.push(e);
            }
        }
        for z in file.zone {
            validate_code(&z.id_prefix, origin)?;
            for list in [&z.before, &z.after, &z.generic, &z.anaphora] {
                validate_terms(list, origin, &z.id_prefix)?;
            }
            self.zones.push(z);
        }
        for e in file.event {
            validate_terms(&e.fr, origin, "event")?;
            validate_terms(&e.en, origin, "event")?;
            self.events.push(e);
        }
        Ok(())
    }

    /// Code of a metric index.
    pub fn metric_code(&self, i: usize) -> &str {
        &self.metrics[i].code
    }

    /// The metric a quantity's unit says by itself (`jobs` → jobs).
    pub fn metric_of_unit(&self, unit: &str) -> Option<usize> {
        self.metrics
            .iter()
            .position(|m| m.units.iter().any(|u| u == unit))
    }

    /// The id of a zone found by pattern under `name`: a listed entity's when the name is
    /// one of its names ("Veliky Kamen" → `park:great-stone`), else `prefix:slug`.
    pub fn zone_id(&self, prefix: &str, name: &str) -> String {
        let slug = super::entity::slug(name);
        match self.zone_names.get(&slug) {
            Some(id) if id.split(':').next() == Some(prefix) => id.clone(),
            _ => format!("{prefix}:{slug}"),
        }
    }

    fn compile(&mut self) -> Result<(), String> {
        self.index_zone_names();
        self.fr = Some(OnceLock::from(self.compile_lang(Lang::Fr)?));
        self.en = Some(OnceLock::from(self.compile_lang(Lang::En)?));
        Ok(())
    }

    fn index_zone_names(&mut self) {
        self.zone_names = self
            .entities
            .iter()
            .filter(|e| e.id.contains(':'))
            .flat_map(|e| {
                e.names
                    .iter()
                    .map(|n| (super::entity::slug(n), e.id.clone()))
            })
            .collect();
    }

    fn compile_lang(&self, lang: Lang) -> Result<Compiled, String> {
        let mut table: HashMap<String, Vec<Term>> = HashMap::new();
        let mut add = |term: &str, kind: TermKind, capital: bool| {
            let (body, prefix) = match term.strip_suffix('*') {
                Some(b) => (b, true),
                None => (term, false),
            };
            for variant in variants(body) {
                table.entry(variant).or_default().push(Term {
                    kind,
                    capital,
                    prefix,
                });
            }
        };
        let pick = |fr: &'_ Vec<String>, en: &'_ Vec<String>| -> Vec<String> {
            match lang {
                Lang::Fr => fr.clone(),
                Lang::En => en.clone(),
            }
        };
        for (i, m) in self.metrics.iter().enumerate() {
            for t in pick(&m.fr, &m.en) {
                // Acronyms (IDE, FDI) keep their case; words are case-free.
                let capital = t.len() > 1 && t.chars().all(|c| c.is_uppercase());
                add(&t, TermKind::Metric(i), capital);
            }
        }
        for (cue, fr, en) in &self.cues {
            for t in pick(fr, en) {
                add(&t, TermKind::Cue(*cue), false);
            }
        }
        // Entities are recognised in either language: prose cites foreign names.
        for (i, e) in self.entities.iter().enumerate() {
            for n in &e.names {
                add(n, TermKind::Entity(i, EntityForm::Name), true);
            }
            for c in &e.cities {
                add(c, TermKind::Entity(i, EntityForm::City), true);
            }
            for a in &e.adjectives {
                add(a, TermKind::Entity(i, EntityForm::Adjective), false);
            }
            for a in &e.adjectives_en {
                add(a, TermKind::Entity(i, EntityForm::Adjective), true);
            }
        }
        for e in &self.events {
            for t in pick(&e.fr, &e.en) {
                add(&t, TermKind::Event, false);
            }
        }
        for (i, z) in self.zones.iter().enumerate() {
            for t in &z.before {
                add(t, TermKind::ZoneBefore(i), false);
            }
            for t in &z.after {
                add(t, TermKind::ZoneAfter(i), false);
            }
            for t in &z.generic {
                add(t, TermKind::ZoneGeneric(i), false);
            }
            for t in &z.anaphora {
                add(t, TermKind::ZoneAnaphor(i), false);
            }
        }
        let mut patterns: Vec<String> = table.keys().cloned().collect();
        patterns.sort();
        let meanings: Vec<Vec<Term>> = patterns.iter().map(|p| table[p].clone()).collect();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| e.to_string())?;
        Ok(Compiled {
            automaton,
            meanings,
        })
    }

    /// Every lexicon term of a text, in order, checked for word boundaries and case.
    pub fn scan(&self, text: &str, lang: Lang) -> Vec<Hit> {
        let Some(lazy) = (match lang {
            Lang::Fr => self.fr.as_ref(),
            Lang::En => self.en.as_ref(),
        }) else {
            return Vec::new();
        };
        // Only the built-in lexicon's automata are left to build here, and
        // `builtin_compiles_in_both_languages` builds them.
        let c = lazy.get_or_init(|| {
            self.compile_lang(lang)
                .expect("the built-in lexicon compiles")
        });
        let mut hits = Vec::new();
        for m in c.automaton.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let before_ok = text[..s]
                .chars()
                .next_back()
                .is_none_or(|ch| !ch.is_alphanumeric());
            // A term ending in an elided "d'" is followed by its word.
            let after_word = text[e..]
                .chars()
                .next()
                .is_some_and(|ch| ch.is_alphanumeric())
                && !text[..e].ends_with(['\'', '’']);
            if !before_ok {
                continue;
            }
            let first_upper = text[s..].chars().next().is_some_and(char::is_uppercase);
            for t in &c.meanings[m.pattern().as_usize()] {
                if after_word && !t.prefix {
                    continue;
                }
                if t.capital && !first_upper {
                    continue;
                }
                let end = if t.prefix {
                    // Extend to the end of the word.
                    e + text[e..]
                        .find(|ch: char| !ch.is_alphanumeric())
                        .unwrap_or(text.len() - e)
                } else {
                    e
                };
                hits.push(Hit {
                    start: s,
                    end,
                    term: *t,
                });
            }
        }
        hits
    }
}

/// Spelling variants matched for one term: ASCII case is free in the automaton; the first
/// letter's non-ASCII case (`É`/`é`) and the apostrophe (`'`/`’`) are spelled out.
fn variants(term: &str) -> Vec<String> {
    let lower_first = |s: &str| -> String {
        let mut cs = s.chars();
        match cs.next() {
            Some(c) => c.to_lowercase().chain(cs).collect(),
            None => String::new(),
        }
    };
    let upper_first = |s: &str| -> String {
        let mut cs = s.chars();
        match cs.next() {
            Some(c) => c.to_uppercase().chain(cs).collect(),
            None => String::new(),
        }
    };
    let base = term.trim().to_string();
    // French elides "de" before a vowel: "baisse de" is also "baisse d'un tiers".
    let mut bases = vec![base.clone()];
    if let Some(stem) = base.strip_suffix(" de") {
        bases.push(format!("{stem} d'"));
    }
    let mut out = Vec::new();
    for b in bases {
        out.extend([b.clone(), lower_first(&b), upper_first(&b)]);
        if b.contains('\'') {
            let curly = b.replace('\'', "’");
            out.extend([curly.clone(), lower_first(&curly), upper_first(&curly)]);
        }
    }
    // The automaton folds ASCII case: keys differing only there are one pattern.
    let mut keys: Vec<String> = out.iter().map(|s| s.to_ascii_lowercase()).collect();
    keys.sort();
    keys.dedup();
    keys
}

fn validate_code(code: &str, origin: &str) -> Result<(), LexiconError> {
    if code.is_empty()
        || !code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        return Err(err(
            origin,
            format!("code `{code}` must be non-empty ASCII letters, digits, `_` or `-`"),
        ));
    }
    Ok(())
}

fn validate_terms(terms: &[String], origin: &str, owner: &str) -> Result<(), LexiconError> {
    for t in terms {
        let body = t.strip_suffix('*').unwrap_or(t);
        if body.trim().is_empty() {
            return Err(err(origin, format!("`{owner}` has an empty term")));
        }
        if body.contains('*') {
            return Err(err(
                origin,
                format!("`{owner}`: term `{t}` may have `*` only at its end"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_compiles_in_both_languages() {
        let lex = ContextLexicon::builtin().expect("builtin lexicon");
        assert!(!lex
            .scan("Les exportations vers la Chine", Lang::Fr)
            .is_empty());
        assert!(!lex.scan("Exports to China", Lang::En).is_empty());
    }

    #[test]
    fn builtin_loads_and_covers_all_countries() {
        let lex = ContextLexicon::builtin().expect("builtin lexicon");
        let countries = lex
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Country)
            .count();
        assert!(countries >= 249, "{countries}");
        assert!(lex.metrics.iter().any(|m| m.code == "exports"));
    }

    #[test]
    fn unknown_fields_and_bad_values_are_clear_errors() {
        let mut lex = ContextLexicon::builtin().unwrap();
        let e = lex
            .extend_from_toml("[[metric]]\ncode = \"x\"\nfrench = [\"y\"]\n", "user.toml")
            .unwrap_err();
        assert!(e.to_string().contains("user.toml"), "{e}");
        assert!(e.to_string().contains("french"), "{e}");
        let e = lex
            .extend_from_toml("[[cue]]\nrole = \"maybe\"\nfr = [\"x\"]\n", "user.toml")
            .unwrap_err();
        assert!(e.to_string().contains("maybe"), "{e}");
        let e = lex
            .extend_from_toml("[[metric]]\ncode = \"x\"\nfr = [\"a*b\"]\n", "u.toml")
            .unwrap_err();
        assert!(e.to_string().contains("a*b"), "{e}");
    }

    #[test]
    fn user_terms_extend_the_lexicon() {
        let mut lex = ContextLexicon::builtin().unwrap();
        lex.extend_from_toml(
            "[[metric]]\ncode = \"tourism\"\nfr = [\"nuitées\"]\nen = [\"overnight stays\"]\n\
             [[entity]]\nid = \"org:acme\"\nkind = \"organisation\"\nnames = [\"Acme Corp\"]\n",
            "numlint.toml",
        )
        .unwrap();
        let hits = lex.scan("Les nuitées chez Acme Corp ont progressé.", Lang::Fr);
        assert!(hits.iter().any(
            |h| matches!(h.term.kind, TermKind::Metric(i) if lex.metrics[i].code == "tourism")
        ));
        assert!(hits.iter().any(
            |h| matches!(h.term.kind, TermKind::Entity(i, _) if lex.entities[i].id == "org:acme")
        ));
    }

    #[test]
    fn scan_respects_words_case_and_accents() {
        let lex = ContextLexicon::builtin().unwrap();
        let text = "Les exportations vers les États-Unis et l’Égypte ; une turkey ; exportateurs.";
        let hits = lex.scan(text, Lang::Fr);
        let ids: Vec<&str> = hits
            .iter()
            .filter_map(|h| match h.term.kind {
                TermKind::Entity(i, _) => Some(lex.entities[i].id.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(ids, ["USA", "EGY"]);
        let metrics = hits
            .iter()
            .filter(|h| matches!(h.term.kind, TermKind::Metric(_)))
            .count();
        // "exportations" only: "exportateurs" is not a listed form.
        assert_eq!(metrics, 1);
    }
}
