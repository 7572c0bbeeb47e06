//! Spelled-out cardinals: `trente`, `soixante-dix`, `quatre-vingt-dix`, `neuf mille`,
//! `vingt et un`, `twenty-five`, `one hundred and five`.
//!
//! Words are read left to right: `cent`/`hundred` multiplies what came before, `mille`/
//! `thousand` closes a group of thousands, other words add. An addition is only taken
//! when it reads as one number (`soixante-dix`, not `deux trois`), and `quatre-vingt`
//! is the French 80. Scale words above a thousand (`millions`) are left to the caller,
//! which applies them to any number, spelled or not.

use super::lexicon::{lower_into, LangLexicon};
use super::token::{Gap, Tok, TokKind};

/// A spelled-out number read from tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spelled {
    pub value: u64,
    pub end: usize,
    /// Number of number words read.
    pub words: usize,
}

fn can_add(current: u64, v: u64) -> bool {
    let r = current % 100;
    r == 0
        || (r.is_multiple_of(10) && r >= 20 && v < 10)
        || ((r == 60 || r == 80) && (10..20).contains(&v))
}

/// Read a spelled-out number starting at word token `i`.
pub fn parse_spelled(text: &str, toks: &[Tok], i: usize, lex: &LangLexicon) -> Option<Spelled> {
    let mut buf = String::new();
    let word_value = |j: usize, buf: &mut String| -> Option<u64> {
        let t = toks.get(j)?;
        if t.kind != TokKind::Word {
            return None;
        }
        lower_into(buf, &text[t.range()]);
        lex.number_words.get(buf.as_str()).copied()
    };
    let first = word_value(i, &mut buf)?;
    let mut total = 0u64;
    let mut current = 0u64;
    let mut words = 0usize;
    let mut prev = 0u64;
    let mut j = i;
    let mut end = i;
    let mut v = first;
    loop {
        // `cent cent` and `mille mille` are not one number; every step is checked.
        if (v == 100 && current >= 100) || (v == 1000 && words > 0 && current == 0) {
            break;
        }
        let step = if v == 100 {
            current.max(1).checked_mul(100).map(|c| (total, c))
        } else if v == 1000 {
            current
                .max(1)
                .checked_mul(1000)
                .and_then(|t| total.checked_add(t))
                .map(|t| (t, 0))
        } else {
            Some((total, current))
        };
        let Some((t, c)) = step else {
            break;
        };
        if v == 100 || v == 1000 {
            (total, current) = (t, c);
        } else if v == 20 && prev == 4 && current % 100 == 4 {
            // quatre-vingt(s) = 80
            current += 76;
        } else if words == 0 || can_add(current, v) {
            current += v;
        } else {
            break;
        }
        words += 1;
        prev = v;
        end = j + 1;
        // What joins the next number word: a glued hyphen, one space, or `et`/`and`.
        let mut k = end;
        match toks.get(k) {
            Some(t)
                if t.kind == TokKind::Punct && t.gap == Gap::None && &text[t.range()] == "-" =>
            {
                k += 1;
                if toks.get(k).is_none_or(|t| t.gap != Gap::None) {
                    break;
                }
            }
            Some(t) if t.kind == TokKind::Word && t.gap <= Gap::Spaces => {
                lower_into(&mut buf, &text[t.range()]);
                if lex.number_joiners.contains(buf.as_str()) {
                    // `vingt et un`, `one hundred and five`: only into a smaller number.
                    let Some(next) = word_value(k + 1, &mut buf) else {
                        break;
                    };
                    let r = current % 100;
                    if !(current > 0 && next < 100 && (r >= 20 || r == 0)) {
                        break;
                    }
                    k += 1;
                }
            }
            _ => break,
        }
        let Some(nv) = word_value(k, &mut buf) else {
            break;
        };
        if toks[k].gap > Gap::Spaces {
            break;
        }
        j = k;
        v = nv;
    }
    Some(Spelled {
        value: total + current,
        end,
        words,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::NumberLexicon;
    use crate::extract::token::tokenize;
    use crate::lang::Lang;

    fn read(s: &str, lang: Lang) -> Option<(u64, String)> {
        let lex = NumberLexicon::builtin().unwrap();
        let toks = tokenize(s);
        let sp = parse_spelled(s, &toks, 0, lex.lang(lang))?;
        Some((sp.value, s[..toks[sp.end - 1].end].to_string()))
    }

    #[test]
    fn french_cardinals() {
        assert_eq!(read("trente ans", Lang::Fr), Some((30, "trente".into())));
        assert_eq!(read("soixante-dix", Lang::Fr).unwrap().0, 70);
        assert_eq!(read("quatre-vingt-dix pays", Lang::Fr).unwrap().0, 90);
        assert_eq!(read("quatre-vingts", Lang::Fr).unwrap().0, 80);
        assert_eq!(read("quatre-vingt-onze", Lang::Fr).unwrap().0, 91);
        assert_eq!(read("vingt et un jours", Lang::Fr).unwrap().0, 21);
        assert_eq!(
            read("neuf mille tracteurs", Lang::Fr),
            Some((9000, "neuf mille".into()))
        );
        assert_eq!(read("deux cent cinquante", Lang::Fr).unwrap().0, 250);
        assert_eq!(read("Sept grandes", Lang::Fr).unwrap().0, 7);
    }

    #[test]
    fn repeated_multipliers_stop_the_number() {
        assert_eq!(read("cent cent cent", Lang::Fr).unwrap().0, 100);
        assert_eq!(read("mille mille", Lang::Fr).unwrap().0, 1000);
        let many = "cent ".repeat(40);
        assert_eq!(read(&many, Lang::Fr).unwrap().0, 100);
        assert_eq!(read("deux cent mille", Lang::Fr).unwrap().0, 200_000);
    }

    #[test]
    fn separate_numbers_are_not_added() {
        assert_eq!(read("deux et trois", Lang::Fr), Some((2, "deux".into())));
        assert_eq!(read("deux trois", Lang::Fr), Some((2, "deux".into())));
        assert_eq!(read("entreprises", Lang::Fr), None);
    }

    #[test]
    fn english_cardinals() {
        assert_eq!(read("twenty-five", Lang::En).unwrap().0, 25);
        assert_eq!(read("one hundred and five", Lang::En).unwrap().0, 105);
        assert_eq!(read("twelve people", Lang::En), Some((12, "twelve".into())));
        assert_eq!(read("three thousand", Lang::En).unwrap().0, 3000);
        assert_eq!(read("two and three", Lang::En).unwrap().0, 2);
    }
}
