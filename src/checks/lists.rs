//! Counts against what the text lists for them (`sum-of-parts`):
//! "9 structures (3 laboratoires, 5 centres et 2 instituts)" must add up, parts announced
//! with "dont / including" cannot exceed the whole, and "six companies: A, B, C, D, E, F, G"
//! cannot name more items than it announces.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;
use rust_decimal::Decimal;

use super::format::{plain, NumFmt};
use super::similarity::fold;
use super::{claim_key, finding, label, Ctx};
use crate::claim::Claim;
use crate::finding::{Finding, Label};
use crate::interval::Interval;
use crate::quantity::{Kind, Qualifier};

/// How far after a count its parenthesis or colon may open.
const LEAD: usize = 120;
/// Longest list read.
const LIST: usize = 400;

pub fn enumerations(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut by_doc: Vec<Vec<usize>> = vec![Vec::new(); ctx.docs.len()];
    for (i, c) in ctx.claims.iter().enumerate() {
        if c.doc < ctx.docs.len() && c.quantity.is_claim() {
            by_doc[c.doc].push(i);
        }
    }
    for (d, claims) in by_doc.iter_mut().enumerate() {
        claims.sort_by_key(|&i| ctx.claims[i].quantity.clean.start);
        let text = &ctx.docs[d].clean.text;
        for (k, &i) in claims.iter().enumerate() {
            let c = &ctx.claims[i];
            if !is_count(c) && !is_total_amount(c) {
                continue;
            }
            let after = c.quantity.clean.end;
            let next_claim = claims
                .get(k + 1)
                .map(|&j| ctx.claims[j].quantity.clean.start);
            if let Some(f) = anaphoric_list(ctx, text, claims, k) {
                out.push(f);
            } else if let Some(f) = parenthesised(ctx, text, i, after, &claims[k + 1..]) {
                out.push(f);
            } else if let Some(f) = trailing_total(ctx, text, i, &claims[..k]) {
                out.push(f);
            } else if let Some(f) = open_list(ctx, text, i, &claims[k + 1..]) {
                out.push(f);
            } else if !is_count(c) {
                continue;
            } else if let Some(f) = colon_list(ctx, text, i, after, next_claim) {
                out.push(f);
            } else if let Some(f) = ranked_members(ctx, i) {
                out.push(f);
            }
        }
    }
}

/// More members named than a ranked group has places: "Singapour, avec la Chine,
/// l'Azerbaïdjan, l'Ouzbékistan et la Russie, est devenu l'un des quatre plus grands
/// acheteurs" names five of four (the names are read by the context reader, see
/// [`Claim::members`]).
fn ranked_members(ctx: &Ctx, i: usize) -> Option<Finding> {
    let c = &ctx.claims[i];
    let (named, span) = c.members.clone()?;
    let n = c.quantity.value;
    if n < Decimal::TWO || !n.fract().is_zero() || Decimal::from(named as u64) <= n {
        return None;
    }
    let message = format!(
        "{named} names are given as members of a group of {}",
        plain(n, 0)
    );
    let help = format!(
        "{named} named > {} places; the group would be of {named}, or one name is not of it",
        plain(n, 0)
    );
    let labels = vec![
        label(c, "size of the group", true),
        Label {
            doc: c.doc,
            span: ctx.docs[c.doc].clean.to_original(span.clone()),
            message: format!("{named} named"),
            primary: false,
        },
    ];
    let key = [claim_key(c), fold(&ctx.docs[c.doc].clean.text[span])];
    Some(finding("sum-of-parts", message, Some(help), labels, &key))
}

/// An exact count of things: "9 structures", "six" (a count noun is its unit; amounts of
/// money or measures are never enumerated items).
fn is_count(c: &Claim) -> bool {
    let counted = match c.quantity.kind {
        Kind::Count => true,
        Kind::Number => c.quantity.unit.is_none(),
        _ => false,
    };
    counted && c.quantity.qualifier == Qualifier::None
}

/// Where `stop` ends a short lead of words after a figure ("five new sites in 2024:",
/// "150,2 GW au 31 décembre 2024 :"): no other figure on the way, only years and dates.
/// An amount of money or a measure stated exactly: it may be the total of parts listed
/// in the same unit (never an enumeration of items).
fn is_total_amount(c: &Claim) -> bool {
    c.quantity.kind == Kind::Amount
        && c.quantity.unit.is_some()
        && c.quantity.qualifier == Qualifier::None
}

fn lead_end(text: &str, from: usize, stop: char) -> Option<usize> {
    for (off, ch) in text[from..].char_indices() {
        if off > LEAD {
            return None;
        }
        if ch == stop {
            return only_dates(&text[from..from + off]).then_some(from + off);
        }
        if matches!(ch, '.' | ';' | '(' | ')' | ':' | '\n' | '%') {
            return None;
        }
    }
    None
}

const MONTHS: &[&str] = &[
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether every number in `s` is a year (1900–2100) or a day before its month.
pub(super) fn only_dates(s: &str) -> bool {
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect();
    words.iter().enumerate().all(|(k, w)| {
        if !w.chars().any(|c| c.is_ascii_digit()) {
            return true;
        }
        let digits = w.trim_end_matches("er");
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
        let Ok(v) = digits.parse::<u32>() else {
            return false;
        };
        (digits.len() == 4 && (1900..=2100).contains(&v))
            || ((1..=31).contains(&v)
                && words
                    .get(k + 1)
                    .is_some_and(|m| MONTHS.contains(&m.as_str())))
    })
}

/// `N noun (a X, b Y et c Z)`.
fn parenthesised(
    ctx: &Ctx,
    text: &str,
    whole: usize,
    after: usize,
    rest: &[usize],
) -> Option<Finding> {
    let open = lead_end(text, after, '(')?;
    let close = open + text[open..].find(')')?;
    if close - open > LIST {
        return None;
    }
    let inner = &text[open + 1..close];
    let parts: Vec<usize> = rest
        .iter()
        .copied()
        .take_while(|&j| ctx.claims[j].quantity.clean.start < close)
        .filter(|&j| ctx.claims[j].quantity.clean.start > open)
        .collect();
    if parts.len() < 2 || digits_outside(ctx, text, open + 1..close, &parts) {
        return None;
    }
    let lead = fold(inner.trim_start());
    let subset = SUBSET.iter().any(|w| lead.starts_with(w));
    let wc = &ctx.claims[whole];
    // An amount is the total of the parts in its brackets only when the text says so
    // ("totalled $290.0 million (…)"): "$5 bn ($3 bn to Russia, $1 bn to China)" may name
    // the main ones only, which still cannot add up to more than it.
    let main_ones = wc.quantity.kind == Kind::Amount && !subset && {
        if !shaped(ctx, text, open + 1..close, &parts) {
            return None;
        }
        !says_total(ctx, text, whole, open)
    };
    let partial = subset || main_ones || hedged(ctx, text, whole, close);
    sum_finding(ctx, whole, &parts, partial)
}

/// Words that make a list partial: the parts may not be all of the whole.
const HEDGES: &[&str] = &[
    "notamment",
    "including",
    "such as",
    "par exemple",
    "for example",
    "etc",
    "entre autres",
    "among others",
    "dont",
    "y compris",
    "comme",
    "like",
    "e.g.",
    "parmi",
    "among",
    "of which",
    "mainly",
    "mostly",
    "principalement",
    "notably",
    "in particular",
    "en particulier",
    "especially",
];

/// Leads that announce some of the parts of a whole.
const SUBSET: &[&str] = &[
    "dont",
    "including",
    "of which",
    "parmi",
    "among",
    "y compris",
    "notamment",
];

fn has_word(hay: &str, w: &str) -> bool {
    hay.split(|c: char| !c.is_alphanumeric() && c != '.')
        .collect::<Vec<_>>()
        .windows(w.split(' ').count())
        .any(|win| win.join(" ") == w)
}

/// Where a window reaching `reach` bytes back from a claim starts, within its sentence.
pub(super) fn back_in_sentence(text: &str, c: &Claim, reach: usize) -> usize {
    text.floor_char_boundary(
        c.sentence
            .start
            .max(c.quantity.clean.start.saturating_sub(reach)),
    )
}

/// Whether a partial marker stands in the whole's sentence up to `end`.
fn hedged(ctx: &Ctx, text: &str, whole: usize, end: usize) -> bool {
    let from = back_in_sentence(text, &ctx.claims[whole], 80);
    let end = text.floor_char_boundary(end.max(from));
    let hay = fold(&text[from..end]);
    HEDGES.iter().any(|h| has_word(&hay, h))
}

/// Whether the text presents the figure at `whole` as a total of what follows, up to `to`:
/// a total word in its clause ("totalled", "totalise", "au total", "production totale")
/// or a verb of breaking down ("se répartissent", "breaks down into").
fn says_total(ctx: &Ctx, text: &str, whole: usize, to: usize) -> bool {
    let wc = &ctx.claims[whole];
    // The clause of the total: back to the figure before it.
    let from = back_in_sentence(text, wc, 200);
    let from = text[from..wc.quantity.clean.start]
        .rfind(|c: char| c.is_ascii_digit())
        .map_or(from, |d| from + d + 1);
    let to = text.floor_char_boundary(to.max(from));
    let hay = fold(&text[from..to]);
    // "Le parc s'élève à 9,84 millions : 6,12 millions …": a level, then a colon and
    // its parts.
    let colon_after = text
        .get(wc.quantity.clean.end..)
        .is_some_and(|rest| rest.trim_start().starts_with(':'));
    hay.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.starts_with("total"))
        || SPLITS.iter().any(|v| hay.contains(v))
        || (colon_after && LEVELS_BEFORE_COLON.iter().any(|v| hay.contains(v)))
}

/// Verbs that state a level which a colon then breaks down (folded, as `SPLITS`).
const LEVELS_BEFORE_COLON: &[&str] = &[
    "s'eleve a",
    "s'elevent a",
    "s’eleve a",
    "s’elevent a",
    "amounts to",
    "amounted to",
    "stands at",
    "stood at",
];

/// Verbs that break a total down into its parts.
const SPLITS: &[&str] = &[
    "se repartiss",
    "se repartit",
    "repartis entre",
    "reparties entre",
    "se decompos",
    "breaks down",
    "broken down",
    "break down",
    "split between",
    "split into",
    "is split",
    "are split",
    // Verbs of composition say the parts are all of it ("comprised", unlike "includes").
    "comprised",
    "comprises",
    "consisted of",
    "consists of",
    "consist of",
    "made up of",
    "se compos",
    "compose de",
    "composee de",
    "composes de",
    "composees de",
    // "742 MW across four sites: …", "répartis sur quatre sites : …".
    "across",
    "repartis sur",
    "reparties sur",
    "reparti sur",
    "repartie sur",
    // Verbs of provenance, the parts in brackets: "revenue of $6.8 million came from fees
    // ($2.9 million), …", "les recettes provenaient des cotisations (…)".
    "came from",
    "come from",
    "comes from",
    "coming from",
    "provenaient d",
    "proviennent d",
    "provient d",
    "provenait d",
];

/// Whether a digit in `range` lies outside every part (a year, a code, another figure).
fn digits_outside(ctx: &Ctx, text: &str, range: Range<usize>, parts: &[usize]) -> bool {
    text[range.clone()]
        .char_indices()
        .filter(|(_, ch)| ch.is_ascii_digit())
        .any(|(o, _)| {
            let at = range.start + o;
            !parts
                .iter()
                .any(|&j| ctx.claims[j].quantity.clean.contains(&at))
        })
}

/// Words that end a list of parts: a comparison, a restatement, another clause.
const BREAKS: &[&str] = &[
    "while", "whereas", "but", "alors", "tandis", "contre", "against", "compared", "versus", "vs",
    "soit", "or", "than", "que", "up", "down", "hausse", "baisse", "after", "apres", "before",
    "avant", "which", "qui", "per", "par",
];

/// Whether the parts in `range` read as one list of labelled figures: a separator (comma,
/// "et / and") and a short label between two parts, no comparison or other clause.
fn shaped(ctx: &Ctx, text: &str, range: Range<usize>, parts: &[usize]) -> bool {
    let words = |s: &str| -> Vec<String> {
        fold(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let mut from = range.start;
    for (k, &j) in parts.iter().enumerate() {
        let q = &ctx.claims[j].quantity.clean;
        if q.start < from {
            return false;
        }
        let gap = &text[from..q.start];
        let w = words(gap);
        // "mais" (but), not "maïs" (maize), which folds to it.
        // Before the first part stands the lead ("breaks down into"): only between parts
        // does a comparison or another clause end the list.
        // A part in brackets may follow a longer label ("public grants from the region
        // and the state (CHF 1.2 million)").
        let longest = if gap.trim_end().ends_with('(') { 14 } else { 8 };
        if w.len() > longest
            || (k > 0
                && (w.iter().any(|x| BREAKS.contains(&x.as_str()))
                    || format!(" {} ", gap.to_lowercase()).contains(" mais ")))
        {
            return false;
        }
        if k > 0 && !(gap.contains(',') || AND.iter().any(|a| format!(" {gap} ").contains(a))) {
            return false;
        }
        from = q.end;
    }
    let tail = &text[from..range.end.max(from)];
    let w = words(tail);
    !tail.contains(',') && w.len() <= 8 && !w.iter().any(|x| BREAKS.contains(&x.as_str()))
}

/// Whether the last two parts are joined by "et / and": the list is closed.
fn closed(ctx: &Ctx, text: &str, parts: &[usize]) -> bool {
    let [.., a, b] = parts else {
        return false;
    };
    let gap = &text[ctx.claims[*a].quantity.clean.end..ctx.claims[*b].quantity.clean.start];
    let gap = format!(" {} ", fold(gap));
    AND.iter().any(|a| gap.contains(a))
}

/// The values of part `j` in the unit of the total `whole`, or `None` when it cannot be a
/// part of it: counts list counts; an amount lists amounts in its own unit or currency, or
/// bare numbers that inherit unit and scale ("150,2 GW : nucléaire 61,4, …").
fn part_interval(ctx: &Ctx, whole: usize, j: usize) -> Option<Interval> {
    let w = &ctx.claims[whole].quantity;
    let p = &ctx.claims[j].quantity;
    match w.kind {
        Kind::Amount => {
            if p.kind == Kind::Amount && p.unit == w.unit && p.unit.is_some() {
                Some(ctx.interval(j))
            } else if p.kind == Kind::Number && p.unit.is_none() && p.scale == Decimal::ONE {
                Some(ctx.interval(j).scale(w.scale))
            } else {
                None
            }
        }
        _ => is_count(&ctx.claims[j]).then(|| ctx.interval(j)),
    }
}

/// The parts against their total: their sum must meet it, or (a partial list) not exceed it.
fn sum_finding(ctx: &Ctx, whole: usize, parts: &[usize], partial: bool) -> Option<Finding> {
    let wc = &ctx.claims[whole];
    let trade_flow = |j: &usize| {
        matches!(
            ctx.claims[*j].metric.as_deref(),
            Some("exports" | "imports" | "balance")
        )
    };
    if wc.metric.as_deref() == Some("turnover") && parts.iter().any(trade_flow) {
        // Exports and imports of a turnover: the trade-balance identity. A company's
        // "chiffre d'affaires" broken down by product is a sum of parts.
        return None;
    }
    let mut sum = Interval::exact(Decimal::ZERO);
    let mut total = Decimal::ZERO;
    for &j in parts {
        sum = sum.add(&part_interval(ctx, whole, j)?);
        let p = &ctx.claims[j].quantity;
        total += if wc.quantity.kind == Kind::Amount && p.unit.is_none() {
            p.value * wc.quantity.scale
        } else {
            p.value
        };
    }
    let w = ctx.interval(whole);
    let bad = if partial {
        sum.lo.zip(w.hi).is_some_and(|(s, h)| s > h)
    } else {
        !sum.overlaps(&w)
    };
    if !bad {
        return None;
    }
    let fmt = NumFmt::for_claims(std::iter::once(wc).chain(parts.iter().map(|&j| &ctx.claims[j])));
    let show = |v: Decimal, scaled: bool| {
        if wc.quantity.kind == Kind::Amount {
            let v = if scaled { v } else { v * wc.quantity.scale };
            fmt.num(v)
        } else if wc.quantity.scale != Decimal::ONE {
            // "18.4 million" passengers: in the scale they were written in.
            fmt.num(v)
        } else {
            plain(v, 2)
        }
    };
    let values: Vec<String> = parts
        .iter()
        .map(|&j| {
            let p = &ctx.claims[j].quantity;
            show(
                p.value,
                p.unit.is_some() || wc.quantity.kind != Kind::Amount,
            )
        })
        .collect();
    let message = format!(
        "the parts listed add up to {} but the total stated is {}",
        show(total, true),
        show(wc.quantity.value, true)
    );
    let help = format!(
        "{} = {} {} {} (stated)",
        values.join(" + "),
        show(total, true),
        if partial { ">" } else { "≠" },
        show(wc.quantity.value, true),
    );
    let mut labels = vec![label(wc, "stated total", true)];
    for &j in parts {
        labels.push(label(&ctx.claims[j], "part", false));
    }
    let mut key = vec![claim_key(wc)];
    key.extend(parts.iter().map(|&j| claim_key(&ctx.claims[j])));
    Some(finding("sum-of-parts", message, Some(help), labels, &key))
}

/// Parts told after their total without brackets: after a colon ("totalise 150,2 GW :
/// nucléaire 61,4 GW, …"), "with A contributing a, B b and C c", "dont a et b", "se
/// répartissent entre A (a), B (b) et C (c)". The list runs to the end of the sentence.
fn open_list(ctx: &Ctx, text: &str, whole: usize, rest: &[usize]) -> Option<Finding> {
    let wc = &ctx.claims[whole];
    if !matches!(wc.quantity.kind, Kind::Amount | Kind::Count | Kind::Number)
        || wc.quantity.qualifier != Qualifier::None
        || (wc.quantity.kind == Kind::Number && wc.quantity.unit.is_some())
    {
        return None;
    }
    let after = wc.quantity.clean.end;
    let mut send = text.floor_char_boundary(wc.sentence.end.min(after + LIST));
    if after >= send {
        return None;
    }
    if let Some(semi) = text[after..send].find(';') {
        send = after + semi;
    }
    let t = text[after..send].trim_start_matches([' ', ',']);
    let t_at = send - t.len();
    let starts = |m: &str| {
        t.len() >= m.len() && t.is_char_boundary(m.len()) && t[..m.len()].eq_ignore_ascii_case(m)
    };
    let (start, subset) = if let Some(colon) = lead_end(text, after, ':') {
        if !says_total(ctx, text, whole, colon) {
            return None;
        }
        (colon + 1, false)
    } else if let Some(m) = [
        "dont ",
        "of which ",
        "including ",
        "notamment ",
        "y compris ",
    ]
    .into_iter()
    .find(|m| starts(m))
    {
        (t_at + m.len(), true)
    } else if ["with ", "avec "].into_iter().any(starts) {
        let first = rest.first().map(|&j| ctx.claims[j].quantity.clean.start)?;
        if first < t_at || first > send || !fold(&text[t_at..first]).contains("contribu") {
            return None;
        }
        (t_at, false)
    } else {
        let first = rest.first().map(|&j| ctx.claims[j].quantity.clean.start)?;
        if first < after || first > send || first - after > 80 {
            return None;
        }
        let lead = fold(&text[after..first]);
        if !SPLITS.iter().any(|v| lead.contains(v)) {
            return None;
        }
        (after, false)
    };
    let parts: Vec<usize> = rest
        .iter()
        .copied()
        .take_while(|&j| ctx.claims[j].quantity.clean.start < send)
        .filter(|&j| {
            let q = &ctx.claims[j].quantity.clean;
            q.start >= start && q.end <= send
        })
        .collect();
    // "$72.4 billion in 2023 comprised mining ($1.9 billion), …": the total's own date
    // may stand before the verb; any other digit there is another figure.
    let first_part = parts
        .first()
        .map_or(send, |&j| ctx.claims[j].quantity.clean.start);
    if parts.len() < 2
        || !only_dates(&text[start..first_part.max(start)])
        || digits_outside(ctx, text, first_part..send, &parts)
        || !shaped(ctx, text, start..send, &parts)
    {
        return None;
    }
    let partial = subset || !closed(ctx, text, &parts) || hedged(ctx, text, whole, send);
    sum_finding(ctx, whole, &parts, partial)
}

/// Words that open a sentence breaking down the total of the sentence before: "Ces
/// dépenses se répartissent entre …", "This amount breaks down into …" (folded).
const ANAPHORS: &[&str] = &[
    "ces depenses",
    "ces credits",
    "ces recettes",
    "ces ressources",
    "ces fonds",
    "ces couts",
    "ces montants",
    "ce montant",
    "ce total",
    "cette somme",
    "cette enveloppe",
    "cette depense",
    "these costs",
    "these expenses",
    "these funds",
    "these revenues",
    "this amount",
    "this sum",
    "this total",
    "this spending",
    "this expenditure",
    "this budget",
];

/// Parts of a total told in the sentence before, in a sentence opening with a word that
/// refers back to it and a verb of breaking down: "Les dépenses ont atteint 1,2 Md€ en
/// 2023, contre 0,9 Md€ en 2019. Ces dépenses se répartissent entre l'État (500 M€), …".
/// The total is the one figure of the previous sentence (same paragraph) in the parts'
/// unit, metric and period.
fn anaphoric_list(ctx: &Ctx, text: &str, claims: &[usize], k: usize) -> Option<Finding> {
    let first = &ctx.claims[claims[k]];
    if k > 0 && ctx.claims[claims[k - 1]].sentence.start == first.sentence.start {
        return None;
    }
    let head = text.get(first.sentence.start..first.quantity.clean.start)?;
    let lead = fold(head.trim_start());
    if head.len() > 160
        || !ANAPHORS.iter().any(|a| {
            lead.starts_with(a) && lead[a.len()..].starts_with(|c: char| !c.is_alphanumeric())
        })
        || !SPLITS.iter().any(|v| lead.contains(v))
        || HEDGES.iter().any(|h| has_word(&lead, h))
        || !only_dates(head)
    {
        return None;
    }
    let sentence_end = first.sentence.end;
    let parts: Vec<usize> = claims[k..]
        .iter()
        .copied()
        .take_while(|&j| ctx.claims[j].sentence.start == first.sentence.start)
        .collect();
    let send = text.floor_char_boundary(sentence_end.min(text.len()));
    let last_end = ctx.claims[*parts.last()?].quantity.clean.end;
    if parts.len() < 2
        || digits_outside(ctx, text, first.quantity.clean.start..send, &parts)
        || !shaped(ctx, text, first.quantity.clean.start..last_end, &parts)
        || !closed(ctx, text, &parts)
    {
        return None;
    }
    // The one total of the sentence right before, in the same paragraph or closing the
    // one before (the anaphor then opens its paragraph).
    let before = k.checked_sub(1).map(|b| &ctx.claims[claims[b]])?;
    let between = text.get(before.sentence.end..first.sentence.start)?;
    if before.paragraph + 1 < first.paragraph || between.contains(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let candidates: Vec<usize> = claims[..k]
        .iter()
        .rev()
        .copied()
        .take_while(|&j| ctx.claims[j].sentence.start == before.sentence.start)
        .filter(|&j| {
            let c = &ctx.claims[j];
            (is_total_amount(c) || is_count(c))
                && c.role == crate::claim::Role::Value
                && c.quantity.kind == first.quantity.kind
                && c.quantity.unit == first.quantity.unit
                && (first.metric.is_none() || c.metric == first.metric)
                && (first.period.is_none() || c.period == first.period)
        })
        .collect();
    let [whole] = candidates[..] else {
        return None;
    };
    sum_finding(ctx, whole, &parts, false)
}

/// Words right before a total stated after its parts: "…, for a total of 18.4 million",
/// "…, soit un total de 8,4 millions".
fn total_after_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)(?:(?:for|making|bringing|giving|with)\s+a\s+(?:grand\s+)?total\s+of|in\s+total|in\s+all|altogether|(?:soit|pour|avec)\s+un\s+total\s+de|soit\s+au\s+total|au\s+total|totall?ing|amounting\s+to|totalisant|soit\s+en\s+tout)\s*(?:some|about|près\s+de|environ)?\s*$")
            .expect("valid total-after regex")
    })
}

/// Parts told before their total in one sentence: "11.2 million on international routes,
/// 5.1 million on domestic routes and 1.6 million in transit, for a total of 18.4 million".
fn trailing_total(ctx: &Ctx, text: &str, whole: usize, before: &[usize]) -> Option<Finding> {
    let wc = &ctx.claims[whole];
    if !is_count(wc) && !is_total_amount(wc) {
        return None;
    }
    let lead_from = text
        .ceil_char_boundary(wc.quantity.clean.start.saturating_sub(40))
        .max(wc.sentence.start);
    let cue = total_after_re().find(&text[lead_from..wc.quantity.clean.start])?;
    let cue_at = lead_from + cue.start();
    let parts: Vec<usize> = before
        .iter()
        .copied()
        .filter(|&j| {
            let c = &ctx.claims[j];
            c.sentence.start == wc.sentence.start && c.quantity.clean.end <= cue_at
        })
        .collect();
    let last = *parts.last()?;
    let tail = &text[ctx.claims[last].quantity.clean.end..cue_at];
    if parts.len() < 2
        || tail.split_whitespace().count() > 8
        || digits_outside(ctx, text, wc.sentence.start..cue_at, &parts)
        || !shaped(
            ctx,
            text,
            wc.sentence.start..ctx.claims[last].quantity.clean.end,
            &parts,
        )
        || !closed(ctx, text, &parts)
    {
        return None;
    }
    let partial = hedged(ctx, text, whole, wc.quantity.clean.end);
    sum_finding(ctx, whole, &parts, partial)
}

/// `Six companies …: A, B, C, D, E, F and G.`
fn colon_list(
    ctx: &Ctx,
    text: &str,
    whole: usize,
    after: usize,
    next_claim: Option<usize>,
) -> Option<Finding> {
    let wc = &ctx.claims[whole];
    let n = wc.quantity.value;
    if n < Decimal::TWO || n > Decimal::from(20) || !n.fract().is_zero() {
        return None;
    }
    let colon = lead_end(text, after, ':')?;
    let tail = &text[colon + 1..];
    let end = tail
        .find(['.', ';', '\n', '(', '!', '?'])
        .map_or(tail.len(), |e| e)
        .min(LIST);
    let end = tail.floor_char_boundary(end);
    let list_range: Range<usize> = colon + 1..colon + 1 + end;
    if next_claim.is_some_and(|s| s < list_range.end) {
        return None;
    }
    let list = &text[list_range.clone()];
    if list.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if !announces(text, wc.quantity.clean.start, wc.quantity.clean.end, colon) {
        return None;
    }
    let lead_start = text.floor_char_boundary(wc.quantity.clean.start.saturating_sub(200));
    let sentence_lead = fold(&text[lead_start..colon]);
    let folded = fold(list);
    if HEDGES.iter().any(|h| {
        has_word(&folded, h)
            || has_word(
                &sentence_lead
                    [sentence_lead.ceil_char_boundary(sentence_lead.len().saturating_sub(80))..],
                h,
            )
    }) {
        return None;
    }
    let shape = list_shape(list);
    let items = shape.items;
    if items < 2 {
        return None;
    }
    let listed = Decimal::from(items as u64);
    let three = Decimal::from(3);
    if listed == n || listed > n + three {
        return None;
    }
    // Fewer items than announced: only a closed list ("…, D and E." right after the colon)
    // whose items cannot be read two ways ("sciences et techniques, droit et médecine").
    if listed < n && (!shape.closed || shape.ambiguous || listed + three < n) {
        return None;
    }
    let message = format!(
        "{} items are announced but {} are listed",
        plain(n, 0),
        items
    );
    let help = format!(
        "{items} listed {} {} announced; the count would be {items}",
        if listed > n { ">" } else { "<" },
        plain(n, 0)
    );
    let doc = &ctx.docs[wc.doc];
    let trimmed_start = list_range.start + (list.len() - list.trim_start().len());
    let trimmed_end = list_range.end - (list.len() - list.trim_end().len());
    let labels = vec![
        label(wc, "announced count", true),
        Label {
            doc: wc.doc,
            span: doc.clean.to_original(trimmed_start..trimmed_end),
            message: format!("{items} items listed"),
            primary: false,
        },
    ];
    let key = [claim_key(wc), fold(list.trim())];
    Some(finding("sum-of-parts", message, Some(help), labels, &key))
}

/// Whether the count at `start..end` announces the list after the colon at `colon`.
///
/// Not when the count names things already known, in a complement ("des participants
/// des deux pays dans différents domaines :", "exports of the two countries: …"), nor
/// when another, unquantified plural ("différents domaines", "several sectors") stands
/// between it and the colon: the list then enumerates that one.
fn announces(text: &str, start: usize, end: usize, colon: usize) -> bool {
    const KNOWN: &[&str] = &["des", "aux", "of the", "between the", "both", "the two"];
    const VAGUE: &[&str] = &[
        "differents",
        "differentes",
        "divers",
        "diverses",
        "plusieurs",
        "nombreux",
        "nombreuses",
        "various",
        "several",
        "many",
        "different",
        "numerous",
    ];
    let from = text.ceil_char_boundary(start.saturating_sub(24));
    let before = fold(&text[from..start]);
    let before = before.trim_end();
    let lead = fold(&text[end..colon]);
    let follows = lead.contains("suivant") || lead.contains("following");
    let known = KNOWN
        .iter()
        .any(|k| before.ends_with(k) && before[..before.len() - k.len()].ends_with([' ', '\'']));
    let vague = lead
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| VAGUE.contains(&w));
    follows || !(known || vague)
}

/// Items of a list (commas, and the last chunk split once on "et / and / ainsi que"),
/// whether it is closed by such a conjunction, and whether an item could be read as two.
struct Shape {
    items: usize,
    closed: bool,
    ambiguous: bool,
}

const AND: &[&str] = &[
    " et ",
    " and ",
    " ainsi que ",
    " ainsi qu'",
    " ainsi qu’",
    " as well as ",
];

fn list_shape(list: &str) -> Shape {
    let none = Shape {
        items: 0,
        closed: false,
        ambiguous: true,
    };
    let chunks: Vec<&str> = list
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if chunks.is_empty() {
        return none;
    }
    // Items are names or short phrases; the last chunk holds two of them.
    let n = chunks.len();
    if chunks
        .iter()
        .enumerate()
        .any(|(k, c)| c.split_whitespace().count() > if k + 1 == n { 20 } else { 10 })
    {
        return none;
    }
    let conjunctions = |c: &str| {
        let c = format!(" {c} ");
        AND.iter().map(|sep| c.matches(sep).count()).sum::<usize>()
    };
    let last = chunks[n - 1];
    let in_last = conjunctions(last);
    // An Oxford comma: "A, B, and C".
    let oxford = ["and ", "et "].iter().any(|w| last.starts_with(w)) && n > 1;
    let closed = in_last == 1 || oxford;
    let ambiguous = chunks[..n - 1].iter().any(|c| conjunctions(c) > 0) || in_last > 1;
    let split_last = in_last > 0 && !(oxford && in_last == 1);
    Shape {
        items: n + usize::from(split_last),
        closed,
        ambiguous,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;

    #[test]
    fn parenthesised_parts_fr() {
        let text = "L'université compte 9 structures communes (3 laboratoires, 5 centres et 2 instituts) avec ses partenaires.";
        let mut k = Kit::fr(text);
        k.bare_count("9", 0);
        k.bare_count("3", 0);
        k.bare_count("5", 0);
        k.bare_count("2", 0);
        let f = k.check();
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].rule, "sum-of-parts");
        assert!(f[0].help.as_deref().unwrap().contains("3 + 5 + 2 = 10"));
        let text = text.replace("5 centres", "4 centres");
        let mut k = Kit::fr(&text);
        for n in ["9", "3", "4", "2"] {
            k.bare_count(n, 0);
        }
        assert!(k.check().is_empty());
    }

    #[test]
    fn subset_parts_en() {
        let text = "The exhibition showed 146 products (including 14 new ones) from the region.";
        let mut k = Kit::en(text);
        k.bare_count("146", 0);
        k.bare_count("14", 0);
        assert!(k.check().is_empty());
    }

    #[test]
    fn colon_list_longer_than_announced_en_and_fr() {
        let text = "Six large companies expressed interest in the fair: Alpha Steel, Beta Tractors, Gamma Mining Trucks, Delta Club, the Omega Technology Park, Sigma Harvesters and Tau Machine Tools.";
        let mut k = Kit::en(text);
        k.word_count("Six", 0, 6);
        let f = k.check();
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0]
            .message
            .contains("6 items are announced but 7 are listed"));
        let text = "Le site comprend quatre zones : un laboratoire d'analyses, un laboratoire de développement, des entrepôts de matières premières et des entrepôts de produits finis.";
        let mut k = Kit::fr(text);
        k.word_count("quatre", 0, 4);
        assert!(k.check().is_empty());
        let text = text.replace("quatre", "trois");
        let mut k = Kit::fr(&text);
        k.word_count("trois", 0, 3);
        assert_eq!(k.check().len(), 1);
        // The count of a complement, or a vaguer plural before the colon, announces nothing.
        let text = "Le forum a réuni des participantes des deux pays dans différents domaines : industrie légère, science et éducation, et ingénierie.";
        let mut k = Kit::fr(text);
        k.word_count("deux", 0, 2);
        assert!(k.check().is_empty(), "{:#?}", k.check());
        let text =
            "Delegates of the two countries met in several sectors: energy, farming and transport.";
        let mut k = Kit::en(text);
        k.word_count("two", 0, 2);
        assert!(k.check().is_empty(), "{:#?}", k.check());
        // "les deux … suivants" still announces.
        let text = "Le plan retient les deux projets suivants : une usine, un entrepôt et un port.";
        let mut k = Kit::fr(text);
        k.word_count("deux", 0, 2);
        assert_eq!(k.check().len(), 1);
        // A partial list ("notamment") is not an enumeration.
        let text = "Le site comprend trois zones, notamment : un laboratoire, un atelier, un entrepôt et un bureau.";
        let mut k = Kit::fr(text);
        k.word_count("trois", 0, 3);
        assert!(k.check().is_empty());
    }
}
