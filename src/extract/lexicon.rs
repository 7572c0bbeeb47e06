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

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::str::FromStr;

use miette::Diagnostic;
use rust_decimal::Decimal;
use serde::Deserialize;
use thiserror::Error;

use super::token::{tokenize, Gap, Tok, TokKind};
use crate::lang::Lang;
use crate::quantity::Qualifier;

const BUILTIN: &str = include_str!("../../rules/numbers.toml");

/// A small multiplicative hash for short word keys: the scanner looks up most words of
/// a document, and SipHash's DoS resistance buys nothing on lexicon keys.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;
pub type WordSet = HashSet<String, BuildHasherDefault<WordHasher>>;

/// First word of a currency, factor, fraction or month phrase.
pub const ROLE_PHRASE: u8 = 1;
/// `un`, `a`: 1 before a scale or round-number word.
pub const ROLE_ARTICLE_ONE: u8 = 2;
/// `du`, `the`: before a lone scale word.
pub const ROLE_ARTICLE_SCALE: u8 = 4;
/// A cardinal number word.
pub const ROLE_NUMBER: u8 = 8;
/// `x` of `x3`.
pub const ROLE_X: u8 = 16;
/// Roles that start a mention at this word.
pub const ROLE_STARTS: u8 = 31;
/// First word of a scale or round-number word (`millions`, `centaine`).
pub const ROLE_SCALE: u8 = 32;

#[derive(Debug, Error, Diagnostic)]
#[error("invalid lexicon {name}: {reason}")]
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
    /// A unit written with its scale in one word: `MDT` (millions de dinars), `MDH`.
    ScaledUnit(Decimal, usize),
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
    phrases: WordMap<Term>,
    /// First words of phrases, to avoid building keys where none can start.
    first_words: WordSet,
    /// Every key of `phrases` cut after each of its words except the last.
    prefixes: WordSet,
    /// Last words of citation and identifier prefixes (`.`, `°`, `iso`): only after
    /// one of them is it worth looking for a prefix before a number.
    prefix_tails: WordSet,
    /// What a lowercase word may do (bits `ROLE_*`): start a mention (first words of
    /// currencies, factors, fractions and months, number words, articles, `x`) or
    /// begin a scale or round-number word. One lookup per word of the text.
    roles: WordMap<u8>,
    /// Prefilter for `roles` on words starting with two ASCII letters: bit `second` of
    /// `starter_shape[len][first]` is set when some starter of `len` bytes begins with
    /// those two letters (index 26: no second letter). Most words of a text are
    /// rejected here without hashing.
    starter_shape: [[u32; 27]; 32],
    /// Single non-alphanumeric characters that start a mention (`$`, `€`).
    starter_symbols: String,
    /// Longest phrase, in tokens.
    max_tokens: usize,
    /// Exact-case single-token terms (`M`, `k`, `bn`), checked before `phrases`.
    exact: WordMap<Term>,
    /// Cardinal number words → value (`trente` → 30).
    pub number_words: WordMap<u64>,
    /// `un`, `a`, `one`: 1 only before a scale or round-number word.
    pub article_one: WordSet,
    /// `du`, `le`, `the`: make a lone singular scale word a number before a unit.
    pub article_scale: WordSet,
    /// Number words that also mean something else (`neuf` = new): kept only with a noun.
    pub ambiguous: WordSet,
    /// Words allowed between a number and its noun (`nouvelles`, `new`).
    pub adjectives: WordSet,
    /// Endings that make a word before another lowercase word an adjective
    /// (`interregional agreements`, `economic zones`): English puts them before the noun.
    pub adjective_suffixes: Vec<String>,
    /// Words that are never the noun counted by a number.
    pub stop_words: WordSet,
    /// Words skipped between a qualifier and its number (`les`, `the`).
    pub fillers: WordSet,
    /// Words linking a scale to its unit (`de`, `of`).
    pub bridges: WordSet,
    /// Nouns that say what a scaled amount measures, not what it counts: "812,4 milliards
    /// d'exportations" is 812,4 billion (of the sentence's currency) of exports.
    pub value_nouns: WordSet,
    /// Suffixes glued to digits that make an ordinal (`e`, `er`, `th`).
    pub ordinal_suffixes: WordSet,
    /// Joining words inside spelled-out numbers (`et`, `and`).
    pub number_joiners: WordSet,
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
    #[serde(default)]
    adjective_suffixes: Vec<String>,
    stop_words: Vec<String>,
    fillers: Vec<String>,
    bridges: Vec<String>,
    #[serde(default)]
    value_nouns: Vec<String>,
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
    /// The scale the terms carry with them (`MDT` = millions of dinars).
    #[serde(default)]
    scale: Option<String>,
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
    push_lower(buf, s);
}

/// Append `s` lowercased to `buf`.
pub fn push_lower(buf: &mut String, s: &str) {
    if s.is_ascii() {
        let from = buf.len();
        buf.push_str(s);
        // SAFETY-free: ASCII lowercasing keeps the string valid UTF-8.
        buf[from..].make_ascii_lowercase();
    } else {
        for c in s.chars() {
            if c.is_lowercase() || !c.is_alphabetic() {
                buf.push(c);
            } else {
                buf.extend(c.to_lowercase());
            }
        }
    }
}

/// `s` lowercased: `s` itself when it has no capital, else a copy in `buf`.
pub fn lowered<'b>(buf: &'b mut String, s: &'b str) -> &'b str {
    let has_upper = if s.is_ascii() {
        s.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        s.chars().any(char::is_uppercase)
    };
    if has_upper {
        lower_into(buf, s);
        buf.as_str()
    } else {
        s
    }
}

/// (length, first letter, second letter or 26) of an ASCII word starting with a letter.
fn shape_index(b: &[u8]) -> Option<(usize, usize, usize)> {
    let first = b.first()?.to_ascii_lowercase();
    if !first.is_ascii_lowercase() {
        return None;
    }
    let second = match b.get(1).map(u8::to_ascii_lowercase) {
        None => 26,
        Some(c) if c.is_ascii_lowercase() => usize::from(c - b'a'),
        Some(_) => return None,
    };
    Some((b.len().min(31), usize::from(first - b'a'), second))
}

thread_local! {
    /// Scratch keys for [`LangLexicon::phrase_at`], so lookups do not allocate.
    static SCRATCH: RefCell<(String, String)> = const { RefCell::new((String::new(), String::new())) };
}

fn is_apostrophe(s: &str) -> bool {
    matches!(s, "'" | "’" | "ʼ" | "`")
}

/// Longest phrase the lexicon may hold, in words (terms beyond it are rejected).
pub const MAX_PHRASE_WORDS: usize = 8;

/// Write the normalised form of up to `n_words` words from token `i` of `text` into
/// `key` (cleared first); returns the number of tokens used. Elision apostrophes are
/// absorbed into the word before them. Stops early at a line break.
pub fn phrase_key(text: &str, toks: &[Tok], i: usize, n_words: usize, key: &mut String) -> usize {
    let mut marks = [(0usize, 0usize); MAX_PHRASE_WORDS];
    let words = phrase_key_marks(text, toks, i, n_words, key, &mut marks, None);
    if words == 0 {
        0
    } else {
        marks[words.min(MAX_PHRASE_WORDS) - 1].1
    }
}

/// Like [`phrase_key`], and for each word `w` (up to [`MAX_PHRASE_WORDS`]) record in
/// `marks[w]` the key length and the tokens used by the first `w + 1` words, so that
/// every shorter phrase is a prefix of the one key. Returns the number of words.
fn phrase_key_marks(
    text: &str,
    toks: &[Tok],
    i: usize,
    n_words: usize,
    key: &mut String,
    marks: &mut [(usize, usize); MAX_PHRASE_WORDS],
    prefixes: Option<&WordSet>,
) -> usize {
    key.clear();
    let mut j = i;
    let mut words = 0;
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
        let elided = toks.get(j + 1).is_some_and(|n| {
            n.gap == Gap::None && n.kind == TokKind::Punct && is_apostrophe(&text[n.range()])
        });
        match t.kind {
            TokKind::Word => {
                push_lower(key, s);
                // An elided French word (`d'`, `l'`, `qu'`) gets its `e` back.
                if elided && !key.ends_with('e') {
                    key.push('e');
                }
            }
            _ => key.push_str(s),
        }
        j += 1;
        // A trailing elision apostrophe belongs to the phrase (`plus d'`).
        let used = if elided { j + 1 - i } else { j - i };
        if words < MAX_PHRASE_WORDS {
            marks[words] = (key.len(), used);
        }
        words += 1;
        // No phrase goes on from here: stop reading.
        if prefixes.is_some_and(|p| !p.contains(key.as_str())) {
            break;
        }
    }
    words
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
        SCRATCH.with(|scratch| {
            let (first, key) = &mut *scratch.borrow_mut();
            if !self.first_words.contains(lowered(first, s)) {
                return None;
            }
            let mut marks = [(0usize, 0usize); MAX_PHRASE_WORDS];
            let words = phrase_key_marks(
                text,
                toks,
                i,
                self.max_tokens,
                key,
                &mut marks,
                Some(&self.prefixes),
            );
            for &(len, used) in marks[..words.min(MAX_PHRASE_WORDS)].iter().rev() {
                if let Some(term) = self.phrases.get(&key[..len]) {
                    return Some((*term, used));
                }
            }
            None
        })
    }

    /// Whether a lowercase token may end a citation or identifier prefix.
    pub fn is_prefix_tail(&self, lower: &str) -> bool {
        self.prefix_tails.contains(lower)
    }

    /// The `ROLE_*` bits of a lowercase word (0 when it plays no role).
    pub fn roles(&self, lower: &str) -> u8 {
        self.roles.get(lower).copied().unwrap_or(0)
    }

    /// Cheap test, before lowercasing: whether the word `w` may be a starter (false
    /// positives allowed, no false negatives). Words not starting with two ASCII
    /// letters always pass.
    pub fn may_start(&self, w: &str) -> bool {
        // Only the first two bytes and the length are read: lowercasing keeps both
        // for the letters of the lexicon's languages.
        match shape_index(w.as_bytes()) {
            Some((len, first, second)) => self.starter_shape[len][first] & (1 << second) != 0,
            None => true,
        }
    }

    /// Whether a one-character symbol starts a mention (`$`, `€`).
    pub fn is_starter_symbol(&self, s: &str) -> bool {
        let mut cs = s.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if self.starter_symbols.contains(c))
    }

    fn add_role(&mut self, w: String, role: u8) {
        let w = w.to_lowercase();
        let b = w.as_bytes();
        *self.roles.entry(w.clone()).or_default() |= role;
        if role & ROLE_STARTS == 0 {
            return;
        }
        match shape_index(b) {
            Some((len, first, second)) => {
                self.starter_shape[len][first] |= 1 << second;
            }
            _ => {
                let mut cs = w.chars();
                if let (Some(c), None) = (cs.next(), cs.next()) {
                    if !c.is_alphanumeric() && !self.starter_symbols.contains(c) {
                        self.starter_symbols.push(c);
                    }
                }
            }
        }
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
        if token_count(&key) > MAX_PHRASE_WORDS {
            return Err(LexiconError {
                name: origin.into(),
                reason: format!("term `{term}` is longer than {MAX_PHRASE_WORDS} words"),
            });
        }
        self.max_tokens = self.max_tokens.max(token_count(&key));
        let first = key.split(' ').next().unwrap_or_default().to_string();
        if matches!(meaning, Term::Factor(..) | Term::Fraction(_) | Term::Month) {
            self.add_role(first.clone(), ROLE_PHRASE);
        }
        if matches!(meaning, Term::Scale(_) | Term::Approximate(_)) {
            self.add_role(first.clone(), ROLE_SCALE);
        }
        self.first_words.insert(first);
        if matches!(meaning, Term::CitationPrefix | Term::IdentifierPrefix) {
            let last = key.rsplit(' ').next().unwrap_or_default().to_string();
            self.prefix_tails.insert(last);
        }
        for (at, _) in key.match_indices(' ') {
            self.prefixes.insert(key[..at].to_string());
        }
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
    set: &mut WordSet,
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
            let term = match &u.scale {
                Some(f) => Term::ScaledUnit(parse_factor(f, origin)?, id),
                None => Term::Unit(id),
            };
            for t in &u.terms {
                if u.case_sensitive {
                    l.insert_exact(t, term, origin)?;
                } else {
                    l.insert_phrase(t, term, origin)?;
                }
                // A currency may stand before its number (`USD 5`, `$5`); one with its
                // scale in it (`MDT`) is written after.
                if u.kind == "currency" && u.scale.is_none() {
                    let key = normalise_term(t);
                    let first = key.split(' ').next().unwrap_or_default().to_string();
                    l.add_role(first, ROLE_PHRASE);
                }
            }
        }
        for q in &s.qualifiers {
            // "none" lists phrases that look like a qualifier and are not ("edged up to").
            let qual = match q.qualifier.as_str() {
                "none" => Qualifier::None,
                other => parse_qualifier(other, origin)?,
            };
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
            l.add_role(key.clone(), ROLE_NUMBER);
            l.number_words.insert(key, *v);
        }
        word_set(&mut l.article_one, &s.article_one, "article_one", origin)?;
        word_set(
            &mut l.article_scale,
            &s.article_scale,
            "article_scale",
            origin,
        )?;
        // Articles start mentions (`un million`, `du milliard`), as does `x` (`x3`).
        for w in &s.article_one {
            l.add_role(w.trim().to_string(), ROLE_ARTICLE_ONE);
        }
        for w in &s.article_scale {
            l.add_role(w.trim().to_string(), ROLE_ARTICLE_SCALE);
        }
        l.add_role("x".into(), ROLE_X);
        word_set(&mut l.ambiguous, &s.ambiguous, "ambiguous", origin)?;
        word_set(&mut l.adjectives, &s.adjectives, "adjectives", origin)?;
        for suffix in &s.adjective_suffixes {
            let t = suffix.trim().to_lowercase();
            if t.chars().count() < 2 || !t.chars().all(char::is_alphabetic) {
                return Err(LexiconError {
                    name: origin.into(),
                    reason: format!("adjective_suffixes: `{suffix}` must be two letters or more"),
                });
            }
            if !l.adjective_suffixes.contains(&t) {
                l.adjective_suffixes.push(t);
            }
        }
        word_set(&mut l.stop_words, &s.stop_words, "stop_words", origin)?;
        word_set(&mut l.fillers, &s.fillers, "fillers", origin)?;
        word_set(&mut l.bridges, &s.bridges, "bridges", origin)?;
        word_set(&mut l.value_nouns, &s.value_nouns, "value_nouns", origin)?;
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
