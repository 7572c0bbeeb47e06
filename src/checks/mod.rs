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

pub mod anniversaries;
pub mod events;
pub mod facts;
pub mod format;
pub mod identity;
pub mod index;
pub mod lists;
pub mod ratios;
pub mod registry;
pub mod similarity;
pub mod tables;
pub mod totals;

use std::collections::HashSet;

use crate::claim::{Claim, Role};
use crate::config::Config;
use crate::document::Document;
use crate::fasthash::FxBuild;
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

/// "file.md:12": where a finding's other figure stands, for messages (the file's name, not
/// its path, and the 1-based line of an offset in its original text).
pub fn place(ctx: &Ctx, doc: usize, offset: usize) -> String {
    let d = &ctx.docs[doc];
    use std::fmt::Write;
    let line = d.line(offset);
    let mut place = d
        .path
        .file_name()
        .map_or_else(|| d.name(), |n| n.to_string_lossy().into_owned());
    // "{name}:{line}", appended to the name already made rather than formatted anew.
    let _ = write!(place, ":{line}");
    place
}

/// `s` with each run of whitespace made one space, and none at either end (what
/// `split_whitespace` then `join(" ")` gives, without the vector of words between).
pub(crate) fn squeeze_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
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
    // `format!("{rule}:{h:016x}")`, written by hand: the formatting machinery was most of
    // the cost of a finding's fingerprint, and a run may make a million findings.
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(rule.len() + 17);
    out.push_str(rule);
    out.push(':');
    for shift in (0..16).rev() {
        out.push(char::from(HEX[(h >> (shift * 4)) as usize & 0xf]));
    }
    out
}

/// The fact-describing parts of a claim for fingerprints (no positions).
/// `subject|partner|metric|period|value|unit`, each `-` when missing.
pub fn claim_key(c: &Claim) -> String {
    use std::fmt::Write;
    let mut key = String::with_capacity(64);
    key.push_str(c.subject.as_deref().unwrap_or("-"));
    key.push('|');
    key.push_str(c.partner.as_deref().unwrap_or("-"));
    key.push('|');
    key.push_str(c.metric.as_deref().unwrap_or("-"));
    key.push('|');
    match c.period {
        Some(p) => {
            let _ = write!(key, "{p}");
        }
        None => key.push('-'),
    }
    key.push('|');
    crate::decimal_text::push_normalized(&mut key, c.quantity.value);
    key.push('|');
    key.push_str(c.quantity.unit.as_deref().unwrap_or("-"));
    key
}

/// Findings for all claims of a run (documents may refer to each other), sorted.
pub fn check(docs: &[Document], claims: &[Claim], config: &Config) -> Vec<Finding> {
    check_all(docs, claims, &[], &[], config)
}

/// Findings for all claims and dated events of a run, sorted.
pub fn check_all(
    docs: &[Document],
    claims: &[Claim],
    events: &[crate::context::event::EventMention],
    anniversaries: &[crate::context::anniversary::Anniversary],
    config: &Config,
) -> Vec<Finding> {
    let ctx = Ctx::new(docs, claims, config);
    // The rule families read the claims and the index only: the fact rules (the largest)
    // run beside the others, and their findings follow in the same order as ever.
    let (mut findings, facts) = rayon::join(
        || {
            let mut out = Vec::new();
            totals::identities(&ctx, &mut out);
            totals::signs(&ctx, &mut out);
            ratios::growth_and_multipliers(&ctx, &mut out);
            ratios::shares(&ctx, &mut out);
            totals::sub_periods(&ctx, &mut out);
            lists::enumerations(&ctx, &mut out);
            tables::table_totals(&ctx, &mut out);
            tables::table_changes(&ctx, &mut out);
            out
        },
        || {
            let mut out = Vec::new();
            facts::facts(&ctx, &mut out);
            events::events(&ctx, events, &mut out);
            anniversaries::anniversaries(&ctx, anniversaries, &mut out);
            out
        },
    );
    findings.extend(facts);

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
    use rayon::prelude::*;
    fn spans(f: &Finding) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        f.labels.iter().map(|l| (l.doc, l.span.start, l.span.end))
    }
    // The order of a stable sort by (primary label, rule, message, label spans, help): the
    // primary label's position is read once per finding, not per comparison, and the
    // index breaks the remaining ties as a stable sort would.
    let keys: Vec<Option<(usize, usize)>> = findings
        .iter()
        .map(|f| f.primary().map(|l| (l.doc, l.span.start)))
        .collect();
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.par_sort_unstable_by(|&i, &j| {
        let (a, b) = (&findings[i], &findings[j]);
        keys[i]
            .cmp(&keys[j])
            .then_with(|| a.rule.cmp(&b.rule))
            .then_with(|| a.message.cmp(&b.message))
            .then_with(|| spans(a).cmp(spans(b)))
            .then_with(|| a.help.cmp(&b.help))
            .then(i.cmp(&j))
    });
    let mut slots: Vec<Option<Finding>> = std::mem::take(findings).into_iter().map(Some).collect();
    findings.extend(order.into_iter().filter_map(|i| slots[i].take()));
    // The first of each (rule, label spans, message) is kept; keys borrow the findings.
    let keep: Vec<bool> = {
        let mut seen = HashSet::with_capacity_and_hasher(findings.len(), FxBuild::default());
        findings.iter().map(|f| seen.insert(DedupKey(f))).collect()
    };
    let mut keep = keep.into_iter();
    findings.retain(|_| keep.next().unwrap_or(true));
}

/// What makes two findings the same for [`sort_and_dedup`]: rule, label spans, message.
struct DedupKey<'a>(&'a Finding);

impl DedupKey<'_> {
    fn spans(&self) -> impl Iterator<Item = (usize, &std::ops::Range<usize>)> + '_ {
        self.0.labels.iter().map(|l| (l.doc, &l.span))
    }
}

impl PartialEq for DedupKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.rule == other.0.rule
            && self.0.message == other.0.message
            && self.spans().eq(other.spans())
    }
}

impl Eq for DedupKey<'_> {}

impl std::hash::Hash for DedupKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.0.rule.hash(h);
        self.0.labels.len().hash(h);
        for (doc, span) in self.spans() {
            doc.hash(h);
            span.hash(h);
        }
        self.0.message.hash(h);
    }
}

#[doc(hidden)]
pub mod testkit;

#[cfg(test)]
mod tests {
    #[test]
    fn fingerprint_is_the_rule_and_sixteen_lower_case_hex_digits() {
        for (rule, key) in [
            ("repeated-fact", vec![]),
            (
                "trade-balance",
                vec!["BLR|-|exports|2021|1.2|USD".to_string()],
            ),
            ("x", vec![String::new(), "é".to_string()]),
        ] {
            let f = super::fingerprint(rule, &key);
            let (r, hex) = f.split_once(':').expect("rule:hash");
            let h = u64::from_str_radix(hex, 16).expect("hex");
            assert_eq!(r, rule);
            assert_eq!(f, format!("{rule}:{h:016x}"));
        }
    }
}
