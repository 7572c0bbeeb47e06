//! The scanner: walks the tokens of the cleaned text once, reads every numeric mention
//! and classifies it (amount, count, percentage, multiplier … or noise such as years,
//! dates, ordinals, identifiers, citations).
//!
//! Each mention is read in three steps: what stands before it decides whether it is
//! noise (`A380`, `p. 12`, `n° 3`, a marker glued to a word); the core is a digit
//! literal ([`super::number`]) or spelled-out words ([`super::words`]); then suffixes
//! are read (scale word, `et demi`, percent, `fois`, unit or counted noun, with `de` and
//! adjectives in between) and the qualifier is read backwards from the core. Every step
//! looks a bounded number of tokens around the mention, so the cost is linear.

use std::cell::Cell;
use std::ops::Range;

use rust_decimal::Decimal;

use super::lexicon::{
    lower_into, lowered, push_lower, LangLexicon, NumberLexicon, Term, UnitKind, WordSet,
    ROLE_ARTICLE_ONE, ROLE_ARTICLE_SCALE, ROLE_NUMBER, ROLE_PHRASE, ROLE_SCALE, ROLE_STARTS,
    ROLE_X,
};
use super::number::parse_literal;
use super::token::{tokenize_into, Gap, Tok, TokKind};
use super::words::parse_spelled;
use crate::lang::Lang;
use crate::quantity::{Kind, Qualifier};

/// A mention found in the cleaned text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub range: Range<usize>,
    pub kind: Kind,
    pub value: Decimal,
    pub unit: Option<String>,
    pub scale: Decimal,
    pub precision: Decimal,
    pub qualifier: Qualifier,
}

/// The core of a mention before its suffixes are read.
#[derive(Debug, Clone, Copy)]
struct Core {
    /// First token of the mention (a currency prefix, if any).
    start: usize,
    /// First token of the number itself (where the qualifier is looked for).
    number_start: usize,
    /// One past the last token read so far.
    end: usize,
    value: Decimal,
    /// Step of the last written digit, before scale.
    step: Decimal,
    /// Whether the value was written as an integer (no decimals, no `et demi`).
    integer: bool,
    spelled: bool,
    /// A single word that also means something else (`neuf`, `un`): needs a noun.
    ambiguous: bool,
    /// Round-number noun (`une centaine`): about, exact step.
    approximate: bool,
    /// Currency written before the number (`$`, `USD`).
    prefix_unit: Option<usize>,
    /// Whether digit groups were joined (`1 300`): never a year.
    grouped: bool,
}

const YEARS: std::ops::RangeInclusive<i64> = 1800..=2100;

/// A phrase lookup remembered for a token index: (index, result).
type CachedPhrase = (usize, Option<(Term, usize)>);

struct Scanner<'a> {
    /// The paragraph being read; token offsets are relative to it.
    text: &'a str,
    /// Offset of `text` in the whole cleaned text.
    base: usize,
    toks: Vec<Tok>,
    lex: &'a LangLexicon,
    units: &'a NumberLexicon,
    lang: Lang,
    buf: String,
    out: Vec<Found>,
    /// Words before the current number (see `words_before`).
    before: (String, Vec<Range<usize>>),
    /// Whether those words stop at a figure ("8,9 % more than"): a digit or `%`.
    before_figure: bool,
    /// Direct-mapped cache of phrase lookups by token index: the suffix reader asks
    /// about the same few tokens several times.
    phrase_cache: [Cell<Option<CachedPhrase>>; 8],
}

/// Every mention of `text`, in order.
pub fn scan(text: &str, lex: &NumberLexicon, lang: Lang) -> Vec<Found> {
    let mut s = Scanner {
        text: "",
        base: 0,
        toks: Vec::new(),
        lex: lex.lang(lang),
        units: lex,
        lang,
        buf: String::new(),
        out: Vec::new(),
        phrase_cache: Default::default(),
        before: Default::default(),
        before_figure: false,
    };
    // Paragraph by paragraph: no mention crosses a paragraph break, and a small token
    // buffer reused for each stays in cache.
    let mut start = 0;
    let breaks = memchr::memmem::find_iter(text.as_bytes(), b"\n\n");
    for end in breaks.chain(std::iter::once(text.len())) {
        if end >= start {
            s.paragraph(start, &text[start..end]);
        }
        start = (end + 2).min(text.len());
    }
    s.out
}

fn dec(v: i64) -> Decimal {
    Decimal::from(v)
}

impl<'a> Scanner<'a> {
    fn paragraph(&mut self, base: usize, text: &'a str) {
        self.text = text;
        self.base = base;
        tokenize_into(text, &mut self.toks);
        for slot in &self.phrase_cache {
            slot.set(None);
        }
        let first = self.out.len();
        let mut i = 0;
        while i < self.toks.len() {
            let next = match self.toks[i].kind {
                TokKind::Digits => self.at_digits(i),
                TokKind::Word => self.at_word(i),
                TokKind::Punct => self.at_punct(i),
            };
            i = next.max(i + 1);
        }
        self.share_units(first);
    }

    /// `de 5 à 7 %`, `between 3 and 4 million dollars`: the first bound of a pair
    /// takes the unit and scale written once after the second.
    fn share_units(&mut self, first: usize) {
        for k in (first + 1..self.out.len()).rev() {
            let (a, b) = (&self.out[k - 1], &self.out[k]);
            if a.kind != Kind::Number
                || a.scale != Decimal::ONE
                || !matches!(
                    b.kind,
                    Kind::Percent | Kind::PercentagePoint | Kind::Amount | Kind::Count
                )
            {
                continue;
            }
            let between = &self.text[a.range.end - self.base..b.range.start - self.base];
            let joined = matches!(
                between.trim().to_lowercase().as_str(),
                "à" | "et" | "ou" | "to" | "and" | "or" | "-" | "–"
            );
            if !joined {
                continue;
            }
            let step = Decimal::new(1, a.value.scale());
            let exact = b.kind == Kind::Count && b.scale == Decimal::ONE && a.value.scale() == 0;
            let (kind, unit, mut scale) = (b.kind, b.unit.clone(), b.scale);
            // `70 à 75 000 tonnes`: the thousands are written once, on the second bound.
            let thousand = Decimal::from(1000);
            if let Some(a_k) = a.value.checked_mul(thousand) {
                let b_value = b.value / b.scale;
                let twice = a_k.checked_mul(Decimal::TWO);
                if a_k <= b_value
                    && a_k < b_value.checked_mul(Decimal::TEN).unwrap_or(Decimal::MAX)
                    && a.value.checked_mul(Decimal::ONE_HUNDRED) < Some(b_value)
                    && twice.is_some_and(|t| t >= b_value)
                {
                    scale *= thousand;
                }
            }
            let a = &mut self.out[k - 1];
            let Some(value) = a.value.checked_mul(scale) else {
                continue;
            };
            a.value = value.normalize();
            a.precision = if exact {
                Decimal::ZERO
            } else {
                (step / Decimal::TWO)
                    .checked_mul(scale)
                    .unwrap_or(Decimal::ZERO)
                    .normalize()
            };
            a.kind = kind;
            a.unit = unit;
            a.scale = scale;
        }
    }

    // ------------------------------------------------------------ token helpers

    fn tok(&self, i: usize) -> Option<Tok> {
        self.toks.get(i).copied()
    }

    fn s(&self, i: usize) -> &'a str {
        let t = self.toks[i];
        &self.text[t.range()]
    }

    fn is_punct(&self, i: usize, chars: &str) -> bool {
        self.tok(i).is_some_and(|t| {
            t.kind == TokKind::Punct && {
                let s = &self.text[t.range()];
                s.chars().count() == 1 && chars.contains(s)
            }
        })
    }

    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.gap == Gap::None)
    }

    fn is_kind(&self, i: usize, k: TokKind) -> bool {
        self.tok(i).is_some_and(|t| t.kind == k)
    }

    /// Token `i` exists and follows the previous one on the same paragraph.
    fn near(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.gap <= Gap::Spaces)
    }

    fn lower(&mut self, i: usize) -> &str {
        let t = self.toks[i];
        lower_into(&mut self.buf, &self.text[t.range()]);
        &self.buf
    }

    fn word_in(&mut self, i: usize, set: fn(&LangLexicon) -> &WordSet) -> bool {
        if !self.is_kind(i, TokKind::Word) {
            return false;
        }
        let lex = self.lex;
        let t = self.toks[i];
        set(lex).contains(lowered(&mut self.buf, &self.text[t.range()]))
    }

    fn phrase(&self, i: usize) -> Option<(Term, usize)> {
        if i >= self.toks.len() {
            return None;
        }
        let slot = &self.phrase_cache[i % 8];
        if let Some((at, found)) = slot.get() {
            if at == i {
                return found;
            }
        }
        let found = self.lex.phrase_at(self.text, &self.toks, i);
        slot.set(Some((i, found)));
        found
    }

    fn digits_value(&self, i: usize) -> Option<i64> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Digits || t.len() > 12 {
            return None;
        }
        self.s(i).parse().ok()
    }

    fn is_year_token(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == TokKind::Digits && t.len() == 4)
            && self.digits_value(i).is_some_and(|v| YEARS.contains(&v))
            && !self.glued_continues(i + 1)
    }

    /// A glued letter or digit run at `i` (the token before continues into it).
    fn glued_continues(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.gap == Gap::None && t.kind != TokKind::Punct)
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        start: usize,
        end: usize,
        kind: Kind,
        value: Decimal,
        unit: Option<String>,
        scale: Decimal,
        precision: Decimal,
        qualifier: Qualifier,
    ) {
        let range = self.base + self.toks[start].start..self.base + self.toks[end - 1].end;
        // Keep text order and no overlap (a mention read from an earlier token wins).
        if let Some(last) = self.out.last() {
            if last.range.end > range.start {
                return;
            }
        }
        self.out.push(Found {
            range,
            kind,
            value,
            unit,
            scale,
            precision,
            qualifier,
        });
    }

    fn noise(&mut self, start: usize, end: usize, kind: Kind, value: Decimal) {
        self.push(
            start,
            end,
            kind,
            value,
            None,
            Decimal::ONE,
            Decimal::ZERO,
            Qualifier::None,
        );
    }

    /// End of a code glued together from `i`: letters, digits and `-_/+.#:` between them.
    fn identifier_end(&self, i: usize) -> usize {
        let mut j = i + 1;
        loop {
            match self.tok(j) {
                Some(t) if t.gap == Gap::None && t.kind != TokKind::Punct => j += 1,
                Some(t)
                    if t.gap == Gap::None
                        && self.is_punct(j, "-_/+.#:–")
                        && self.glued_continues(j + 1) =>
                {
                    j += 2
                }
                _ => return j,
            }
        }
    }

    // ------------------------------------------------------------ entry points

    fn at_punct(&mut self, i: usize) -> usize {
        // Most punctuation starts nothing: only symbols of the lexicon, `×` and minus.
        let p = self.s(i);
        if !(self.lex.is_starter_symbol(p) || matches!(p, "×" | "-" | "−")) {
            return i + 1;
        }
        // A currency symbol before a number: `$1.2 bn`, `€ 300`.
        if let Some((Term::Unit(u), used)) = self.phrase(i) {
            let j = i + used;
            if self.units.units[u].kind == UnitKind::Currency
                && self.is_kind(j, TokKind::Digits)
                && self.tok(j).is_some_and(|t| t.gap <= Gap::Space)
            {
                return self.number_at(j, i, Some(u));
            }
        }
        // `×3`
        if self.is_punct(i, "×") && self.is_kind(i + 1, TokKind::Digits) && self.glued(i + 1) {
            return self.multiplier_sign(i);
        }
        // A negative number: a minus sign glued to digits, not inside a word or range.
        if self.is_punct(i, "-−")
            && self.is_kind(i + 1, TokKind::Digits)
            && self.glued(i + 1)
            && (i == 0 || !self.glued(i))
        {
            return self.number_at(i + 1, i, None);
        }
        i + 1
    }

    fn multiplier_sign(&mut self, i: usize) -> usize {
        let Some(lit) = parse_literal(self.text, &self.toks, i + 1, self.lang) else {
            return i + 2;
        };
        let q = self.qualifier_before(i);
        let step = Decimal::new(1, lit.decimals);
        self.push(
            i,
            lit.end,
            Kind::Multiplier,
            lit.value,
            Some("x".into()),
            Decimal::ONE,
            step / dec(2),
            q,
        );
        lit.end
    }

    fn at_word(&mut self, i: usize) -> usize {
        // Most words start nothing: one lookup to skip them.
        let t = self.toks[i];
        let w = &self.text[t.range()];
        if !self.lex.may_start(w) {
            return i + 1;
        }
        let roles = self.lex.roles(lowered(&mut self.buf, w));
        if roles & ROLE_STARTS == 0 {
            return i + 1;
        }
        // `x3`
        if roles & ROLE_X != 0
            && self.is_kind(i + 1, TokKind::Digits)
            && self.glued(i + 1)
            && !self.glued(i)
            && !self.glued_continues(i + 2)
        {
            return self.multiplier_sign(i);
        }
        let phrase = if roles & ROLE_PHRASE != 0 {
            self.phrase(i)
        } else {
            None
        };
        if let Some((term, used)) = phrase {
            let j = i + used;
            match term {
                Term::Unit(u)
                    if self.units.units[u].kind == UnitKind::Currency
                        && self.is_kind(j, TokKind::Digits)
                        && self.tok(j).is_some_and(|t| t.gap <= Gap::Space) =>
                {
                    return self.number_at(j, i, Some(u));
                }
                Term::Factor(f, q) => {
                    let q = match self.qualifier_before(i) {
                        Qualifier::None if q == Qualifier::None => Qualifier::About,
                        Qualifier::None => q,
                        other => other,
                    };
                    self.push(
                        i,
                        j,
                        Kind::Multiplier,
                        f,
                        Some("x".into()),
                        Decimal::ONE,
                        Decimal::ZERO,
                        q,
                    );
                    return j;
                }
                Term::Fraction(f) => {
                    if i > 0 && matches!(self.phrase(i - 1), Some((Term::Rank, 1))) {
                        return j;
                    }
                    // "un tiers" is a round word for whatever is near a third, as
                    // "doubled" is for whatever is near two.
                    let q = match self.qualifier_before(i) {
                        Qualifier::None => Qualifier::About,
                        other => other,
                    };
                    self.push(
                        i,
                        j,
                        Kind::Multiplier,
                        f,
                        Some("fraction".into()),
                        Decimal::ONE,
                        Decimal::ZERO,
                        q,
                    );
                    return j;
                }
                Term::Month => return self.month_date(i, j),
                _ => {}
            }
        }
        // Articles matter only before a scale or round-number word.
        let scale_next = roles & (ROLE_ARTICLE_ONE | ROLE_ARTICLE_SCALE) != 0
            && self.near(i + 1)
            && self.is_kind(i + 1, TokKind::Word)
            && {
                let n = self.toks[i + 1];
                let lex = self.lex;
                lex.roles(lowered(&mut self.buf, &self.text[n.range()])) & ROLE_SCALE != 0
            };
        // `un million`, `une centaine`, `a dozen`
        if scale_next && roles & ROLE_ARTICLE_ONE != 0 {
            match self.phrase(i + 1) {
                Some((Term::Scale(_), _)) => {
                    return self.suffixes(Core {
                        start: i,
                        number_start: i,
                        end: i + 1,
                        value: Decimal::ONE,
                        step: Decimal::ONE,
                        integer: true,
                        spelled: true,
                        ambiguous: false,
                        approximate: false,
                        prefix_unit: None,
                        grouped: false,
                    });
                }
                Some((Term::Approximate(v), used)) => {
                    return self.suffixes(Core {
                        start: i,
                        number_start: i,
                        end: i + 1 + used,
                        value: v,
                        step: Decimal::ONE,
                        integer: true,
                        spelled: true,
                        ambiguous: false,
                        approximate: true,
                        prefix_unit: None,
                        grouped: false,
                    });
                }
                _ => {}
            }
        }
        // `du milliard de dollars`: a lone scale word after an article, before a unit.
        if scale_next && roles & ROLE_ARTICLE_SCALE != 0 {
            if let Some((Term::Scale(_), used)) = self.phrase(i + 1) {
                if self.unit_follows(i + 1 + used) {
                    return self.suffixes(Core {
                        start: i + 1,
                        number_start: i + 1,
                        end: i + 1,
                        value: Decimal::ONE,
                        step: Decimal::ONE,
                        integer: true,
                        spelled: true,
                        ambiguous: false,
                        approximate: false,
                        prefix_unit: None,
                        grouped: false,
                    });
                }
            }
        }
        if roles & ROLE_NUMBER == 0 {
            return i + 1;
        }
        if let Some(sp) = parse_spelled(self.text, &self.toks, i, self.lex) {
            // `pour cent` is a percent sign, `cent` there is no number.
            let ambiguous = sp.words == 1 && self.word_in(i, |l| &l.ambiguous);
            if self.word_in(i, |l| &l.article_one) && sp.words == 1 {
                return sp.end;
            }
            return self.suffixes(Core {
                start: i,
                number_start: i,
                end: sp.end,
                value: Decimal::from(sp.value),
                step: Decimal::ONE,
                integer: true,
                spelled: true,
                ambiguous,
                approximate: false,
                prefix_unit: None,
                grouped: false,
            });
        }
        i + 1
    }

    /// A scale word at `i` is followed (through `de`) by a unit.
    fn unit_follows(&mut self, mut j: usize) -> bool {
        if self.near(j) && self.word_in(j, |l| &l.bridges) {
            j += 1;
            if self.is_punct(j, "'’") {
                j += 1;
            }
        }
        self.near(j) && matches!(self.phrase(j), Some((Term::Unit(_), _)))
    }

    /// A month at `i..j`: `décembre 2023`, `January 1, 2024`.
    fn month_date(&mut self, i: usize, j: usize) -> usize {
        if self.near(j) && self.is_year_token(j) {
            let v = self.digits_value(j).unwrap_or(0);
            self.noise(i, j + 1, Kind::Date, dec(v));
            return j + 1;
        }
        if self.near(j)
            && self.digits_value(j).is_some_and(|d| (1..=31).contains(&d))
            && !self.glued_continues(j + 1)
        {
            let mut k = j + 1;
            if self.is_punct(k, ",") {
                k += 1;
            }
            if self.near(k) && self.is_year_token(k) {
                let v = self.digits_value(k).unwrap_or(0);
                self.noise(j, k + 1, Kind::Date, dec(v));
                return k + 1;
            }
            let v = self.digits_value(j).unwrap_or(0);
            self.noise(j, j + 1, Kind::Date, dec(v));
            return j + 1;
        }
        j
    }

    // ------------------------------------------------------------ digits

    fn at_digits(&mut self, i: usize) -> usize {
        let t = self.toks[i];
        let v = self.digits_value(i).unwrap_or(0);
        // Glued to a word before: `A380`, `G20`, `COVID19`.
        if t.gap == Gap::None && i > 0 {
            let p = self.toks[i - 1];
            if p.kind == TokKind::Word {
                let end = self.identifier_end(i);
                self.noise(i - 1, end, Kind::Identifier, dec(v));
                return end;
            }
            if p.kind == TokKind::Punct && i >= 2 {
                let pp = self.toks[i - 2];
                let glued_before = p.gap == Gap::None && pp.kind != TokKind::Punct;
                // `mots.12 ` or `annoncés"2`: a footnote marker glued after punctuation.
                if glued_before
                    && pp.kind == TokKind::Word
                    && self.is_punct(i - 1, ".,;\"”»)]")
                    && t.len() <= 3
                    && !self.glued_continues(i + 1)
                    && !(self.is_punct(i + 1, ".,")
                        && self.glued(i + 1)
                        && self.glued_continues(i + 2))
                {
                    self.noise(i, i + 1, Kind::FootnoteMarker, dec(v));
                    return i + 1;
                }
                // `MAZ-6430`, `-618320-2024/`, `2+2`
                if glued_before && self.is_punct(i - 1, "-_/+#:.–") {
                    let end = self.identifier_end(i);
                    self.noise(i, end, Kind::Identifier, dec(v));
                    return end;
                }
            }
        }
        // `p. 12`, `C. 51`, `n° 3`, `ISO 9001`
        let after_prefix_tail = i > 0 && {
            let p = self.toks[i - 1];
            let lex = self.lex;
            lex.is_prefix_tail(lowered(&mut self.buf, &self.text[p.range()]))
        };
        if t.gap <= Gap::Spaces && after_prefix_tail {
            for n in 1..=4usize.min(i) {
                match self.phrase(i - n) {
                    Some((Term::CitationPrefix, used)) if used == n => {
                        let end = self.range_end(i).unwrap_or(i + 1);
                        self.noise(i, end, Kind::Citation, dec(v));
                        return end;
                    }
                    Some((Term::IdentifierPrefix, used)) if used == n => {
                        let end = self.identifier_end(i);
                        self.noise(i, end, Kind::Identifier, dec(v));
                        return end;
                    }
                    _ => {}
                }
            }
        }
        // Numeric dates: `15.03.2023`, `15/03/2023`, `2023-03-15`.
        if let Some(end) = self.numeric_date(i) {
            self.noise(i, end, Kind::Date, dec(v));
            return end;
        }
        // List numbering: `1)` at the start of a paragraph or sentence, or after `;`.
        if t.len() <= 2 && self.is_punct(i + 1, ")") && self.glued(i + 1) {
            let at_start = t.gap == Gap::Break
                || (i > 0 && self.is_punct(i - 1, ";:.!?"))
                || (i > 0 && self.toks[i - 1].gap == Gap::Break && self.is_punct(i - 1, "("));
            if at_start {
                self.noise(i, i + 2, Kind::ListNumber, dec(v));
                return i + 2;
            }
        }
        if t.gap == Gap::Break && t.len() <= 2 && self.is_punct(i + 1, ".") && self.glued(i + 1) {
            let next_upper = self.tok(i + 2).is_some_and(|n| {
                n.gap != Gap::None && self.s(i + 2).starts_with(char::is_uppercase)
            });
            if next_upper {
                self.noise(i, i + 2, Kind::ListNumber, dec(v));
                return i + 2;
            }
        }
        self.number_at(i, i, None)
    }

    /// `15.03.2023`, `15/03/2023`, `2023-03-15`: end of the date starting at `i`.
    fn numeric_date(&self, i: usize) -> Option<usize> {
        let lens: Vec<usize> = (0..5)
            .map(|k| {
                let t = self.tok(i + k);
                match t {
                    Some(t) if k == 0 || t.gap == Gap::None => t.len(),
                    _ => 0,
                }
            })
            .collect();
        let sep_ok = |k: usize, seps: &str| self.is_punct(i + k, seps) && self.glued(i + k);
        let dig = |k: usize| self.is_kind(i + k, TokKind::Digits) && (k == 0 || self.glued(i + k));
        if dig(0) && dig(2) && dig(4) && !self.glued_continues(i + 5) {
            let day_first = lens[0] <= 2 && lens[2] <= 2 && (lens[4] == 4 || lens[4] == 2);
            let iso = lens[0] == 4 && lens[2] == 2 && lens[4] == 2;
            let same_sep = self.tok(i + 1).map(|t| &self.text[t.range()])
                == self.tok(i + 3).map(|t| &self.text[t.range()]);
            if same_sep
                && ((day_first && sep_ok(1, "./") && sep_ok(3, "./"))
                    || (iso && sep_ok(1, "-") && sep_ok(3, "-")))
            {
                return Some(i + 5);
            }
        }
        None
    }

    /// End of a range `a-b` starting at digits `i` (hyphen or dash glued on both sides).
    fn range_end(&self, i: usize) -> Option<usize> {
        let lit = parse_literal(self.text, &self.toks, i, self.lang)?;
        let j = lit.end;
        if self.is_punct(j, "-–—")
            && self.glued(j)
            && self.is_kind(j + 1, TokKind::Digits)
            && self.glued(j + 1)
        {
            let second = parse_literal(self.text, &self.toks, j + 1, self.lang)?;
            return Some(second.end);
        }
        None
    }

    /// A number whose first digits are token `i`; `start` is where the mention starts
    /// (a minus sign or a currency before it), `prefix_unit` a currency read there.
    fn number_at(&mut self, i: usize, start: usize, prefix_unit: Option<usize>) -> usize {
        let Some(lit) = parse_literal(self.text, &self.toks, i, self.lang) else {
            let end = self.identifier_end(i);
            let v = self.digits_value(i).unwrap_or(0);
            self.noise(i, end, Kind::Identifier, dec(v));
            return end;
        };
        let negative = start < i && self.is_punct(start, "-−");
        let value = if negative { -lit.value } else { lit.value };
        let j = lit.end;
        // Ranges: `2019-2021`, `10–15`.
        if self.is_punct(j, "-–—")
            && self.glued(j)
            && self.is_kind(j + 1, TokKind::Digits)
            && self.glued(j + 1)
        {
            if let Some(second) = parse_literal(self.text, &self.toks, j + 1, self.lang) {
                if !self.glued_continues(second.end) && !self.is_punct(second.end, "-–/") {
                    self.noise(start, second.end, Kind::Range, value);
                    return second.end;
                }
            }
            let end = self.identifier_end(i);
            self.noise(start, end, Kind::Identifier, value);
            return end;
        }
        // Other glued continuations: `2+2`, `24/7`, `1.2.3`, `3D`, `105e`, `5km`.
        if self.is_punct(j, "+/.#_") && self.glued(j) && self.glued_continues(j + 1) {
            let end = self.identifier_end(i);
            self.noise(start, end, Kind::Identifier, value);
            return end;
        }
        if self.is_kind(j, TokKind::Word) && self.glued(j) {
            let suffix_is_quantity = matches!(
                self.phrase(j),
                Some((
                    Term::Scale(_) | Term::Unit(_) | Term::Percent | Term::Point,
                    _
                ))
            ) || (self.lang == Lang::En && self.s(j) == "x");
            if !suffix_is_quantity {
                if lit.decimals == 0
                    && !lit.grouped
                    && self.word_in(j, |l| &l.ordinal_suffixes)
                    && !self.glued_continues(j + 1)
                {
                    // `1er janvier 2024` is a date; `105e` an ordinal.
                    if let Some((Term::Month, used)) = self.phrase(j + 1) {
                        let m = j + 1 + used;
                        if self.near(m) && self.is_year_token(m) {
                            self.noise(start, m + 1, Kind::Date, value);
                            return m + 1;
                        }
                        self.noise(start, m, Kind::Date, value);
                        return m;
                    }
                    self.noise(start, j + 1, Kind::Ordinal, value);
                    return j + 1;
                }
                let end = self.identifier_end(i);
                self.noise(start, end, Kind::Identifier, value);
                return end;
            }
            if self.s(j) == "x" {
                let q = self.qualifier_before(start);
                let step = Decimal::new(1, lit.decimals);
                self.push(
                    start,
                    j + 1,
                    Kind::Multiplier,
                    value,
                    Some("x".into()),
                    Decimal::ONE,
                    step / dec(2),
                    q,
                );
                return j + 1;
            }
        }
        // `15 mars 2023`, `1 January 2024`.
        if lit.decimals == 0
            && !lit.grouped
            && (1..=31).contains(&self.digits_value(i).unwrap_or(0))
            && self.near(j)
        {
            if let Some((Term::Month, used)) = self.phrase(j) {
                let m = j + used;
                let end = if self.near(m) && self.is_year_token(m) {
                    m + 1
                } else {
                    m
                };
                self.noise(start, end, Kind::Date, value);
                return end;
            }
        }
        self.suffixes(Core {
            start,
            number_start: i,
            end: j,
            value,
            step: Decimal::new(1, lit.decimals),
            integer: lit.decimals == 0,
            spelled: false,
            ambiguous: false,
            approximate: false,
            prefix_unit,
            grouped: lit.grouped,
        })
    }

    // ------------------------------------------------------------ suffixes

    /// Read scale, half, percent, multiplier, unit or noun after a core, then classify.
    fn suffixes(&mut self, c: Core) -> usize {
        let mut j = c.end;
        let mut scale = Decimal::ONE;
        let mut value = c.value;
        let mut step = c.step;
        let mut integer = c.integer;
        let mut kind: Option<Kind> = None;
        let mut unit: Option<String> = None;
        let mut counted_unit = false;
        let mut bridgeable = c.approximate;
        // Scale words (possibly two: `mille milliards` is one term).
        if self.near(j) {
            if let Some((Term::Scale(f), used)) = self.phrase(j) {
                scale = f;
                j += used;
                bridgeable = true;
            }
        }
        // `deux millions et demi`
        if self.near(j) {
            if let Some((Term::Half, used)) = self.phrase(j) {
                value += step / dec(2);
                step /= dec(2);
                integer = false;
                j += used;
            }
        }
        if let Some(u) = c.prefix_unit {
            let unit_def = &self.units.units[u];
            kind = Some(Kind::Amount);
            unit = Some(unit_def.code.clone());
        } else if self.near(j) {
            match self.phrase(j) {
                Some((Term::Percent, used)) => {
                    kind = Some(Kind::Percent);
                    unit = Some("%".into());
                    j += used;
                }
                // `9 420 MDT`: millions of dinars in one word.
                Some((Term::ScaledUnit(f, u), used)) if scale == Decimal::ONE => {
                    scale = f;
                    kind = Some(Kind::Amount);
                    unit = Some(self.units.units[u].code.clone());
                    j += used;
                }
                Some((Term::Point, used)) => {
                    kind = Some(Kind::PercentagePoint);
                    unit = Some("pp".into());
                    j += used;
                }
                Some((Term::MultiplierAfter, used)) => {
                    kind = Some(Kind::Multiplier);
                    unit = Some("x".into());
                    j += used;
                    if self.near(j) {
                        if let Some((Term::Half, used)) = self.phrase(j) {
                            value += step / dec(2);
                            step /= dec(2);
                            integer = false;
                            j += used;
                        }
                    }
                }
                _ => {}
            }
        }
        // `-fold` glued
        if kind.is_none() && self.is_punct(j, "-") && self.glued(j) {
            if let Some((Term::MultiplierAfter, used)) = self.phrase(j) {
                kind = Some(Kind::Multiplier);
                unit = Some("x".into());
                j += used;
            }
        }
        // Calendar parts: `neuf premiers mois`, `the last 3 quarters`.
        if kind.is_none() && self.near(j) {
            let rank_before = c.number_start > 0
                && matches!(self.phrase(c.number_start - 1), Some((Term::Rank, 1)));
            let p = match self.phrase(j) {
                Some((Term::Rank, used)) => Some(j + used),
                _ if rank_before => Some(j),
                _ => None,
            };
            if let Some(p) = p.filter(|&p| self.near(p)) {
                let period = match self.phrase(p) {
                    Some((Term::Period, n)) => Some(n),
                    Some((Term::Unit(u), n))
                        if matches!(
                            self.units.units[u].code.as_str(),
                            "months" | "years" | "days"
                        ) =>
                    {
                        Some(n)
                    }
                    _ => None,
                };
                if let Some(n) = period {
                    self.noise(c.number_start, p + n, Kind::Date, c.value);
                    return p + n;
                }
            }
        }
        // Unit or counted noun.
        if kind.is_none() && self.near(j) {
            if let Some((end, u, known)) = self.unit_or_noun(j, bridgeable, c) {
                match u {
                    NounUnit::Known(id) => {
                        let def = &self.units.units[id];
                        kind = Some(match def.kind {
                            UnitKind::Count => Kind::Count,
                            _ => Kind::Amount,
                        });
                        unit = Some(def.code.clone());
                        counted_unit = def.kind == UnitKind::Count;
                    }
                    NounUnit::Noun(n) => {
                        kind = Some(Kind::Count);
                        unit = Some(n);
                        counted_unit = true;
                    }
                }
                let _ = known;
                j = end;
            }
        }
        let before = self.before_number(c.number_start.min(c.start));
        // Noise: years.
        let plain_four = !c.spelled
            && !c.grouped
            && c.integer
            && c.value.scale() == 0
            && self.toks[c.number_start].len() == 4
            && c.prefix_unit.is_none()
            && c.start == c.number_start
            && scale == Decimal::ONE;
        if plain_four {
            let y = c.value.mantissa();
            let unknown_noun = matches!(kind, Some(Kind::Count)) && !self.known_count(&unit);
            if YEARS.contains(&(y as i64)) && (kind.is_none() || unknown_noun) && !before.multiplier
            {
                self.noise(c.start, c.end, Kind::Year, c.value);
                return c.end;
            }
        }
        if before.multiplier && matches!(kind, None | Some(Kind::Multiplier)) {
            kind = Some(Kind::Multiplier);
            unit = Some("x".into());
        }
        if kind.is_none() {
            if let Some(noun) = self.number_of_noun() {
                kind = Some(Kind::Count);
                unit = Some(noun);
            }
        }
        let kind = match kind {
            Some(k) => k,
            None => {
                if c.spelled && scale == Decimal::ONE && !c.approximate {
                    // A spelled-out number with nothing to count is too weak a figure.
                    return c.end;
                }
                Kind::Number
            }
        };
        if c.ambiguous && !counted_unit && kind != Kind::Amount {
            return c.end;
        }
        let Some(value) = value.checked_mul(scale) else {
            return j;
        };
        let mut qualifier = before.qualifier;
        let precision = if c.approximate {
            if qualifier == Qualifier::None {
                qualifier = Qualifier::About;
            }
            Decimal::ZERO
        } else if integer && scale == Decimal::ONE && matches!(kind, Kind::Count | Kind::Number) {
            Decimal::ZERO
        } else {
            (step / dec(2)).checked_mul(scale).unwrap_or(Decimal::ZERO)
        };
        self.push(
            c.start,
            j,
            kind,
            value.normalize(),
            unit,
            scale,
            precision.normalize(),
            qualifier,
        );
        j
    }

    fn known_count(&self, unit: &Option<String>) -> bool {
        unit.as_deref().is_some_and(|u| {
            self.units
                .units
                .iter()
                .any(|d| d.code == u && d.kind == UnitKind::Count)
        })
    }

    /// The unit or noun a number counts, from token `j`: `dollars`, `de dollars` after a
    /// scale, `nouvelles entreprises`, or an unknown lowercase noun.
    fn unit_or_noun(
        &mut self,
        mut j: usize,
        bridgeable: bool,
        c: Core,
    ) -> Option<(usize, NounUnit, bool)> {
        let mut bridged = false;
        if bridgeable && self.word_in(j, |l| &l.bridges) {
            let mut k = j + 1;
            if self.is_punct(k, "'’") && self.glued(k) {
                k += 1;
            }
            if self.near(k) || self.glued(k) {
                j = k;
                bridged = true;
            }
        }
        // Up to two adjectives between number and noun.
        let mut k = j;
        for _ in 0..3 {
            if let Some((Term::Unit(u), used)) = self.phrase(k) {
                return Some((k + used, NounUnit::Known(u), true));
            }
            if self.word_in(k, |l| &l.adjectives) && self.near(k + 1) {
                k += 1;
                continue;
            }
            if self.adjective_by_ending(k) {
                k += 1;
                continue;
            }
            break;
        }
        // An unknown noun: a lowercase word that is no function word.
        let t = self.tok(k)?;
        if t.kind != TokKind::Word || !(k == j || self.near(k)) {
            return None;
        }
        let s = self.s(k);
        if !s.starts_with(|ch: char| ch.is_lowercase()) || s.chars().count() < 3 {
            return None;
        }
        if self.glued_continues(k + 1) || self.is_punct(k + 1, "'’") {
            return None;
        }
        let lex = self.lex;
        let w = self.lower(k).to_string();
        if lex.stop_words.contains(&w)
            || lex.number_words.contains_key(&w)
            || lex.adjectives.contains(&w)
            || (bridged && lex.value_nouns.contains(&w))
        {
            return None;
        }
        if self.phrase(k).is_some() {
            return None;
        }
        let _ = c;
        Some((k + 1, NounUnit::Noun(singular(&w)), false))
    }

    /// A lowercase word with an adjective ending (`interregional`), followed closely by
    /// another lowercase word that can be the noun (`agreements`).
    fn adjective_by_ending(&mut self, k: usize) -> bool {
        if self.lex.adjective_suffixes.is_empty() || !self.near(k + 1) {
            return false;
        }
        let (Some(t), Some(n)) = (self.tok(k), self.tok(k + 1)) else {
            return false;
        };
        if t.kind != TokKind::Word || n.kind != TokKind::Word {
            return false;
        }
        let next = self.s(k + 1);
        if !next.starts_with(|ch: char| ch.is_lowercase()) || next.chars().count() < 3 {
            return false;
        }
        let lex = self.lex;
        let w = self.lower(k);
        if lex.stop_words.contains(w) || w.chars().count() < 5 {
            return false;
        }
        lex.adjective_suffixes
            .iter()
            .any(|suf| w.ends_with(suf.as_str()))
    }

    // ------------------------------------------------------------ backwards

    /// Qualifier and `multiplié par` written just before token `i`.
    fn before_number(&mut self, i: usize) -> Before {
        self.words_before(i);
        let mut out = Before {
            qualifier: Qualifier::None,
            multiplier: false,
        };
        // Nearest first: a qualifier (`au moins`), then `multiplié par` before it.
        let mut from = 0;
        if let Some((Term::Qualifier(q), end)) =
            self.phrase_before(from, |t| matches!(t, Term::Qualifier(_)))
        {
            // "8,9 % more than the $23.8 billion", "2.5 times more than": a comparison
            // after another figure, not a bound on this one.
            let (text, words) = &self.before;
            let after_figure = match words.get(end) {
                None => self.before_figure,
                Some(w) => matches!(
                    self.lex.phrase(&text[w.clone()]),
                    Some(Term::MultiplierAfter | Term::Percent)
                ),
            };
            if !after_figure {
                out.qualifier = q;
            }
            from = end;
        }
        out.multiplier = self
            .phrase_before(from, |t| t == Term::MultiplierBefore)
            .is_some();
        out
    }

    /// The first phrase accepted by `want` among the words before the number from the
    /// `from`-th (nearest first, read backwards), allowing a few filler words (`les`,
    /// `the`) before it; returns the term and the index just past its farthest word.
    fn phrase_before(&self, from: usize, want: impl Fn(Term) -> bool) -> Option<(Term, usize)> {
        let (text, words) = &self.before;
        let word = |k: usize| &text[words[k].clone()];
        let mut key = String::new();
        for skip in from..=(from + 3).min(words.len()) {
            if skip > from && !self.lex.fillers.contains(word(skip - 1)) {
                break;
            }
            for n in (1..=4usize.min(words.len() - skip)).rev() {
                key.clear();
                for k in (skip..skip + n).rev() {
                    if !key.is_empty() {
                        key.push(' ');
                    }
                    key.push_str(word(k));
                }
                if let Some(t) = self.lex.phrase(&key) {
                    if want(t) {
                        return Some((t, skip + n));
                    }
                }
            }
        }
        None
    }

    fn qualifier_before(&mut self, i: usize) -> Qualifier {
        self.before_number(i).qualifier
    }

    /// "the number of active industrial enterprises was 4,812", "le nombre d'adhérents
    /// s'élève à 1 240": the noun after "number of / nombre de" in the words before the
    /// number (read by `words_before`), as the unit of a count. A known count unit among
    /// the words after "of" wins ("enterprises" is `companies`); else the word right after
    /// "of", when it is no function word.
    fn number_of_noun(&self) -> Option<String> {
        let (text, words) = &self.before;
        let word = |k: usize| &text[words[k].clone()];
        let k = (1..words.len()).find(|&k| {
            matches!(word(k), "number" | "nombre") && matches!(word(k - 1), "of" | "de" | "d")
        })?;
        let lex = self.lex;
        for i in (0..k - 1).rev() {
            if let Some(Term::Unit(id)) = lex.phrase(word(i)) {
                let def = &self.units.units[id];
                if def.kind == UnitKind::Count {
                    return Some(def.code.clone());
                }
            }
        }
        let noun = word(k.checked_sub(2)?);
        let function = lex.stop_words.contains(noun)
            || lex.adjectives.contains(noun)
            || lex.number_words.contains_key(noun)
            || noun.chars().count() < 3;
        (!function).then(|| singular(noun))
    }

    /// Up to eight normalised words before token `i`, nearest first, stopping at sentence
    /// punctuation and paragraph breaks: written into `self.before` (text and ranges,
    /// reused from one number to the next).
    fn words_before(&mut self, i: usize) {
        let (text, ranges) = &mut self.before;
        text.clear();
        ranges.clear();
        let mut j = i;
        let mut elided = false;
        self.before_figure = false;
        while j > 0 && ranges.len() < 8 {
            if self.toks[j].gap == Gap::Break {
                break;
            }
            j -= 1;
            let t = self.toks[j];
            let s = &self.text[t.range()];
            let from = text.len();
            match t.kind {
                TokKind::Word => {
                    push_lower(text, s);
                    if elided && !text.ends_with('e') {
                        text.push('e');
                    }
                    elided = false;
                }
                TokKind::Punct if matches!(s, "'" | "’" | "ʼ") => {
                    elided = true;
                    continue;
                }
                TokKind::Punct if matches!(s, "~" | "≈" | "-") => text.push_str(s),
                _ => {
                    self.before_figure = t.kind == TokKind::Digits || s == "%";
                    break;
                }
            }
            ranges.push(from..text.len());
        }
    }
}

enum NounUnit {
    Known(usize),
    Noun(String),
}

struct Before {
    qualifier: Qualifier,
    multiplier: bool,
}

/// A simple singular for an unknown counted noun: `gants` → `gant`.
fn singular(w: &str) -> String {
    let n = w.chars().count();
    if n > 3 && (w.ends_with('s') && !w.ends_with("ss") || w.ends_with('x')) {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;
    use std::sync::OnceLock;

    fn lex() -> &'static NumberLexicon {
        static LEX: OnceLock<NumberLexicon> = OnceLock::new();
        LEX.get_or_init(|| NumberLexicon::builtin().expect("valid lexicon"))
    }

    /// (surface, kind, value, unit, qualifier) of every mention.
    fn read(text: &str, lang: Lang) -> Vec<(String, Kind, Decimal, String, Qualifier)> {
        scan(text, lex(), lang)
            .into_iter()
            .map(|f| {
                (
                    text[f.range].to_string(),
                    f.kind,
                    f.value,
                    f.unit.unwrap_or_default(),
                    f.qualifier,
                )
            })
            .collect()
    }

    fn fr(text: &str) -> Vec<(String, Kind, Decimal, String, Qualifier)> {
        read(text, Lang::Fr)
    }

    fn en(text: &str) -> Vec<(String, Kind, Decimal, String, Qualifier)> {
        read(text, Lang::En)
    }

    fn one(
        v: Vec<(String, Kind, Decimal, String, Qualifier)>,
    ) -> (String, Kind, Decimal, String, Qualifier) {
        assert_eq!(v.len(), 1, "expected one mention, got {v:?}");
        v.into_iter().next().unwrap()
    }

    fn claims(v: &[(String, Kind, Decimal, String, Qualifier)]) -> Vec<&str> {
        v.iter()
            .filter(|m| m.1.is_claim())
            .map(|m| m.0.as_str())
            .collect()
    }

    #[test]
    fn scale_words_apply_to_the_value_and_precision() {
        let f = scan("élevé à 301,9 millions de dollars", lex(), Lang::Fr);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].value, dec!(301900000));
        assert_eq!(f[0].precision, dec!(50000));
        assert_eq!(f[0].scale, dec!(1000000));
        let f = scan("plus de 190 millions de dollars", lex(), Lang::Fr);
        assert_eq!(f[0].precision, dec!(500000));
        assert_eq!(f[0].qualifier, Qualifier::MoreThan);
        let m = one(en("revenue of USD 585,1 MILLIONS last year"));
        assert_eq!((m.2, m.3.as_str()), (dec!(585100000), "USD"));
        let m = one(en("exports reached $1.2 bn"));
        assert_eq!((m.0.as_str(), m.2), ("$1.2 bn", dec!(1200000000)));
        let m = one(fr("soit 1,2 milliard de dollars US"));
        assert_eq!((m.2, m.3.as_str()), (dec!(1200000000), "USD"));
        // `M` and `k` are scales only in capital / lower case as written.
        assert_eq!(one(en("a budget of $5M")).2, dec!(5000000));
        assert_eq!(one(en("a track of 5 m")).3, "m");
    }

    #[test]
    fn amounts_have_half_step_precision_and_counts_are_exact() {
        let f = scan("312 tonnes de sucre et 60 emplois", lex(), Lang::Fr);
        assert_eq!((f[0].kind, f[0].precision), (Kind::Amount, dec!(0.5)));
        assert_eq!((f[1].kind, f[1].precision), (Kind::Count, dec!(0)));
        let f = scan("une hausse de 7,8 %", lex(), Lang::Fr);
        assert_eq!(f[0].precision, dec!(0.05));
    }

    #[test]
    fn count_nouns_may_follow_adjectives_and_unknown_nouns_are_units() {
        let m = one(fr("30 nouvelles entreprises se sont installées"));
        assert_eq!(
            (m.0.as_str(), m.1, m.3.as_str()),
            ("30 nouvelles entreprises", Kind::Count, "companies")
        );
        assert_eq!(one(fr("Sept grandes infrastructures")).2, dec!(7));
        let m = one(fr("200 millions de gants"));
        assert_eq!(
            (m.1, m.2, m.3.as_str()),
            (Kind::Count, dec!(200000000), "gant")
        );
        let m = one(en("the plant trained 40 engineers"));
        assert_eq!((m.1, m.3.as_str()), (Kind::Count, "engineer"));
        // No noun: a plain number, and a function word is no noun.
        let m = one(fr("et 27 pour le reste"));
        assert_eq!(m.1, Kind::Number);
        // Capitalised words after a number are names, not counted nouns.
        assert_eq!(one(en("in group 12 Minsk leads")).1, Kind::Number);
    }

    #[test]
    fn percentages_and_percentage_points() {
        assert_eq!(one(fr("soit 108,9 % du total")).1, Kind::Percent);
        assert_eq!(one(fr("soit 31% du total")).2, dec!(31));
        assert_eq!(one(fr("cinq pour cent des ventes")).1, Kind::Percent);
        assert_eq!(one(en("31 per cent of sales")).1, Kind::Percent);
        assert_eq!(one(en("31 percent of sales")).0, "31 percent");
        assert_eq!(one(fr("une baisse de 2 p.p.")).1, Kind::PercentagePoint);
        assert_eq!(
            one(fr("de 3 points de pourcentage")).1,
            Kind::PercentagePoint
        );
        assert_eq!(one(en("by 3 percentage points")).1, Kind::PercentagePoint);
        // Points of sale are not percentage points.
        assert_ne!(one(fr("ouvert 3 points de vente")).1, Kind::PercentagePoint);
    }

    #[test]
    fn multipliers_and_growth_words() {
        let m = one(fr("les ventes ont été multipliées par 2,5 en un an"));
        assert_eq!((m.1, m.2), (Kind::Multiplier, dec!(2.5)));
        assert_eq!(one(fr("soit 2,5 fois plus")).1, Kind::Multiplier);
        assert_eq!(one(fr("deux fois plus de tracteurs")).2, dec!(2));
        assert_eq!(one(fr("près de deux fois et demie")).2, dec!(2.5));
        assert_eq!(one(fr("la production a doublé")).2, dec!(2));
        assert_eq!(one(fr("les livraisons ont triplé")).2, dec!(3));
        assert_eq!(one(en("exports doubled")).2, dec!(2));
        assert_eq!(one(en("debt was halved")).2, dec!(0.5));
        assert_eq!(one(en("sales grew twice as fast")).2, dec!(2));
        assert_eq!(one(en("a threefold rise")).2, dec!(3));
        assert_eq!(one(en("output x3 since")).2, dec!(3));
        assert_eq!(one(en("output ×3 since")).2, dec!(3));
        assert_eq!(one(fr("un cinquième des ventes")).2, dec!(0.2));
        assert_eq!(one(fr("la moitié des ventes")).2, dec!(0.5));
        assert_eq!(one(fr("les deux tiers des ventes")).1, Kind::Multiplier);
        assert_eq!(one(en("two-thirds of sales")).1, Kind::Multiplier);
        assert_eq!(one(en("a quarter of sales")).2, dec!(0.25));
        assert_eq!(one(fr("multiplié par au moins 2,5")).1, Kind::Multiplier);
        // An adjective `double` and a `first half` are no factors.
        assert!(fr("un double diplôme").is_empty());
        assert!(claims(&en("in the first half of 2023")).is_empty());
        assert!(fr("les pays tiers").is_empty());
        // `une fois` is once, not a factor.
        assert!(fr("une fois de plus").is_empty());
    }

    #[test]
    fn spelled_numbers() {
        let m = one(fr("Soixante nouveaux emplois y seront créés"));
        assert_eq!((m.1, m.2, m.3.as_str()), (Kind::Count, dec!(60), "jobs"));
        assert_eq!(one(fr("quatre-vingt-dix entreprises")).2, dec!(90));
        assert_eq!(one(fr("six millions de dollars")).2, dec!(6000000));
        assert_eq!(one(fr("neuf mille tracteurs")).2, dec!(9000));
        assert_eq!(one(en("twenty-five jobs")).2, dec!(25));
        assert_eq!(one(en("twelve people")).2, dec!(12));
        let m = one(en("a dozen firms"));
        assert_eq!((m.2, m.4), (dec!(12), Qualifier::About));
        let m = one(fr("Une centaine d'emplois"));
        assert_eq!(
            (m.0.as_str(), m.2, m.4),
            ("Une centaine d'emplois", dec!(100), Qualifier::About)
        );
        assert_eq!(one(fr("une dizaine de pays")).2, dec!(10));
        assert_eq!(one(fr("un millier de tonnes")).2, dec!(1000));
        assert_eq!(
            one(fr("plus d'un million de dollars")).4,
            Qualifier::MoreThan
        );
        assert_eq!(one(fr("deux millions et demi de dollars")).2, dec!(2500000));
        // Articles and `neuf` (new) alone are not numbers; `des milliers` has no value.
        assert!(fr("un accord et une usine").is_empty());
        assert!(fr("un bâtiment neuf et moderne").is_empty());
        assert!(fr("des milliers de personnes").is_empty());
        assert!(en("one of the firms").is_empty());
        assert_eq!(one(fr("les neuf entreprises")).2, dec!(9));
    }

    #[test]
    fn qualifiers_precede_the_number_and_stay_out_of_the_span() {
        let cases = [
            ("plus de 50 emplois", Qualifier::MoreThan),
            ("a dépassé 190 millions de dollars", Qualifier::MoreThan),
            ("a dépassé les 4 milliards de dollars", Qualifier::MoreThan),
            ("au moins 5 usines", Qualifier::AtLeast),
            ("moins de 20 %", Qualifier::LessThan),
            ("jusqu'à 100 tonnes", Qualifier::AtMost),
            ("près de 40 %", Qualifier::Nearly),
            ("d'environ 12,5 milliards de dollars", Qualifier::About),
            ("quelque 300 personnes", Qualifier::About),
        ];
        for (text, q) in cases {
            let m = one(fr(text));
            assert_eq!(m.4, q, "{text}");
            assert!(
                m.0.starts_with(|c: char| c.is_ascii_digit()),
                "{text}: {}",
                m.0
            );
        }
        let cases = [
            ("more than 50 jobs", Qualifier::MoreThan),
            ("exceeded 190 million dollars", Qualifier::MoreThan),
            ("at least 5 plants", Qualifier::AtLeast),
            ("no less than 5 plants", Qualifier::AtLeast),
            ("less than 20 %", Qualifier::LessThan),
            ("up to 100 tonnes", Qualifier::AtMost),
            ("nearly 40 %", Qualifier::Nearly),
            ("around 300 people", Qualifier::About),
            ("~300 people", Qualifier::About),
        ];
        for (text, q) in cases {
            assert_eq!(one(en(text)).4, q, "{text}");
        }
        // `plus` alone is no qualifier.
        assert_eq!(one(fr("en plus des 5 usines")).4, Qualifier::None);
    }

    #[test]
    fn years_dates_and_ranges_are_noise() {
        assert_eq!(one(fr("en 2023 la production")).1, Kind::Year);
        assert_eq!(one(en("in 2021 exports rose")).1, Kind::Year);
        assert_eq!(one(en("the 2023 year")).1, Kind::Year);
        // A year-like number with a known unit is a figure.
        assert_eq!(one(fr("2000 tonnes de lait")).1, Kind::Amount);
        assert_eq!(one(fr("1 900 entreprises")).1, Kind::Count);
        // A year followed by a number: two numbers, never 2021300.
        let v = fr("en 2021 300 entreprises");
        assert_eq!(v[0].1, Kind::Year);
        assert_eq!((v[1].1, v[1].2), (Kind::Count, dec!(300)));
        assert_eq!(one(fr("le 1er janvier 2024")).1, Kind::Date);
        assert_eq!(one(fr("en décembre 2023")).1, Kind::Date);
        assert_eq!(one(fr("le 15.03.2023")).1, Kind::Date);
        assert_eq!(one(en("on January 1, 2024")).1, Kind::Date);
        assert_eq!(one(en("on 2023-03-15")).1, Kind::Date);
        assert_eq!(one(fr("pour 2024-2025")).1, Kind::Range);
        assert_eq!(one(fr("au cours des neuf premiers mois")).1, Kind::Date);
        assert_eq!(one(en("over the last 3 quarters")).1, Kind::Date);
    }

    #[test]
    fn ordinals_identifiers_citations_and_lists_are_noise() {
        for (text, kind) in [
            ("au 105e rang", Kind::Ordinal),
            ("le 7e forum", Kind::Ordinal),
            ("the 3rd plant", Kind::Ordinal),
            ("the 21st century", Kind::Ordinal),
            ("le tracteur BELARUS-152", Kind::Identifier),
            ("un camion MAZ-6430", Kind::Identifier),
            ("un Airbus A380", Kind::Identifier),
            ("la norme ISO 9001", Kind::Identifier),
            ("la COVID-19", Kind::Identifier),
            ("le G20", Kind::Identifier),
            ("l'usine n° 12", Kind::Identifier),
            ("une imprimante 3D", Kind::Identifier),
            ("le programme 2+2", Kind::Identifier),
            ("Rapport annuel. C. 51", Kind::Citation),
            ("voir p. 12", Kind::Citation),
            ("see pp. 3-5", Kind::Citation),
            ("les ventes.12 Puis", Kind::FootnoteMarker),
        ] {
            let v = read(text, Lang::Fr);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(v[0].1, kind, "{text}");
        }
        let v = fr("1) la production ; 2) les ventes");
        assert!(v.iter().all(|m| m.1 == Kind::ListNumber), "{v:?}");
        assert_eq!(v.len(), 2);
        // A number in parentheses mid-sentence is not a list number.
        assert_ne!(one(fr("les usines (12) ont")).1, Kind::ListNumber);
    }

    #[test]
    fn the_first_bound_of_a_pair_shares_the_unit() {
        let v = fr("entre 5 et 7 % des ventes");
        assert_eq!((v[0].1, v[0].2), (Kind::Percent, dec!(5)));
        let v = en("between 3 and 4.5 million dollars");
        assert_eq!(
            (v[0].1, v[0].2, v[0].3.as_str()),
            (Kind::Amount, dec!(3000000), "USD")
        );
        let f = scan("de 2 à 3 millions de dollars", lex(), Lang::Fr);
        assert_eq!(f[0].precision, dec!(500000));
        // Not across other words: `5 usines et 7 %` keeps its own units.
        let v = fr("les 5 sites pour 7 %");
        assert_eq!(v[0].1, Kind::Count);
        let v = fr("en 5 ans, 7 %");
        assert_eq!(v[0].3, "years");
        // The thousands written once: `70 à 75 000 tonnes` is 70 000 to 75 000.
        let v = fr("environ 70 à 75 000 tonnes par an");
        assert_eq!((v[0].1, v[0].2), (Kind::Amount, dec!(70000)));
        assert_eq!(fr("de 55 et 130 tonnes")[0].2, dec!(55));
    }

    #[test]
    fn grouping_and_signs() {
        assert_eq!(one(fr("soit 1 300 têtes")).2, dec!(1300));
        assert_eq!(one(fr("soit 1\u{a0}300 têtes")).2, dec!(1300));
        assert_eq!(one(fr("soit 1\u{202f}300 têtes")).2, dec!(1300));
        assert_eq!(one(fr("soit 24 000 tonnes")).2, dec!(24000));
        assert_eq!(one(en("some 1,300.5 tonnes")).2, dec!(1300.5));
        assert_eq!(one(fr("soit 1.300,5 tonnes")).2, dec!(1300.5));
        assert_eq!(one(en("a rate of 0.75 %")).2, dec!(0.75));
        assert_eq!(one(fr("un solde de -3,5 %")).2, dec!(-3.5));
        assert_eq!(one(fr("un solde de −3,5 %")).2, dec!(-3.5));
    }

    #[test]
    fn mentions_come_in_text_order_without_overlap() {
        let text = "En 2023, plus de 50 emplois et 1,5 hectare; la production a doublé (x2) pour 12,5 millions d'euros.";
        let f = scan(text, lex(), Lang::Fr);
        for w in f.windows(2) {
            assert!(w[0].range.end <= w[1].range.start);
        }
        assert_eq!(f.len(), 6);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    const VOCAB: &[&str] = &[
        "1",
        "300",
        "2021",
        "12,5",
        "1.300",
        "-",
        "−",
        "%",
        "$",
        "€",
        "x",
        "×",
        "de",
        "d'",
        "un",
        "une",
        "a",
        "the",
        "du",
        "cent",
        "mille",
        "millions",
        "milliard",
        "bn",
        "M",
        "et",
        "demi",
        "fois",
        "plus",
        "moins",
        "environ",
        "neuf",
        "vingt",
        "quatre",
        "dollars",
        "tonnes",
        "entreprises",
        "premiers",
        "mois",
        "janvier",
        "p.",
        "n°",
        "e",
        "er",
        "th",
        "(",
        ")",
        ";",
        ".",
        ",",
        "\n",
        "\n\n",
        "pour",
        "cent",
        "la",
        "moitié",
        "multiplié",
        "par",
        "à",
        "and",
        "twenty",
        "hundred",
        "thousand",
        "dozen",
        "centaine",
        "2+2",
        "A",
    ];

    proptest! {
        /// Sequences of grammar words: no panic, ordered ranges.
        #[test]
        fn grammar_word_soup_never_panics(
            words in prop::collection::vec(prop::sample::select(VOCAB), 0..40),
            glue in prop::collection::vec(any::<bool>(), 40),
            en in any::<bool>(),
        ) {
            let mut s = String::new();
            for (k, w) in words.iter().enumerate() {
                if k > 0 && !glue[k] {
                    s.push(' ');
                }
                s.push_str(w);
            }
            let lex = NumberLexicon::builtin().unwrap();
            let lang = if en { Lang::En } else { Lang::Fr };
            let f = scan(&s, &lex, lang);
            let mut last = 0;
            for m in &f {
                prop_assert!(m.range.start >= last && m.range.start < m.range.end);
                last = m.range.end;
            }
        }

        /// Any text: no panic, ranges on char boundaries, in order, not overlapping.
        #[test]
        fn scanning_never_panics_and_ranges_are_ordered(
            s in "[0-9 a-zA-Zéè,.\\-−'’%$€()\n\u{a0}\u{202f}×/+:;°²]{0,80}",
            en in any::<bool>(),
        ) {
            let lex = NumberLexicon::builtin().unwrap();
            let lang = if en { Lang::En } else { Lang::Fr };
            let f = scan(&s, &lex, lang);
            let mut last = 0;
            for m in &f {
                prop_assert!(m.range.start >= last);
                prop_assert!(m.range.start < m.range.end);
                prop_assert!(s.is_char_boundary(m.range.start) && s.is_char_boundary(m.range.end));
                last = m.range.end;
            }
        }
    }
}

#[cfg(test)]
mod starters {
    use super::*;

    /// Mentions that begin with an article or `x` (the scanner skips other words fast).
    #[test]
    fn mentions_starting_with_articles_or_x_are_read() {
        let lex = NumberLexicon::builtin().unwrap();
        let fr = |t: &str| scan(t, &lex, Lang::Fr);
        let en = |t: &str| scan(t, &lex, Lang::En);
        let f = fr("approchant la barre du milliard de dollars.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].value, Decimal::from(1_000_000_000));
        assert_eq!(
            fr("Un million de dollars")[0].value,
            Decimal::from(1_000_000)
        );
        assert_eq!(en("output x3 since")[0].kind, Kind::Multiplier);
        assert_eq!(en("A dozen firms")[0].value, Decimal::from(12));
        assert_eq!(en("a hundred people")[0].value, Decimal::from(100));
        assert_eq!(en("a million dollars")[0].value, Decimal::from(1_000_000));
    }
}
