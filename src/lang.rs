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
        let end = text.floor_char_boundary(64 * 1024);
        let (mut fr, mut en) = (0usize, 0usize);
        let mut count = |w: &[u8]| {
            fr += usize::from(is_french_word(w));
            en += usize::from(is_english_word(w));
        };
        // The words of `text[..end].split(|c: char| !c.is_alphabetic())`, the empty ones
        // left out, found byte by byte: ASCII bytes are classified without decoding a
        // character.
        let hay = &text[..end];
        let bytes = hay.as_bytes();
        let n = bytes.len();
        // The length of the non-ASCII character at `i` when it is a letter.
        let letter_len = |i: usize| -> Option<usize> {
            let c = hay[i..].chars().next().expect("char boundary");
            c.is_alphabetic().then(|| c.len_utf8())
        };
        let mut i = 0;
        'words: loop {
            // Past what is not a letter.
            loop {
                if i >= n {
                    break 'words;
                }
                match BYTE_CLASS[usize::from(bytes[i])] {
                    SEPARATOR => i += 1,
                    LETTER => break,
                    _ => {
                        let c = hay[i..].chars().next().expect("char boundary");
                        if c.is_alphabetic() {
                            break;
                        }
                        i += c.len_utf8();
                    }
                }
            }
            let start = i;
            let mut ascii = true;
            while i < n {
                match BYTE_CLASS[usize::from(bytes[i])] {
                    SEPARATOR => break,
                    LETTER => i += 1,
                    _ => match letter_len(i) {
                        Some(len) => {
                            ascii = false;
                            i += len;
                        }
                        None => break,
                    },
                }
            }
            let word = &bytes[start..i];
            // Most words are ASCII: lower-cased on the stack, and those longer than every
            // listed word skipped (ASCII lower-casing keeps the length).
            if ascii {
                let mut buf = [0u8; LONGEST];
                if let Some(buf) = buf.get_mut(..word.len()) {
                    buf.copy_from_slice(word);
                    buf.make_ascii_lowercase();
                    count(buf);
                }
            } else {
                count(hay[start..i].to_lowercase().as_bytes());
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

/// [`BYTE_CLASS`]: an ASCII byte that is not a letter.
const SEPARATOR: u8 = 0;
/// [`BYTE_CLASS`]: an ASCII letter.
const LETTER: u8 = 1;
/// [`BYTE_CLASS`]: a byte of a non-ASCII character (decoded to be classified).
const NON_ASCII: u8 = 2;

/// The class of every byte, for the language vote's word scan.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [SEPARATOR; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        t[b] = if !byte.is_ascii() {
            NON_ASCII
        } else if byte.is_ascii_alphabetic() {
            LETTER
        } else {
            SEPARATOR
        };
        b += 1;
    }
    t
};

/// French function words the vote counts (lower case).
fn is_french_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"le" | b"la"
            | b"les"
            | b"des"
            | b"de"
            | b"du"
            | b"et"
            | b"est"
            | b"en"
            | b"une"
            | b"un"
            | b"dans"
            | b"pour"
            | b"par"
            | b"sur"
            | b"au"
            | b"aux"
            | b"qui"
            | b"que"
            | b"a"
            | b"\xc3\xa9t\xc3\xa9" // "été"
            | b"millions"
            | b"milliards"
    )
}

/// English function words the vote counts (lower case).
fn is_english_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"the"
            | b"of"
            | b"and"
            | b"to"
            | b"in"
            | b"is"
            | b"was"
            | b"for"
            | b"on"
            | b"by"
            | b"with"
            | b"that"
            | b"from"
            | b"a"
            | b"an"
            | b"were"
            | b"has"
            | b"have"
            | b"billion"
    )
}

/// Bytes of the longest word [`is_french_word`] and [`is_english_word`] accept.
const LONGEST: usize = "milliards".len();

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
    fn listed_words_fit_the_ascii_buffer() {
        // `detect` skips ASCII words longer than its buffer.
        assert_eq!(Lang::detect("MILLIARDS milliards the"), Lang::Fr);
        assert_eq!(Lang::detect("Été THE AND"), Lang::En);
    }

    /// The vote of the word lists as first written (`split` on non-letters, lists
    /// searched), against which the byte-wise reading is checked.
    fn reference(text: &str) -> Lang {
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
        let end = text.floor_char_boundary(64 * 1024);
        let (mut fr, mut en) = (0usize, 0usize);
        for word in text[..end]
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
        {
            let w = word.to_lowercase();
            fr += usize::from(FR.contains(&w.as_str()));
            en += usize::from(EN.contains(&w.as_str()));
        }
        if en > fr || (en == fr && number_style(&text[..end]) > 0) {
            Lang::En
        } else {
            Lang::Fr
        }
    }

    #[test]
    fn votes_as_the_word_lists_do() {
        let long_en = "the of and ".repeat(30_000);
        let texts = [
            "",
            "The THE the, de la",
            "ÉTÉ été Été the of",
            "İn the In IN in le",
            "milliards\u{a0}billion billion, BILLIONS of",
            "l’été a été d'une année—the 2024 «and» an",
            long_en.as_str(),
        ];
        for t in texts {
            assert_eq!(Lang::detect(t), reference(t), "{t:?}");
        }
    }

    #[test]
    fn parses_codes() {
        assert_eq!("FR".parse::<Lang>(), Ok(Lang::Fr));
        assert!("de".parse::<Lang>().is_err());
    }
}
