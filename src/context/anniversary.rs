//! Anniversaries: a count of years that dates where something began.
//!
//! "En 2023, les deux pays ont célébré le 30e anniversaire de leurs relations
//! diplomatiques" and "In January 2023 Belarus and Uzbekistan mark 30 years of diplomatic
//! relations" both say the relations began in 1993. A text that gives the same relations
//! a 25th anniversary in 2023 elsewhere dates their start to 1998: two values of one fact,
//! though no amount is involved and the two counts (25, 30) are not figures of one metric.
//!
//! This module finds, in each sentence, an ordinal before "anniversaire" / "anniversary",
//! or a number of years ("30 ans de", "30 years of") in a sentence that celebrates or
//! marks it, with what it is the anniversary of (the noun phrase after "de" / "of") and
//! the one year the sentence states. The rules ([`crate::checks::anniversaries`]) compare
//! the start years of anniversaries of one thing.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::entity::EntityMention;
use super::event::{ordinal_value, phrase_end, stems};
use super::period::PeriodMention;
use super::segment::Segments;

/// One anniversary told in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Anniversary {
    /// Index of the document in the run.
    pub doc: usize,
    /// The count of years ("30e anniversaire", "thirtieth anniversary", "30 ans"), in the
    /// cleaned text.
    pub count_clean: Range<usize>,
    /// How many years; 0 for a founding told outright ("established in 1994").
    pub years: u32,
    /// The year the sentence gives the anniversary.
    pub in_year: i32,
    /// What it is the anniversary of, in the cleaned text ("leurs relations diplomatiques").
    pub thing_clean: Range<usize>,
    /// Word stems of that, stop words and numbers left out.
    pub thing: Vec<String>,
    /// Ids of the countries, regions and organisations of the sentence (or, when it names
    /// none, of the nearest sentence before that does: "les deux pays"), the document's
    /// home country left out, sorted.
    pub entities: Vec<String>,
    pub paragraph: usize,
}

impl Anniversary {
    /// The year the thing began: the year of the anniversary less its count.
    pub fn since(&self) -> i32 {
        self.in_year - self.years as i32
    }
}

/// How many sentences back, and over how many paragraph breaks, the countries of an
/// anniversary whose sentence names none are looked for.
const NAMES_BACK: usize = 3;
const NAMES_BACK_PARAGRAPHS: usize = 2;

/// How far from "30 ans de" its celebrating verb may stand.
const CELEBRATE_REACH: usize = 160;

/// "le 30e anniversaire de", "the thirtieth anniversary of": the word before the noun is
/// read with [`ordinal_value`].
fn ordinal_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)((\S+)\s+(?:anniversaire|anniversary))\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|of\s+(?:the\s+)?)",
        )
        .expect("valid anniversary regex")
    })
}

/// "30 ans de", "30 années d'", "30 years of".
fn years_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)(?-u:\b)((\d{1,3})\s+(?:ans|années|years))\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|of\s+(?:the\s+)?)",
        )
        .expect("valid years regex")
    })
}

/// "…, established in 1994", "fondée en 1987", "créé en 2012": the year something began,
/// told outright. It is compared with the anniversaries of the same thing.
fn founded_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)(?:^|[\s,(])((?:established|founded|set\s+up|établie?s?|fondée?s?|créée?s?|nouée?s?)\s+(?:in|en)\s+((?:19|20)\d\d))(?-u:\b)",
        )
        .expect("valid founding regex")
    })
}

/// How far before its founding verb the name of what was founded may start.
const FOUNDED_REACH: usize = 100;

/// Where the name of what was founded starts and ends, before its verb: "Diplomatic
/// relations| between Georgia and Kazakhstan, established in": the noun phrase, without
/// the parties and the apposition's comma.
fn founded_thing(text: &str, sentence: &Range<usize>, verb: usize) -> Range<usize> {
    let from = text
        .ceil_char_boundary(verb.saturating_sub(FOUNDED_REACH))
        .max(sentence.start);
    let before = &text[from..verb];
    let trimmed = before.trim_end().trim_end_matches(',').trim_end();
    // The clause the name opens: after the last comma, bracket or colon before it.
    let start = trimmed
        .rfind([',', '(', ')', ':', ';'])
        .map_or(0, |i| i + 1);
    let mut end = trimmed.len();
    // ASCII folding keeps every byte where it was: the offsets found in `lower` are
    // offsets in `trimmed` ("İzmir" lower-cased in full grows by a byte).
    let lower = trimmed.to_ascii_lowercase();
    for w in [
        " between ",
        " entre ",
        " with ",
        " avec ",
        " was ",
        " were ",
        " a été ",
        " ont été ",
        " has been ",
        " est ",
        " sont ",
    ] {
        if let Some(i) = lower[start..].find(w) {
            end = end.min(start + i);
        }
    }
    from + start..from + end.max(start)
}

fn anniversary_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"(?i)anniversa").expect("valid anniversary word regex"))
}

/// Words that make a number of years an anniversary ("célèbrent 30 ans de relations"),
/// not a duration of anything ("30 ans de croissance").
fn celebrates_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)(?-u:\b)(?:célébr|fêt|jubilé|celebrat|commemorat|jubilee)")
            .expect("valid celebration regex")
    })
}

/// Anniversaries of one document, in text order.
pub fn anniversaries(
    doc: usize,
    text: &str,
    seg: &Segments,
    periods: &[PeriodMention],
    entities: &[EntityMention],
    home: Option<&str>,
    paragraph_of: impl Fn(usize) -> usize,
) -> Vec<Anniversary> {
    // Most documents never mention one: a literal search saves the regexes' passes.
    let any_ordinal = anniversary_re().is_match(text);
    let any_years = celebrates_re().is_match(text);
    if !any_ordinal && !any_years {
        // A founding year alone has nothing to agree with.
        return Vec::new();
    }
    let mut found: Vec<(Range<usize>, u32, usize)> = Vec::new();
    if any_ordinal {
        for m in ordinal_re().captures_iter(text) {
            let (told, word) = (m.get(1).expect("group"), m.get(2).expect("group"));
            if let Some(n) = ordinal_value(word.as_str()) {
                found.push((told.range(), n, m.get(0).expect("match").end()));
            }
        }
    }
    for m in years_re().captures_iter(text) {
        let (told, count) = (m.get(1).expect("group"), m.get(2).expect("group"));
        let Some(si) = seg.sentence_of(told.start()) else {
            continue;
        };
        // The celebrating verb in the sentence, near the count (a bounded window keeps a
        // run-on line linear).
        let sentence = &seg.sentences[si];
        let near = text
            .floor_char_boundary(told.start().saturating_sub(CELEBRATE_REACH))
            .max(sentence.start)
            ..text
                .floor_char_boundary((told.end() + CELEBRATE_REACH).min(text.len()))
                .min(sentence.end);
        if !celebrates_re().is_match(&text[near]) {
            continue;
        }
        if let Ok(n) = count.as_str().parse::<u32>() {
            found.push((told.range(), n, m.get(0).expect("match").end()));
        }
    }
    found.sort_by_key(|f| f.0.start);
    let mut out = Vec::new();
    for (count, years, after) in found {
        let Some(si) = seg.sentence_of(count.start) else {
            continue;
        };
        let sentence = &seg.sentences[si];
        let Some(in_year) = sole_year(periods, sentence) else {
            continue;
        };
        let end = thing_end(text, periods, after, phrase_end(text, after, sentence.end));
        let thing = thing_stems(&text[after..end]);
        if thing.is_empty() || years == 0 {
            continue;
        }
        let paragraph = paragraph_of(count.start);
        // "Les deux pays ont fêté …": the countries are those of the sentences just before.
        let named = (si.saturating_sub(NAMES_BACK)..=si)
            .rev()
            .take_while(|&i| {
                paragraph - paragraph_of(seg.sentences[i].start) <= NAMES_BACK_PARAGRAPHS
            })
            .map(|i| ids_in(entities, &seg.sentences[i], home))
            .find(|ids| !ids.is_empty())
            .unwrap_or_default();
        out.push(Anniversary {
            doc,
            count_clean: count,
            years,
            in_year,
            thing_clean: after..end,
            thing,
            entities: named,
            paragraph,
        });
    }
    for m in founded_re().captures_iter(text) {
        let (told, year) = (m.get(1).expect("group"), m.get(2).expect("group"));
        let Some(si) = seg.sentence_of(told.start()) else {
            continue;
        };
        let sentence = &seg.sentences[si];
        let Ok(in_year) = year.as_str().parse::<i32>() else {
            continue;
        };
        let thing_clean = founded_thing(text, sentence, told.start());
        let thing = thing_stems(&text[thing_clean.clone()]);
        if thing.is_empty() {
            continue;
        }
        out.push(Anniversary {
            doc,
            count_clean: told.range(),
            years: 0,
            in_year,
            thing_clean,
            thing,
            entities: ids_in(entities, sentence, home),
            paragraph: paragraph_of(told.start()),
        });
    }
    out.sort_by_key(|a| a.count_clean.start);
    out
}

/// The word stems that name what an anniversary or a founding is of, numbers left out.
fn thing_stems(name: &str) -> Vec<String> {
    stems(name)
        .into_iter()
        .filter(|s| !s.chars().any(|c| c.is_ascii_digit()))
        .collect()
}

/// Where what is celebrated ends: at the end of its noun phrase, or before the date that
/// follows it ("… de leurs relations diplomatiques| en 2023").
fn thing_end(text: &str, periods: &[PeriodMention], from: usize, end: usize) -> usize {
    let lo = periods.partition_point(|p| p.range.start < from);
    let Some(p) = periods.get(lo).filter(|p| p.range.start < end) else {
        return end;
    };
    let head = text[from..p.range.start].trim_end();
    let head = ["en", "in", "au", "à", "on", "of", "de"]
        .iter()
        .find_map(|w| {
            head.strip_suffix(w)
                .filter(|h| h.ends_with(char::is_whitespace))
        })
        .unwrap_or(head);
    from + head.trim_end().len()
}

/// The one year a sentence's periods fall in ("En janvier 2023", "en 2023"), if they all
/// fall in one.
fn sole_year(periods: &[PeriodMention], sentence: &Range<usize>) -> Option<i32> {
    let lo = periods.partition_point(|p| p.range.start < sentence.start);
    let mut year = None;
    for p in &periods[lo..] {
        if p.range.start >= sentence.end {
            break;
        }
        let Some(period) = p.period else { continue };
        if period.from.year != period.to.year {
            return None;
        }
        match year {
            Some(y) if y != period.from.year => return None,
            _ => year = Some(period.from.year),
        }
    }
    year
}

/// Sorted ids of the entities named in a range, the home country left out.
fn ids_in(entities: &[EntityMention], range: &Range<usize>, home: Option<&str>) -> Vec<String> {
    let lo = entities.partition_point(|e| e.range.start < range.start);
    let mut ids: Vec<String> = entities[lo..]
        .iter()
        .take_while(|e| e.range.start < range.end)
        .filter(|e| Some(e.id.as_str()) != home && e.country.as_deref() != home)
        .map(|e| e.id.clone())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<Anniversary> {
        let seg = Segments::new(text);
        let periods = super::super::period::scan(text);
        let lex = super::super::ContextLexicon::builtin().unwrap();
        let lang = crate::lang::Lang::detect(text);
        let hits = lex.scan(text, lang);
        let entities = super::super::entity::mentions(text, &hits, &lex);
        anniversaries(0, text, &seg, &periods, &entities, None, |_| 0)
    }

    #[test]
    fn ordinal_and_years_forms_give_the_start_year() {
        let a = read("En 2023, le Kenya et le Japon ont célébré le 60e anniversaire de leurs relations diplomatiques.");
        assert_eq!(a.len(), 1);
        assert_eq!((a[0].years, a[0].in_year, a[0].since()), (60, 2023, 1963));
        assert_eq!(a[0].thing, vec!["relati", "diplom"]);
        assert_eq!(a[0].entities, vec!["JPN", "KEN"]);
        let b = read("In March 2024 the two cities celebrated 25 years of the twinning agreement.");
        assert_eq!(b.len(), 1);
        assert_eq!((b[0].years, b[0].since()), (25, 1999));
        let c = read("In 2019 the museum marked its fiftieth anniversary of the opening.");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].years, 50);
    }

    #[test]
    fn a_founded_things_name_keeps_its_letters_whatever_their_case() {
        // "İ" lower-cases to two characters: the name's end must not move with it.
        let a = read("En 2020, la chambre a célébré le 25e anniversaire de sa fondation. La Chambre de commerce d'İzmir entre la Turquie et la France, fondée en 1994, reste active.");
        let founding = a.iter().find(|x| x.years == 0).expect("a founding");
        assert_eq!(founding.in_year, 1994);
        assert_eq!(
            founding.thing,
            thing_stems("La Chambre de commerce d'İzmir")
        );
    }

    #[test]
    fn durations_and_undated_anniversaries_are_not_read() {
        // No celebration: a duration, not an anniversary.
        assert!(read("En 2023, l'usine a connu 30 ans de croissance continue.").is_empty());
        // No year in the sentence.
        assert!(read("The firm celebrated the 40th anniversary of its founding.").is_empty());
        // Two years: which one dates the anniversary is not said.
        assert!(read(
            "Between 2019 and 2023 the club celebrated the 100th anniversary of its stadium."
        )
        .is_empty());
    }
}
