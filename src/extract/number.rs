//! Numeric literals written with digits: grouping, decimal marks, their value and the
//! step of their last written digit.
//!
//! Grouping: the first group has 1–3 digits and every later group exactly 3, separated
//! by one space-like character (`1 300`, `1 300 000`), or by `,` in English / `.` when a
//! decimal comma follows (`1,300.5`, `1.300,5`). So `en 2021 300 entreprises` stays two
//! numbers. Decimal mark: `,` in French, `.` in English; `,` followed by anything but
//! exactly three digits is a decimal comma in English too (`12,5`).

use rust_decimal::Decimal;

use super::token::{Gap, Tok, TokKind};
use crate::lang::Lang;

/// A literal read from tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Literal {
    pub value: Decimal,
    /// Digits after the decimal mark (the step of the last digit is 10^-decimals).
    pub decimals: u32,
    /// Index one past the last token of the literal.
    pub end: usize,
    /// Whether digit groups were joined.
    pub grouped: bool,
}

fn is_char(text: &str, t: &Tok, c: char) -> bool {
    t.kind == TokKind::Punct && text[t.range()].starts_with(c) && t.len() == c.len_utf8()
}

fn digits(toks: &[Tok], j: usize, glued: bool) -> Option<usize> {
    let t = toks.get(j)?;
    (t.kind == TokKind::Digits && (!glued || t.gap == Gap::None)).then(|| t.len())
}

/// `sep` followed by exactly three glued digits at token `j`.
fn group_after(text: &str, toks: &[Tok], j: usize, sep: char) -> bool {
    toks.get(j)
        .is_some_and(|t| t.gap == Gap::None && is_char(text, t, sep))
        && digits(toks, j + 1, true) == Some(3)
}

/// Parse the literal whose first digit run is token `i` (which must be `Digits`).
/// Returns `None` when it has more digits than a decimal can hold.
pub fn parse_literal(text: &str, toks: &[Tok], i: usize, lang: Lang) -> Option<Literal> {
    let first = toks[i];
    let mut parts: Vec<(usize, usize)> = vec![(first.start, first.end)];
    let mut j = i + 1;
    let mut grouped = false;
    let mut group_sep: Option<char> = None;
    let mut decimal: Option<(usize, usize)> = None;
    if first.len() <= 3 {
        // Space grouping: one space-like character, then exactly three digits.
        while toks
            .get(j)
            .is_some_and(|t| t.kind == TokKind::Digits && t.gap == Gap::Space && t.len() == 3)
        {
            parts.push((toks[j].start, toks[j].end));
            grouped = true;
            group_sep = Some(' ');
            j += 1;
        }
        if !grouped {
            // Swiss grouping: `22'814`, `1’250’000` (an apostrophe never marks decimals).
            for sep in ['\'', '’'] {
                while group_after(text, toks, j, sep) {
                    parts.push((toks[j + 1].start, toks[j + 1].end));
                    grouped = true;
                    group_sep = Some(sep);
                    j += 2;
                }
                if grouped {
                    break;
                }
            }
        }
        if !grouped {
            // Punctuation grouping.
            let (group, dec) = match lang {
                Lang::En => (',', '.'),
                Lang::Fr => ('.', ','),
            };
            // English `1,300` groups; French `1.300` groups only with a decimal comma
            // or a second group after it (`1.300.000`, `1.300,5`), as does English `1.300,5`.
            let mut k = j;
            let mut groups = Vec::new();
            let mut sep_used = None;
            for sep in [group, dec] {
                k = j;
                groups.clear();
                while group_after(text, toks, k, sep) {
                    groups.push((toks[k + 1].start, toks[k + 1].end));
                    k += 2;
                }
                if !groups.is_empty() {
                    sep_used = Some(sep);
                    break;
                }
            }
            if let Some(sep) = sep_used {
                let other = if sep == ',' { '.' } else { ',' };
                let decimal_follows = toks
                    .get(k)
                    .is_some_and(|t| t.gap == Gap::None && is_char(text, t, other))
                    && digits(toks, k + 1, true).is_some();
                let accept = if sep == ',' {
                    // English grouping comma; a French comma before 3 digits is a
                    // decimal unless a dot decimal follows (`1,300.5`).
                    lang == Lang::En || decimal_follows
                } else {
                    groups.len() >= 2 || decimal_follows
                };
                if accept {
                    parts.extend(groups.iter().copied());
                    grouped = true;
                    group_sep = Some(sep);
                    j = k;
                }
            }
        }
    }
    // Decimal part.
    // Decimal part: after punctuation grouping, the mark is the other separator.
    let dec_marks: &[char] = match group_sep {
        Some(',') => &['.'],
        Some('.') => &[','],
        Some(_) => &['.', ','],
        _ => &[',', '.'],
    };
    if let Some(t) = toks.get(j) {
        if t.gap == Gap::None
            && dec_marks.iter().any(|&c| is_char(text, t, c))
            && digits(toks, j + 1, true).is_some()
        {
            decimal = Some((toks[j + 1].start, toks[j + 1].end));
            j += 2;
        }
    }
    let mut mantissa: i128 = 0;
    let mut n_digits = 0usize;
    let mut push = |s: &str, mantissa: &mut i128| -> Option<()> {
        for b in s.bytes() {
            n_digits += 1;
            if n_digits > 27 {
                return None;
            }
            *mantissa = *mantissa * 10 + i128::from(b - b'0');
        }
        Some(())
    };
    for (a, b) in &parts {
        push(&text[*a..*b], &mut mantissa)?;
    }
    let mut decimals = 0u32;
    if let Some((a, b)) = decimal {
        push(&text[a..b], &mut mantissa)?;
        decimals = (b - a) as u32;
    }
    let value = Decimal::try_from_i128_with_scale(mantissa, decimals).ok()?;
    Some(Literal {
        value,
        decimals,
        end: j,
        grouped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;
    use rust_decimal_macros::dec;

    fn lit(s: &str, lang: Lang) -> (Decimal, u32, String) {
        let toks = tokenize(s);
        let l = parse_literal(s, &toks, 0, lang).unwrap();
        let end = if l.end == 0 { 0 } else { toks[l.end - 1].end };
        (l.value, l.decimals, s[..end].to_string())
    }

    #[test]
    fn space_grouping_takes_exactly_three_digits() {
        assert_eq!(
            lit("1 300 entreprises", Lang::Fr),
            (dec!(1300), 0, "1 300".into())
        );
        assert_eq!(lit("1\u{a0}300", Lang::Fr).0, dec!(1300));
        assert_eq!(lit("1\u{202f}300\u{202f}000", Lang::Fr).0, dec!(1300000));
        assert_eq!(
            lit("24 000,5", Lang::Fr),
            (dec!(24000.5), 1, "24 000,5".into())
        );
        // A four-digit first group is a year, not a group.
        assert_eq!(lit("2021 300 entreprises", Lang::Fr).0, dec!(2021));
        // Two digits after the space are another number.
        assert_eq!(lit("12 30", Lang::Fr).0, dec!(12));
        // Two spaces are not a group separator.
        assert_eq!(lit("12  300", Lang::Fr).0, dec!(12));
    }

    #[test]
    fn decimal_marks_follow_the_language() {
        assert_eq!(lit("12,5 %", Lang::Fr), (dec!(12.5), 1, "12,5".into()));
        assert_eq!(lit("1,300 firms", Lang::En).0, dec!(1300));
        assert_eq!(
            lit("1,300.5", Lang::En),
            (dec!(1300.5), 1, "1,300.5".into())
        );
        assert_eq!(
            lit("12,5 percent", Lang::En),
            (dec!(12.5), 1, "12,5".into())
        );
        assert_eq!(lit("0.75", Lang::Fr), (dec!(0.75), 2, "0.75".into()));
        assert_eq!(
            lit("1.300,5", Lang::Fr),
            (dec!(1300.5), 1, "1.300,5".into())
        );
        assert_eq!(
            lit("1.300,5", Lang::En),
            (dec!(1300.5), 1, "1.300,5".into())
        );
        assert_eq!(lit("1,300", Lang::Fr).0, dec!(1.300));
        assert_eq!(lit("1,300", Lang::Fr).1, 3);
        assert_eq!(lit("1.300.000", Lang::Fr).0, dec!(1300000));
    }

    #[test]
    fn apostrophes_group_digits() {
        assert_eq!(
            lit("22'814 millions", Lang::Fr),
            (dec!(22814), 0, "22'814".into())
        );
        assert_eq!(lit("1’250’000", Lang::Fr).0, dec!(1250000));
        assert_eq!(
            lit("3'456.75 CHF", Lang::En),
            (dec!(3456.75), 2, "3'456.75".into())
        );
        // Two digits after the apostrophe are no group.
        assert_eq!(lit("12'50", Lang::Fr).0, dec!(12));
    }

    #[test]
    fn sentence_punctuation_is_not_a_decimal_mark() {
        assert_eq!(lit("5. Puis", Lang::Fr).0, dec!(5));
        let s = "5, 6";
        let toks = tokenize(s);
        assert_eq!(parse_literal(s, &toks, 0, Lang::Fr).unwrap().end, 1);
    }

    #[test]
    fn too_many_digits_is_not_a_number() {
        let s = "1234567890123456789012345678901234";
        let toks = tokenize(s);
        assert_eq!(parse_literal(s, &toks, 0, Lang::En), None);
    }
}
