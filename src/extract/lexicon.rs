//! Number lexicon: scale words, units and currencies, qualifiers, number words and the
//! other small word lists the number grammar reads, per language.
//!
//! The data lives in `rules/numbers.toml` (embedded at build time, schema documented at
//! the top of that file); a user's `numlint.toml` `[lexicon]` section may add terms with
//! the same schema through [`NumberLexicon::extend_from_toml`]. Everything is validated
//! on load: empty terms, unknown unit kinds or qualifiers, malformed factors and a term
//! given two different meanings are reported as a [`LexiconError`].
//!
//! Multi-word terms are stored under a normalised key (see [`phrase_key`]): lowercase
//! words and punctuation joined by one space, elided French words restored (`d'` → `de`),
//! so that `plus d'un`, `plus de un` and `PLUS D’UN` all meet the same entry.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::str::FromStr;

use miette::Diagnostic;
use rust_decimal::Decimal;
use serde::Deserialize;
use thiserror::Error;

use super::token::{tokenize, Gap, Tok, TokKind};
use crate::lang::Lang;
use crate::quantity::Qualifier;

const BUILTIN: &str = include_str!("../../rules/numbers.toml");

#[derive(Debug, Error, Diagnostic)]
#[error("invalid number lexicon {name}: {reason}")]
#[diagnostic(code(numlint::lexicon))]
pub struct LexiconError {
    pub name: String,
    pub reason: String,
}

/// How a unit makes a quantity: money and measures are amounts, the rest are counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitKind {
    Currency,
    Measure,
    Count,
}

impl UnitKind {
    fn parse(s: &str) -> Option<UnitKind> {
        Some(match s {
            "currency" => UnitKind::Currency,
            "measure" => UnitKind::Measure,
            "count" => UnitKind::Count,
            _ => return None,
        })
    }
}

/// A canonical unit: code (`USD`, `t`, `jobs`) and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub code: String,
    pub kind: UnitKind,
}

/// What a (possibly multi-word) term means to the number grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    /// A scale word: `millions` → 10⁶.
    Scale(Decimal),
    /// A unit or currency, by index into [`NumberLexicon::units`].
    Unit(usize),
    /// A hedge written before the number.
    Qualifier(Qualifier),
    /// `%`, `pour cent`, `percent`.
    Percent,
    /// `p.p.`, `points de pourcentage`.
    Point,
    /// `multiplié par`: the following number is a growth factor.
    MultiplierBefore,
    /// `fois`, `times`: the preceding number is a growth factor.
    MultiplierAfter,
    /// A word that is a factor by itself: `doublé` → 2, `halved` → 0.5.
    Factor(Decimal, Qualifier),
    /// A fraction of a whole: `la moitié` → 0.5, `un tiers`.
    Fraction(Decimal),
    /// A round-number noun: `centaine` → about 100.
    Approximate(Decimal),
    /// `et demi`, `and a half`: adds half of the last step.
    Half,
    /// A month name.
    Month,
    /// `premiers`, `first`: with a period noun it names a part of a year.
    Rank,
    /// `mois`, `trimestres`: calendar periods.
    Period,
    /// `p.`, `C.`: the next number is a page reference.
    CitationPrefix,
    /// `n°`, `ISO`: the next number is an identifier.
    IdentifierPrefix,
    /// A year-ish word (`year`, `année`) that keeps a four-digit number a year.
    YearWord,
}

/// The words of one language (plus the language-independent symbols).
#[derive(Debug, Clone, Default)]
pub struct LangLexicon {
    /// Normalised multi-word key → meaning, case-insensitive.
    phrases: HashMap<String, Term>,
    /// First words of phrases, to avoid building keys where none can start.
    first_words: HashSet<String>,
    /// Longest phrase, in tokens.
    max_tokens: usize,
    /// Exact-case single-token terms (`M`, `k`, `bn`), checked before `phrases`.
    exact: HashMap<String, Term>,
    /// Cardinal number words → value (`trente` → 30).
    pub number_words: HashMap<String, u64>,
    /// `un`, `a`, `one`: 1 only before a scale or round-number word.
    pub article_one: HashSet<String>,
    /// `du`, `le`, `the`: make a lone singular scale word a number before a unit.
    pub article_scale: HashSet<String>,
    /// Number words that also mean something else (`neuf` = new): kept only with a noun.
    pub ambiguous: HashSet<String>,
    /// Words allowed between a number and its noun (`nouvelles`, `new`).
    pub adjectives: HashSet<String>,
    /// Words that are never the noun counted by a number.
    pub stop_words: HashSet<String>,
    /// Words skipped between a qualifier and its number (`les`, `the`).
    pub fillers: HashSet<String>,
    /// Words linking a scale to its unit (`de`, `of`).
    pub bridges: HashSet<String>,
    /// Suffixes glued to digits that make an ordinal (`e`, `er`, `th`).
    pub ordinal_suffixes: HashSet<String>,
    /// Joining words inside spelled-out numbers (`et`, `and`).
    pub number_joiners: HashSet<String>,
}

/// All number words and symbols, per language.
#[derive(Debug, Clone, Default)]
pub struct NumberLexicon {
    pub fr: LangLexicon,
    pub en: LangLexicon,
    /// Canonical units; [`Term::Unit`] indexes this.
    pub units: Vec<Unit>,
}

// ---------------------------------------------------------------- schema

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    #[serde(default)]
    common: Section,
    #[serde(default)]
    fr: Section,
    #[serde(default)]
    en: Section,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct Section {
    scales: Vec<FactorTerms>,
    units: Vec<UnitTerms>,
    qualifiers: Vec<QualifierTerms>,
    percent: Vec<String>,
    percentage_points: Vec<String>,
    multiplier_before: Vec<String>,
    multiplier_after: Vec<String>,
    multipliers: Vec<FactorTerms>,
    fractions: Vec<FactorTerms>,
    approximate: Vec<FactorTerms>,
    half: Vec<String>,
    months: Vec<String>,
    ranks: Vec<String>,
    periods: Vec<String>,
    year_words: Vec<String>,
    citation_prefixes: Vec<String>,
    identifier_prefixes: Vec<String>,
    number_words: BTreeMap<String, u64>,
    article_one: Vec<String>,
    article_scale: Vec<String>,
    ambiguous: Vec<String>,
    adjectives: Vec<String>,
    stop_words: Vec<String>,
    fillers: Vec<String>,
    bridges: Vec<String>,
    ordinal_suffixes: Vec<String>,
    number_joiners: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FactorTerms {
    factor: String,
    terms: Vec<String>,
    #[serde(default)]
    case_sensitive: bool,
    #[serde(default)]
    qualifier: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitTerms {
    code: String,
    kind: String,
    terms: Vec<String>,
    #[serde(default)]
    case_sensitive: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct QualifierTerms {
    qualifier: String,
    terms: Vec<String>,
}

// ---------------------------------------------------------------- keys

/// Lowercase `s` into `buf` (cleared first), without allocating when `buf` has room.
pub fn lower_into(buf: &mut String, s: &str) {
    buf.clear();
    if s.is_ascii() {
        buf.push_str(s);
        buf.make_ascii_lowercase();
    } else {
        for c in s.chars() {
            buf.extend(c.to_lowercase());
        }
    }
}

fn is_apostrophe(s: &str) -> bool {
    matches!(s, "'" | "’" | "ʼ" | "`")
}

/// Append the normalised form of tokens `toks[i..i+n]` of `text` to `key`; returns the
/// number of tokens actually used (apostrophes after an elided word are absorbed and
/// count as used). Stops early at a line break.
pub fn phrase_key(text: &str, toks: &[Tok], i: usize, n_words: usize, key: &mut String) -> usize {
    key.clear();
    let mut j = i;
    let mut words = 0;
    let mut tmp = String::new();
    while j < toks.len() && words < n_words {
        let t = toks[j];
        if j > i && t.gap == Gap::Break {
            break;
        }
        let s = &text[t.range()];
        if t.kind == TokKind::Punct && is_apostrophe(s) {
            j += 1;
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        match t.kind {
            TokKind::Word => {
                lower_into(&mut tmp, s);
                key.push_str(&tmp);
                // An elided French word (`d'`, `l'`, `qu'`) gets its `e` back.
                let elided = toks
                    .get(j + 1)
                    .is_some_and(|n| n.gap == Gap::None && is_apostrophe(&text[n.range()]));
                if elided && !tmp.ends_with('e') {
                    key.push('e');
                }
            }
            _ => key.push_str(s),
        }
        words += 1;
        j += 1;
    }
    // A trailing elision apostrophe belongs to the phrase (`plus d'`).
    if j > i
        && toks.get(j).is_some_and(|t| {
            t.gap == Gap::None && t.kind == TokKind::Punct && is_apostrophe(&text[t.range()])
        })
    {
        j += 1;
    }
    j - i
}

fn normalise_term(term: &str) -> String {
    let toks = tokenize(term);
    let mut key = String::new();
    phrase_key(term, &toks, 0, usize::MAX, &mut key);
    key
}

fn token_count(key: &str) -> usize {
    key.split(' ').count()
}

// ---------------------------------------------------------------- lookups

impl LangLexicon {
    /// Meaning of the longest phrase starting at token `i`, with the number of tokens
    /// it spans.
    pub fn phrase_at(&self, text: &str, toks: &[Tok], i: usize) -> Option<(Term, usize)> {
        let t = toks.get(i)?;
        let s = &text[t.range()];
        if let Some(term) = self.exact.get(s) {
            return Some((*term, 1));
        }
        let mut first = String::new();
        lower_into(&mut first, s);
        if !self.first_words.contains(&first) {
            return None;
        }
        let mut key = String::new();
        for n in (1..=self.max_tokens).rev() {
            let used = phrase_key(text, toks, i, n, &mut key);
            if token_count(&key) < n {
                continue;
            }
            if let Some(term) = self.phrases.get(key.as_str()) {
                return Some((*term, used));
            }
        }
        None
    }

    /// Meaning of a normalised key (as built by [`phrase_key`]).
    pub fn phrase(&self, key: &str) -> Option<Term> {
        self.phrases.get(key).copied()
    }

    pub fn max_tokens(&self) -> usize {
        self.max_tokens
    }

    fn insert_phrase(
        &mut self,
        term: &str,
        meaning: Term,
        origin: &str,
    ) -> Result<(), LexiconError> {
        let key = checked_key(term, origin)?;
        if let Some(old) = self.phrases.get(&key) {
            if *old != meaning {
                return Err(LexiconError {
                    name: origin.into(),
                    reason: format!("term `{term}` has two meanings: {old:?} and {meaning:?}"),
                });
            }
            return Ok(());
        }
        self.max_tokens = self.max_tokens.max(token_count(&key));
        let first = key.split(' ').next().unwrap_or_default().to_string();
        self.first_words.insert(first);
        self.phrases.insert(key, meaning);
        Ok(())
    }

    fn insert_exact(
        &mut self,
        term: &str,
        meaning: Term,
        origin: &str,
    ) -> Result<(), LexiconError> {
        let t = term.trim();
        if t.is_empty() || t != term || tokenize(t).len() != 1 {
            return Err(LexiconError {
                name: origin.into(),
                reason: format!("case-sensitive term `{term}` must be one token"),
            });
        }
        if let Some(old) = self.exact.get(t) {
            if *old != meaning {
                return Err(LexiconError {
                    name: origin.into(),
                    reason: format!("term `{term}` has two meanings: {old:?} and {meaning:?}"),
                });
            }
        }
        self.exact.insert(t.to_string(), meaning);
        Ok(())
    }
}

fn checked_key(term: &str, origin: &str) -> Result<String, LexiconError> {
    let key = normalise_term(term);
    if term.trim().is_empty() || key.is_empty() {
        return Err(LexiconError {
            name: origin.into(),
            reason: "empty term".into(),
        });
    }
    Ok(key)
}

fn word_set(
    set: &mut HashSet<String>,
    words: &[String],
    what: &str,
    origin: &str,
) -> Result<(), LexiconError> {
    for w in words {
        let t = w.trim();
        if t.is_empty() || t.contains(char::is_whitespace) {
            return Err(LexiconError {
                name: origin.into(),
                reason: format!("{what}: `{w}` must be a single non-empty word"),
            });
        }
        set.insert(t.to_lowercase());
    }
    Ok(())
}

fn parse_factor(s: &str, origin: &str) -> Result<Decimal, LexiconError> {
    let parsed = if s.contains(['e', 'E']) {
        Decimal::from_scientific(s).ok()
    } else if let Some((a, b)) = s.split_once('/') {
        // Fractions such as `1/3` stay exact to Decimal's precision.
        Decimal::from_str(a.trim())
            .ok()
            .zip(Decimal::from_str(b.trim()).ok())
            .and_then(|(a, b)| a.checked_div(b))
    } else {
        Decimal::from_str(s).ok()
    };
    match parsed {
        Some(d) if d > Decimal::ZERO => Ok(d.normalize()),
        _ => Err(LexiconError {
            name: origin.into(),
            reason: format!(
                "factor `{s}` is not a positive decimal (e.g. `1000000`, `1e6`, `1/3`)"
            ),
        }),
    }
}

fn valid_unit_code(code: &str, kind: UnitKind) -> bool {
    match kind {
        UnitKind::Currency => code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()),
        _ => {
            !code.is_empty()
                && code
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        }
    }
}

impl NumberLexicon {
    /// The lexicon shipped in `rules/numbers.toml`.
    pub fn builtin() -> Result<NumberLexicon, LexiconError> {
        let mut lex = NumberLexicon::default();
        lex.extend_from_toml(BUILTIN, "rules/numbers.toml")?;
        Ok(lex)
    }

    /// The words of a language.
    pub fn lang(&self, lang: Lang) -> &LangLexicon {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    /// Add the terms of a TOML document with the schema of `rules/numbers.toml`
    /// (the `[lexicon]` section of a user's `numlint.toml`). Nothing is changed on error.
    pub fn extend_from_toml(&mut self, src: &str, origin: &str) -> Result<(), LexiconError> {
        let file: LexiconFile = toml::from_str(src).map_err(|e| LexiconError {
            name: origin.into(),
            reason: e.to_string().trim_end().to_string(),
        })?;
        let mut next = self.clone();
        for (section, lang) in [(&file.fr, Lang::Fr), (&file.en, Lang::En)] {
            next.add_section(&file.common, lang, origin)?;
            next.add_section(section, lang, origin)?;
        }
        *self = next;
        Ok(())
    }

    fn unit_id(&mut self, code: &str, kind: &str, origin: &str) -> Result<usize, LexiconError> {
        let kind = UnitKind::parse(kind).ok_or_else(|| LexiconError {
            name: origin.into(),
            reason: format!("unit `{code}`: kind `{kind}` is not currency, measure or count"),
        })?;
        if !valid_unit_code(code, kind) {
            return Err(LexiconError {
                name: origin.into(),
                reason: format!(
                    "unit code `{code}` is not valid (currencies: three capitals such as `USD`; \
                     other units: letters, digits, `-`, `_`)"
                ),
            });
        }
        if let Some(i) = self.units.iter().position(|u| u.code == code) {
            if self.units[i].kind != kind {
                return Err(LexiconError {
                    name: origin.into(),
                    reason: format!("unit code `{code}` is declared with two kinds"),
                });
            }
            return Ok(i);
        }
        self.units.push(Unit {
            code: code.to_string(),
            kind,
        });
        Ok(self.units.len() - 1)
    }

    fn add_section(&mut self, s: &Section, lang: Lang, origin: &str) -> Result<(), LexiconError> {
        let mut unit_ids = Vec::with_capacity(s.units.len());
        for u in &s.units {
            unit_ids.push(self.unit_id(&u.code, &u.kind, origin)?);
        }
        let l = match lang {
            Lang::Fr => &mut self.fr,
            Lang::En => &mut self.en,
        };
        for sc in &s.scales {
            let f = parse_factor(&sc.factor, origin)?;
            if sc.qualifier.is_some() {
                return Err(LexiconError {
                    name: origin.into(),
                    reason: "scales take no qualifier".into(),
                });
            }
            for t in &sc.terms {
                if sc.case_sensitive {
                    l.insert_exact(t, Term::Scale(f), origin)?;
                } else {
                    l.insert_phrase(t, Term::Scale(f), origin)?;
                }
            }
        }
        for (u, id) in s.units.iter().zip(unit_ids) {
            for t in &u.terms {
                if u.case_sensitive {
                    l.insert_exact(t, Term::Unit(id), origin)?;
                } else {
                    l.insert_phrase(t, Term::Unit(id), origin)?;
                }
            }
        }
        for q in &s.qualifiers {
            let qual = parse_qualifier(&q.qualifier, origin)?;
            for t in &q.terms {
                l.insert_phrase(t, Term::Qualifier(qual), origin)?;
            }
        }
        let simple: [(&Vec<String>, Term); 11] = [
            (&s.percent, Term::Percent),
            (&s.percentage_points, Term::Point),
            (&s.multiplier_before, Term::MultiplierBefore),
            (&s.multiplier_after, Term::MultiplierAfter),
            (&s.half, Term::Half),
            (&s.months, Term::Month),
            (&s.ranks, Term::Rank),
            (&s.periods, Term::Period),
            (&s.citation_prefixes, Term::CitationPrefix),
            (&s.identifier_prefixes, Term::IdentifierPrefix),
            (&s.year_words, Term::YearWord),
        ];
        for (terms, meaning) in simple {
            for t in terms {
                l.insert_phrase(t, meaning, origin)?;
            }
        }
        for m in &s.multipliers {
            let f = parse_factor(&m.factor, origin)?;
            let q = match &m.qualifier {
                Some(q) => parse_qualifier(q, origin)?,
                None => Qualifier::None,
            };
            for t in &m.terms {
                l.insert_phrase(t, Term::Factor(f, q), origin)?;
            }
        }
        for (list, make) in [
            (&s.fractions, Term::Fraction as fn(Decimal) -> Term),
            (&s.approximate, Term::Approximate as fn(Decimal) -> Term),
        ] {
            for m in list {
                if m.qualifier.is_some() || m.case_sensitive {
                    return Err(LexiconError {
                        name: origin.into(),
                        reason: "fractions and approximate words take only factor and terms".into(),
                    });
                }
                let f = parse_factor(&m.factor, origin)?;
                for t in &m.terms {
                    l.insert_phrase(t, make(f), origin)?;
                }
            }
        }
        for (w, v) in &s.number_words {
            let key = checked_key(w, origin)?;
            if key.contains(' ') {
                return Err(LexiconError {
                    name: origin.into(),
                    reason: format!("number word `{w}` must be one word"),
                });
            }
            if let Some(old) = l.number_words.get(&key) {
                if old != v {
                    return Err(LexiconError {
                        name: origin.into(),
                        reason: format!("number word `{w}` has two values: {old} and {v}"),
                    });
                }
            }
            l.number_words.insert(key, *v);
        }
        word_set(&mut l.article_one, &s.article_one, "article_one", origin)?;
        word_set(
            &mut l.article_scale,
            &s.article_scale,
            "article_scale",
            origin,
        )?;
        word_set(&mut l.ambiguous, &s.ambiguous, "ambiguous", origin)?;
        word_set(&mut l.adjectives, &s.adjectives, "adjectives", origin)?;
        word_set(&mut l.stop_words, &s.stop_words, "stop_words", origin)?;
        word_set(&mut l.fillers, &s.fillers, "fillers", origin)?;
        word_set(&mut l.bridges, &s.bridges, "bridges", origin)?;
        word_set(
            &mut l.ordinal_suffixes,
            &s.ordinal_suffixes,
            "ordinal_suffixes",
            origin,
        )?;
        word_set(
            &mut l.number_joiners,
            &s.number_joiners,
            "number_joiners",
            origin,
        )?;
        Ok(())
    }
}

fn parse_qualifier(s: &str, origin: &str) -> Result<Qualifier, LexiconError> {
    match Qualifier::parse(s) {
        Some(q) if q != Qualifier::None => Ok(q),
        _ => Err(LexiconError {
            name: origin.into(),
            reason: format!(
                "qualifier `{s}` is not one of more-than, at-least, less-than, at-most, nearly, about"
            ),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn at(lex: &LangLexicon, s: &str) -> Option<(Term, usize)> {
        let toks = tokenize(s);
        lex.phrase_at(s, &toks, 0)
    }

    #[test]
    fn builtin_loads_and_finds_multi_word_terms() {
        let lex = NumberLexicon::builtin().expect("builtin lexicon is valid");
        let fr = lex.lang(Lang::Fr);
        assert_eq!(at(fr, "MILLIONS de"), Some((Term::Scale(dec!(1000000)), 1)));
        assert_eq!(at(fr, "points de pourcentage"), Some((Term::Point, 3)));
        assert_eq!(
            at(fr, "plus d’un"),
            Some((Term::Qualifier(Qualifier::MoreThan), 3))
        );
        let en = lex.lang(Lang::En);
        assert_eq!(at(en, "M"), Some((Term::Scale(dec!(1000000)), 1)));
        assert!(matches!(at(en, "m"), Some((Term::Unit(_), 1))));
        assert_eq!(at(en, "percentage points"), Some((Term::Point, 2)));
        assert_eq!(at(en, "exports"), None);
    }

    #[test]
    fn rejects_bad_data_with_clear_errors() {
        let mut lex = NumberLexicon::builtin().unwrap();
        let e = lex
            .extend_from_toml(
                "[fr]\nunits = [{ code = \"USD\", kind = \"money\", terms = [\"x\"] }]",
                "numlint.toml",
            )
            .unwrap_err();
        assert!(e.reason.contains("kind `money`"), "{}", e.reason);
        let e = lex
            .extend_from_toml("[en]\npercent = [\" \"]", "numlint.toml")
            .unwrap_err();
        assert!(e.reason.contains("empty term"));
        let e = lex
            .extend_from_toml("[en]\npercent = [\"millions\"]", "numlint.toml")
            .unwrap_err();
        assert!(e.reason.contains("two meanings"), "{}", e.reason);
        let e = lex
            .extend_from_toml("[en]\ncolour = 1", "numlint.toml")
            .unwrap_err();
        assert!(e.reason.contains("unknown field"), "{}", e.reason);
        assert!(e.to_string().contains("numlint.toml"));
        let e = lex
            .extend_from_toml("[fr]\nunits = [{ code = \"dollar\", kind = \"currency\", terms = [\"piastres\"] }]", "u")
            .unwrap_err();
        assert!(e.reason.contains("not valid"));
    }

    #[test]
    fn user_terms_extend_the_builtin() {
        let mut lex = NumberLexicon::builtin().unwrap();
        assert_eq!(at(lex.lang(Lang::Fr), "lingots"), None);
        lex.extend_from_toml(
            "[fr]\nunits = [{ code = \"ingots\", kind = \"count\", terms = [\"lingots\"] }]",
            "numlint.toml",
        )
        .unwrap();
        assert!(matches!(
            at(lex.lang(Lang::Fr), "lingots"),
            Some((Term::Unit(_), 1))
        ));
        assert_eq!(at(lex.lang(Lang::En), "lingots"), None);
    }
}
