//! One fact told twice: `conflicting-fact` (two incompatible values) and `repeated-fact`
//! (the same value at a distant place).
//!
//! Two paths find the pairs, both indexed, never all-pairs:
//! - by key: comparable level claims with the same (subject, partner, metric, period);
//! - by text: figures whose clauses read nearly the same ([`super::similarity`]), which
//!   finds repeats and conflicts even when the context reader was unsure of the subject
//!   or the metric. Known context still vetoes: different periods, subjects or partners,
//!   different years in the clauses, different units, are never one fact.

use std::collections::{BTreeMap, HashSet};

use rayon::prelude::*;

use super::similarity::Clauses;
use super::{finding, label, Ctx};
use crate::claim::{Claim, Period, Role};
use crate::fasthash::{FxBuild, FxHashMap};
use crate::finding::Finding;
use crate::quantity::Kind;

/// Extra similarity a conflict needs over a repeat: a wrong value is an error, so the two
/// clauses must be closer still.
const CONFLICT_MARGIN: f32 = 0.0;
/// Minimum informative weight two clauses must share (about three uncommon words), so that
/// short generic clauses ("60 jobs were created") are not taken for one fact.
const MIN_SHARED_WEIGHT: f32 = 6.0;
/// Conflicting-fact findings one statement may be the second figure of.
const MAX_CONFLICTS_PER_STATEMENT: usize = 3;
/// Earlier statements of the same key each statement is compared with, besides the first.
const BY_KEY_RECENT: usize = 3;
/// How far apart two values of one fact may be for a conflict (see [`close_values`]).
const CONFLICT_MAX_RATIO: rust_decimal::Decimal =
    rust_decimal::Decimal::from_parts(3, 0, 0, false, 0);
/// Clause similarity two figures of a key with no subject need to be one fact.
const UNNAMED_MIN_SIMILARITY: f32 = 0.35;
/// The same, for two counts of one noun.
const UNNAMED_COUNT_MIN_SIMILARITY: f32 = 0.25;

/// Whether two claims count the same noun (the unit of both counts).
fn same_counted_noun(ctx: &Ctx, a: usize, b: usize) -> bool {
    let (qa, qb) = (&ctx.claims[a].quantity, &ctx.claims[b].quantity);
    qa.kind == Kind::Count && qb.kind == Kind::Count && qa.unit.is_some() && qa.unit == qb.unit
}
/// How far apart two compatible values may be and still be one figure told again.
const REPEAT_MAX_RATIO: rust_decimal::Decimal =
    rust_decimal::Decimal::from_parts(15, 0, 0, false, 1);
/// Period reading (see [`Claim::period_confidence`]) both figures need for different
/// periods to keep them apart: stated with the figure, or carried from the sentence before.
const PERIOD_VETO: f32 = 0.75;
/// Subject reading (see [`Claim::subject_confidence`]) both figures need for different
/// subjects to keep them apart: stated, or carried from the sentence before.
const SUBJECT_VETO: f32 = 0.75;
/// Bytes of a document's start read as its abstract (for `repeats.abstract = false`).
const ABSTRACT_BYTES: usize = 2000;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Pair {
    a: usize,
    b: usize,
    sim: f32,
    same_value: bool,
    anchored: bool,
    /// The text says `b` tells `a` again ("Plus précisément, …").
    restated: bool,
}

pub fn facts(ctx: &Ctx, out: &mut Vec<Finding>) {
    let want_conflicts = ctx.config.enabled("conflicting-fact");
    let want_repeats = ctx.config.enabled("repeated-fact");
    if !want_conflicts && !want_repeats {
        return;
    }
    let clauses = Clauses::build(ctx.docs, ctx.claims);
    let eligible: Vec<bool> = ctx
        .claims
        .iter()
        .map(|c| c.quantity.is_claim() && c.quantity.kind != Kind::PercentagePoint)
        .collect();
    let threshold = ctx.config.similarity;
    let mut pairs: Vec<Pair> = Vec::new();
    // Sets and maps of indices, only asked and never iterated: the Fx hash, not SipHash
    // (SipHash in these sets was nearly 1 % of the instructions of a check on the 1 MB
    // generated corpus).
    let mut seen: HashSet<(usize, usize), FxBuild> = HashSet::default();

    // `NUMLINT_DEBUG_FACTS=1`: every candidate pair on stderr, for tuning the thresholds.
    let debug = std::env::var_os("NUMLINT_DEBUG_FACTS").is_some();
    let line_of = |i: usize| {
        let c = &ctx.claims[i];
        ctx.docs[c.doc].line(c.quantity.span.start)
    };
    // By text. Judging a pair reads the claims only: in parallel, kept in order.
    let judged: Vec<(usize, usize, f32, f32, Option<Pair>)> = clauses
        .candidate_pairs(&eligible, threshold.min(0.3))
        .into_par_iter()
        .map(|(a, b, sim, shared)| {
            let p = (debug || shared >= MIN_SHARED_WEIGHT)
                .then(|| judge(ctx, &clauses, a, b, sim, false))
                .flatten();
            (a, b, sim, shared, p)
        })
        .collect();
    for (a, b, sim, shared, judged) in judged {
        if debug {
            let (la, lb) = (line_of(a), line_of(b));
            eprintln!("pair {la} {lb} sim {sim:.2} shared {shared:.1} judge {judged:?}");
        }
        if shared < MIN_SHARED_WEIGHT {
            continue;
        }
        if let Some(p) = judged {
            if p.sim >= threshold && seen.insert((a, b)) {
                pairs.push(p);
            }
        }
    }
    // By key (context reading sure enough): a lower bar of text similarity.
    // Each statement of a key is compared with the first one and the few just before it:
    // a fact told k times costs O(k) comparisons, and every statement is looked at
    // (issue 6: all pairs of the first 64 grew with the square of the repeats).
    // The pairs of each key are scored in parallel (scoring is pure), then taken in the
    // same order as ever, so `seen` decides exactly as a sequential loop would.
    let lists: Vec<&Vec<usize>> = ctx.index.values.values().collect();
    let by_key: Vec<Vec<(usize, usize, Option<Pair>)>> = lists
        .par_iter()
        .map(|list| {
            let mut out = Vec::new();
            for (k, &b) in list.iter().enumerate().skip(1) {
                let recent = k.saturating_sub(BY_KEY_RECENT).max(1);
                for &a in std::iter::once(&list[0]).chain(&list[recent..k]) {
                    let (a, b) = (a.min(b), a.max(b));
                    if seen.contains(&(a, b)) {
                        out.push((a, b, None));
                        continue;
                    }
                    let (sim, _) = clauses.similarity(a, b);
                    if debug {
                        eprintln!("key pair {} {} sim {sim:.2}", line_of(a), line_of(b));
                    }
                    let sure = ctx.claims[a].confidence.min(ctx.claims[b].confidence) >= 0.8;
                    // A key without a subject ("spending, 2025" in a city budget) does not
                    // tell public safety from transport: the words must say it is one fact.
                    let unnamed = ctx.claims[a].subject.is_none();
                    // Counts of one noun ("1 942 vessels", "1 924 vessels") say what is
                    // counted more narrowly than a metric term does ("spending").
                    let unnamed_bar = if same_counted_noun(ctx, a, b) {
                        UNNAMED_COUNT_MIN_SIMILARITY
                    } else {
                        UNNAMED_MIN_SIMILARITY
                    };
                    // "3,480 employees" here and "3,840 employees" there: two digits swapped
                    // is a slip of one figure, whatever the words around each.
                    let slip =
                        swapped_digits(ctx.claims[a].quantity.value, ctx.claims[b].quantity.value);
                    if !slip && ((sim < 0.15 && !sure) || (unnamed && sim < unnamed_bar)) {
                        out.push((a, b, None));
                        continue;
                    }
                    out.push((a, b, judge(ctx, &clauses, a, b, sim, false)));
                }
            }
            out
        })
        .collect();
    for (a, b, judged) in by_key.into_iter().flatten() {
        if seen.contains(&(a, b)) {
            continue;
        }
        if let Some(mut p) = judged {
            // The key already says "same fact": accept at a lower similarity.
            p.anchored = true;
            p.sim = p.sim.max(threshold + CONFLICT_MARGIN);
            seen.insert((a, b));
            pairs.push(p);
        }
    }
    // Told again on purpose ("Plus précisément, … a atteint 108"): the sentence says which
    // figure it restates, so the two are one fact whatever period each was read with.
    for (b, c) in ctx.claims.iter().enumerate() {
        let Some(at) = c.restates else { continue };
        let first =
            ctx.claims[..b].partition_point(|x| (x.doc, x.quantity.clean.start) < (c.doc, at));
        if first == b || ctx.claims[first].quantity.clean.start != at || !eligible[first] {
            continue;
        }
        if !eligible[b] || seen.contains(&(first, b)) {
            continue;
        }
        let (sim, _) = clauses.similarity(first, b);
        if let Some(mut p) = judge(ctx, &clauses, first, b, sim, true) {
            p.anchored = true;
            p.sim = p.sim.max(threshold + CONFLICT_MARGIN);
            seen.insert((first, b));
            pairs.push(p);
        }
    }

    // Align figures of each sentence pair one to one: a figure told again with the same
    // value is a repeat, and then not also a conflict with another figure of that sentence.
    let mut by_sentences: BTreeMap<(usize, usize, usize, usize), Vec<Pair>> = BTreeMap::new();
    for p in pairs {
        let (sa, sb) = (
            &clauses.clauses[p.a].sentence,
            &clauses.clauses[p.b].sentence,
        );
        by_sentences
            .entry((sa.0, sa.1.start, sb.0, sb.1.start))
            .or_default()
            .push(p);
    }
    // A statement is reported as conflicting with at most a few earlier ones (the
    // earliest): a fact told n times with other values gives O(n) findings, not one per
    // compared pair (issue 6).
    let mut conflicted: FxHashMap<usize, usize> = FxHashMap::default();
    // Which findings to make is decided in order (the per-statement conflict count); their
    // messages are then written in parallel, in that order.
    let mut emit: Vec<Emit> = Vec::new();
    for group in by_sentences.into_values() {
        let mut group = group;
        group.sort_by(|x, y| {
            (y.same_value, y.anchored)
                .cmp(&(x.same_value, x.anchored))
                .then(y.sim.total_cmp(&x.sim))
        });
        let mut used: HashSet<usize, FxBuild> = HashSet::default();
        let mut repeats: Vec<Pair> = Vec::new();
        for p in group {
            if used.contains(&p.a) || used.contains(&p.b) {
                continue;
            }
            if p.same_value {
                used.insert(p.a);
                used.insert(p.b);
                if want_repeats && distant(ctx, p.a, p.b) {
                    repeats.push(p);
                }
            } else if want_conflicts && p.anchored && p.sim >= threshold + CONFLICT_MARGIN {
                used.insert(p.a);
                used.insert(p.b);
                let told = conflicted.entry(p.b).or_insert(0);
                if *told < MAX_CONFLICTS_PER_STATEMENT {
                    *told += 1;
                    emit.push(Emit::Conflict(p));
                }
            }
        }
        if !repeats.is_empty() {
            emit.push(Emit::Repeat(repeats));
        }
    }
    let made: Vec<Finding> = emit
        .par_iter()
        .map(|e| match e {
            Emit::Conflict(p) => conflict(ctx, &clauses, *p),
            Emit::Repeat(pairs) => repeat(ctx, &clauses, pairs),
        })
        .collect();
    out.extend(made);
    // Freeing the clauses (a few vectors per claim) is left to another thread: the run
    // goes on to report meanwhile.
    rayon::spawn(move || drop(clauses));
}

/// A finding decided on, to be written.
enum Emit {
    Conflict(Pair),
    Repeat(Vec<Pair>),
}

/// Whether two figures may be one fact, and how.
/// `restated`: the text says `b` tells `a` again, so their periods do not keep them apart.
fn judge(
    ctx: &Ctx,
    clauses: &Clauses,
    a: usize,
    b: usize,
    sim: f32,
    restated: bool,
) -> Option<Pair> {
    let (ca, cb) = (&ctx.claims[a], &ctx.claims[b]);
    let (la, lb) = (&clauses.clauses[a], &clauses.clauses[b]);
    if la.sentence == lb.sentence {
        return None;
    }
    // "3,480 employees" and "a headcount of 3,840": a bare number of a metric counts what
    // a count of that metric counts.
    let bare_count = |x: &Claim, y: &Claim| {
        x.quantity.kind == Kind::Number
            && x.quantity.unit.is_none()
            && y.quantity.kind == Kind::Count
    };
    let counted_alike =
        ca.metric.is_some() && ca.metric == cb.metric && (bare_count(ca, cb) || bare_count(cb, ca));
    if !same_kind(ca, cb) || (ca.quantity.unit != cb.quantity.unit && !counted_alike) {
        return None;
    }
    let differ = |x: &Option<String>, y: &Option<String>| x.is_some() && y.is_some() && x != y;
    // Subjects guessed from earlier paragraphs (across a heading, say) do not keep apart
    // two figures told in nearly the same words; subjects read nearby do.
    // Across documents nothing is carried from one to the other: any reading keeps apart.
    // A subject, partner or period read on one side only keeps them apart too: the other
    // document may speak of anything.
    let other_doc = ca.doc != cb.doc;
    if other_doc && (ca.subject != cb.subject || ca.partner != cb.partner || ca.period != cb.period)
    {
        return None;
    }
    let subjects_read = ca.subject_confidence.min(cb.subject_confidence) >= SUBJECT_VETO;
    if (subjects_read && (differ(&ca.subject, &cb.subject) || differ(&ca.partner, &cb.partner)))
        || differ(&ca.metric, &cb.metric)
    {
        return None;
    }
    // A period carried from paragraphs away ("… before the 2026 budget cycle" three
    // sentences up) does not make two figures told in the same words two facts.
    let periods_read = ca.period_confidence.min(cb.period_confidence) >= PERIOD_VETO;
    // Nested periods (a month told as part of its year) may restate one figure, never give
    // it two values: a quarter's and its year's figures differ.
    let nested_repeat =
        |p: Period, q: Period| p.nested(&q) && ca.quantity.interval.overlaps(&cb.quantity.interval);
    if let (Some(p), Some(q)) = (ca.period, cb.period) {
        if p != q && periods_read && !nested_repeat(p, q) && !restated {
            return None;
        }
    }
    if !la.years.is_empty() && !lb.years.is_empty() && la.years != lb.years && !restated {
        return None;
    }
    if ca.role != cb.role && (ca.role == Role::Target || cb.role == Role::Target) {
        // A plan and a result may share words and differ in value.
        if !ca.quantity.interval.overlaps(&cb.quantity.interval) {
            return None;
        }
    }
    // Compatible and close: "plus de 100" restates 108, but "more than 2 billion" does not
    // restate 5.8 billion, even though 5.8 is more than 2.
    let compatible = ca.quantity.interval.overlaps(&cb.quantity.interval);
    let close = super::spread(ca.quantity.value, cb.quantity.value)
        .is_some_and(|r| r <= REPEAT_MAX_RATIO)
        || ca.quantity.value == cb.quantity.value;
    if compatible && !close {
        // Neither a repeat nor a contradiction: two different figures a bound allows.
        return None;
    }
    let same_value = compatible;
    if !same_value && !close_values(ca.quantity.value, cb.quantity.value) {
        // 400 m³ and 140 000 m³ are two facts, whatever the words around them.
        return None;
    }
    let anchored = la.anchor.is_some() && la.anchor == lb.anchor;
    Some(Pair {
        a,
        b,
        sim,
        same_value,
        anchored,
        restated,
    })
}

/// Whether two values read the same but for two neighbouring digits swapped ("3 480" and
/// "3 840", "87,2" and "82,7"), with at least three digits: the commonest slip of a figure copied by hand,
/// and rare by chance between two different figures.
fn swapped_digits(a: rust_decimal::Decimal, b: rust_decimal::Decimal) -> bool {
    let digits = |d: rust_decimal::Decimal| -> Vec<u8> {
        d.normalize()
            .abs()
            .to_string()
            .bytes()
            .filter(u8::is_ascii_digit)
            .collect()
    };
    let (x, y) = (digits(a), digits(b));
    if x.len() != y.len() || x.len() < 3 || a.scale() != b.scale() {
        return false;
    }
    let differ: Vec<usize> = (0..x.len()).filter(|&i| x[i] != y[i]).collect();
    differ.len() == 2
        && differ[1] == differ[0] + 1
        && x[differ[0]] == y[differ[1]]
        && x[differ[1]] == y[differ[0]]
}

/// Two values one fact may be given by mistake: a slip of digits or an update, within a
/// factor of [`CONFLICT_MAX_RATIO`]. Further apart, they measure different things.
fn close_values(a: rust_decimal::Decimal, b: rust_decimal::Decimal) -> bool {
    super::spread(a, b).is_some_and(|r| r <= CONFLICT_MAX_RATIO)
}

fn same_kind(a: &Claim, b: &Claim) -> bool {
    a.quantity.kind.fact_class() == b.quantity.kind.fact_class()
}

/// Far enough apart to be a repeat worth telling: another paragraph (unless near repeats
/// are wanted), and not an abstract repeating the body when that is switched off.
fn distant(ctx: &Ctx, a: usize, b: usize) -> bool {
    let at = |c: &Claim| (c.doc, c.paragraph, c.quantity.clean.start);
    distant_places(ctx, at(&ctx.claims[a]), at(&ctx.claims[b]))
}

/// The test of [`distant`] on two places, each (document, paragraph, offset in the cleaned
/// text): figures and dated events ([`super::events`]) are told again under one rule.
pub(super) fn distant_places(
    ctx: &Ctx,
    (doc_a, para_a, at_a): (usize, usize, usize),
    (doc_b, para_b, at_b): (usize, usize, usize),
) -> bool {
    if doc_a == doc_b && para_a == para_b && !ctx.config.near_repeats {
        return false;
    }
    if !ctx.config.abstract_repeats && (at_a < ABSTRACT_BYTES) != (at_b < ABSTRACT_BYTES) {
        return false;
    }
    true
}

fn place(ctx: &Ctx, c: &Claim) -> String {
    super::place(ctx, c.doc, c.quantity.span.start)
}

fn surface(ctx: &Ctx, c: &Claim) -> String {
    super::squeeze_whitespace(ctx.docs[c.doc].slice(&c.quantity.span))
}

fn conflict(ctx: &Ctx, clauses: &Clauses, p: Pair) -> Finding {
    let (first, second) = (&ctx.claims[p.a], &ctx.claims[p.b]);
    let (first_text, second_text) = (surface(ctx, first), surface(ctx, second));
    let words = clauses.shared_words(p.a, p.b, 4);
    let (about, about_key) = describe(ctx, first, &words);
    // Each value written once, for the help and the key.
    let (first_value, second_value) = (
        crate::decimal_text::normalized(first.quantity.value),
        crate::decimal_text::normalized(second.quantity.value),
    );
    let message = format!(
        "the same fact is given two values: “{second_text}” here, “{first_text}” at {}",
        place(ctx, first)
    );
    let help = if p.restated {
        format!(
            "the sentence tells {about} again: “{first_text}” stands for {} and “{second_text}” for {}, which do not meet: keep one value",
            first.quantity.interval, second.quantity.interval
        )
    } else {
        format!(
            "both sentences say {about} ({}% alike); {first_value} ≠ {second_value}: keep one value",
            (p.sim * 100.0).round(),
        )
    };
    let labels = vec![
        label(second, format!("{second_text} here"), true),
        label(first, format!("{first_text} here"), false),
    ];
    let mut vals = [first_value, second_value];
    vals.sort();
    // The key keeps the stems: a fingerprint must not change with how messages quote text.
    let mut key = vec![about_key];
    key.extend(vals);
    finding("conflicting-fact", message, Some(help), labels, &key)
}

fn repeat(ctx: &Ctx, clauses: &Clauses, pairs: &[Pair]) -> Finding {
    let p = pairs[0];
    let (first, second) = (&ctx.claims[p.a], &ctx.claims[p.b]);
    let words = clauses.shared_words(p.a, p.b, 4);
    let (about, about_key) = describe(ctx, first, &words);
    let figures: Vec<String> = pairs
        .iter()
        .map(|p| surface(ctx, &ctx.claims[p.b]))
        .collect();
    let first_place = place(ctx, first);
    let message = format!(
        "the same fact is stated again: {} (first at {first_place})",
        figures
            .iter()
            .map(|f| format!("“{f}”"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    let help = format!(
        "both places say {about} with the same value; keep one, or refer back to {first_place}"
    );
    let mut labels = vec![label(second, "stated again here", true)];
    for q in &pairs[1..] {
        labels.push(label(&ctx.claims[q.b], "stated again here", false));
    }
    for q in pairs {
        labels.push(label(&ctx.claims[q.a], "first stated here", false));
    }
    let mut key = vec![about_key];
    let mut vals: Vec<String> = pairs
        .iter()
        .map(|q| crate::decimal_text::normalized(ctx.claims[q.a].quantity.value))
        .collect();
    vals.sort();
    key.extend(vals);
    finding("repeated-fact", message, Some(help), labels, &key)
}

/// What a pair of figures is about, for the message and for the fingerprint: its context
/// reading (the same for both), or the words its clauses share (quoted from the text for
/// the message, as stems for the fingerprint). Both at once: the reading is made once.
fn describe(ctx: &Ctx, c: &Claim, words: &[&str]) -> (String, String) {
    let mut parts = Vec::new();
    if let Some(m) = &c.metric {
        parts.push(m.clone());
    }
    if let Some(s) = &c.subject {
        parts.push(s.clone());
    }
    if let Some(p) = c.period {
        parts.push(p.to_string());
    }
    if parts.is_empty() || c.confidence < 0.6 {
        (
            format!("“{}”", surface_words(ctx, c, words).join(" … ")),
            format!("“{}…”", words.join(" … ")),
        )
    } else {
        let reading = parts.join(", ");
        (reading.clone(), reading)
    }
}

/// The pieces of `text` between characters that are not alphanumeric, as
/// `text.split(|c: char| !c.is_alphanumeric())` gives them (empty ones included), with
/// ASCII bytes classified without decoding a character.
fn alphanumeric_runs(text: &str) -> impl Iterator<Item = &str> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let mut i = start;
        while i < bytes.len() {
            let b = bytes[i];
            let (separator, len) = if b.is_ascii() {
                (!b.is_ascii_alphanumeric(), 1)
            } else {
                let c = text[i..].chars().next().expect("char boundary");
                (!c.is_alphanumeric(), c.len_utf8())
            };
            if separator {
                let piece = &text[start..i];
                start = i + len;
                return Some(piece);
            }
            i += len;
        }
        done = true;
        Some(&text[start..])
    })
}

/// The words of a claim's sentence the similarity tokens stand for ("regio" → "regions"),
/// so that messages quote the text, not its stems: for each token the first word of the
/// sentence it is the stem of (the token itself when none is), found in one pass over the
/// sentence for all tokens.
fn surface_words<'a>(ctx: &'a Ctx, c: &Claim, tokens: &[&'a str]) -> Vec<&'a str> {
    let mut found: Vec<Option<&str>> = vec![None; tokens.len()];
    let text = &ctx.docs[c.doc].clean.text;
    if let Some(sentence) = text.get(c.sentence.clone()) {
        let mut missing = tokens.len();
        // A word folds to a token's prefix only if its first letter folds to the token's
        // first: that letter is folded once a word, not once a word and token.
        let firsts: Vec<Option<char>> = tokens.iter().map(|t| t.chars().next()).collect();
        for w in alphanumeric_runs(sentence) {
            if missing == 0 {
                break;
            }
            // An ASCII first letter folds to itself lower-cased.
            let first = match w.as_bytes().first() {
                Some(b) if b.is_ascii() => Some(char::from(b.to_ascii_lowercase())),
                _ => super::similarity::first_folded(w),
            };
            for ((f, token), want) in found.iter_mut().zip(tokens).zip(&firsts) {
                if f.is_none()
                    && want.is_none_or(|c| Some(c) == first)
                    && super::similarity::fold_starts_with(w, token)
                {
                    *f = Some(w);
                    missing -= 1;
                }
            }
        }
    }
    found
        .into_iter()
        .zip(tokens)
        .map(|(f, token)| f.unwrap_or(token))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::swapped_digits;

    const FR: &str = "Au 1er janvier 2024, 425 organisations étaient enregistrées comme résidents des zones franches du pays, et elles emploient près de 60 000 personnes.\n\nLe chapitre suivant décrit les conditions fiscales accordées aux investisseurs étrangers, qui varient selon la taille du projet.\n\nSelon le ministère, au 1er janvier 2024, 452 organisations étaient enregistrées comme résidents des zones franches du pays.";

    #[test]
    fn alphanumeric_runs_split_as_str_split_does() {
        for text in [
            "",
            " ",
            "Les 425 organisations, «enregistrées» — ÉTÉ 2024 ٣٤ x",
            "..a",
            "a..",
            "naïve café İzmir Kelvin \u{212A} 3\u{a0}000",
        ] {
            let want: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
            let got: Vec<&str> = super::alphanumeric_runs(text).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn swapped_digits_are_a_slip() {
        let d = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
        assert!(swapped_digits(d("3480"), d("3840")));
        assert!(swapped_digits(d("87.2"), d("82.7")));
        assert!(swapped_digits(d("1046"), d("1064")));
        // One digit changed, the same value, too short, another scale, digits far apart.
        assert!(!swapped_digits(d("3480"), d("3490")));
        assert!(!swapped_digits(d("3480"), d("3480")));
        assert!(!swapped_digits(d("12"), d("21")));
        assert!(!swapped_digits(d("34.8"), d("348")));
        assert!(!swapped_digits(d("3480"), d("8430")));
    }

    #[test]
    fn conflicting_fact_by_text_fr() {
        let mut k = Kit::fr(FR);
        k.bare_count("425", 0);
        k.bare_count("452", 0);
        let f = k.check();
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].rule, "conflicting-fact");
        assert_eq!(f[0].primary().unwrap().span, k.span_of("452"));
        assert_eq!(f[0].labels.len(), 2);
    }

    #[test]
    fn repeated_fact_by_text_fr_and_same_paragraph_silence() {
        let text = FR.replace("452", "425");
        let mut k = Kit::fr(&text);
        k.bare_count("425", 0);
        k.bare_count("425", 1);
        let f = k.check();
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].rule, "repeated-fact");
        assert_eq!(f[0].severity, crate::finding::Severity::Warning);
        // The same two sentences inside one paragraph: a near repeat, not reported by default.
        let text = text.replace("\n\n", " ");
        let mut k = Kit::fr(&text);
        k.bare_count("425", 0);
        k.bare_count("425", 1);
        assert!(k.check().is_empty());
    }

    #[test]
    fn number_word_and_digit_conflict_en() {
        let text = "Eight large engineering and transport facilities were also built in the free zones in 2023, at a total cost of 130 million euros.\n\nThe zones are governed by a special regime.\n\nIn 2023, 7 large engineering and transport facilities were built in the free zones.";
        let mut k = Kit::en(text);
        k.word_count("Eight", 0, 8);
        k.bare_count("7", 0);
        let f = k.check();
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].rule, "conflicting-fact");
        // Seven and 7: a repeat.
        let text = text.replace("Eight", "Seven");
        let mut k = Kit::en(&text);
        k.word_count("Seven", 0, 7);
        k.bare_count("7", 0);
        let f = k.check();
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].rule, "repeated-fact");
    }

    #[test]
    fn same_number_different_things_stays_silent_fr() {
        let text = "Le projet prévoit la création de 60 nouveaux emplois dans l'usine de meubles de Pinsk.\n\nUne autre usine ouvrira à Grodno.\n\nSoixante nouveaux emplois seront créés dans la laiterie de Lida grâce à une nouvelle ligne.\n\nEn 2023, 425 organisations étaient enregistrées.\n\nLa région a produit pour 425 millions de dollars de biens en 2023.";
        let mut k = Kit::fr(text);
        k.bare_count("60", 0);
        k.word_count("Soixante", 0, 60);
        k.bare_count("425", 0);
        k.nth_amount("425", 1, "production");
        assert!(k.check().is_empty(), "{:#?}", k.check());
    }

    #[test]
    fn different_years_are_different_facts_en() {
        let text = "In 2022, exports of dairy products to Kazakhstan reached 310 thousand tonnes, a record for the sector.\n\nPrices rose.\n\nIn 2023, exports of dairy products to Kazakhstan reached 290 thousand tonnes, a record for the sector.";
        let mut k = Kit::en(text);
        k.bare_count("310", 0).unit("t");
        k.bare_count("290", 0).unit("t");
        assert!(k.check().is_empty(), "{:#?}", k.check());
    }

    #[test]
    fn conflicting_fact_by_key_en() {
        let text = "Turnover with China reached $5.8 billion in 2022.\n\nOther matters follow here.\n\nBilateral trade in 2022 amounted to $6.8 billion, officials said.";
        let mut k = Kit::en(text);
        k.amount("5.8", "turnover")
            .scale(1_000_000_000)
            .subject("BLR")
            .partner("CHN")
            .year(2022);
        k.amount("6.8", "turnover")
            .scale(1_000_000_000)
            .subject("BLR")
            .partner("CHN")
            .year(2022);
        let f = k.check();
        assert!(f.iter().any(|f| f.rule == "conflicting-fact"), "{f:#?}");
    }
}
