//! Dated events: a named event and the month (or day) the text gives it.
//!
//! "En mai 2023, lors du XIe Forum économique international "Innovations. Investissements.
//! Perspectives", …" is a fact with no amount in it: the forum took place in May 2023. A book
//! that tells it in two chapters repeats a fact, and one that gives the 5th meeting of a
//! committee two different months contradicts itself. This module finds, in each sentence,
//! an event noun from the lexicon (`[[event]]` in `rules/metrics.toml`) with the one
//! month-precise date of its sentence, and reads the event's name: the quoted title after
//! the noun, the words of its noun phrase, the capitalised ones among them, and its ordinal
//! ("XIe", "cinquième", "5th"). The rules ([`crate::checks::events`]) compare names.

use std::ops::Range;

use crate::claim::Period;

use super::entity::EntityMention;
use super::period::PeriodMention;
use super::segment::Segments;

/// One dated event of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMention {
    /// Index of the document in the run.
    pub doc: usize,
    /// The date: one month or one day.
    pub date: Period,
    /// The date phrase, in the cleaned text.
    pub date_clean: Range<usize>,
    /// The event's name: from its ordinal (or noun) to the end of its noun phrase or title.
    pub name_clean: Range<usize>,
    /// "XIe forum", "la cinquième réunion", "the 5th meeting".
    pub ordinal: Option<u32>,
    /// Word stems of the quoted title after the noun (empty when there is none).
    pub title: Vec<String>,
    /// Word stems of the whole name (noun phrase and title), stop words left out.
    pub words: Vec<String>,
    /// Stems of the name's capitalised words (proper names, acronyms), first word of the
    /// sentence left out.
    pub proper: Vec<String>,
    /// Ids of the countries, regions and organisations named in the name, sorted
    /// ("la commission mixte biélorusse-turque" → BLR, TUR).
    pub entities: Vec<String>,
    pub paragraph: usize,
    pub sentence: usize,
}

impl EventMention {
    /// Whether the name says which event this is (a title, a proper name or an ordinal),
    /// not only what kind ("a meeting").
    pub fn is_named(&self) -> bool {
        !self.title.is_empty() || !self.proper.is_empty() || self.ordinal.is_some()
    }
}

/// Words a noun phrase may run over before it ends (after the noun).
const PHRASE_WORDS: usize = 12;
/// How far past the noun phrase a quoted title may run (it may hold full stops).
const TITLE_BYTES: usize = 160;
/// How far from the event noun its date may stand.
const DATE_REACH: usize = 240;

/// Dated events of one document, in text order.
pub fn events(
    doc: usize,
    text: &str,
    seg: &Segments,
    periods: &[PeriodMention],
    nouns: &[Range<usize>],
    entities: &[EntityMention],
    paragraph_of: impl Fn(usize) -> usize,
) -> Vec<EventMention> {
    let mut out: Vec<EventMention> = Vec::new();
    let mut last_sentence = None;
    for noun in nouns {
        let Some(si) = seg.sentence_of(noun.start) else {
            continue;
        };
        // One event a sentence: the first noun heads the phrase the others belong to.
        if last_sentence == Some(si) {
            continue;
        }
        let sentence = &seg.sentences[si];
        let Some((date, date_range)) = sole_month_date(periods, sentence) else {
            continue;
        };
        let gap = if date_range.start > noun.end {
            date_range.start - noun.end
        } else {
            noun.start.saturating_sub(date_range.end)
        };
        if gap > DATE_REACH {
            continue;
        }
        last_sentence = Some(si);
        let (ordinal, start) = ordinal_before(text, noun.start, sentence.start);
        let phrase_end = phrase_end(text, noun.end, sentence.end);
        let (title, title_end) = match quoted_title(text, noun.end, phrase_end) {
            Some((t, end)) => (stems(t), end),
            None => (Vec::new(), phrase_end),
        };
        let name_end = title_end.max(phrase_end);
        let name = &text[start..name_end];
        let first_word = first_word_start(text, sentence.start);
        let proper = capitalised_stems(text, start..name_end, first_word, &date_range);
        let lo = entities.partition_point(|e| e.range.start < start);
        let mut named: Vec<String> = entities[lo..]
            .iter()
            .take_while(|e| e.range.start < name_end)
            .map(|e| e.id.clone())
            .collect();
        named.sort();
        named.dedup();
        out.push(EventMention {
            doc,
            date,
            date_clean: date_range,
            name_clean: start..name_end,
            ordinal,
            title,
            words: stems(name),
            proper,
            entities: named,
            paragraph: paragraph_of(noun.start),
            sentence: si,
        });
    }
    out
}

/// The one period of a sentence that is a single month or a single day.
fn sole_month_date(
    periods: &[PeriodMention],
    sentence: &Range<usize>,
) -> Option<(Period, Range<usize>)> {
    let lo = periods.partition_point(|p| p.range.start < sentence.start);
    let mut found: Option<(Period, Range<usize>)> = None;
    for p in &periods[lo..] {
        if p.range.start >= sentence.end {
            break;
        }
        let Some(period) = p.period else { continue };
        let month_precise = period.from.year == period.to.year
            && period.from.month == period.to.month
            && p.relative.is_none();
        if !month_precise {
            continue;
        }
        match &found {
            Some((q, _)) if *q != period => return None,
            Some(_) => {}
            None => found = Some((period, p.range.clone())),
        }
    }
    found
}

/// An ordinal right before the noun, with a few adjectives or names between at most: "le
/// XIe Forum", "la cinquième réunion", "the 5th Belarus–Georgia Business Forum". Returns
/// where the name starts.
fn ordinal_before(text: &str, noun: usize, floor: usize) -> (Option<u32>, usize) {
    let before = &text[floor..noun];
    let mut at = noun;
    for (k, word) in before.split_whitespace().rev().take(4).enumerate() {
        let pos = floor + before[..at - floor].rfind(word).unwrap_or(0);
        at = pos;
        if let Some(n) = ordinal_value(word) {
            return (Some(n), pos);
        }
        // Only adjectives may stand between an ordinal and its noun ("5th annual").
        let letters = word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '–' | '—'));
        if k > 0 && !letters || is_stop(&word.to_lowercase()) {
            break;
        }
    }
    (None, noun)
}

/// The value of an ordinal word: "XIe", "XIème", "5th", "1er", "cinquième", "fifth".
pub fn ordinal_value(word: &str) -> Option<u32> {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    for suffix in ["ème", "eme", "e", "er", "re", "th", "st", "nd", "rd"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if !stem.is_empty() && stem.chars().all(|c| c.is_ascii_digit()) {
                return stem.parse().ok().filter(|&n| n > 0);
            }
            if !stem.is_empty() && word.chars().next().is_some_and(char::is_uppercase) {
                if let Some(n) = roman(stem) {
                    return Some(n);
                }
            }
        }
    }
    let word_value = |w: &str| {
        ORDINAL_WORDS
            .iter()
            .find(|(name, _)| *name == w)
            .map(|(_, n)| *n)
    };
    if let Some(n) = word_value(&w) {
        return Some(n);
    }
    // "twenty-fifth", "vingt-cinquième", "trente et unième" (written "trente-et-unième").
    let (tens, unit) = w.rsplit_once('-')?;
    let tens = tens.strip_suffix("-et").unwrap_or(tens);
    let tens = TENS.iter().find(|(name, _)| *name == tens)?.1;
    let unit = match unit {
        "unième" => 1,
        u => word_value(u).filter(|&n| n < 10)?,
    };
    Some(tens + unit)
}

/// Cardinal tens, for compound ordinals.
const TENS: &[(&str, u32)] = &[
    ("dix", 10),
    ("vingt", 20),
    ("trente", 30),
    ("quarante", 40),
    ("cinquante", 50),
    ("soixante", 60),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("premier", 1),
    ("première", 1),
    ("deuxième", 2),
    ("second", 2),
    ("seconde", 2),
    ("troisième", 3),
    ("quatrième", 4),
    ("cinquième", 5),
    ("sixième", 6),
    ("septième", 7),
    ("huitième", 8),
    ("neuvième", 9),
    ("dixième", 10),
    ("onzième", 11),
    ("douzième", 12),
    ("treizième", 13),
    ("quatorzième", 14),
    ("quinzième", 15),
    ("seizième", 16),
    ("vingtième", 20),
    ("trentième", 30),
    ("quarantième", 40),
    ("cinquantième", 50),
    ("soixantième", 60),
    ("centième", 100),
    ("first", 1),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
];

/// A Roman numeral up to 3999, lower case.
fn roman(s: &str) -> Option<u32> {
    let value = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        'd' => Some(500),
        'm' => Some(1000),
        _ => None,
    };
    let digits: Vec<u32> = s.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, &d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&n| n > d) {
            total -= d as i64;
        } else {
            total += d as i64;
        }
    }
    (total > 0 && total < 4000).then_some(total as u32)
}

/// Where the noun phrase after an event noun ends: a clause break, a relative pronoun or
/// a verb's auxiliary, the sentence's end, or [`PHRASE_WORDS`] words.
pub(super) fn phrase_end(text: &str, from: usize, sentence_end: usize) -> usize {
    let rest = &text[from..sentence_end];
    let mut words = 0;
    let mut in_quote = false;
    for (i, c) in rest.char_indices() {
        match c {
            '"' => in_quote = !in_quote,
            '«' | '“' => in_quote = true,
            '»' | '”' => in_quote = false,
            ',' | ';' | ':' | '(' | ')' | '[' | '.' if !in_quote => return from + i,
            c if c.is_whitespace() => {
                let next = rest[i..].split_whitespace().next().unwrap_or("");
                let lower = next.to_lowercase();
                if ENDS_PHRASE.contains(&lower.as_str()) {
                    return from + i;
                }
                words += 1;
                if words > PHRASE_WORDS && !in_quote {
                    return from + i;
                }
            }
            _ => {}
        }
    }
    sentence_end
}

/// Words after which a noun phrase has ended: relative pronouns, auxiliaries and the
/// verbs events take ("s'est tenue", "was held").
const ENDS_PHRASE: &[&str] = &[
    "qui", "que", "où", "dont", "lequel", "laquelle", "auquel", "auxquels", "s'est", "s’est", "a",
    "ont", "est", "sont", "was", "were", "is", "are", "which", "that", "where", "who", "has",
    "have", "held", "took",
];

/// A quoted title opening between the noun and the phrase's end: its text and where it
/// closes (the title may run on past full stops: "Innoprom. Central Asia").
fn quoted_title(text: &str, from: usize, phrase_end: usize) -> Option<(&str, usize)> {
    let head = &text[from..phrase_end];
    let open = head.find(['"', '«', '“'])?;
    // Only a title right after the noun and its adjectives: "forum "X"", "Forum économique
    // international "X"", not a quotation further on.
    if head[..open].split_whitespace().count() > 4 {
        return None;
    }
    let open_char = head[open..].chars().next()?;
    let body_start = from + open + open_char.len_utf8();
    let limit = text.ceil_char_boundary((body_start + TITLE_BYTES).min(text.len()));
    let body = &text[body_start..limit];
    let close = body.find(['"', '»', '”'])?;
    let title = body[..close].trim();
    (!title.is_empty()).then_some((title, body_start + close + 1))
}

fn first_word_start(text: &str, sentence_start: usize) -> usize {
    let s = &text[sentence_start..];
    sentence_start + s.len() - s.trim_start().len()
}

/// Stems of the capitalised words of a name (not the sentence's first word, not the date).
fn capitalised_stems(
    text: &str,
    range: Range<usize>,
    first_word: usize,
    date: &Range<usize>,
) -> Vec<String> {
    let mut out = Vec::new();
    for (at, word) in words_with_offsets(&text[range.clone()]) {
        let at = range.start + at;
        if at == first_word || (at >= date.start && at < date.end) {
            continue;
        }
        let w = elide(word);
        if w.chars().next().is_some_and(char::is_uppercase)
            && ordinal_value(w).is_none()
            && !is_stop(&w.to_lowercase())
        {
            out.push(stem(w));
        }
    }
    out.sort();
    out.dedup();
    out
}

fn words_with_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

/// "l'exposition" → "exposition".
fn elide(word: &str) -> &str {
    match word.find(['\'', '’']) {
        Some(i) if i <= 2 => &word[i + word[i..].chars().next().map_or(1, char::len_utf8)..],
        _ => word,
    }
}

/// Lower-cased stems of the informative words of a text, in order, without repeats.
pub fn stems(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, word) in words_with_offsets(s) {
        for part in elide(word).split('-') {
            let lower = part.to_lowercase();
            if lower.chars().count() < 3 || is_stop(&lower) || ordinal_value(part).is_some() {
                continue;
            }
            let st = stem(&lower);
            if !out.contains(&st) {
                out.push(st);
            }
        }
    }
    out
}

/// A crude stem: the first six letters, lower case ("investissements" and
/// "investissement" meet, and so do "intergouvernemental" and a misspelt copy of it).
fn stem(word: &str) -> String {
    word.to_lowercase().chars().take(6).collect()
}

fn is_stop(w: &str) -> bool {
    STOP.contains(&w)
}

const STOP: &[&str] = &[
    "de", "du", "des", "la", "le", "les", "un", "une", "et", "en", "entre", "sur", "pour", "avec",
    "au", "aux", "dans", "par", "lors", "cette", "ce", "ces", "son", "sa", "ses", "leur", "leurs",
    "the", "of", "and", "in", "on", "for", "with", "between", "an", "at", "to", "during", "its",
    "their", "this", "that",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<EventMention> {
        let seg = Segments::new(text);
        let periods = super::super::period::scan(text);
        let lex = super::super::ContextLexicon::builtin().unwrap();
        let lang = crate::lang::Lang::detect(text);
        let nouns: Vec<Range<usize>> = lex
            .scan(text, lang)
            .into_iter()
            .filter(|h| h.term.kind == super::super::lexicon::TermKind::Event)
            .map(|h| h.start..h.end)
            .collect();
        let hits = lex.scan(text, lang);
        let entities = super::super::entity::mentions(text, &hits, &lex);
        events(0, text, &seg, &periods, &nouns, &entities, |_| 0)
    }

    #[test]
    fn ordinals_in_both_languages() {
        assert_eq!(ordinal_value("XIe"), Some(11));
        assert_eq!(ordinal_value("XIIème"), Some(12));
        assert_eq!(ordinal_value("5th"), Some(5));
        assert_eq!(ordinal_value("1er"), Some(1));
        assert_eq!(ordinal_value("fiftieth"), Some(50));
        assert_eq!(ordinal_value("twenty-fifth"), Some(25));
        assert_eq!(ordinal_value("vingt-cinquième"), Some(25));
        assert_eq!(ordinal_value("trente-et-unième"), Some(31));
        assert_eq!(ordinal_value("vingt-douzième"), None);
        assert_eq!(ordinal_value("cinquième"), Some(5));
        assert_eq!(ordinal_value("Fifth"), Some(5));
        // A lower-case word that happens to spell a numeral is not one ("vie", "mie").
        assert_eq!(ordinal_value("vie"), None);
        assert_eq!(ordinal_value("forme"), None);
    }

    #[test]
    fn a_titled_forum_with_its_month_fr() {
        let e = read("En mai 2022, lors du VIIe Forum des régions \"Export. Innovations. Logistique\", tenu à Gomel, trois accords ont été signés.");
        assert_eq!(e.len(), 1, "{e:#?}");
        assert_eq!(e[0].ordinal, Some(7));
        assert_eq!(e[0].title, vec!["export", "innova", "logist"]);
        assert_eq!(e[0].date.from.month, 5);
        assert!(e[0].proper.contains(&"forum".to_string()), "{e:#?}");
        assert!(e[0].is_named());
    }

    #[test]
    fn a_meeting_with_its_month_en() {
        let e = read(
            "The third meeting of the Joint Business Council was held in Astana in October 2021.",
        );
        assert_eq!(e.len(), 1, "{e:#?}");
        assert_eq!(e[0].ordinal, Some(3));
        assert!(e[0].words.contains(&"counci".to_string()), "{e:#?}");
        assert!(!e[0].words.contains(&"astana".to_string()), "{e:#?}");
        let e = read(
            "In May 2022, the first meeting of the Belarusian-Turkish joint commission was held.",
        );
        assert_eq!(e[0].entities, vec!["BLR", "TUR"], "{e:#?}");
    }

    #[test]
    fn no_event_without_a_single_month() {
        // A year alone, or two different months: no date to pin the event to.
        assert!(read("In 2021, the forum drew 300 companies.").is_empty());
        assert!(read("The summit, first planned for March 2021, was held in May 2021.").is_empty());
    }
}
