//! Context: turn claim quantities into [`Claim`]s with subject, partner, metric, period and role.
//!
//! One pass per document: the cleaned text is segmented once ([`segment`]), scanned once for
//! lexicon terms with an Aho-Corasick automaton ([`lexicon`]) and once for period phrases
//! ([`period`]). Each quantity then finds its sentence by binary search and reads its context
//! from the mentions of that sentence ([`metric`], [`entity`], [`role`]). What a sentence does
//! not say is carried over from the sentences before it — the subject and the period of a
//! paragraph usually stand once at its start — with a lower confidence.

pub mod anniversary;
pub mod entity;
pub mod event;
pub mod lexicon;
pub mod metric;
pub mod period;
pub mod role;
pub mod segment;

pub use lexicon::ContextLexicon;

use std::ops::Range;

use crate::claim::{Claim, Period, Role};
use crate::document::Document;
use crate::quantity::{Kind, Quantity};
use crate::slice_regex::SliceRegex;

use entity::EntityMention;
use lexicon::{Cue, TermKind};
use metric::MetricMention;
use period::{PeriodMention, Relative};
use role::CueMention;
use segment::Segments;

/// The confidence a claim needs before a rule compares it with another one.
///
/// A claim's confidence is the product of how its metric, subject and period were found
/// (1.0 = stated in the figure's clause; about 0.75 = carried over from the previous sentence;
/// about 0.55 = from an earlier paragraph or the document's main country; 0.3 = not found).
/// 0.5 admits a claim with one element carried over from the previous sentence and another
/// from the document's default, and rejects one with any element missing and another
/// carried over: rules then compare only figures whose context was read, not guessed.
pub const MIN_CONFIDENCE: f32 = 0.5;

/// Confidence of a missing context element.
const MISSING: f32 = 0.3;

/// Confidence of "no subject" in a document that names none before the figure and has no
/// main country: the subject is the document's own (a city's budget, a company's report).
const IMPLICIT_SUBJECT: f32 = 0.85;

/// How far (bytes) after a figure a period still belongs to it alone ("80,6 millions de
/// dollars en 2023").
const BOUND_PERIOD_GAP: usize = 40;

/// How far (bytes) a base period may stand after "par rapport à" ("à la même période de 2022").
const BASE_GAP: usize = 28;

/// Confidence of a metric read from a count's own noun when no metric term is in reach
/// ("1 184 autobus"): the noun says what is counted, though not in the lexicon's words.
const COUNTED_NOUN: f32 = 0.9;

/// The noun a count counts, when it can stand for a metric: a word, not an adverb or a
/// participle taken for a noun ("2,980 regularly", "42,160 placed").
fn counted_noun(q: &Quantity) -> Option<&str> {
    let unit = q.unit.as_deref().filter(|_| q.kind == Kind::Count)?;
    let word = unit.chars().all(|c| c.is_alphabetic() || c == '-');
    let english_adverb_or_participle = unit.ends_with("ly") || unit.ends_with("ed");
    (word && unit.chars().count() >= 3 && !english_adverb_or_participle).then_some(unit)
}

/// Confidence of a period read from the document's title: stated for the whole text, but
/// far from the figure.
const TITLE_CONFIDENCE: f32 = 0.8;

/// Confidence of the document's main country as the subject of a figure that names none.
const HOME: f32 = 0.55;
/// The same when the title or the lede names that country: the document is about it.
const TITLED_HOME: f32 = 0.8;
/// How far into the cleaned text a title or lede runs.
const TITLE_BYTES: usize = 400;

/// How many paragraphs a subject or period is carried over.
const CARRY_PARAGRAPHS: usize = 3;

/// Everything read from one document before looking at its quantities.
struct DocContext {
    seg: Segments,
    metrics: Vec<MetricMention>,
    cues: Vec<CueMention>,
    entities: Vec<EntityMention>,
    periods: Vec<PeriodMention>,
    /// Event nouns ("forum", "meeting"), for [`event::events`].
    event_nouns: Vec<Range<usize>>,
    /// `periods[i]` is the base of a comparison ("par rapport à 2020").
    base: Vec<bool>,
    /// `periods[i]` is not carried to the sentences after it: a plan's horizon ("by 2027",
    /// "d'ici 2030", "from 2026 on"), an issue date ("Issued April 2025"), or the period of
    /// a comparison's other side ("contre 10 600 fin 2023").
    uncarried: Vec<bool>,
    /// The one period a document's title names ("Statistical Brief, Year 2024"): the period
    /// of figures that neither state nor carry one.
    title_period: Option<Period>,
    /// How many paragraphs the header (title, issuer, issue line) spans: their periods are
    /// the title's or the issue's, never carried to figures as a sentence's period is.
    header_paragraphs: usize,
    /// `periods[i]` dates the text ("Issued April 2025", "NAIROBI, 14 March 2025 —"): it is
    /// no figure's period.
    dateline: Vec<bool>,
    /// `entities[i]` follows a comparison word in its clause ("well above the UK average",
    /// "loin devant la Belgique", "compared with Germany"): the comparison's other side,
    /// never carried as the subject the next sentences speak of.
    compared: Vec<bool>,
    home: Option<String>,
    /// How sure a figure that names no subject is about `home`: the document's title or
    /// lede names it ("Les échanges extérieurs de la Tunisie …") or it is only the
    /// country named most.
    home_conf: f32,
}

/// Whether only blanks and punctuation stand between the start of its sentence and `at`.
fn opens_sentence(seg: &Segments, text: &str, at: usize) -> bool {
    seg.sentence_of(at)
        .and_then(|i| seg.sentence_start(i))
        .is_some_and(|start| {
            text[start.min(at)..at]
                .chars()
                .all(|c| !c.is_alphanumeric())
        })
}

/// A cue after which a place is the other side of a comparison. "from" is an origin
/// ("imported from Romania"), not a comparison.
fn compares(text: &str, c: &CueMention) -> bool {
    match c.cue {
        Cue::Compare | Cue::Base => true,
        Cue::Against => !text[c.start..c.end].eq_ignore_ascii_case("from"),
        _ => false,
    }
}

impl DocContext {
    fn new(doc: &Document, lex: &ContextLexicon) -> DocContext {
        let text = &doc.clean.text;
        let seg = Segments::new(text);
        let hits = lex.scan(text, doc.lang);
        let mut metrics = Vec::new();
        let mut cues = Vec::new();
        let mut event_nouns = Vec::new();
        for h in &hits {
            match h.term.kind {
                TermKind::Metric(i) => metrics.push(MetricMention {
                    start: h.start,
                    end: h.end,
                    metric: i,
                    fallback: lex.metrics[i].fallback,
                }),
                TermKind::Cue(c) => cues.push(CueMention {
                    start: h.start,
                    end: h.end,
                    cue: c,
                }),
                TermKind::Event => event_nouns.push(h.start..h.end),
                _ => {}
            }
        }
        let entities = entity::mentions(text, &hits, lex);
        let home = entity::home_country(&entities);
        let periods = period::scan(text);
        let base: Vec<bool> = periods
            .iter()
            .map(|p| {
                // "up 5 % on the previous year" names a base; "Un an plus tôt, les ventes
                // s'élevaient à …", opening its sentence, is the sentence's own period.
                if p.relative == Some(Relative::YearBefore) {
                    return !opens_sentence(&seg, text, p.range.start);
                }
                let from = text.ceil_char_boundary(p.range.start.saturating_sub(40));
                if comparative_re().is_match(&text[from..p.range.start]) {
                    return true;
                }
                let i = cues.partition_point(|c| c.end <= p.range.start);
                i > 0 && {
                    let c = &cues[i - 1];
                    let between = &text[c.end..p.range.start];
                    c.cue == Cue::Base
                        && between.trim().len() <= BASE_GAP
                        && !between
                            .contains(|ch: char| ch.is_ascii_digit() || ch == ',' || ch == ';')
                }
            })
            .collect();
        // Issue dates: after "Issued", "publié le", or a wire story's "NAIROBI, 14 March
        // 2025 —". They date the text, not its figures.
        let dateline: Vec<bool> = periods
            .iter()
            .map(|p| {
                let i = cues.partition_point(|c| c.end <= p.range.start);
                let after_cue = cues[..i].iter().rev().take(2).any(|c| {
                    let between = &text[c.end..p.range.start];
                    c.cue == Cue::Dateline
                        && between.len() <= 12
                        && !between.contains(|ch: char| ch.is_ascii_digit())
                });
                let para = &doc.clean.paragraphs[doc.clean.paragraph_of(p.range.start)];
                let wire = para.start <= p.range.start
                    && wire_place_re().is_match(&text[para.start..p.range.start])
                    && wire_dash_re().is_match(entity::ahead(text, p.range.end, 8));
                after_cue || wire
            })
            .collect();
        let uncarried: Vec<bool> = periods
            .iter()
            .zip(&dateline)
            .map(|(p, &dateline)| {
                if dateline {
                    return true;
                }
                let from = text.ceil_char_boundary(p.range.start.saturating_sub(24));
                if horizon_re().is_match(&text[from..p.range.start]) {
                    return true;
                }
                let from = text.ceil_char_boundary(p.range.start.saturating_sub(48));
                if since_re().is_match(&text[from..p.range.start]) {
                    return true;
                }
                let i = cues.partition_point(|c| c.end <= p.range.start);
                cues[..i].iter().rev().take(3).any(|c| {
                    let between = &text[c.end..p.range.start];
                    match c.cue {
                        // "more than 2 000 in 2023" is a qualifier, not a comparison.
                        Cue::Base | Cue::Against => {
                            !text[c.start..c.end].eq_ignore_ascii_case("than")
                                && between.len() <= 64
                                && compared_figure_re().is_match(between)
                        }
                        // "L'objectif est d'atteindre 65 % en 2027": a plan's horizon, as
                        // "by 2027" is.
                        Cue::Target => {
                            between.len() <= 96
                                && !between.contains(". ")
                                && !between.contains([';', '!', '?', '\n'])
                        }
                        _ => false,
                    }
                })
            })
            .collect();
        // "En 2022, les exportations ont atteint X, contre Y en 2021. La même année, …":
        // "the same year" is the year the text speaks of, not a comparison's other side.
        let mut periods = periods;
        let mut spoken_of: Option<i32> = None;
        for (i, p) in periods.iter_mut().enumerate() {
            match (p.relative, p.period) {
                (None, Some(q)) if !base[i] && !uncarried[i] => {
                    spoken_of = Some(if q.instant { q.from.year } else { q.to.year });
                }
                (Some(Relative::SameYear), _) if !p.clarified => {
                    if let Some(y) = spoken_of {
                        p.period = Some(Period::year(y));
                    }
                }
                // The year before the one the text speaks of, not before a comparison's base.
                (Some(Relative::YearBefore), _) if !p.clarified && !base[i] => {
                    if let Some(y) = spoken_of {
                        p.period = Some(Period::year(y - 1));
                    }
                }
                _ => {}
            }
        }
        let compared = entities
            .iter()
            .map(|e| {
                let i = cues.partition_point(|c| c.end <= e.range.start);
                cues[..i].last().is_some_and(|c| {
                    let gap = &text[c.end..e.range.start];
                    compares(text, c)
                        && gap.len() <= 48
                        && !gap.contains(|ch: char| ch.is_ascii_digit())
                        && !seg.break_between(c.end, e.range.start)
                })
            })
            .collect();
        let (title_period, header_paragraphs) = title_period(doc, &periods, &uncarried);
        let home_conf = match &home {
            // Entities are in text order: only the title's and the lede's are read.
            Some(h)
                if entities
                    .iter()
                    .take_while(|e| e.range.start < TITLE_BYTES)
                    .any(|e| !e.partner && e.country.as_ref() == Some(h)) =>
            {
                TITLED_HOME
            }
            _ => HOME,
        };
        DocContext {
            title_period,
            header_paragraphs,
            seg,
            metrics,
            cues,
            entities,
            periods,
            event_nouns,
            base,
            uncarried,
            dateline,
            compared,
            home,
            home_conf,
        }
    }
}

/// "7 % de plus qu'en 2022", "1,2 fois plus qu'en 2022", "10 % more than in 2021", "up 8 %
/// on 2023", "en hausse de 12 % sur 2023".
fn comparative_re() -> &'static SliceRegex {
    static R: std::sync::OnceLock<SliceRegex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        SliceRegex::new(
            r"(?i)(?:(?-u:\b)(?:plus|moins|more|less|higher|lower|fewer)\s+(?:qu['’]\s*(?:en|au|à|a)|que\s+(?:en|au|à|l['’]année)|than(?:\s+in)?)|(?:%|(?-u:\b)per\s*cent|(?-u:\b)percent)\s+(?:on|over)|(?-u:\b)en\s+(?:hausse|baisse|progression|recul)\s+de\s+\d[\d\s,.]*\s*%\s+sur)\s*$",
        )
        .expect("valid comparative regex")
    })
}

/// What stands between a comparison cue and a period bound to the figure after the cue:
/// "contre| 10 600 à la fin de |2023", "from| 8.72 million in |2023" (one figure, no other).
fn compared_figure_re() -> &'static SliceRegex {
    static R: std::sync::OnceLock<SliceRegex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        SliceRegex::new(r"^\s*[^\d;:!?.]{0,16}\d[\d\s.,'’\u{a0}\u{202f}]*[^\d;:!?.]{0,40}$")
            .expect("valid compared-figure regex")
    })
}

/// A wire story's place before its date, at the start of a paragraph: "NAIROBI, ",
/// "DAKAR (APS), ".
fn wire_place_re() -> &'static SliceRegex {
    static R: std::sync::OnceLock<SliceRegex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        SliceRegex::new(
            r"^\s*\p{Lu}[\p{Lu}\p{L}'’. -]{1,30}(?:\s*\([^)]{1,20}\))?\s*,\s*(?:le\s+|on\s+)?$",
        )
        .expect("valid wire place regex")
    })
}

/// The dash or colon after a wire story's date.
fn wire_dash_re() -> &'static SliceRegex {
    static R: std::sync::OnceLock<SliceRegex> = std::sync::OnceLock::new();
    R.get_or_init(|| SliceRegex::new(r"^\s*(?:—|–|-|:|\()").expect("valid wire dash regex"))
}

/// Longest line read as a heading.
const HEADING_LEN: usize = 80;

/// Whether a paragraph of one sentence reads as a heading: short, no sentence punctuation
/// at its end, a capital or a section number first ("5. Perspectives 2026", "Asia and the
/// Gulf").
fn is_heading(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty()
        && line.len() <= HEADING_LEN
        && !line.ends_with(['.', '!', '?', ':', ';', ',', '"', '»', ')'])
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && line.split_whitespace().count() <= 10
}

/// Longest first paragraph read as a title.
const TITLE_LEN: usize = 160;

/// How many short paragraphs at the top of a document make its header (title, issuer,
/// issue line, section heading).
const HEADER_PARAGRAPHS: usize = 5;

/// The period of a document's title: among the lines of its header (the first paragraph
/// when short, and the paragraphs of headings after it), the one absolute period of a line
/// with no other figure, when the header gives only one such period.
/// "RÉPUBLIQUE ET CANTON DE GENÈVE / COMMERCE EXTÉRIEUR EN 2025 / n° 14 — mai 2026" is 2025.
fn title_period(
    doc: &Document,
    periods: &[PeriodMention],
    uncarried: &[bool],
) -> (Option<Period>, usize) {
    let text = &doc.clean.text;
    let mut title: Option<Period> = None;
    let mut conflicting = false;
    let mut header = 0;
    for (n, para) in doc
        .clean
        .paragraphs
        .iter()
        .take(HEADER_PARAGRAPHS)
        .enumerate()
    {
        if para.len() > TITLE_LEN * 2 {
            break;
        }
        let lines = original_lines(doc, para.clone());
        // A short first paragraph may be a title written as a sentence ("Statistical Brief,
        // Year 2024."); after it, only headings make the header.
        let heading_like = lines.iter().all(|l| is_heading(&text[l.clone()]));
        let title_sentence = n == 0 && !heading_like && para.len() <= TITLE_LEN;
        if !heading_like && !title_sentence {
            break;
        }
        if heading_like {
            header = n + 1;
        }
        for range in lines {
            let mut inside = periods
                .iter()
                .enumerate()
                .filter(|(_, p)| p.range.start >= range.start && p.range.end <= range.end);
            let Some((i, p)) = inside.next() else {
                continue;
            };
            // "Issued March 2025" is no title; nor is a line with two periods or other
            // figures ("n° 14 — mai 2026"), nor a day ("Montréal, le 18 février 2026": the
            // issue date).
            let day = p.period.is_some_and(|p| p.instant);
            if inside.next().is_some() || p.relative.is_some() || uncarried[i] || day {
                continue;
            }
            // An ordinal is no other figure: "Bilan de la 14e édition (juin 2024)".
            let other_digits = text[range.start..p.range.start]
                .split_whitespace()
                .chain(text[p.range.end..range.end].split_whitespace())
                .any(|w| {
                    w.contains(|c: char| c.is_ascii_digit()) && event::ordinal_value(w).is_none()
                });
            if other_digits {
                continue;
            }
            match (title, p.period) {
                (Some(t), Some(q)) if t != q => conflicting = true,
                (_, Some(q)) => title = Some(q),
                _ => {}
            }
        }
        if title_sentence {
            break;
        }
    }
    (title.filter(|_| !conflicting), header)
}

/// The pieces of a cleaned paragraph that stand on one line of the original file (a plain
/// text header's lines are joined into one paragraph when cleaned).
fn original_lines(doc: &Document, para: Range<usize>) -> Vec<Range<usize>> {
    let text = &doc.clean.text;
    let line_of = |at: usize| doc.line(doc.clean.to_original(at..at + 1).start);
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut current: Option<(usize, Range<usize>)> = None;
    for (i, c) in text[para.clone()].char_indices() {
        let at = para.start + i;
        let line = line_of(at);
        let end = at + c.len_utf8();
        match &mut current {
            Some((l, r)) if *l == line || c.is_whitespace() => r.end = end,
            _ => {
                if let Some((_, r)) = current.take() {
                    out.push(r);
                }
                current = Some((line, at..end));
            }
        }
    }
    out.extend(current.map(|(_, r)| r));
    out
}

/// What follows a year to open a clause about that year, up to its figure: "2024|, année où
/// elles s'élevaient à |21 402", "2024|, when they stood at |$3.1bn".
fn year_when_re() -> &'static SliceRegex {
    static R: std::sync::OnceLock<SliceRegex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        SliceRegex::new(
            r"(?i)^\s*,?\s*(?:(?:l['’])?année\s+où|an\s+où|(?:the\s+year\s+)?when|a\s+year\s+in\s+which)[^\d.;:!?]{0,48}$",
        )
        .expect("valid year-when regex")
    })
}

/// "since records began in 1998", "depuis 2020": a starting point, not the period the next
/// sentences speak of.
fn since_re() -> &'static SliceRegex {
    static R: std::sync::OnceLock<SliceRegex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        SliceRegex::new(r"(?i)(?-u:\b)(?:since|depuis)(?-u:\b)[^\d.;:!?]{0,32}$")
            .expect("valid since regex")
    })
}

/// Words before a period that make it a plan's horizon.
fn horizon_re() -> &'static SliceRegex {
    static R: std::sync::OnceLock<SliceRegex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        SliceRegex::new(
            r"(?i)(?-u:\b)(?:by|until|till|from|starting\s+in|d['’]ici|jusqu['’]en|jusqu['’]à|à\s+partir\s+de|dès|à\s+l['’]horizon|horizon)\s*(?:(?:the\s+)?end\s+of\s+|la\s+fin\s+de\s+)?$",
        )
        .expect("valid horizon regex")
    })
}

/// "vers ce pays", "with this country": a partner named earlier.
fn anaphoric_partner_re() -> &'static regex::Regex {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        regex::Regex::new(
            r"(?i)(?-u:\b)(?:vers|avec|à\s+destination\s+de|to|with)\s+(?:ce|cet|cette|this|that)\s+(?:pays|république|country|republic)(?-u:\b)",
        )
        .expect("valid anaphora regex")
    })
}

/// Indices of the items of a sorted list that start inside a range.
fn within<T>(items: &[T], start: impl Fn(&T) -> usize, r: &Range<usize>) -> Range<usize> {
    let a = items.partition_point(|x| start(x) < r.start);
    let b = items.partition_point(|x| start(x) < r.end);
    a..b
}

/// The index of a claim's metric when it is a metric of its own (not a share, not a
/// fallback term), for a figure that refers back to it.
fn own_metric(c: &Claim, lex: &ContextLexicon) -> Option<usize> {
    let code = c.metric.as_deref().filter(|m| *m != "share")?;
    lex.metrics
        .iter()
        .position(|m| m.code == code && !m.fallback)
}

/// Whether the clause before a figure has a personal pronoun as its subject.
fn starts_with_pronoun(lead: &str) -> bool {
    const PRONOUNS: &[&str] = &[
        "elles",
        "ils",
        "elle",
        "il",
        "celles-ci",
        "ceux-ci",
        "they",
        "it",
        "these",
        "those",
    ];
    lead.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take(8)
        .any(|w| PRONOUNS.contains(&w.to_lowercase().as_str()))
}

/// Bytes either side of a figure its context readers look at, within its sentence.
const READING_REACH: usize = 2000;

/// `sentence` cut to [`READING_REACH`] bytes either side of `figure`, on char boundaries.
fn reading_window(text: &str, sentence: &Range<usize>, figure: &Range<usize>) -> Range<usize> {
    let start = text.floor_char_boundary(
        sentence
            .start
            .max(figure.start.saturating_sub(READING_REACH)),
    );
    let end = text.ceil_char_boundary(sentence.end.min(figure.end.saturating_add(READING_REACH)));
    start..end
}

/// Subject, partner and period carried over from earlier sentences.
#[derive(Debug, Clone, Default)]
struct Carry {
    subject: Option<(String, usize)>,
    /// The partner and the paragraph it was named in.
    partner: Option<(String, usize)>,
    period: Option<(Period, usize)>,
}

impl Carry {
    /// Take what a sentence states explicitly. A heading opens a new section: the period
    /// and partner of the one before are not carried into it.
    fn absorb(&mut self, ctx: &DocContext, s: &Range<usize>, paragraph: usize, heading: bool) {
        if heading {
            self.period = None;
            self.partner = None;
        }
        let in_sentence = within(&ctx.entities, |e| e.range.start, s);
        let ents = &ctx.entities[in_sentence.clone()];
        let compared = &ctx.compared[in_sentence];
        // The most specific name is what the next sentences speak of: "la Biélorussie, où se
        // développe le parc Great Stone …" goes on about the park.
        if let Some(subj) = ents
            .iter()
            .zip(compared)
            .filter(|(e, &compared)| !e.partner && !compared)
            .map(|(e, _)| e)
            .min_by_key(|e| std::cmp::Reverse(e.specificity))
        {
            let changed = self.subject.as_ref().is_none_or(|(id, _)| *id != subj.id);
            if changed {
                self.partner = None;
            }
            self.subject = Some((subj.id.clone(), paragraph));
        }
        if let Some((p, _)) = ents.iter().zip(compared).find(|(e, &c)| e.partner && !c) {
            self.partner = Some((p.id.clone(), paragraph));
        }
        let pr = within(&ctx.periods, |p| p.range.start, s);
        // A horizon ("by 2027", "d'ici 2030") is a plan's date, an issue date is the text's,
        // and a comparison's other side has its own: none is the period the next sentences
        // speak of.
        if let Some(p) = pr
            .rev()
            .filter(|&i| !ctx.base[i] && !ctx.uncarried[i])
            .find_map(|i| ctx.periods[i].period)
        {
            self.period = Some((p, paragraph));
        }
    }
}

/// Claims for the claim quantities of one document, in text order.
pub fn attach(
    doc_index: usize,
    doc: &Document,
    quantities: &[Quantity],
    lex: &ContextLexicon,
) -> Vec<Claim> {
    attach_all(doc_index, doc, quantities, lex).claims
}

/// What one reading of a document gives the rules: claims, dated events
/// ([`event::events`]) and anniversaries ([`anniversary::anniversaries`]).
pub struct Attached {
    pub claims: Vec<Claim>,
    pub events: Vec<event::EventMention>,
    pub anniversaries: Vec<anniversary::Anniversary>,
}

/// Claims, dated events and anniversaries of one document, from one reading.
pub fn attach_all(
    doc_index: usize,
    doc: &Document,
    quantities: &[Quantity],
    lex: &ContextLexicon,
) -> Attached {
    let ctx = DocContext::new(doc, lex);
    let text = &doc.clean.text;
    let paragraph_of = |at| doc.clean.paragraph_of(at);
    let events = event::events(
        doc_index,
        text,
        &ctx.seg,
        &ctx.periods,
        &ctx.event_nouns,
        &ctx.entities,
        paragraph_of,
    );
    let anniversaries = anniversary::anniversaries(
        doc_index,
        text,
        &ctx.seg,
        &ctx.periods,
        &ctx.entities,
        ctx.home.as_deref(),
        paragraph_of,
    );
    Attached {
        claims: claims_of(doc_index, doc, quantities, lex, &ctx),
        events,
        anniversaries,
    }
}

fn claims_of(
    doc_index: usize,
    doc: &Document,
    quantities: &[Quantity],
    lex: &ContextLexicon,
    ctx: &DocContext,
) -> Vec<Claim> {
    let text = &doc.clean.text;
    let claim_q: Vec<&Quantity> = quantities.iter().filter(|q| q.is_claim()).collect();
    let mut claims: Vec<Claim> = Vec::with_capacity(claim_q.len());
    let mut carry = Carry::default();
    let cell_periods = match doc.format {
        crate::document::Format::Markdown => crate::table::cell_periods(&doc.text),
        _ => Vec::new(),
    };
    // Sentences absorbed into `carry` so far.
    let mut absorbed = 0usize;
    for (qi, q) in claim_q.iter().enumerate() {
        let si = ctx.seg.sentence_of(q.clean.start);
        let sentence = si.map_or(q.clean.clone(), |i| ctx.seg.sentences[i].clone());
        if let Some(si) = si {
            while absorbed < si {
                let s = ctx.seg.sentences[absorbed].clone();
                let paragraph = doc.clean.paragraph_of(s.start);
                let para = &doc.clean.paragraphs[paragraph];
                // A heading is a paragraph of its own, judged whole: "4. Qualité de service"
                // is cut into two sentences after "4.".
                let heading = is_heading(&text[para.clone()]);
                carry.absorb(ctx, &s, paragraph, heading);
                absorbed += 1;
            }
        }
        let paragraph = doc.clean.paragraph_of(q.clean.start);
        // What the readers below look at: the sentence, cut to a window around the figure
        // so that a run-on "sentence" (a table flattened to one line, a file without
        // punctuation) costs each figure a bounded amount of work.
        let reading = reading_window(text, &sentence, &q.clean);
        let metrics = &ctx.metrics[within(&ctx.metrics, |m| m.start, &reading)];
        let cues = &ctx.cues[within(&ctx.cues, |c| c.start, &reading)];
        let ents = &ctx.entities[within(&ctx.entities, |e| e.range.start, &reading)];
        let prange = within(&ctx.periods, |p| p.range.start, &reading);

        // Metric, with "(croissance de 3,3 %)" taking the metric of the figure before it.
        let mut metric = metric::metric_of(text, q, metrics, &ctx.seg, lex);
        if let Some(m) = respective_metric(text, q, &sentence, metrics, &claim_q) {
            metric = Some((m, metric::MetricSource::Clause));
        }
        // The figure a pronoun or an elliptical change refers to lends this one its metric,
        // and its subject reading. "En 2022, elles ont atteint …", "In 2022 they reached …":
        // a pronoun subject refers to the figure of the sentence before, in the paragraph.
        let mut antecedent: Option<(Option<String>, Option<String>, f32)> = None;
        if metric.is_none() && starts_with_pronoun(&text[sentence.start..q.clean.start]) {
            // The pronoun stands for the sentence before's subject, its first stated value,
            // not a complement after it: "Les importations ont atteint 9 420, pour des
            // exportations de 370. Elles avaient été de 8 210 …" speaks of imports.
            let prev = claims
                .last()
                .filter(|c| c.paragraph == paragraph && c.sentence.end <= sentence.start)
                .map(|last| {
                    claims
                        .iter()
                        .rev()
                        .take(12)
                        .take_while(|c| c.sentence == last.sentence)
                        .filter(|c| c.role == Role::Value)
                        .last()
                        .unwrap_or(last)
                });
            if let Some((idx, prev)) = prev.and_then(|c| Some((own_metric(c, lex)?, c))) {
                metric = Some((idx, metric::MetricSource::Sentence));
                antecedent = Some((prev.subject.clone(), prev.partner.clone(), prev.confidence));
            }
        }
        let paren = ctx.seg.paren_of(q.clean.start);
        if let Some(p) = &paren {
            let own = metric.is_some_and(|(_, src)| {
                src == metric::MetricSource::Clause || src == metric::MetricSource::Unit
            }) && metrics
                .iter()
                .any(|m| !m.fallback && m.start >= p.start && m.end <= p.end);
            // "… inférieures aux importations (7,6 milliards)": a metric term between the
            // figure before and the bracket names the bracketed figure.
            let named_before = claims.last().is_some_and(|c| {
                metrics
                    .iter()
                    .any(|m| !m.fallback && m.start >= c.quantity.clean.end && m.end <= p.start)
            });
            if !own && !named_before {
                if let Some(prev) = claims
                    .last()
                    .filter(|c| c.quantity.clean.end <= p.start && c.sentence == sentence)
                {
                    if let Some(code) = &prev.metric {
                        let idx = lex.metrics.iter().position(|m| &m.code == code);
                        if let Some(idx) = idx {
                            metric = Some((idx, metric::MetricSource::Clause));
                        }
                    }
                }
            }
        }

        // Role.
        let mut role_reading = role::role_of(text, q, cues, metrics, &ctx.seg);
        if role_reading.role == Role::Value && q.value.is_sign_negative() {
            role_reading.role = Role::Change;
            role_reading.direction = Some(crate::claim::Direction::Down);
        }
        if paren.is_some()
            && role_reading.role == Role::Value
            && q.kind == crate::quantity::Kind::Percent
        {
            // A bare percentage in brackets after a figure is its growth rate.
            if let Some(m) = metric {
                if lex.metrics[m.0].fallback {
                    metric = None;
                }
            }
        }
        // "… reached $312.0 million, up 7.8 % on 2021": a change with no metric of its own
        // is the change of the figure before it in the sentence.
        if metric.is_none() && matches!(role_reading.role, Role::Change | Role::Index) {
            let prev = claims
                .last()
                .filter(|c| c.sentence == sentence && c.role == Role::Value);
            if let Some((idx, prev)) = prev.and_then(|c| Some((own_metric(c, lex)?, c))) {
                metric = Some((idx, metric::MetricSource::Clause));
                antecedent = Some((prev.subject.clone(), prev.partner.clone(), prev.confidence));
            }
        }
        let mut metric_conf = metric.map_or(MISSING, |(_, s)| s.confidence());
        let mut metric_code = metric.map(|(i, _)| lex.metric_code(i).to_string());
        let mut whole = role_reading.whole.map(|i| lex.metric_code(i).to_string());
        // "la Russie a pris 55 % des exportations, la Chine 30 % et l'UE 25 %": a bare
        // percentage listed after a share, with no metric term of its own in between, is a
        // share of the same whole.
        if role_reading.role == Role::Value && q.kind == crate::quantity::Kind::Percent {
            // An age label between ("… 54,1 % et les 65 ans ou plus 24,9 %") is no item.
            let prev = claims.iter().rev().find(|c| !c.quantity.is_duration());
            if let Some(prev) = prev.filter(|c| {
                c.role == Role::Share
                    && c.whole.is_some()
                    && c.sentence == sentence
                    && c.quantity.kind == crate::quantity::Kind::Percent
            }) {
                let between = &text[prev.quantity.clean.end..q.clean.start];
                let whole_end = metrics
                    .iter()
                    .filter(|m| m.start >= prev.quantity.clean.end && m.end <= q.clean.start)
                    .count();
                let listed =
                    between.contains(',') || between.contains(" et ") || between.contains(" and ");
                // Digits of labels ("les 20-64 ans 54,1 %") do not break the list; other
                // figures do.
                let labels_only = between.char_indices().all(|(o, c)| {
                    let at = prev.quantity.clean.end + o;
                    let x = quantities.get(quantities.partition_point(|x| x.clean.end <= at));
                    !c.is_ascii_digit()
                        || x.is_some_and(|x| {
                            x.clean.start <= at && (!x.is_claim() || x.is_duration())
                        })
                });
                if listed && whole_end <= 1 && labels_only {
                    role_reading.role = Role::Share;
                    whole = prev.whole.clone();
                    metric_conf = metric_conf.max(0.9);
                }
            }
        }
        if role_reading.role == Role::Share {
            metric_code = Some("share".to_string());
        }
        // "1 184 autobus", "2,410 vessels": with no metric term in reach, what a count
        // counts is what it measures.
        if metric_code.is_none() && role_reading.role == Role::Value {
            if let Some(noun) = counted_noun(q) {
                metric_code = Some(noun.to_string());
                metric_conf = COUNTED_NOUN;
            }
        }
        // "64 400 exploitations en 2020, contre 77 600 en 2010": a bare number on the other
        // side of a comparison measures what the figure before it measures.
        if metric_code.is_none()
            && role_reading.role == Role::Value
            && q.kind == crate::quantity::Kind::Number
        {
            let prev = claims.last().filter(|c| {
                c.sentence == sentence
                    && c.role == Role::Value
                    && c.metric.is_some()
                    && c.quantity.kind != crate::quantity::Kind::Percent
            });
            if let Some(prev) = prev {
                let gap = prev.quantity.clean.end..q.clean.start;
                let against = cues.iter().any(|c| {
                    c.start >= gap.start
                        && c.end <= gap.end
                        && matches!(c.cue, Cue::Against | Cue::Base)
                        && text[c.end..gap.end].trim().len() <= 2
                });
                if against && !text[gap.clone()].contains([';', ':', '(']) {
                    metric_code = prev.metric.clone();
                    metric_conf = metric_conf.max(COUNTED_NOUN);
                }
            }
        }

        // Subject and partner.
        let (subject, partner, subject_conf) =
            subject_of(text, q, ents, ctx, &carry, paragraph, &reading);
        // A sentence that names nothing speaks of its antecedent's subject and partner
        // ("Elles avaient été de 8 210 en 2023" after the imports from China), not of what
        // a heading or an earlier sentence left carried.
        let (subject, partner, subject_conf) = match &antecedent {
            Some((s, p, conf)) if ents.is_empty() && subject_conf < 0.9 => {
                (s.clone(), p.clone(), subject_conf.max(conf.min(0.95)))
            }
            _ => (subject, partner, subject_conf),
        };

        // Period and base period.
        let next_claim_start = claim_q.get(qi + 1).map(|n| n.clean.start);
        let prev_claim_end = qi
            .checked_sub(1)
            .map(|i| claim_q[i].clean.end)
            .filter(|&e| e >= sentence.start);
        let (period, period_conf) = period_of(
            text,
            q,
            ctx,
            prange.clone(),
            next_claim_start,
            prev_claim_end,
            &carry,
            paragraph,
        );
        // A table cell under a header that is a period ("| 2024 | 2025 |") is of that
        // period, whatever the text around the table carries; only a period the cell
        // states itself comes first.
        let column = header_period(&cell_periods, &q.span).filter(|_| period_conf < 1.0);
        let (period, period_conf) = match column {
            Some(p) => (Some(p.period), 1.0),
            None => (period, period_conf),
        };
        let base_period = match column {
            Some(crate::table::CellPeriod { base: Some(b), .. }) => Some(b),
            _ => base_of(q, ctx, prange, period),
        };
        // "d'au moins 120 % par rapport à 2022" with no period of its own: the year after.
        let (period, period_conf) = match base_period {
            Some(b) if period_conf < 0.8 && !b.instant => (Some(shift_year(b, 1)), 0.8),
            _ => (period, period_conf),
        };

        // A subject carried with the antecedent is as sure as the antecedent's reading.
        let subject_conf = match &antecedent {
            Some((s, _, conf)) if *s == subject && subject.is_some() => {
                subject_conf.max(conf.min(0.95))
            }
            _ => subject_conf,
        };
        let confidence = metric_conf * subject_conf * period_conf;
        let counted = match (&q.kind, &q.unit) {
            (Kind::Count, Some(u)) => lex.metric_of_unit(u).map(|m| lex.metrics[m].code.clone()),
            _ => None,
        };
        let restates = restated(
            text,
            &sentence,
            cues,
            &claims,
            q,
            &metric_code,
            role_reading.role,
        )
        .filter(|c| c.paragraph == paragraph && subject_compatible(&c.subject, &subject))
        .map(|c| c.quantity.clean.start);
        claims.push(Claim {
            doc: doc_index,
            quantity: (*q).clone(),
            metric: metric_code,
            subject,
            partner,
            period,
            role: role_reading.role,
            direction: role_reading.direction,
            whole,
            base_period,
            confidence,
            subject_confidence: subject_conf,
            period_confidence: period_conf,
            counted,
            members: (q.kind == Kind::Count)
                .then(|| ranked_group(text, q, &sentence, ents))
                .flatten(),
            sentence: sentence.clone(),
            paragraph,
            restates,
        });
    }
    claims
}

/// The period of the table column a figure stands in, from [`crate::table::cell_periods`]
/// (cells sorted by position; `span` in the original text).
fn header_period(
    cells: &[(Range<usize>, crate::table::CellPeriod)],
    span: &Range<usize>,
) -> Option<crate::table::CellPeriod> {
    let i = cells.partition_point(|(r, _)| r.start <= span.start);
    let (cell, p) = cells.get(i.checked_sub(1)?)?;
    (span.end <= cell.end).then_some(*p)
}

fn respectively_re() -> &'static regex::Regex {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        regex::Regex::new(r"(?i)(?-u:\b)(?:respectively|respectivement)(?-u:\b)")
            .expect("valid respectively regex")
    })
}

/// "Exports to and imports from Uzbekistan were $96.4 million and $58.1 million
/// respectively", "les exportations et les importations ont atteint respectivement 96,4 et
/// 58,1 millions": the k-th figure of the group measures the k-th of the terms named before
/// it. The group is the figures after the last term before this one, up to
/// "respectively" or the next term.
fn respective_metric(
    text: &str,
    q: &Quantity,
    sentence: &Range<usize>,
    metrics: &[MetricMention],
    figures: &[&Quantity],
) -> Option<usize> {
    let end = text.floor_char_boundary(sentence.end.min(q.clean.end + 240));
    // Most sentences say no "respectively": a byte search spares every other figure the
    // work below.
    let around = text.floor_char_boundary(q.clean.start.saturating_sub(240).max(sentence.start));
    memchr::memmem::find(&text.as_bytes()[around..end], b"respecti")?;
    let terms: Vec<&MetricMention> = metrics
        .iter()
        .filter(|m| !m.fallback && m.start >= sentence.start && m.end <= end)
        .collect();
    let last = terms.iter().rposition(|m| m.end <= q.clean.start)?;
    let from = terms[last].end;
    let from_text = text.ceil_char_boundary(from);
    let said = respectively_re().find(&text[from_text..end])?;
    let said_at = from_text + said.start();
    // The figures after "respectively" when it comes first, else those before it; either
    // way up to the next term.
    let limit = terms
        .get(last + 1)
        .map_or(end, |m| m.start)
        .min(if said_at > q.clean.start {
            said_at
        } else {
            end
        });
    let first = figures.partition_point(|f| f.clean.start < from);
    let group: Vec<&&Quantity> = figures[first..]
        .iter()
        .take_while(|f| f.clean.end <= limit)
        .collect();
    let alike = |k: Kind| match k {
        Kind::Amount | Kind::Number => Kind::Amount,
        k => k,
    };
    if group.len() < 2 || group.iter().any(|f| alike(f.kind) != alike(group[0].kind)) {
        return None;
    }
    // The distinct terms before the group, in order ("exports … and imports …").
    let mut named: Vec<usize> = Vec::new();
    for m in &terms[..=last] {
        if named.last() != Some(&m.metric) {
            named.push(m.metric);
        }
    }
    if named.len() < group.len() {
        return None;
    }
    let named = &named[named.len() - group.len()..];
    let k = group.iter().position(|f| f.clean.start == q.clean.start)?;
    Some(named[k])
}

/// How many claims back a restating sentence looks for the figure it tells again.
const RESTATE_REACH: usize = 12;

/// The figure a sentence opening with a restating cue ("Plus précisément, …", "In other
/// words, …") tells again: the last earlier figure of the same measure and kind, before
/// this sentence, among the few claims just before. Only the sentence's first figure of
/// that measure restates.
fn restated<'c>(
    text: &str,
    sentence: &Range<usize>,
    cues: &[CueMention],
    claims: &'c [Claim],
    q: &Quantity,
    metric: &Option<String>,
    role: Role,
) -> Option<&'c Claim> {
    let metric = metric.as_ref()?;
    if role != Role::Value {
        return None;
    }
    let opens = cues.iter().any(|c| {
        c.cue == Cue::Restate
            && c.start >= sentence.start
            && c.end <= q.clean.start
            && text[sentence.start..c.start]
                .chars()
                .all(|ch| !ch.is_alphanumeric())
    });
    if !opens {
        return None;
    }
    // A count restates a count of the same noun, or one whose noun is what the measure
    // counts: "le nombre de résidents … 108" tells "une centaine de résidents" again, not
    // the "15 pays" they come from.
    let counts_alike = |c: &Claim| match (&q.unit, &c.quantity.unit) {
        (Some(u), Some(v)) => u == v,
        (None, Some(_)) => c.counted.as_ref() == Some(metric),
        _ => true,
    };
    let same_measure = |c: &&Claim| {
        c.metric.as_ref() == Some(metric)
            && c.role == Role::Value
            && c.quantity.kind.fact_class() == q.kind.fact_class()
            && (c.quantity.kind != Kind::Count || counts_alike(c))
    };
    // The nearest figure of this measure: in this sentence, it was the restating one; one
    // scan of the few claims before, so a long sentence costs each figure no more.
    claims
        .iter()
        .rev()
        .take(RESTATE_REACH)
        .find(same_measure)
        .filter(|c| c.sentence.end <= sentence.start)
}

/// Two subject readings that may name one thing: the same, or one not read.
fn subject_compatible(a: &Option<String>, b: &Option<String>) -> bool {
    a.is_none() || b.is_none() || a == b
}

/// How far before a count its "l'un des" may start.
const MEMBER_CUE_REACH: usize = 32;

/// "l'un des", "l'une des", "one of the", "parmi les", "among the" right before a count.
fn member_of_re() -> &'static regex::Regex {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        regex::Regex::new(
            r"(?i)(?:(?-u:\b)l['’]\s*une?\s+des|(?-u:\b)une?\s+des|(?-u:\b)one\s+of\s+the|(?-u:\b)parmi\s+les|(?-u:\b)among\s+the)\s*$",
        )
        .expect("valid member-of regex")
    })
}

/// Words after a group's count that make it a ranked group: "les quatre plus grands
/// acheteurs", "the three largest buyers", "the top five".
const RANKS: &[&str] = &[
    "plus grand",
    "plus gros",
    "plus important",
    "principa",
    "premier",
    "première",
    "largest",
    "biggest",
    "main",
    "leading",
    "major",
    "top",
];

/// Members named for a ranked group whose size `q` gives, when they stand as its subject
/// just before: "A, avec B, C et D, est devenu l'un des trois plus grands acheteurs". Only
/// a run of names joined by list words and "avec" / "with", then a short verb, counts.
fn ranked_group(
    text: &str,
    q: &Quantity,
    sentence: &Range<usize>,
    ents: &[EntityMention],
) -> Option<(usize, Range<usize>)> {
    // The cue stands right before the count: a bounded look-back keeps a run-on line of
    // counts linear.
    let from = text
        .floor_char_boundary(q.clean.start.saturating_sub(MEMBER_CUE_REACH))
        .max(sentence.start);
    let lead = text.get(from..q.clean.start)?;
    let cue = member_of_re().find(lead)?;
    let cue_at = from + cue.start();
    let after = entity::ahead(text, q.clean.start, 48).to_lowercase();
    if !RANKS.iter().any(|r| after.contains(r)) {
        return None;
    }
    let before: Vec<&EntityMention> = ents
        .iter()
        .filter(|e| e.range.start >= sentence.start && e.range.end <= cue_at)
        .collect();
    let last = *before.last()?;
    // Between the last name and the cue, a verb of a few words: "est devenu", "sont", "is".
    let verb = &text[last.range.end..cue_at];
    if verb.len() > 40
        || verb.contains(|c: char| c.is_ascii_digit())
        || verb.split_whitespace().count() > 4
    {
        return None;
    }
    let joined = |gap: &str| {
        let gap = gap.to_lowercase();
        let gap = [
            "avec",
            "with",
            "ainsi que",
            "as well as",
            "along with",
            "together with",
        ]
        .iter()
        .fold(gap, |g, w| g.replace(w, " "));
        gap.len() <= 24 && list_gap(&gap)
    };
    let mut first = before.len() - 1;
    while first > 0 && joined(&text[before[first - 1].range.end..before[first].range.start]) {
        first -= 1;
    }
    // The run is the verb's subject, not a complement ("qui achète du cuivre au Chili, au
    // Pérou et en Zambie, est devenue l'un des …"): no preposition before its first name.
    let at = before[first].range.start;
    let head = text[text
        .floor_char_boundary(at.saturating_sub(24))
        .max(sentence.start)..at]
        .to_lowercase();
    let mut words = head
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’' || c == ',')
        .filter(|w| !w.is_empty())
        .rev();
    let word = match words.next() {
        Some("le" | "la" | "l" | "les" | "the") => words.next(),
        w => w,
    };
    if word.is_some_and(|w| SUBJECT_BARS.contains(&w)) {
        return None;
    }
    let mut ids: Vec<&str> = before[first..].iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    (ids.len() >= 2).then(|| (ids.len(), before[first].range.start..last.range.end))
}

/// Words before a name that make it a complement, not a subject: prepositions and relative
/// pronouns.
const SUBJECT_BARS: &[&str] = &[
    "au", "aux", "à", "en", "du", "des", "de", "d", "vers", "par", "pour", "avec", "sur", "chez",
    "qui", "dont", "from", "to", "in", "of", "with", "by", "for", "on", "at", "which", "who",
];

fn subject_of(
    text: &str,
    q: &Quantity,
    ents: &[EntityMention],
    ctx: &DocContext,
    carry: &Carry,
    paragraph: usize,
    sentence: &Range<usize>,
) -> (Option<String>, Option<String>, f32) {
    let dist = |e: &EntityMention| {
        if e.range.end <= q.clean.start {
            q.clean.start - e.range.end
        } else {
            // After the figure: weaker than before ("exportations biélorusses" stands before).
            (e.range.start.saturating_sub(q.clean.end)) * 2 + 1
        }
    };
    let same_clause = |e: &EntityMention| {
        let (a, b) = if e.range.end <= q.clean.start {
            (e.range.end, q.clean.start)
        } else {
            (q.clean.end, e.range.start)
        };
        a >= b || !ctx.seg.break_between(a, b)
    };
    // "412 GWh, well above the UK average", "1,2 milliard, loin devant la Belgique", "312
    // tonnes, contre 280 en Italie": a place after a comparison word is the other side.
    let compared = |e: &EntityMention| {
        e.range.start >= q.clean.end && {
            let i = ctx.cues.partition_point(|c| c.start < q.clean.end);
            ctx.cues[i..]
                .iter()
                .take_while(|c| c.end <= e.range.start)
                .any(|c| compares(text, c))
        }
    };
    let all_ents = ents;
    let ents: Vec<&EntityMention> = ents.iter().filter(|e| !compared(e)).collect();
    let pick = |pred: &dyn Fn(&EntityMention) -> bool| -> Option<&EntityMention> {
        ents.iter()
            .copied()
            .filter(|e| !e.partner && pred(e))
            .min_by_key(|e| (std::cmp::Reverse(e.specificity), dist(e)))
    };
    let partner_here = ents
        .iter()
        .filter(|e| e.partner)
        .min_by_key(|e| (!same_clause(e), dist(e)))
        .map(|e| e.id.clone());
    // "1 264,8 milliards d'exportations ivoiriennes": a demonym right after the metric word
    // says whose exports they are, whoever else the clause names ("les Pays-Bas ont absorbé
    // …" is then the partner).
    let owner = ents.iter().copied().find(|e| {
        !e.partner
            && same_clause(e)
            && text[e.range.clone()].starts_with(|c: char| c.is_lowercase())
            && {
                let i = ctx.metrics.partition_point(|m| m.end <= e.range.start);
                ctx.metrics[..i].last().is_some_and(|m| {
                    let gap = &text[m.end..e.range.start];
                    gap.len() <= 2 && gap.trim().is_empty()
                })
            }
    });
    let partner_here = match (owner, &partner_here) {
        (Some(o), None) => pick(&same_clause)
            .filter(|e| e.id != o.id && e.specificity == 1)
            .map(|e| e.id.clone()),
        _ => partner_here,
    };
    let (subject, conf) = if let Some(o) = owner {
        (Some(o.id.clone()), 1.0)
    } else if let Some(e) = pick(&same_clause) {
        // "412 000 personnes au Mali, au Niger et au Tchad": the figure is the list's, not
        // its first country's.
        let group = listed_with(text, all_ents, e);
        (Some(group.unwrap_or_else(|| e.id.clone())), 1.0)
    } else if let Some(e) = pick(&|_| true) {
        (Some(e.id.clone()), 0.9)
    } else if let Some((id, p)) = &carry.subject {
        let near = paragraph.saturating_sub(*p);
        if near == 0 {
            (Some(id.clone()), 0.75)
        } else if near <= CARRY_PARAGRAPHS {
            (Some(id.clone()), 0.6)
        } else if let Some(h) = &ctx.home {
            (Some(h.clone()), ctx.home_conf)
        } else {
            // A name from paragraphs away has lapsed: as in a document that names nothing,
            // the figure is about the document's own subject.
            (None, IMPLICIT_SUBJECT)
        }
    } else if let Some(h) = &ctx.home {
        (Some(h.clone()), ctx.home_conf)
    } else {
        // Nothing named so far and no country the document is about: a city budget, a
        // company's report. Its figures are about the document's own, unnamed subject.
        (None, IMPLICIT_SUBJECT)
    };
    let carried_subject = conf < 0.9;
    // A carried subject that this sentence names as the partner gives way to the default.
    let (subject, conf) = match (&subject, &partner_here) {
        (Some(s), Some(p)) if carried_subject && s == p => match &ctx.home {
            Some(h) if h != p => (Some(h.clone()), ctx.home_conf),
            _ => (None, MISSING),
        },
        _ => (subject, conf),
    };
    // "vers ce pays d'Asie centrale": the country the text was speaking of.
    let partner_here = partner_here.or_else(|| {
        if anaphoric_partner_re().is_match(&text[sentence.clone()]) {
            carry
                .partner
                .as_ref()
                .map(|(id, _)| id.clone())
                .or_else(|| {
                    carry
                        .subject
                        .as_ref()
                        .map(|(id, _)| id.clone())
                        .filter(|id| Some(id) != ctx.home.as_ref())
                })
        } else {
            None
        }
    });
    let partner = partner_here.or_else(|| {
        // The partner of the subject carried over goes with it.
        let same_subject = carry.subject.as_ref().map(|(id, _)| id) == subject.as_ref();
        // Only as far as a subject is carried: a partner named three sections back is
        // not the partner of a figure here.
        let near = carry
            .partner
            .as_ref()
            .filter(|(_, p)| paragraph.saturating_sub(*p) <= CARRY_PARAGRAPHS);
        if (carried_subject || same_subject)
            && !ents.iter().any(|e| e.partner)
            && sentence.start > 0
        {
            near.map(|(id, _)| id.clone())
        } else {
            None
        }
    });
    // "38 Georgian companies", "64 entreprises kazakhes": a country named inside the
    // figure or right after its noun says where the counted things come from; with another
    // subject (the zone they settled in), that country is the partner of the fact.
    let origin = ents
        .iter()
        .filter(|e| e.specificity == 1)
        .find(|e| {
            e.range.start < q.clean.end + 2 && e.range.end > q.clean.start
                || (e.range.start >= q.clean.end
                    && text
                        .get(q.clean.end..e.range.start)
                        .is_some_and(|gap| gap.trim().is_empty() && gap.len() <= 2))
        })
        .map(|e| e.id.clone());
    let partner = match origin {
        Some(o) if subject.as_ref() != Some(&o) => Some(o),
        _ => partner,
    };
    let partner = partner.filter(|p| Some(p) != subject.as_ref());
    (subject, partner, conf)
}

/// Words that may stand between the names of a list: "au Mali, au Niger et au Tchad",
/// "in Kenya, Uganda and Tanzania".
fn list_gap(gap: &str) -> bool {
    gap.split(|c: char| c.is_whitespace() || c == ',' || c == '\'' || c == '’')
        .filter(|w| !w.is_empty())
        .all(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "et" | "and"
                    | "au"
                    | "aux"
                    | "en"
                    | "à"
                    | "le"
                    | "la"
                    | "les"
                    | "l"
                    | "du"
                    | "de"
                    | "des"
                    | "in"
                    | "the"
                    | "of"
                    | "ou"
                    | "or"
            )
        })
}

/// When the entity a figure is about is one of a list of names of its kind in the clause,
/// the list as one subject ("MLI+NER+TCD"), so that the list's figure and one member's are
/// never one fact.
fn listed_with(text: &str, ents: &[EntityMention], e: &EntityMention) -> Option<String> {
    let peers: Vec<&EntityMention> = ents
        .iter()
        // Names coordinated after the first are read as its partners, and commas break
        // clauses: in a list they are its peers all the same.
        .filter(|m| m.specificity == e.specificity)
        .collect();
    let at = peers.iter().position(|m| std::ptr::eq(*m, e))?;
    // The run of names around `e` joined only by list words.
    let joined = |a: &EntityMention, b: &EntityMention| {
        text.get(a.range.end..b.range.start)
            .is_some_and(|gap| gap.len() <= 16 && list_gap(gap))
    };
    let mut first = at;
    while first > 0 && joined(peers[first - 1], peers[first]) {
        first -= 1;
    }
    let mut last = at;
    while last + 1 < peers.len() && joined(peers[last], peers[last + 1]) {
        last += 1;
    }
    // Two names are a relation's two sides ("entre la Biélorussie et la Chine"); a list
    // has three or more.
    if last - first < 2 {
        return None;
    }
    let mut ids: Vec<&str> = peers[first..=last].iter().map(|m| m.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    (ids.len() > 2).then(|| ids.join("+"))
}

#[allow(clippy::too_many_arguments)]
fn period_of(
    text: &str,
    q: &Quantity,
    ctx: &DocContext,
    prange: Range<usize>,
    next_claim_start: Option<usize>,
    prev_claim_end: Option<usize>,
    carry: &Carry,
    paragraph: usize,
) -> (Option<Period>, f32) {
    // A period right after the figure, before any other figure, belongs to it.
    let bound_after = |pi: usize, after: usize| -> bool {
        let p = &ctx.periods[pi];
        p.range.start >= after
            && p.range.start - after <= BOUND_PERIOD_GAP
            && !ctx.seg.break_between(after, p.range.start)
            && !text[after..p.range.start].contains(|c: char| c.is_ascii_digit())
    };
    let candidates: Vec<usize> = prange
        .clone()
        .filter(|&i| !ctx.base[i] && !ctx.dateline[i] && ctx.periods[i].period.is_some())
        .collect();
    // "entre 2021 (120 millions d'euros) et 2024 (210 millions)": a figure in brackets right
    // after a period is that period's.
    // So is one right after a comparison's base: "un tiers de plus qu'en 2024 (3 200)".
    if let Some(paren) = ctx.seg.paren_of(q.clean.start) {
        let opened_at = text[..paren.start].trim_end().len();
        if let Some(i) = prange.clone().find(|&i| {
            ctx.periods[i].range.end == opened_at
                && !ctx.dateline[i]
                && ctx.periods[i].period.is_some()
        }) {
            let before_figure = text[paren.start + 1..q.clean.start].trim();
            if before_figure.len() <= 2 {
                return (ctx.periods[i].period, 1.0);
            }
        }
    }
    // "par rapport à 2024, année où elles s'élevaient à 21 402": the figure of a relative
    // clause on the base year is that year's.
    if let Some(i) = prange.clone().rev().find(|&i| {
        let p = &ctx.periods[i];
        p.range.end <= q.clean.start
            && p.period.is_some()
            && !ctx.dateline[i]
            && year_when_re().is_match(&text[p.range.end..q.clean.start])
    }) {
        return (ctx.periods[i].period, 1.0);
    }
    if let Some(&i) = candidates.iter().find(|&&i| {
        bound_after(i, q.clean.end)
            && next_claim_start.is_none_or(|n| ctx.periods[i].range.start < n)
    }) {
        return (ctx.periods[i].period, 1.0);
    }
    let relative_conf = |i: usize| match ctx.periods[i].relative {
        Some(Relative::ThisYear) => 0.7,
        Some(_) => 0.85,
        None => 1.0,
    };
    let bound_to_previous = |i: usize| {
        prev_claim_end.is_some_and(|e| e <= ctx.periods[i].range.start && bound_after(i, e))
    };
    // The nearest period before the figure that is not bound to an earlier figure.
    if let Some(&i) = candidates
        .iter()
        .rev()
        .find(|&&i| ctx.periods[i].range.end <= q.clean.start && !bound_to_previous(i))
    {
        let clause = !ctx
            .seg
            .break_between(ctx.periods[i].range.end, q.clean.start);
        let c = if clause { 1.0 } else { 0.95 };
        return (ctx.periods[i].period, c * relative_conf(i));
    }
    // A period later in the sentence ("… s'est élevé à X au premier semestre 2022"), unless
    // it is another figure's in a comparison ("11 900, contre 10 600 fin 2023"), a horizon
    // or a starting point.
    // Nor is one in brackets the figure is not in: "2,48 M€, en hausse de 15 % (2,31 M€ en
    // 2024)" dates the bracketed base.
    let own_paren = ctx.seg.paren_of(q.clean.start);
    let in_other_paren = |i: usize| {
        ctx.seg
            .paren_of(ctx.periods[i].range.start)
            .is_some_and(|p| own_paren.as_ref() != Some(&p))
    };
    if let Some(&i) = candidates.iter().find(|&&i| {
        ctx.periods[i].range.start >= q.clean.end && !ctx.uncarried[i] && !in_other_paren(i)
    }) {
        return (ctx.periods[i].period, 0.85 * relative_conf(i));
    }
    // The period of the figure before, when it is the only one of the sentence.
    if let Some(&i) = candidates
        .iter()
        .rev()
        .find(|&&i| ctx.periods[i].range.end <= q.clean.start)
    {
        return (ctx.periods[i].period, 0.8 * relative_conf(i));
    }
    match &carry.period {
        // The header's dates are the title's or the issue's, not a sentence's.
        Some((_, para)) if *para < ctx.header_paragraphs && paragraph >= ctx.header_paragraphs => {
            match ctx.title_period {
                Some(p) => (Some(p), TITLE_CONFIDENCE),
                None => (None, MISSING),
            }
        }
        Some((p, para)) if *para == paragraph => (Some(*p), 0.75),
        Some((p, para)) if paragraph.saturating_sub(*para) <= CARRY_PARAGRAPHS => (
            Some(*p),
            if ctx.title_period == Some(*p) {
                TITLE_CONFIDENCE
            } else {
                0.55
            },
        ),
        _ => match ctx.title_period {
            Some(p) => (Some(p), TITLE_CONFIDENCE),
            None => (None, MISSING),
        },
    }
}

fn base_of(
    q: &Quantity,
    ctx: &DocContext,
    prange: Range<usize>,
    period: Option<Period>,
) -> Option<Period> {
    // The base after the figure ("a augmenté de 7 % par rapport à 2020"), else the one
    // before it ("par rapport à 2022, les livraisons ont atteint …").
    let bases: Vec<usize> = prange.filter(|&i| ctx.base[i]).collect();
    let i = bases
        .iter()
        .copied()
        .find(|&i| ctx.periods[i].range.start >= q.clean.end)
        .or_else(|| bases.last().copied())?;
    let m = &ctx.periods[i];
    match m.relative {
        // "par rapport à l'année précédente": the period before the figure's own.
        Some(Relative::PreviousYear | Relative::YearBefore) if !m.clarified => {
            period.map(|p| shift_year(p, -1)).or(m.period)
        }
        _ => m.period,
    }
}

fn shift_year(p: Period, by: i32) -> Period {
    let mut p = p;
    p.from.year += by;
    p.to.year += by;
    if p.to.month == 2 && p.to.day >= 28 {
        let y = p.to.year;
        p.to.day = if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 {
            29
        } else {
            28
        };
    }
    p
}
