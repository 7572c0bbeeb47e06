//! Sentences and clauses of a cleaned text, computed once per document.
//!
//! A sentence ends at `.`, `!`, `?` or `…` followed by a space and a capital, a digit or an
//! opening quote — unless the word before the dot is an abbreviation (`M.`, `p.`, `etc.`,
//! `n°`, an initial) — and always at a paragraph break. Decimal points (`1.5`) never end a
//! sentence because no space follows them. A clause is a stretch of a sentence between
//! commas (not decimal commas), semicolons, colons and parentheses.

use std::ops::Range;

/// Words that a dot follows without ending the sentence (lowercase, without the dot).
/// `etc.` is not one: it ends a sentence when a capital follows, and not otherwise.
const ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "st", "ste", "p", "pp", "c", "s", "inc", "ltd", "co", "corp",
    "n°", "no", "nº", "mln", "mlrd", "mrd", "md", "mds", "bn", "dr", "pr", "prof", "vol", "art",
    "cf", "env", "av", "apr", "j.-c", "ed", "éd", "fig", "tab", "ch", "chap", "mr", "mrs", "ms",
    "vs", "e.g", "i.e", "approx", "jan", "feb", "fév", "févr", "aug", "sept", "oct", "nov", "dec",
    "déc", "t", "r", "u.s", "n",
];

/// Segmentation of one document.
#[derive(Debug, Clone, Default)]
pub struct Segments {
    /// Sentence ranges, sorted, covering the prose.
    pub sentences: Vec<Range<usize>>,
    /// Sorted offsets of clause boundaries (the separator character's offset).
    pub clause_breaks: Vec<usize>,
    /// Parenthesised spans, sorted (outermost only).
    pub parens: Vec<Range<usize>>,
}

impl Segments {
    pub fn new(text: &str) -> Segments {
        let bytes = text.as_bytes();
        let mut sentences = Vec::new();
        let mut clause_breaks = Vec::new();
        let mut parens = Vec::new();
        let mut start = 0;
        let mut depth = 0usize;
        let mut paren_start = 0;
        let mut i = 0;
        while i < bytes.len() {
            // Only ASCII separators and `…` (whose UTF-8 starts with 0xE2) matter: other
            // bytes are stepped over without decoding (in UTF-8, 0xE2 only ever starts a
            // character and an ASCII byte is never inside one).
            if !matches!(
                bytes[i],
                b'\n' | b',' | b';' | b':' | b'(' | b'[' | b')' | b']' | b'.' | b'!' | b'?' | 0xE2
            ) {
                i += 1;
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            // Where reading goes on: after this character, or after the closing quotes
            // and brackets a sentence end takes with it.
            let mut next = i + c.len_utf8();
            match c {
                '\n' if bytes.get(i + 1) == Some(&b'\n') => {
                    push_sentence(text, &mut sentences, start..i);
                    start = i + 2;
                    depth = 0;
                }
                ',' => {
                    let digit_before = i > 0 && bytes[i - 1].is_ascii_digit();
                    let digit_after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                    if !(digit_before && digit_after) {
                        clause_breaks.push(i);
                    }
                }
                ';' | ':' => clause_breaks.push(i),
                '(' | '[' => {
                    clause_breaks.push(i);
                    if depth == 0 {
                        paren_start = i;
                    }
                    depth += 1;
                }
                ')' | ']' => {
                    clause_breaks.push(i);
                    if depth > 0 {
                        depth -= 1;
                        if depth == 0 {
                            parens.push(paren_start..i + 1);
                        }
                    }
                }
                '.' | '!' | '?' | '…' => {
                    let end = i + c.len_utf8();
                    if ends_sentence(text, i, end, c) {
                        // Keep closing quotes and brackets with the sentence they close.
                        let mut stop = end;
                        while let Some(n) = text[stop..].chars().next() {
                            if matches!(n, '"' | '»' | '”' | '’' | ')') {
                                stop += n.len_utf8();
                            } else {
                                break;
                            }
                        }
                        push_sentence(text, &mut sentences, start..stop);
                        start = stop;
                        clause_breaks.push(i);
                        next = stop;
                    }
                }
                _ => {}
            }
            i = next;
        }
        push_sentence(text, &mut sentences, start..text.len());
        Segments {
            sentences,
            clause_breaks,
            parens,
        }
    }

    /// Index of the sentence holding an offset (binary search).
    pub fn sentence_of(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.start <= offset);
        if i == 0 {
            return None;
        }
        let s = &self.sentences[i - 1];
        (offset <= s.end).then_some(i - 1)
    }

    /// Where sentence `i` starts.
    pub fn sentence_start(&self, i: usize) -> Option<usize> {
        self.sentences.get(i).map(|s| s.start)
    }

    /// The clause holding an offset, clipped to its sentence.
    pub fn clause_of(&self, offset: usize, sentence: &Range<usize>) -> Range<usize> {
        let i = self.clause_breaks.partition_point(|&b| b < offset);
        let start = if i > 0 {
            (self.clause_breaks[i - 1] + 1).max(sentence.start)
        } else {
            sentence.start
        };
        let end = self
            .clause_breaks
            .get(i)
            .copied()
            .unwrap_or(sentence.end)
            .min(sentence.end);
        start.min(offset)..end.max(offset)
    }

    /// Whether a clause separator lies between two offsets.
    pub fn break_between(&self, a: usize, b: usize) -> bool {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let i = self.clause_breaks.partition_point(|&x| x < lo);
        self.clause_breaks.get(i).is_some_and(|&x| x < hi)
    }

    /// The parenthesised span holding an offset, if any.
    pub fn paren_of(&self, offset: usize) -> Option<Range<usize>> {
        let i = self.parens.partition_point(|p| p.start <= offset);
        (i > 0 && offset < self.parens[i - 1].end).then(|| self.parens[i - 1].clone())
    }
}

fn push_sentence(text: &str, out: &mut Vec<Range<usize>>, r: Range<usize>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

fn ends_sentence(text: &str, at: usize, end: usize, c: char) -> bool {
    let rest = &text[end..];
    // Skip closing quotes/brackets, then there must be a space.
    let rest_trim = rest.trim_start_matches(['"', '»', '”', '’', ')']);
    if !rest_trim.starts_with([' ', '\n', '\t', '\u{a0}']) && !rest_trim.is_empty() {
        return false;
    }
    let next = rest_trim.trim_start().chars().next();
    let Some(next) = next else {
        return true;
    };
    let starts_new = next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(
            next,
            '"' | '«' | '“' | '‘' | '—' | '–' | '-' | '(' | '[' | '<' | '.'
        );
    if !starts_new {
        return false;
    }
    if c != '.' {
        return true;
    }
    // The word before the dot.
    let before = &text[..at];
    let word_start = before
        .rfind(|ch: char| ch.is_whitespace() || matches!(ch, '(' | '"' | '«' | '['))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = before[word_start..].to_lowercase();
    if word.is_empty() {
        return true;
    }
    if ABBREVIATIONS.contains(&word.as_str()) {
        return false;
    }
    // An initial: "A. Loukachenko", "J.-P."
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    // "498 M$. En 2025" ends a sentence: a currency sign is no part of an initial.
    let initial_like = word
        .chars()
        .all(|c| c.is_alphabetic() || c == '.' || c == '-');
    if letters.len() == 1 && word.chars().count() <= 3 && initial_like && next.is_uppercase() {
        let first_upper = before[word_start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if first_upper {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(t: &str) -> Vec<&str> {
        Segments::new(t)
            .sentences
            .iter()
            .map(|r| &t[r.clone()])
            .collect()
    }

    #[test]
    fn abbreviations_decimals_and_quotes_do_not_split() {
        let t =
            "M. Dupont a cité p. 12 un taux de 1.5 %, etc. pour la Société Alpha Inc. en 2021. \
                 Le volume a atteint 7,8 millions. « Nous exporterons plus », a-t-il dit. Fin.";
        let s = sentences(t);
        assert_eq!(s.len(), 4, "{s:#?}");
        assert!(s[0].ends_with("en 2021."));
        assert_eq!(s[1], "Le volume a atteint 7,8 millions.");
    }

    #[test]
    fn english_sentences_and_initials() {
        let t =
            "Exports rose 8 % in 2021, said J. Smith of Acme Inc. in Paris. The U.S. market grew. \
                 Imports fell.";
        let s = sentences(t);
        assert_eq!(s.len(), 3, "{s:#?}");
        let t = "Les revenus ont atteint 498 M$. En 2025, ils passent à 521 M€. Le reste suit.";
        assert_eq!(sentences(t).len(), 3, "{:#?}", sentences(t));
    }

    #[test]
    fn clauses_and_parentheses() {
        let t = "Le solde a atteint 12,5 millions (croissance de 3,3 %), les importations - 4 millions.";
        let seg = Segments::new(t);
        let s = seg.sentences[0].clone();
        let at = t.find("3,3").unwrap();
        let p = seg.paren_of(at).unwrap();
        assert_eq!(&t[p], "(croissance de 3,3 %)");
        let c = seg.clause_of(t.find("12,5").unwrap(), &s);
        assert_eq!(&t[c], "Le solde a atteint 12,5 millions ");
        assert!(seg.break_between(t.find("12,5").unwrap(), t.find("importations").unwrap()));
        assert!(!seg.break_between(t.find("solde").unwrap(), t.find("12,5").unwrap()));
        assert_eq!(seg.sentence_of(at), Some(0));
    }

    #[test]
    fn paragraphs_always_split() {
        let t = "Premier paragraphe sans point\n\nDeuxième paragraphe.";
        assert_eq!(sentences(t).len(), 2);
    }
}
