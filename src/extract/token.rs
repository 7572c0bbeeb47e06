//! Tokens of the cleaned text: digit runs, words and single punctuation characters,
//! each with the kind of whitespace that precedes it.
//!
//! The number grammar works on tokens rather than characters so that digit grouping
//! (`1 300`), glued suffixes (`105e`, `A380`) and multi-word terms (`points de
//! pourcentage`) are all questions about neighbouring tokens and the gaps between them.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A run of ASCII digits.
    Digits,
    /// A run of letters (and `²`, `³`, which belong to unit words such as `m²`).
    Word,
    /// One character that is neither a letter, a digit nor whitespace.
    Punct,
}

/// Whitespace before a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    /// Glued to the previous token.
    None,
    /// Exactly one space-like character (space, no-break space, narrow no-break space,
    /// thin space): the only gap allowed inside a grouped number.
    Space,
    /// Several blanks or a tab.
    Spaces,
    /// A line or paragraph break, or the start of the text.
    Break,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    pub gap: Gap,
}

impl Tok {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c == '²' || c == '³'
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Split `text` into tokens, in order. Cost is linear in the text.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 4);
    let mut i = 0;
    let mut gap = Gap::Break;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            toks.push(Tok {
                start,
                end: i,
                kind: TokKind::Digits,
                gap,
            });
            gap = Gap::None;
            continue;
        }
        if b.is_ascii_alphabetic() {
            let start = i;
            i = word_end(text, i);
            toks.push(Tok {
                start,
                end: i,
                kind: TokKind::Word,
                gap,
            });
            gap = Gap::None;
            continue;
        }
        if b == b'\n' || b == b'\r' {
            gap = Gap::Break;
            i += 1;
            continue;
        }
        if b == b' ' || b == b'\t' {
            gap = add_blank(gap, b == b' ');
            i += 1;
            continue;
        }
        if b < 0x80 {
            toks.push(Tok {
                start: i,
                end: i + 1,
                kind: TokKind::Punct,
                gap,
            });
            gap = Gap::None;
            i += 1;
            continue;
        }
        // Non-ASCII: decode one char.
        let c = text[i..].chars().next().expect("char boundary");
        let len = c.len_utf8();
        if is_word_char(c) {
            let start = i;
            i = word_end(text, i);
            toks.push(Tok {
                start,
                end: i,
                kind: TokKind::Word,
                gap,
            });
            gap = Gap::None;
        } else if c.is_whitespace() {
            gap = if matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') {
                Gap::Break
            } else {
                add_blank(gap, is_group_space(c))
            };
            i += len;
        } else {
            toks.push(Tok {
                start: i,
                end: i + len,
                kind: TokKind::Punct,
                gap,
            });
            gap = Gap::None;
            i += len;
        }
    }
    toks
}

fn add_blank(gap: Gap, single: bool) -> Gap {
    match gap {
        Gap::None if single => Gap::Space,
        Gap::Break => Gap::Break,
        _ => Gap::Spaces,
    }
}

fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            i += 1;
        } else if b < 0x80 {
            break;
        } else {
            let c = text[i..].chars().next().expect("char boundary");
            if !is_word_char(c) {
                break;
            }
            i += c.len_utf8();
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str) -> Vec<(String, TokKind, Gap)> {
        tokenize(s)
            .iter()
            .map(|t| (s[t.range()].to_string(), t.kind, t.gap))
            .collect()
    }

    #[test]
    fn splits_digits_words_and_punctuation_with_gaps() {
        let t = show("1\u{a0}300,5 m² d'environ\n12");
        assert_eq!(
            t,
            vec![
                ("1".into(), TokKind::Digits, Gap::Break),
                ("300".into(), TokKind::Digits, Gap::Space),
                (",".into(), TokKind::Punct, Gap::None),
                ("5".into(), TokKind::Digits, Gap::None),
                ("m²".into(), TokKind::Word, Gap::Space),
                ("d".into(), TokKind::Word, Gap::Space),
                ("'".into(), TokKind::Punct, Gap::None),
                ("environ".into(), TokKind::Word, Gap::None),
                ("12".into(), TokKind::Digits, Gap::Break),
            ]
        );
    }

    #[test]
    fn double_space_is_not_a_group_separator() {
        let t = show("2021  300");
        assert_eq!(t[1].2, Gap::Spaces);
        let t = show("A380-B");
        assert_eq!(t.len(), 4);
        assert_eq!(t[1], ("380".into(), TokKind::Digits, Gap::None));
    }
}
