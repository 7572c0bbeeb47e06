//! Periods written in prose: years, half-years, quarters, months, spans, dates, and the
//! relative phrases ("l'année dernière", "the same year") resolved against the nearest
//! explicit date before them. The text is scanned once; mentions come out sorted.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;
use regex_automata::meta;
use regex_automata::util::captures::Captures as MetaCaptures;
use regex_automata::util::primitives::PatternID;
use regex_automata::{Input, MatchKind, PatternSet};

use crate::claim::{days_in_month, Period, Ymd};

/// A period phrase relative to the text around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// "l'année dernière", "last year": the year before the latest date.
    PreviousYear,
    /// "l'année précédente", "the previous year", "a year earlier": a comparison base, the
    /// year before the figure's own period.
    YearBefore,
    /// "la même année", "the same year", "cette même année".
    SameYear,
    /// "cette année", "this year": the year of the nearest date (weaker).
    ThisYear,
    /// "les cinq premiers mois de l'année", "the first five months of the year".
    FirstMonths(u8),
    /// "un mois et demi de l'année en cours", "the first two and a half months of the year":
    /// that many whole months, and half of the next.
    FirstMonthsAndHalf(u8),
    /// "en avril de cette année", "in March this year" (`previous`: "… de l'année
    /// dernière", "… last year").
    MonthOf { month: u8, previous: bool },
    /// "Third-quarter revenue", "au troisième trimestre": a quarter without its year,
    /// which is the year of the text around it.
    QuarterOf(u8),
    /// "as of 12 March", "le 23 février", "on March 9": a day without its year, which is
    /// the year of the text around it.
    DayOf { month: u8, day: u8 },
}

/// A period phrase found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodMention {
    pub range: Range<usize>,
    /// The period, resolved for relative phrases (None when nothing came before to anchor).
    pub period: Option<Period>,
    /// Set for relative phrases.
    pub relative: Option<Relative>,
    /// A relative phrase whose year the text gives in brackets ("l'année dernière [2022]").
    pub clarified: bool,
}

const MONTHS: &[(&str, u8)] = &[
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

const COUNTS: &[(&str, u8)] = &[
    ("un", 1),
    ("one", 1),
    ("deux", 2),
    ("two", 2),
    ("trois", 3),
    ("three", 3),
    ("quatre", 4),
    ("four", 4),
    ("cinq", 5),
    ("five", 5),
    ("six", 6),
    ("sept", 7),
    ("seven", 7),
    ("huit", 8),
    ("eight", 8),
    ("neuf", 9),
    ("nine", 9),
    ("dix", 10),
    ("ten", 10),
    ("onze", 11),
    ("eleven", 11),
];

fn month(s: &str) -> Option<u8> {
    let l = s.to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == l).map(|(_, m)| *m)
}

fn count(s: &str) -> Option<u8> {
    let l = s.to_lowercase();
    if let Ok(n) = l.parse::<u8>() {
        return Some(n);
    }
    COUNTS.iter().find(|(n, _)| *n == l).map(|(_, m)| *m)
}

fn ordinal(s: &str) -> Option<u8> {
    let l = s.to_lowercase();
    Some(match l.as_str() {
        "premier" | "1er" | "first" | "1st" => 1,
        "second" | "deuxième" | "2e" | "2ème" | "2nd" => 2,
        "troisième" | "3e" | "3ème" | "third" | "3rd" => 3,
        "quatrième" | "4e" | "4ème" | "fourth" | "4th" => 4,
        _ => return None,
    })
}

fn months(from_year: i32, from: u8, to_year: i32, to: u8) -> Period {
    Period {
        from: Ymd {
            year: from_year,
            month: from,
            day: 1,
        },
        to: Ymd {
            year: to_year,
            month: to,
            day: days_in_month(to_year, to),
        },
        instant: false,
    }
}

/// From one day to another of year `y`, each given as (month, day).
fn days(y: i32, (m1, d1): (u8, u8), (m2, d2): (u8, u8)) -> Period {
    Period {
        from: Ymd {
            year: y,
            month: m1,
            day: d1,
        },
        to: Ymd {
            year: y,
            month: m2,
            day: d2,
        },
        instant: false,
    }
}

fn instant(y: i32, m: u8, d: u8) -> Period {
    let at = Ymd {
        year: y,
        month: m,
        day: d,
    };
    Period {
        from: at,
        to: at,
        instant: true,
    }
}

type Reader = fn(&Captures) -> Option<Period>;

/// The period readers' regexes are `regex::Regex`'s engine (`meta`) with its settings, but
/// without literal prefilters: the readers only run over windows of about a hundred bytes
/// that their set has said they match in, where a prefilter saves nothing, and finding
/// one (the literals of every month and ordinal, and the reverse-inner search for them)
/// was about a third of compiling the readers, a fixed cost of every run. Prefilters
/// never change what a search finds.
fn reader_config() -> meta::Config {
    meta::Config::new()
        .nfa_size_limit(Some(10 * (1 << 20)))
        .hybrid_cache_capacity(2 * (1 << 20))
        .utf8_empty(true)
        .auto_prefilter(false)
}

/// A reader's match: its groups, by name, over the window searched (the accessors of
/// `regex::Captures` the readers use).
struct Captures<'h> {
    caps: MetaCaptures,
    hay: &'h str,
}

/// A group of a [`Captures`].
#[derive(Clone, Copy)]
struct Group<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Group<'h> {
    fn as_str(&self) -> &'h str {
        self.text
    }
}

impl<'h> Captures<'h> {
    fn group(&self, span: Option<regex_automata::Span>) -> Option<Group<'h>> {
        let span = span?;
        Some(Group {
            text: &self.hay[span.range()],
            start: span.start,
            end: span.end,
        })
    }

    fn name(&self, name: &str) -> Option<Group<'h>> {
        self.group(self.caps.get_group_by_name(name))
    }

    fn whole(&self) -> Option<Group<'h>> {
        self.group(self.caps.get_match().map(|m| m.span()))
    }
}

impl std::ops::Index<&str> for Captures<'_> {
    type Output = str;
    fn index(&self, name: &str) -> &str {
        self.name(name)
            .unwrap_or_else(|| panic!("no group named '{name}'"))
            .as_str()
    }
}

fn y(c: &Captures, name: &str) -> Option<i32> {
    c.name(name)?.as_str().parse().ok()
}

/// Each period reader: its regex, compiled as [`reader_config`] says.
fn readers() -> &'static [(meta::Regex, Reader)] {
    static R: OnceLock<Vec<(meta::Regex, Reader)>> = OnceLock::new();
    R.get_or_init(|| {
        reader_patterns()
            .iter()
            .map(|(pattern, read)| {
                let re = meta::Builder::new()
                    .configure(reader_config().match_kind(MatchKind::LeftmostFirst))
                    .build(pattern)
                    .expect("valid period regex");
                (re, *read)
            })
            .collect()
    })
}

/// The period readers: a pattern, and how to read its match.
fn reader_patterns() -> &'static [(String, Reader)] {
    static R: OnceLock<Vec<(String, Reader)>> = OnceLock::new();
    R.get_or_init(|| {
        let m = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december";
        let yr = |n: &str| format!(r"(?P<{n}>(?:19|20)\d\d)(?-u:\b)");
        let ord = r"premier|1er|second|deuxième|2e|2ème|troisième|3e|3ème|quatrième|4e|4ème|first|1st|2nd|third|3rd|fourth|4th";
        let cnt = r"\d{1,2}|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|one|two|three|four|five|seven|eight|nine|ten|eleven";
        // "de 2023", "of 2023", and the translator's clarification "de cette année [2023]".
        let of = r"(?:\s+(?:de\s+l'année|de\s+l’année|de|d'|of|of\s+the\s+year)|\s+(?:de\s+cette\s+année|of\s+this\s+year|de\s+l['’]année\s+(?:dernière|précédente)|of\s+last\s+year)\s*[\[(])?\s*";
        let mk = |s: String| format!("(?i){s}");
        let v: Vec<(String, Reader)> = vec![
            // janvier-août 2023, from January to August 2023, de janvier à août 2023
            (
                mk(format!(
                    r"(?-u:\b)(?P<m1>{m})\s*(?:-|–|à|au|to|through|until|and|et)\s*(?P<m2>{m}){of}{}",
                    yr("y")
                )),
                |c| {
                    let y = y(c, "y")?;
                    Some(months(y, month(&c["m1"])?, y, month(&c["m2"])?))
                },
            ),
            // 14 mars – 21 juillet 2024, 3 March to 9 June 2025: from one day to another
            (
                mk(format!(
                    r"(?-u:\b)(?P<d1>1er|\d{{1,2}})\s+(?P<m1>{m})\s*(?:-|–|—|au|to|à|until)\s*(?P<d>1er|\d{{1,2}})\s+(?P<m>{m})\s+{}",
                    yr("y")
                )),
                |c| {
                    let d1: u8 = c["d1"].trim_end_matches("er").parse().ok()?;
                    let d: u8 = c["d"].trim_end_matches("er").parse().ok()?;
                    let (y, m1, m) = (y(c, "y")?, month(&c["m1"])?, month(&c["m"])?);
                    (m1 < m && d1 <= days_in_month(y, m1) && d <= days_in_month(y, m))
                        .then_some(days(y, (m1, d1), (m, d)))
                },
            ),
            // 8–14 mars 2026, 1-7 March 2026: days of one month
            (
                mk(format!(
                    r"(?-u:\b)(?P<d1>1er|\d{{1,2}})\s*(?:-|–|au|to|à)\s*(?P<d>\d{{1,2}})\s+(?P<m>{m})\s+{}",
                    yr("y")
                )),
                |c| {
                    let d1: u8 = c["d1"].trim_end_matches("er").parse().ok()?;
                    let d: u8 = c["d"].parse().ok()?;
                    let (y, m) = (y(c, "y")?, month(&c["m"])?);
                    (1 <= d1 && d1 < d && d <= days_in_month(y, m))
                        .then_some(days(y, (m, d1), (m, d)))
                },
            ),
            // 1er janvier 2024, 15 mars 2023
            (
                mk(format!(
                    r"(?-u:\b)(?P<d>1er|\d{{1,2}})\s+(?P<m>{m})\s+{}",
                    yr("y")
                )),
                |c| {
                    let d: u8 = c["d"].trim_end_matches("er").parse().ok()?;
                    Some(instant(y(c, "y")?, month(&c["m"])?, d))
                },
            ),
            // January 1, 2024
            (
                mk(format!(r"(?-u:\b)(?P<m>{m})\s+(?P<d>\d{{1,2}}),?\s+{}", yr("y"))),
                |c| {
                    let d: u8 = c["d"].parse().ok()?;
                    Some(instant(y(c, "y")?, month(&c["m"])?, d))
                },
            ),
            // premier semestre 2022, first half of 2022
            (
                mk(format!(
                    r"(?-u:\b)(?P<o>{ord})\s+(?:semestre|half){of}{}",
                    yr("y")
                )),
                |c| {
                    let y = y(c, "y")?;
                    match ordinal(&c["o"])? {
                        1 => Some(months(y, 1, y, 6)),
                        2 => Some(months(y, 7, y, 12)),
                        _ => None,
                    }
                },
            ),
            // H1 2022, 2022 H2
            (
                mk(format!(r"(?-u:\b)H(?P<h>[12])\s*{}", yr("y"))),
                |c| {
                    let y = y(c, "y")?;
                    let h: u8 = c["h"].parse().ok()?;
                    Some(months(y, 6 * h - 5, y, 6 * h))
                },
            ),
            // troisième trimestre 2023, third quarter of 2023
            (
                mk(format!(
                    r"(?-u:\b)(?P<o>{ord})\s+(?:trimestre|quarter){of}{}",
                    yr("y")
                )),
                |c| {
                    let y = y(c, "y")?;
                    let q = ordinal(&c["o"])?;
                    Some(months(y, 3 * q - 2, y, 3 * q))
                },
            ),
            // Q3 2023, T3 2023
            (
                mk(format!(r"(?-u:\b)[QT](?P<q>[1-4])\s*{}", yr("y"))),
                |c| {
                    let y = y(c, "y")?;
                    let q: u8 = c["q"].parse().ok()?;
                    Some(months(y, 3 * q - 2, y, 3 * q))
                },
            ),
            // les 9 premiers mois de 2023, the first nine months of 2023
            (
                mk(format!(
                    r"(?-u:\b)(?:(?P<n>{cnt})\s+premiers\s+mois|first\s+(?P<n2>{cnt})\s+months){of}{}",
                    yr("y")
                )),
                |c| {
                    let y = y(c, "y")?;
                    let n = count(c.name("n").or(c.name("n2"))?.as_str())?;
                    (1..=12).contains(&n).then(|| months(y, 1, y, n))
                },
            ),
            // trois premiers trimestres de 2023, first three quarters of 2023
            (
                mk(format!(
                    r"(?-u:\b)(?:(?P<n>{cnt})\s+premiers\s+trimestres|first\s+(?P<n2>{cnt})\s+quarters){of}{}",
                    yr("y")
                )),
                |c| {
                    let y = y(c, "y")?;
                    let n = count(c.name("n").or(c.name("n2"))?.as_str())?;
                    (1..=4).contains(&n).then(|| months(y, 1, y, 3 * n))
                },
            ),
            // début 2023, early 2023: the start of the year, an instant
            (
                mk(format!(
                    r"(?-u:\b)(?:au\s+début\s+de\s+(?:l'année\s+)?|début\s+|early\s+|at\s+the\s+beginning\s+of\s+|beginning\s+of\s+){}",
                    yr("y")
                )),
                |c| Some(instant(y(c, "y")?, 1, 1)),
            ),
            // mi-décembre 2023, fin mars 2023, mars 2023, March 2023
            (
                mk(format!(
                    r"(?-u:\b)(?:mi-|début\s+|fin\s+|mid-|early\s+|late\s+)?(?P<m>{m})(?:\s+de\s+l'année)?\s+{}",
                    yr("y")
                )),
                |c| {
                    let y = y(c, "y")?;
                    let m = month(&c["m"])?;
                    Some(months(y, m, y, m))
                },
            ),
            // 2024/25, 2024-25: a season or split financial year, July to June
            (
                mk(format!(r"(?-u:\b){}\s*[/–-]\s*(?P<b>\d\d)(?-u:\b)", yr("a"))),
                |c| {
                    let a = y(c, "a")?;
                    let b: i32 = c["b"].parse().ok()?;
                    (b == (a + 1) % 100).then(|| months(a, 7, a + 1, 6))
                },
            ),
            // 2019-2021, de 2018 à 2022, between 2018 and 2022
            (
                mk(format!(
                    r"(?-u:\b)(?:(?:de|entre|from|between)\s+)?{}\s*(?:-|–|/|à|et|to|and)\s*{}",
                    yr("a"),
                    yr("b")
                )),
                |c| {
                    let (a, b) = (y(c, "a")?, y(c, "b")?);
                    (a < b && b - a <= 30).then(|| months(a, 1, b, 12))
                },
            ),
            // a bare year (fin 2022 is the year 2022: flows are reported "at the end of" it)
            (mk(format!(r"(?-u:\b){}", yr("y"))), |c| Some(Period::year(y(c, "y")?))),
        ];
        v
    })
}

/// The patterns of [`readers`], as one set (as `regex::RegexSet` builds it).
fn reader_set() -> &'static meta::Regex {
    static R: OnceLock<meta::Regex> = OnceLock::new();
    R.get_or_init(|| {
        meta::Builder::new()
            .configure(
                reader_config()
                    .match_kind(MatchKind::All)
                    .which_captures(regex_automata::nfa::thompson::WhichCaptures::None),
            )
            .build_many(
                &reader_patterns()
                    .iter()
                    .map(|(p, _)| p.as_str())
                    .collect::<Vec<_>>(),
            )
            .expect("valid period regexes")
    })
}

fn relative_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)(?-u:\b)(?:(?P<month>janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:(?:de|of)\s+)?)?(?:(?P<prev>l['’]année\s+dernière|l['’]an\s+dernier|l['’]année\s+passée|last\s+year)|(?P<before>l['’]année\s+précédente|the\s+previous\s+year|the\s+year\s+before|(?:a|one)\s+year\s+(?:earlier|ago|before)|un\s+an\s+(?:plus\s+tôt|auparavant)|il\s+y\s+a\s+un\s+an)|(?P<same>(?:la|cette)\s+même\s+année|the\s+same\s+year|cette\s+année-là|that\s+year)|(?P<first>(?P<n>\d{1,2}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze)\s+premiers\s+mois\s+de\s+(?:l['’]année|cette\s+année)|first\s+(?P<n2>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months\s+of\s+(?:the|this)\s+year)|(?P<half>(?P<hf>premier|\d{1,2}|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)(?:\s+premiers?)?\s+mois\s+et\s+demi\s+de\s+(?:l['’]année(?:\s+en\s+cours)?|cette\s+année)|(?:first\s+)?(?P<hn>a|one|\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+and\s+a\s+half\s+months\s+of\s+(?:the|this)\s+year)|(?P<this>cette\s+année|this\s+year|l['’]année\s+en\s+cours|the\s+current\s+year))",
        )
        .expect("valid relative period regex")
    })
}

fn bracket_year_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^\s*[\[(]\s*(?P<y>(?:19|20)\d\d)\s*[\])]").expect("valid bracket regex")
    })
}

/// All period phrases of a text, sorted, relative ones resolved.
pub fn scan(text: &str) -> Vec<PeriodMention> {
    let mut found: Vec<PeriodMention> = Vec::new();
    // Every explicit period ends with a year: read only a window before each year, so the
    // readers never run over the whole text.
    let mut windows: Vec<Range<usize>> = Vec::new();
    for m in year_re().find_iter(text) {
        let start = text.floor_char_boundary(m.start().saturating_sub(WINDOW));
        // Past the year: a word boundary, or a split year's "/25".
        let end = text.ceil_char_boundary((m.end() + 4).min(text.len()));
        match windows.last_mut() {
            Some(w) if w.end >= start => w.end = end,
            _ => windows.push(start..end),
        }
    }
    // Ranges already taken, keyed by start: they never overlap, so the one starting last
    // before a candidate's end is the only one that can overlap it (no all-pairs check).
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    for w in &windows {
        scan_window(text, w.clone(), &mut found, &mut taken);
    }
    // "the Fit-for-2027 programme", "Vision-2030": a year inside a name is no period.
    found.retain(|f| !in_name(text, f.range.start));
    scan_relative(text, &mut found, &mut taken);
    found.sort_by_key(|f| f.range.start);
    resolve(&mut found);
    found
}

/// Whether the period starting at `at` is the end of a hyphenated name ("Fit-for-2027",
/// "Vision-2030"), not "mid-2023", "end-2025" or "2022-2023".
fn in_name(text: &str, at: usize) -> bool {
    let Some(before) = text[..at].strip_suffix('-') else {
        return false;
    };
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    let last = word.rsplit('-').next().unwrap_or(word).to_lowercase();
    word.starts_with(|c: char| c.is_uppercase())
        && !word.starts_with(|c: char| c.is_ascii_digit())
        && !matches!(
            last.as_str(),
            "mid" | "end" | "early" | "late" | "pre" | "post" | "fin" | "mi" | "début" | "year"
        )
}

/// How far before a year a period phrase may start ("au cours des trois premiers trimestres de").
const WINDOW: usize = 96;

fn year_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"(?:19|20)[0-9]{2}").expect("valid year regex"))
}

fn overlaps_taken(taken: &BTreeMap<usize, usize>, r: &Range<usize>) -> bool {
    taken
        .range(..r.end)
        .next_back()
        .is_some_and(|(_, &end)| end > r.start)
}

fn scan_window(
    text: &str,
    w: Range<usize>,
    found: &mut Vec<PeriodMention>,
    taken: &mut BTreeMap<usize, usize>,
) {
    let base = w.start;
    let text_w = &text[w];
    // One pass of the readers' set says which of them match in the window at all; only
    // those are run for their captures (a window holds one or two period phrases, and
    // running every reader over it was most of the cost of reading periods).
    let set = reader_set();
    let mut present = PatternSet::new(set.pattern_len());
    set.which_overlapping_matches(&Input::new(text_w), &mut present);
    for (k, (re, read)) in readers().iter().enumerate() {
        if !PatternID::new(k).is_ok_and(|id| present.contains(id)) {
            continue;
        }
        for caps in re.captures_iter(text_w) {
            let c = Captures { caps, hay: text_w };
            let whole = c.whole().expect("match");
            let r = base + whole.start..base + whole.end;
            // A year glued to other digits or inside a number ("12 2023", "2023,5") is not one.
            let before = text[..r.start].chars().next_back();
            let after = text[r.end..].chars().next();
            if before.is_some_and(|ch| ch.is_ascii_digit())
                || after.is_some_and(|ch| ch.is_ascii_digit())
                || (after == Some(',')
                    && text[r.end + 1..]
                        .chars()
                        .next()
                        .is_some_and(|ch| ch.is_ascii_digit()))
            {
                continue;
            }
            if overlaps_taken(taken, &r) {
                continue;
            }
            if let Some(p) = read(&c) {
                taken.insert(r.start, r.end);
                found.push(PeriodMention {
                    range: r,
                    period: Some(p),
                    relative: None,
                    clarified: false,
                });
            }
        }
    }
}

fn scan_relative(text: &str, found: &mut Vec<PeriodMention>, taken: &mut BTreeMap<usize, usize>) {
    for c in relative_re().captures_iter(text) {
        let mut r = c.get(0).expect("match").range();
        // "l'année dernière [2022]": the bracket says which year; it is one mention.
        let clarified = bracket_year_re()
            .captures(super::entity::ahead(text, r.end, 16))
            .and_then(|b| {
                let y: i32 = b["y"].parse().ok()?;
                let end = r.end + b.get(0).expect("match").end();
                Some((y, end))
            });
        if let Some((_, end)) = clarified {
            // The bracketed year is part of this mention, not one of its own.
            let inside: Vec<usize> = taken
                .range(r.end..end)
                .filter(|(_, &e)| e <= end)
                .map(|(&s, _)| s)
                .collect();
            if !inside.is_empty() {
                found.retain(|f| !inside.contains(&f.range.start));
                for s in inside {
                    taken.remove(&s);
                }
            }
            r.end = end;
        }
        if overlaps_taken(taken, &r) {
            continue;
        }
        taken.insert(r.start, r.end);
        let month_of = c.name("month").and_then(|m| month(m.as_str()));
        let rel = if let (Some(m), None) = (month_of, c.name("first")) {
            // "avril de cette année", "March of the previous year", "mai de la même année".
            Relative::MonthOf {
                month: m,
                previous: c.name("prev").is_some() || c.name("before").is_some(),
            }
        } else if c.name("prev").is_some() {
            Relative::PreviousYear
        } else if c.name("before").is_some() {
            Relative::YearBefore
        } else if c.name("first").is_some() {
            match c.name("n").or(c.name("n2")).and_then(|n| count(n.as_str())) {
                Some(n) if (1..=12).contains(&n) => Relative::FirstMonths(n),
                _ => continue,
            }
        } else if c.name("half").is_some() {
            let n = c
                .name("hf")
                .or(c.name("hn"))
                .map(|n| n.as_str().to_lowercase());
            match n.as_deref() {
                Some("premier" | "a") => Relative::FirstMonthsAndHalf(1),
                Some(n) => match count(n) {
                    Some(n) if (1..=11).contains(&n) => Relative::FirstMonthsAndHalf(n),
                    _ => continue,
                },
                None => continue,
            }
        } else if c.name("same").is_some() {
            Relative::SameYear
        } else {
            Relative::ThisYear
        };
        found.push(PeriodMention {
            range: r,
            period: clarified.map(|(y, _)| rel.named_in(y)),
            relative: Some(rel),
            clarified: clarified.is_some(),
        });
    }
    scan_bare_days(text, found, taken);
    scan_bare_months(text, found, taken);
    scan_bare_quarters(text, found, taken);
}

fn bare_quarter_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)(?-u:\b)(?P<q>first|second|third|fourth|premier|deuxième|troisième|quatrième)[\s-]+(?:quarter|trimestre)(?-u:\b)",
        )
        .expect("valid bare quarter regex")
    })
}

/// What may stand between a quarter and the (fiscal) year it belongs to.
fn quarter_year_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)^[\s,]*(?:of\s+)?(?:the\s+)?(?:fiscal\s+(?:year\s+)?|financial\s+year\s+|fy\s*|de\s+l['’]exercice\s+|de\s+l['’]année\s+|exercice\s+)?(?P<y>(?:19|20)\d\d)(?-u:\b)",
        )
        .expect("valid quarter year regex")
    })
}

fn scan_bare_quarters(
    text: &str,
    found: &mut Vec<PeriodMention>,
    taken: &mut BTreeMap<usize, usize>,
) {
    // Most texts name no quarter: a literal search saves the regex's pass. The words are
    // looked for without their first letter, which may be a capital ("Third Quarter").
    let has = |w: &[u8]| memchr::memmem::find(text.as_bytes(), w).is_some();
    if !has(b"uarter") && !has(b"rimestre") && !has(b"UARTER") && !has(b"RIMESTRE") {
        return;
    }
    for c in bare_quarter_re().captures_iter(text) {
        let r = c.get(0).expect("match").range();
        // "the third quarter of 2025", "troisième trimestre 2023", "third-quarter 2025":
        // the explicit readers' (already taken), or a span's start.
        let q = match c["q"].to_lowercase().as_str() {
            "first" | "premier" => 1,
            "second" | "deuxième" => 2,
            "third" | "troisième" => 3,
            _ => 4,
        };
        // "Third Quarter, Fiscal Year 2025", "third quarter of fiscal 2025": the year after
        // names it; the mention runs over it (the year read on its own is taken back).
        if let Some(y) = quarter_year_re().captures(super::entity::ahead(text, r.end, 32)) {
            let end = r.end + y.get(0).expect("match").end();
            let Ok(year) = y["y"].parse::<i32>() else {
                continue;
            };
            let inside: Vec<usize> = taken
                .range(r.end..end)
                .filter(|(_, &e)| e <= end)
                .map(|(&s, _)| s)
                .collect();
            let full = r.start..end;
            if overlaps_taken(taken, &(r.start..r.end)) {
                continue;
            }
            found.retain(|f| !inside.contains(&f.range.start));
            for s in inside {
                taken.remove(&s);
            }
            if overlaps_taken(taken, &full) {
                continue;
            }
            taken.insert(full.start, full.end);
            found.push(PeriodMention {
                range: full,
                period: Some(months(year, 3 * q - 2, year, 3 * q)),
                relative: None,
                clarified: false,
            });
            continue;
        }
        if overlaps_taken(taken, &r) || month_continues(super::entity::ahead(text, r.end, 16)) {
            continue;
        }
        taken.insert(r.start, r.end);
        found.push(PeriodMention {
            range: r,
            period: None,
            relative: Some(Relative::QuarterOf(q)),
            clarified: false,
        });
    }
}

/// "En janvier, …", "in March": a month without its year, which is the year of the text
/// around it.
fn bare_month_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)(?-u:\b)(?:en|in|au\s+mois\s+de|during|durant)\s+(?P<m>janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december)(?-u:\b)",
        )
        .expect("valid bare month regex")
    })
}

/// What after a month makes it the start of a span or a date, not a month of its own:
/// "janvier-mars", "January to March", "mars 2023" (read by the explicit readers).
fn month_continues(after: &str) -> bool {
    let after = after.trim_start().to_lowercase();
    after.starts_with(['-', '–', '/'])
        || after.starts_with(|c: char| c.is_ascii_digit())
        || [
            "à ", "au ", "to ", "through ", "until ", "et ", "and ", "de l", "of ",
        ]
        .iter()
        .any(|w| after.starts_with(w))
}

/// "12 March", "1er février", "March 12th": a day and a month without a year.
fn bare_day_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        const MONTH: &str = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december";
        Regex::new(&format!(
            r"(?i)(?-u:\b)(?:(?P<d>[0-3]?[0-9])(?:er|st|nd|rd|th)?\s+(?P<m>{MONTH})|(?P<m2>{MONTH})\s+(?P<d2>[0-3]?[0-9])(?:st|nd|rd|th)?)(?-u:\b)"
        ))
        .expect("valid bare day regex")
    })
}

fn scan_bare_days(text: &str, found: &mut Vec<PeriodMention>, taken: &mut BTreeMap<usize, usize>) {
    for c in bare_day_re().captures_iter(text) {
        let r = c.get(0).expect("match").range();
        let (Some(d), Some(m)) = (c.name("d").or(c.name("d2")), c.name("m").or(c.name("m2")))
        else {
            continue;
        };
        let after = super::entity::ahead(text, r.end, 8).trim_start();
        // "12 mars 2024" is read by the explicit readers; "March 2024" is no day.
        if overlaps_taken(taken, &r) || after.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let (Ok(day), Some(month)) = (d.as_str().parse::<u8>(), month(m.as_str())) else {
            continue;
        };
        if !(1..=31).contains(&day) {
            continue;
        }
        taken.insert(r.start, r.end);
        found.push(PeriodMention {
            range: r,
            period: None,
            relative: Some(Relative::DayOf { month, day }),
            clarified: false,
        });
    }
}

fn scan_bare_months(
    text: &str,
    found: &mut Vec<PeriodMention>,
    taken: &mut BTreeMap<usize, usize>,
) {
    for c in bare_month_re().captures_iter(text) {
        let m = c.name("m").expect("month group");
        let r = m.range();
        if overlaps_taken(taken, &r) || month_continues(super::entity::ahead(text, r.end, 16)) {
            continue;
        }
        let Some(month) = month(m.as_str()) else {
            continue;
        };
        taken.insert(r.start, r.end);
        found.push(PeriodMention {
            range: r,
            period: None,
            relative: Some(Relative::MonthOf {
                month,
                previous: false,
            }),
            clarified: false,
        });
    }
}

impl Relative {
    /// The period this phrase names when the year it names is `y`: "l'année dernière
    /// [2022]" is 2022, "un mois et demi de l'année en cours [2024]" ends mid-February 2024.
    fn named_in(self, y: i32) -> Period {
        match self {
            Relative::FirstMonths(n) => months(y, 1, y, n),
            Relative::FirstMonthsAndHalf(n) => {
                let mut p = months(y, 1, y, n + 1);
                p.to.day = 15;
                p
            }
            Relative::MonthOf { month, .. } => months(y, month, y, month),
            Relative::QuarterOf(q) => months(y, 3 * q - 2, y, 3 * q),
            Relative::DayOf { month, day } => instant(y, month, day),
            Relative::PreviousYear
            | Relative::YearBefore
            | Relative::SameYear
            | Relative::ThisYear => Period::year(y),
        }
    }

    /// The period this phrase names when the text around it speaks of year `y`, and `now`
    /// is the year it is written from.
    fn resolved(self, y: i32, now: i32) -> Period {
        let named = match self {
            Relative::PreviousYear | Relative::MonthOf { previous: true, .. } => now - 1,
            Relative::YearBefore => y - 1,
            _ => y,
        };
        self.named_in(named)
    }
}

fn resolve(found: &mut [PeriodMention]) {
    // Resolve relative phrases against the latest explicit period before them. "L'année
    // dernière" is said from the time of writing: the latest "as of" date seen so far ("au 1er
    // février 2024") tells it better than a year the text is recounting.
    let mut anchor: Option<i32> = None;
    let mut latest_instant: Option<i32> = None;
    // "Au 31 décembre 2024, … fin 2023 … soit 7 320 adhérentes au 31 décembre": a day
    // without its year that repeats a dated day told before is that day again, whatever
    // year the text spoke of in between.
    let mut dated_days: Vec<(u8, u8, i32)> = Vec::new();
    for f in found.iter_mut() {
        match f.relative {
            None => {
                anchor = f
                    .period
                    .map(|p| if p.instant { p.from.year } else { p.to.year });
                if let Some(p) = f.period.filter(|p| p.instant) {
                    latest_instant = latest_instant.max(Some(p.from.year));
                    let day = (p.from.month, p.from.day);
                    dated_days.retain(|d| (d.0, d.1) != day);
                    dated_days.push((day.0, day.1, p.from.year));
                }
            }
            Some(_) if f.period.is_some() => {}
            Some(Relative::DayOf { month, day }) => {
                let told = dated_days.iter().find(|d| d.0 == month && d.1 == day);
                f.period = told.map(|d| d.2).or(anchor).map(|y| instant(y, month, day));
            }
            Some(rel) => {
                let now = anchor.max(latest_instant);
                f.period = anchor.map(|y| rel.resolved(y, now.unwrap_or(y)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn periods(t: &str) -> Vec<String> {
        scan(t)
            .iter()
            .map(|m| m.period.map_or("?".into(), |p| p.to_string()))
            .collect()
    }

    #[test]
    fn a_quarter_without_its_year_is_the_texts() {
        assert_eq!(
            periods("In the third quarter of 2026 deliveries rose. Third-quarter revenue grew, and the fourth quarter began well."),
            ["2026-Q3", "2026-Q3", "2026-Q4"]
        );
        assert_eq!(
            periods("Au troisième trimestre 2023, les ventes ont progressé ; au quatrième trimestre, elles ont reculé."),
            ["2023-Q3", "2023-Q4"]
        );
        // No year before: nothing to anchor it.
        assert_eq!(periods("Third-quarter revenue grew."), ["?"]);
        // Capitals only: the quarter is still read.
        assert_eq!(
            periods("In 2024 sales rose. Third Quarter results were strong."),
            ["2024", "2024-Q3"]
        );
        // A year right after: the explicit reading, or none, never the quarter alone.
        assert_eq!(
            periods("## Third Quarter, Fiscal Year 2025\n\nThe third quarter was good."),
            ["2025-Q3", "2025-Q3"]
        );
    }

    #[test]
    fn french_periods() {
        assert_eq!(
            periods(
                "En 2021 ; janvier-août 2023 ; au premier semestre 2022 ; les 9 premiers mois de 2023 ; \
                 au 1er janvier 2024 ; mars 2023 ; au troisième trimestre 2023 ; 2019-2021 ; \
                 les trois premiers trimestres de 2023 ; fin 2018"
            ),
            [
                "2021",
                "2023-01..2023-08",
                "2022-H1",
                "2023-01..2023-09",
                "2024-01-01",
                "2023-03",
                "2023-Q3",
                "2019-01..2021-12",
                "2023-01..2023-09",
                "2018"
            ]
        );
    }

    #[test]
    fn english_periods() {
        assert_eq!(
            periods(
                "in 2021, H1 2022, Q3 2023, from January to August 2023, the first half of 2022, \
                 January 1, 2024, the first nine months of 2023"
            ),
            [
                "2021",
                "2022-H1",
                "2023-Q3",
                "2023-01..2023-08",
                "2022-H1",
                "2024-01-01",
                "2023-01..2023-09"
            ]
        );
    }

    #[test]
    fn relative_phrases_resolve_against_the_latest_date() {
        assert_eq!(
            periods("Au 1er janvier 2024, 12 sites ; l'année dernière, 3 de plus. La même année."),
            ["2024-01-01", "2023", "2024"]
        );
        assert_eq!(periods("Last year it grew."), ["?"]);
        assert_eq!(
            periods("En 2024 ; l'année dernière [2022] ; au cours des 10 premiers mois de cette année [2023]"),
            ["2024", "2022", "2023-01..2023-10"]
        );
        assert_eq!(
            periods("Au 1er mars 2024 ; en 2022, rien ; l'année dernière ; janvier-septembre de l'année dernière [2022]"),
            ["2024-03-01", "2022", "2023", "2022-01..2022-09"]
        );
        assert_eq!(
            periods("En 2023, rien ; en avril de cette année, 15 accords ; en mars de l'année dernière, 3."),
            ["2023", "2023-04", "2022-03"]
        );
        assert_eq!(
            periods("In 2024 the plant opened; in March last year it was still a field."),
            ["2024", "2023-03"]
        );
        assert_eq!(
            periods("Début 2023, rien ; au cours des cinq premiers mois de l'année, 5."),
            ["2023-01-01", "2023-01..2023-05"]
        );
        // A comparison's base: the year before.
        let before = |t: &str| scan(t).iter().map(|m| m.relative).collect::<Vec<_>>();
        for t in [
            "In 2025 sales were 5.2, up from 4.8 a year ago.",
            "En 2025, 5,2, contre 4,8 il y a un an.",
            "En 2025, 5,2 ; un an auparavant, 4,8.",
        ] {
            assert_eq!(before(t), [None, Some(Relative::YearBefore)], "{t}");
        }
    }

    #[test]
    fn a_year_inside_a_hyphenated_name_is_no_period() {
        assert_eq!(
            periods(
                "The Fit-for-2027 programme and Vision-2030 began in Mid-2023; fin 2024, end-2025."
            ),
            ["2023", "2024", "2025"]
        );
    }

    #[test]
    fn a_day_without_its_year_takes_the_year_of_the_text() {
        assert_eq!(
            periods("Reporting period: 8–14 March 2026. As of 12 March, 41,300 people; on March 9th, 800. Le 1er février, 30 ; le 3 mai 2024, 2 ; du 14 mars – 21 juillet 2024, 9."),
            ["2026-03-08..2026-03-14", "2026-03-12", "2026-03-09", "2026-02-01", "2024-05-03", "2024-03-14..2024-07-21"]
        );
    }

    #[test]
    fn a_day_without_its_year_repeating_a_dated_day_is_that_day() {
        // The year spoken of in between ("fin 2023") does not move the repeated as-of date.
        assert_eq!(
            periods("Au 31 décembre 2025, 9 400 membres, contre 8 800 fin 2024. Les jeunes en sont 21 % au 31 décembre ; le 1er mars, 3."),
            ["2025-12-31", "2024", "2025-12-31", "2024-03-01"]
        );
    }

    #[test]
    fn a_month_without_its_year_takes_the_year_of_the_text() {
        assert_eq!(
            periods("Au 1er février 2024, 101 sociétés. En janvier, 5 ventes ; en janvier-mars, 9 ; en mars 2023, 2."),
            ["2024-02-01", "2024-01", "2023-03"]
        );
        assert_eq!(
            periods("In 2024 the line opened. In March, 40 000 passengers; in May to July, more."),
            ["2024", "2024-03"]
        );
    }

    #[test]
    fn split_years_run_from_july_to_june() {
        assert_eq!(
            periods("the 2024/25 season, FY 2023-24, and 2021-2023"),
            ["2024-07..2025-06", "2023-07..2024-06", "2021-01..2023-12"]
        );
        // Not consecutive years: no split year.
        assert_eq!(periods("en 2024/27"), ["2024"]);
        assert_eq!(periods("the 2024/25 season"), ["2024-07..2025-06"]);
        assert_eq!(periods("2024/25"), ["2024-07..2025-06"]);
    }

    #[test]
    fn months_and_a_half_of_the_year() {
        assert_eq!(
            periods("depuis un mois et demi de l'année en cours [2024] ; en 2023 ; les deux mois et demi de l'année"),
            ["2024-01-01..2024-02-15", "2023", "2023-01-01..2023-03-15"]
        );
        assert_eq!(
            periods("In 2025, in the first one and a half months of the year"),
            ["2025", "2025-01-01..2025-02-15"]
        );
    }

    #[test]
    fn numbers_are_not_years() {
        assert!(periods("Il y avait 2023,5 tonnes et 120230 pièces.").is_empty());
    }
}
