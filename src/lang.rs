//! Document language: detected per file from function words, overridable with `--lang`.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Guess the language of a text by counting frequent function words.
    /// Only the first 64 KiB are read: enough for a vote, cheap on a book.
    pub fn detect(text: &str) -> Lang {
        const FR: &[&str] = &[
            "le",
            "la",
            "les",
            "des",
            "de",
            "du",
            "et",
            "est",
            "en",
            "une",
            "un",
            "dans",
            "pour",
            "par",
            "sur",
            "au",
            "aux",
            "qui",
            "que",
            "a",
            "été",
            "millions",
            "milliards",
        ];
        const EN: &[&str] = &[
            "the", "of", "and", "to", "in", "is", "was", "for", "on", "by", "with", "that", "from",
            "a", "an", "were", "has", "have", "billion",
        ];
        const LONGEST: usize = longest(&[FR, EN]);
        let end = text.floor_char_boundary(64 * 1024);
        let (mut fr, mut en) = (0usize, 0usize);
        for word in text[..end]
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
        {
            let mut count = |w: &str| {
                fr += usize::from(FR.contains(&w));
                en += usize::from(EN.contains(&w));
            };
            // Most words are ASCII: lower-cased on the stack, and those longer than every
            // listed word skipped (ASCII lower-casing keeps the length).
            if word.is_ascii() {
                let mut buf = [0u8; LONGEST];
                let Some(buf) = buf.get_mut(..word.len()) else {
                    continue;
                };
                buf.copy_from_slice(word.as_bytes());
                buf.make_ascii_lowercase();
                count(std::str::from_utf8(buf).unwrap_or_default());
            } else {
                count(&word.to_lowercase());
            }
        }
        if en > fr || (en == fr && number_style(&text[..end]) > 0) {
            Lang::En
        } else {
            Lang::Fr
        }
    }
}

/// How a text writes its numbers, for a text with too few words to tell its language (a
/// table alone): positive when English-style ("1,842", "15.7"), negative when French-style
/// ("1 842", "15,7").
fn number_style(text: &str) -> i64 {
    let b = text.as_bytes();
    let mut score = 0i64;
    for (i, &c) in b.iter().enumerate() {
        if !(c == b',' || c == b'.' || c == b' ') || i == 0 || !b[i - 1].is_ascii_digit() {
            continue;
        }
        let digits = b[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
        let english = match (c, digits) {
            (b',', 3) => 1,
            (b',', 1 | 2) => -1,
            (b'.', 1 | 2) => 1,
            (b' ', 3) => -1,
            _ => 0,
        };
        score += english;
    }
    score
}

/// Bytes of the longest word of the lists.
const fn longest(lists: &[&[&str]]) -> usize {
    let mut max = 0;
    let mut i = 0;
    while i < lists.len() {
        let mut j = 0;
        while j < lists[i].len() {
            if lists[i][j].len() > max {
                max = lists[i][j].len();
            }
            j += 1;
        }
        i += 1;
    }
    max
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Lang, String> {
        match s.to_ascii_lowercase().as_str() {
            "fr" | "french" | "français" => Ok(Lang::Fr),
            "en" | "english" => Ok(Lang::En),
            other => Err(format!(
                "unknown language `{other}` (expected `fr` or `en`)"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_french_and_english() {
        assert_eq!(
            Lang::detect("Le chiffre d'affaires s'est élevé à 301,9 millions de dollars en 2021."),
            Lang::Fr
        );
        assert_eq!(
            Lang::detect("The trade turnover with the partner was $1.2 bn in 2021, up 8 %."),
            Lang::En
        );
    }

    #[test]
    fn a_text_without_words_is_told_by_its_numbers() {
        assert_eq!(
            Lang::detect("| A | 2023 |\n| X | 1,842 |\n| Y | +15.7% |"),
            Lang::En
        );
        assert_eq!(
            Lang::detect("| A | 2023 |\n| X | 1 842 |\n| Y | +15,7 % |"),
            Lang::Fr
        );
    }

    #[test]
    fn listed_words_fit_the_ascii_buffer() {
        // `detect` skips ASCII words longer than its buffer.
        assert_eq!(Lang::detect("MILLIARDS milliards the"), Lang::Fr);
        assert_eq!(Lang::detect("Été THE AND"), Lang::En);
    }

    #[test]
    fn parses_codes() {
        assert_eq!("FR".parse::<Lang>(), Ok(Lang::Fr));
        assert!("de".parse::<Lang>().is_err());
    }
}
