//! Claims indexed by what they are about, so rules look facts up instead of comparing
//! every pair.

use std::collections::BTreeMap;

use crate::claim::{Claim, Period, Role};
use crate::config::Config;

/// (subject, partner, metric, period): one fact's identity.
pub type FactKey = (Option<String>, Option<String>, String, Period);
/// (subject, partner, metric): a series over time.
pub type SeriesKey = (Option<String>, Option<String>, String);

/// Comparable claims by key. Values hold claim indices in text order. Ordered maps: rules
/// walk them, and their findings must not depend on a hash seed or the thread count.
#[derive(Debug, Default)]
pub struct Index {
    /// Level claims (`Role::Value`) by fact key.
    pub values: BTreeMap<FactKey, Vec<usize>>,
    /// Level claims by series (any period).
    pub series: BTreeMap<SeriesKey, Vec<usize>>,
    /// Claims of each sentence: (doc, sentence start in clean text) → claims (all, any
    /// confidence: sentence structure does not depend on context reading).
    pub sentences: BTreeMap<(usize, usize), Vec<usize>>,
}

impl Index {
    pub fn build(claims: &[Claim], config: &Config) -> Index {
        let mut ix = Index::default();
        for (i, c) in claims.iter().enumerate() {
            ix.sentences
                .entry((c.doc, c.sentence.start))
                .or_default()
                .push(i);
            if !super::comparable(c, config) || c.role != Role::Value {
                continue;
            }
            let Some(metric) = c.metric.clone() else {
                continue;
            };
            ix.series
                .entry((c.subject.clone(), c.partner.clone(), metric.clone()))
                .or_default()
                .push(i);
            if let Some(p) = c.period {
                ix.values
                    .entry((c.subject.clone(), c.partner.clone(), metric, p))
                    .or_default()
                    .push(i);
            }
        }
        ix
    }

    /// Level claims of a fact.
    pub fn value(
        &self,
        subject: &Option<String>,
        partner: &Option<String>,
        metric: &str,
        period: Period,
    ) -> &[usize] {
        self.values
            .get(&(subject.clone(), partner.clone(), metric.to_string(), period))
            .map_or(&[], Vec::as_slice)
    }
}
