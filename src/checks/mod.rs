//! The rule engine: index claims, evaluate relations, report findings.
//!
//! [`check`] takes every claim of a run (all documents, so facts are compared across
//! files), indexes the comparable ones by (subject, partner, metric, period) in hash maps,
//! and runs each enabled rule. Relations are evaluated on intervals ([`crate::interval`]):
//! a relation is reported only when no values inside the figures' intervals satisfy it.
//!
//! Comparable claims: a claim kind, context confidence at or above the configured threshold,
//! not a target or forecast. Figures of different units or currencies are never compared
//! (scale words are already applied to values, so millions and billions compare directly).

pub mod events;
pub mod facts;
pub mod format;
pub mod identity;
pub mod index;
pub mod lists;
pub mod ratios;
pub mod registry;
pub mod similarity;
pub mod totals;

use std::collections::HashSet;

use crate::claim::{Claim, Role};
use crate::config::Config;
use crate::document::Document;
use crate::finding::{Finding, Label, Severity};
use crate::interval::Interval;

pub use index::Index;

/// Everything a rule reads.
pub struct Ctx<'a> {
    pub docs: &'a [Document],
    pub claims: &'a [Claim],
    pub config: &'a Config,
    pub index: Index,
}

impl<'a> Ctx<'a> {
    pub fn new(docs: &'a [Document], claims: &'a [Claim], config: &'a Config) -> Ctx<'a> {
        let index = Index::build(claims, config);
        Ctx {
            docs,
            claims,
            config,
            index,
        }
    }

    /// The interval a claim stands for, widened by the configured relative tolerance.
    pub fn interval(&self, i: usize) -> Interval {
        widen(
            self.claims[i].quantity.interval,
            self.config.relative_tolerance,
        )
    }

    /// Whether rules may compare this claim with others.
    pub fn comparable(&self, i: usize) -> bool {
        comparable(&self.claims[i], self.config)
    }
}

/// Whether a claim may be compared: a figure, read with enough confidence, not a target.
pub fn comparable(c: &Claim, config: &Config) -> bool {
    c.quantity.is_claim() && c.confidence >= config.min_confidence && c.role != Role::Target
}

/// Widen an interval by a relative slack on each side.
pub fn widen(iv: Interval, rel: rust_decimal::Decimal) -> Interval {
    if rel.is_zero() {
        return iv;
    }
    let mag = |d: Option<rust_decimal::Decimal>| {
        d.and_then(|x| x.abs().checked_mul(rel)).unwrap_or_default()
    };
    let slack = mag(iv.lo).max(mag(iv.hi));
    Interval {
        lo: iv.lo.and_then(|l| l.checked_sub(slack)),
        hi: iv.hi.and_then(|h| h.checked_add(slack)),
        ..iv
    }
}

/// How many times over the larger of two magnitudes is the smaller (`None` when the smaller
/// is zero): the test of "two values of one fact" and "one series" alike.
pub fn spread(a: rust_decimal::Decimal, b: rust_decimal::Decimal) -> Option<rust_decimal::Decimal> {
    let (a, b) = (a.abs(), b.abs());
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    hi.checked_div(lo).filter(|_| !lo.is_zero())
}

/// Whether two figures of one metric are in one unit: the same unit, or a bare number and
/// a count ("… pour atteindre 38 450" and "35 100 étudiants": the metric says what the
/// number counts).
pub fn same_unit(a: &crate::quantity::Quantity, b: &crate::quantity::Quantity) -> bool {
    use crate::quantity::Kind;
    if a.unit == b.unit {
        return true;
    }
    let bare = |q: &crate::quantity::Quantity| q.kind == Kind::Number && q.unit.is_none();
    (bare(a) && b.kind == Kind::Count) || (bare(b) && a.kind == Kind::Count)
}

/// A label on a claim's figure.
pub fn label(c: &Claim, message: impl Into<String>, primary: bool) -> Label {
    Label {
        doc: c.doc,
        span: c.quantity.span.clone(),
        message: message.into(),
        primary,
    }
}

/// Default severity of a rule code (unknown codes, e.g. a user identity's, are errors).
pub fn default_severity(rule: &str) -> Severity {
    // Read the registry once: a run may build a million findings (issue 6).
    static DEFAULTS: std::sync::OnceLock<Vec<(String, Severity)>> = std::sync::OnceLock::new();
    DEFAULTS
        .get_or_init(|| {
            registry::registry()
                .into_iter()
                .map(|r| (r.code, r.default_severity))
                .collect()
        })
        .iter()
        .find(|(code, _)| code == rule)
        .map_or(Severity::Error, |&(_, s)| s)
}

/// Build a finding with the rule's default severity and a fingerprint from `key` parts.
pub fn finding(
    rule: &str,
    message: String,
    help: Option<String>,
    labels: Vec<Label>,
    key: &[String],
) -> Finding {
    Finding {
        rule: rule.to_string(),
        severity: default_severity(rule),
        message,
        help,
        labels,
        fingerprint: fingerprint(rule, key),
    }
}

/// A short, position-independent key: FNV-1a 64 of the rule and the fact's parts.
pub fn fingerprint(rule: &str, key: &[String]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in std::iter::once(rule).chain(key.iter().map(String::as_str)) {
        for b in part.bytes().chain(std::iter::once(0x1f)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{rule}:{h:016x}")
}

/// The fact-describing parts of a claim for fingerprints (no positions).
pub fn claim_key(c: &Claim) -> String {
    format!(
        "{}|{}|{}|{}|{}|{}",
        c.subject.as_deref().unwrap_or("-"),
        c.partner.as_deref().unwrap_or("-"),
        c.metric.as_deref().unwrap_or("-"),
        c.period.map_or("-".into(), |p| p.to_string()),
        c.quantity.value.normalize(),
        c.quantity.unit.as_deref().unwrap_or("-"),
    )
}

/// Findings for all claims of a run (documents may refer to each other), sorted.
pub fn check(docs: &[Document], claims: &[Claim], config: &Config) -> Vec<Finding> {
    check_all(docs, claims, &[], config)
}

/// Findings for all claims and dated events of a run, sorted.
pub fn check_all(
    docs: &[Document],
    claims: &[Claim],
    events: &[crate::context::event::EventMention],
    config: &Config,
) -> Vec<Finding> {
    let ctx = Ctx::new(docs, claims, config);
    let mut findings = Vec::new();
    totals::identities(&ctx, &mut findings);
    totals::signs(&ctx, &mut findings);
    ratios::growth_and_multipliers(&ctx, &mut findings);
    ratios::shares(&ctx, &mut findings);
    totals::sub_periods(&ctx, &mut findings);
    lists::enumerations(&ctx, &mut findings);
    facts::facts(&ctx, &mut findings);
    events::events(&ctx, events, &mut findings);

    findings.retain(|f| config.enabled(&f.rule));
    for f in &mut findings {
        f.severity = config.severity_of(&f.rule, f.severity);
    }
    let mut findings = crate::suppress::apply(docs, findings, config);
    sort_and_dedup(&mut findings);
    findings
}

/// Order by file and position of the primary label; drop exact duplicates.
pub fn sort_and_dedup(findings: &mut Vec<Finding>) {
    findings.sort_by(|a, b| {
        let ka = a.primary().map(|l| (l.doc, l.span.start));
        let kb = b.primary().map(|l| (l.doc, l.span.start));
        let spans = |f: &Finding| -> Vec<(usize, usize, usize)> {
            f.labels
                .iter()
                .map(|l| (l.doc, l.span.start, l.span.end))
                .collect()
        };
        ka.cmp(&kb)
            .then_with(|| a.rule.cmp(&b.rule))
            .then_with(|| a.message.cmp(&b.message))
            .then_with(|| spans(a).cmp(&spans(b)))
            .then_with(|| a.help.cmp(&b.help))
    });
    let mut seen = HashSet::new();
    findings.retain(|f| {
        let spans: Vec<_> = f.labels.iter().map(|l| (l.doc, l.span.clone())).collect();
        seen.insert((f.rule.clone(), spans, f.message.clone()))
    });
}

#[doc(hidden)]
pub mod testkit;
