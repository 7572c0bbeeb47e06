//! What a figure measures: the metric term nearest to it in its clause, else in its
//! sentence; a unit that says the metric by itself (`jobs`) wins for counts.

use super::lexicon::ContextLexicon;
use super::segment::Segments;
use crate::quantity::{Kind, Quantity};

/// A metric term found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MetricMention {
    pub start: usize,
    pub end: usize,
    /// Index into [`ContextLexicon::metrics`].
    pub metric: usize,
    pub fallback: bool,
}

/// How the metric of a figure was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetricSource {
    Unit,
    Clause,
    Sentence,
    Fallback,
}

impl MetricSource {
    pub fn confidence(self) -> f32 {
        match self {
            MetricSource::Unit | MetricSource::Clause => 1.0,
            MetricSource::Sentence => 0.8,
            MetricSource::Fallback => 0.6,
        }
    }
}

/// A term right after the figure ("425 organisations", "60 nouveaux emplois") is as close as
/// one right before it; farther after, a term weighs less than one before.
const ADJACENT_AFTER: usize = 24;

/// Byte distance of a metric term to a figure, weighted by side.
fn distance(q: &Quantity, m: &MetricMention) -> usize {
    if m.end <= q.clean.start {
        q.clean.start - m.end
    } else if m.start >= q.clean.end {
        let d = m.start - q.clean.end;
        if d <= ADJACENT_AFTER {
            d
        } else {
            d * 2
        }
    } else {
        0
    }
}

/// Whether an amount can measure a metric: one that lists units of its own (companies,
/// jobs, passengers) is not measured in dollars ("le montant des transactions des
/// participants s'élevait à 5,2 millions de dollars" is no count of participants).
fn measured_in(q: &Quantity, lex: &ContextLexicon, metric: usize) -> bool {
    let units = &lex.metrics[metric].units;
    q.kind != Kind::Amount || units.is_empty() || q.unit.as_ref().is_some_and(|u| units.contains(u))
}

/// A period phrase right after a figure: "in 2023", "en 2023", "au premier semestre 2023".
fn period_lead_re() -> &'static regex::Regex {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        regex::Regex::new(
            r"(?i)^(?:in|en|au|à|during|for|over)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:19|20)\d\d(?-u:\b)\s*",
        )
        .expect("valid period lead regex")
    })
}

/// The metric of a figure, from the metric mentions of its sentence (sorted).
pub fn metric_of(
    text: &str,
    q: &Quantity,
    sentence_metrics: &[MetricMention],
    seg: &Segments,
    lex: &ContextLexicon,
) -> Option<(usize, MetricSource)> {
    // A metric term the figure itself ends with says more than its unit: "11 nouvelles
    // entreprises" counts companies, but new ones (a flow, not the zone's size).
    let own_term = sentence_metrics
        .iter()
        .filter(|m| !m.fallback && m.start > q.clean.start && m.end <= q.clean.end)
        .max_by_key(|m| m.end - m.start);
    if let Some(m) = own_term {
        return Some((m.metric, MetricSource::Unit));
    }
    let unit_metric = q.unit.as_deref().and_then(|u| lex.metric_of_unit(u));
    // A count of jobs or companies is that, whatever the words around it.
    if let Some(m) = unit_metric.filter(|&m| !lex.metrics[m].fallback) {
        if matches!(q.kind, Kind::Count | Kind::Amount | Kind::Number) {
            return Some((m, MetricSource::Unit));
        }
    }
    // Terms inside the figure are its unit ("218 000 mètres cubes"), and a term right after
    // another one and "de"/"of" is its complement: "les exportations des entreprises".
    // Terms in brackets that do not hold the figure gloss the word before them: "le volume
    // des échanges (exportations et importations) a atteint 115,6" is the turnover.
    let own_paren = seg.paren_of(q.clean.start);
    let heads: Vec<MetricMention> = sentence_metrics
        .iter()
        .enumerate()
        .filter(|(_, m)| !(m.start >= q.clean.start && m.end <= q.clean.end))
        .filter(|(_, m)| measured_in(q, lex, m.metric))
        .filter(|(_, m)| match seg.paren_of(m.start) {
            Some(p) => own_paren.as_ref() == Some(&p),
            None => true,
        })
        .filter(|(i, m)| {
            *i == 0 || {
                let prev = &sentence_metrics[*i - 1];
                let between = text.get(prev.end..m.start).unwrap_or("").trim();
                !(prev.end <= m.start
                    && !prev.fallback
                    && matches!(
                        between,
                        "de" | "des"
                            | "du"
                            | "d'"
                            | "d’"
                            | "de la"
                            | "de l'"
                            | "de l’"
                            | "of"
                            | "of the"
                    ))
            }
        })
        .map(|(_, m)| *m)
        .collect();
    // A term after the figure that opens a coordinated item ("… 301,3 millions et les
    // importations à 111,2") names the next figure, not this one.
    let heads: Vec<MetricMention> = heads
        .into_iter()
        .filter(|m| {
            if m.start < q.clean.end {
                return true;
            }
            let gap = text.get(q.clean.end..m.start).unwrap_or("").trim_start();
            // "… were $22.4 million in 2023 and imports $131.8 million": the figure's own
            // period comes first, then the next item.
            let gap = match period_lead_re().find(gap) {
                Some(lead) => &gap[lead.end()..],
                None => gap,
            };
            let gap = gap.to_lowercase();
            ![
                "et ",
                "and ",
                ",",
                ";",
                "while ",
                "whereas ",
                "alors que ",
                "tandis que ",
                "contre ",
                "against ",
            ]
            .iter()
            .any(|c| gap.starts_with(c))
        })
        .collect();
    let sentence_metrics = &heads[..];
    let same_clause = |m: &MetricMention| {
        let (a, b) = if m.end <= q.clean.start {
            (m.end, q.clean.start)
        } else {
            (q.clean.end, m.start)
        };
        // "International arrivals: 2.31 million": a label and its figure are one clause.
        let label = m.end <= q.clean.start && {
            let between = text.get(a..b).unwrap_or("").trim_start();
            between.starts_with(':')
                && between.len() <= 16
                && !seg.break_between(b - between.len() + 1, b)
        };
        a >= b || label || !seg.break_between(a, b)
    };
    // The mirror case: a term that ends the item before this one ("dont 0,79 milliard à
    // l'exportation et 0,58 milliard à l'importation") is that item's, when this figure has
    // a term of its own after it.
    let own_after = sentence_metrics
        .iter()
        .any(|m| !m.fallback && m.start >= q.clean.end && same_clause(m));
    let ends_item_before = |m: &MetricMention| {
        own_after && m.end <= q.clean.start && {
            let gap = text.get(m.end..q.clean.start).unwrap_or("").trim_start();
            ["et ", "and ", ",", ";"].iter().any(|c| gap.starts_with(c))
        }
    };
    let best = |pred: &dyn Fn(&MetricMention) -> bool| {
        sentence_metrics
            .iter()
            .filter(|m| !ends_item_before(m))
            .filter(|m| pred(m))
            .min_by_key(|m| distance(q, m))
            .map(|m| m.metric)
    };
    if let Some(m) = best(&|m| !m.fallback && same_clause(m)) {
        return Some((m, MetricSource::Clause));
    }
    // Beyond the clause, only terms before the figure: the subject of its verb.
    if let Some(m) = best(&|m| !m.fallback && m.end <= q.clean.start) {
        return Some((m, MetricSource::Sentence));
    }
    best(&|m| m.fallback && same_clause(m))
        .map(|m| (m, MetricSource::Fallback))
        .or(unit_metric.map(|m| (m, MetricSource::Fallback)))
}
