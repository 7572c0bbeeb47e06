//! Additive relations: arithmetic identities between metrics (`trade-balance` and user
//! identities), and sub-periods of a flow against the whole period (`sum-of-parts`).

use std::collections::{BTreeMap, HashSet};

use rust_decimal::Decimal;

use super::format::NumFmt;
use super::identity::Identity;
use super::{claim_key, finding, label, Ctx};
use crate::claim::{Direction, Period, Role};
use crate::finding::Finding;
use crate::interval::Interval;

/// A metric's value in a group: stated by a claim, or derived from other metrics.
#[derive(Debug, Clone)]
struct Known {
    iv: Interval,
    /// Claims the value rests on.
    claims: Vec<usize>,
    /// How it was derived (`imports = turnover − exports = 56.5`), when it was.
    derivation: Option<String>,
}

/// (document, subject, partner, period, unit): the figures an identity relates. An identity
/// is checked within one document: another file's figures are another author's rounding.
/// The period is missing only in a group of one sentence, whose figures share whatever
/// period it speaks of. Borrowed from the claims: keys are made for every claim, three
/// times, and compared in maps (owned, each cost three strings copied).
type GroupKey<'a> = (
    usize,
    Option<&'a str>,
    Option<&'a str>,
    Option<Period>,
    Option<&'a str>,
);

/// Check every identity on every (subject, partner, period, unit) group of level claims.
pub fn identities(ctx: &Ctx, out: &mut Vec<Finding>) {
    let ids = &ctx.config.relations.identities;
    if ids.is_empty() {
        return;
    }
    // Group by key without the metric; BTreeMap for a stable order of findings.
    let mut groups: BTreeMap<GroupKey, BTreeMap<&str, usize>> = BTreeMap::new();
    fn key_of(c: &crate::claim::Claim, one_sentence: bool) -> Option<(GroupKey<'_>, &str)> {
        let metric = c.metric.as_ref()?;
        if c.period.is_none() && !one_sentence {
            return None;
        }
        let period = c.period;
        let metric = if metric == "deficit" {
            "balance"
        } else {
            metric.as_str()
        };
        // Counts of different nouns ("1,2 million inhabitants: 800,000 urban …") add up;
        // money and measures only in one unit.
        let unit = match c.quantity.kind {
            crate::quantity::Kind::Count => Some("count"),
            _ => c.quantity.unit.as_deref(),
        };
        let key = (
            c.doc,
            c.subject.as_deref(),
            c.partner.as_deref(),
            period,
            unit,
        );
        Some((key, metric))
    }
    // Paragraphs where a group has a figure read with full confidence.
    // Only asked, never iterated: the Fx hash, not SipHash.
    let mut anchored: HashSet<(GroupKey, usize, usize), crate::fasthash::FxBuild> =
        HashSet::default();
    for claims in ctx.index.values.values() {
        for &i in claims {
            let c = &ctx.claims[i];
            let Some((key, metric)) = key_of(c, false) else {
                continue;
            };
            anchored.insert((key, c.doc, c.paragraph));
            place_first(ctx, groups.entry(key).or_default(), metric, i);
        }
    }
    // A figure of the same paragraph whose context was carried over from the sentence
    // before ("Le solde est positif - 198,9 millions") joins its group at a lower
    // confidence: the paragraph ties it to the figures read with certainty. Figures of one
    // sentence that no such group takes ("exports to Chile reached $200 million and imports
    // $100 million, so trade with Chile amounted to $300 million", whose country is never
    // named) form a group of their own: one sentence shares one context.
    let mut sentence_groups: BTreeMap<(GroupKey, usize), BTreeMap<&str, usize>> = BTreeMap::new();
    for (i, c) in ctx.claims.iter().enumerate() {
        if ctx.comparable(i)
            || !c.quantity.is_claim()
            || c.role != Role::Value
            || c.confidence < SENTENCE_MIN_CONFIDENCE
        {
            continue;
        }
        let Some((key, metric)) = key_of(c, true) else {
            continue;
        };
        let joins =
            c.confidence >= LOCAL_MIN_CONFIDENCE && anchored.contains(&(key, c.doc, c.paragraph));
        match groups.get_mut(&key) {
            Some(slot) if joins => {
                slot.entry(metric).or_insert(i);
            }
            _ => {
                place_first(
                    ctx,
                    sentence_groups.entry((key, c.sentence.start)).or_default(),
                    metric,
                    i,
                );
            }
        }
    }
    // A sentence group takes every figure of its sentence, those that joined a paragraph's
    // group too: "trade with the partners totalled 410, with exports of 305 and imports of 119"
    // is one statement even when only its first figure names its metric for sure.
    for (i, c) in ctx.claims.iter().enumerate() {
        if !c.quantity.is_claim() || c.role != Role::Value || c.confidence < SENTENCE_MIN_CONFIDENCE
        {
            continue;
        }
        let Some((key, metric)) = key_of(c, true) else {
            continue;
        };
        if let Some(slot) = sentence_groups.get_mut(&(key, c.sentence.start)) {
            slot.entry(metric).or_insert(i);
        }
    }
    for metrics in groups.values().chain(sentence_groups.values()) {
        if metrics.len() < 2 {
            continue;
        }
        let mut known: BTreeMap<String, Known> = metrics
            .iter()
            .map(|(m, &i)| {
                let c = &ctx.claims[i];
                let mut iv = ctx.interval(i);
                if c.metric.as_deref() == Some("deficit")
                    || (c.quantity.value > Decimal::ZERO
                        && (*m == "balance" && c.direction == Some(Direction::Down)
                            || stated_negative(ctx, c, m)))
                {
                    iv = iv.neg();
                }
                (
                    m.to_string(),
                    Known {
                        iv,
                        claims: vec![i],
                        derivation: None,
                    },
                )
            })
            .collect();
        let fmt = NumFmt::for_claims(metrics.values().map(|&i| &ctx.claims[i]));
        let mut used = vec![false; ids.len()];
        loop {
            let mut progress = false;
            // First check identities whose metrics are all known …
            for (k, id) in ids.iter().enumerate() {
                if used[k] || !id.metrics().iter().all(|m| known.contains_key(*m)) {
                    continue;
                }
                used[k] = true;
                progress = true;
                if let Some(f) = check_identity(ctx, id, &known, &fmt) {
                    out.push(f);
                }
            }
            // … then derive one missing metric from an identity that lacks only it.
            for (k, id) in ids.iter().enumerate() {
                if used[k] {
                    continue;
                }
                let missing: Vec<&str> = id
                    .metrics()
                    .into_iter()
                    .filter(|m| !known.contains_key(*m))
                    .collect();
                if missing.len() != 1 || id.metrics().len() < 3 {
                    continue;
                }
                let target = missing[0].to_string();
                let (iv, expr) = solve(id, &target, &known, &fmt);
                let claims = id
                    .metrics()
                    .iter()
                    .filter_map(|m| known.get(*m))
                    .flat_map(|k| k.claims.clone())
                    .collect();
                let derivation = Some(format!("{target} = {expr} = {}", fmt.interval(&iv)));
                known.insert(
                    target,
                    Known {
                        iv,
                        claims,
                        derivation,
                    },
                );
                used[k] = true;
                progress = true;
                break;
            }
            if !progress {
                break;
            }
        }
    }
}

/// Whether the figures of an identity belong to one passage: all in one paragraph, or each
/// read with high confidence. Figures far apart whose subject or period
/// was carried over are too often two stories (a country's trade, then one product's).
fn told_together<'a>(ctx: &Ctx, known: impl Iterator<Item = &'a Known>) -> bool {
    let claims: Vec<&crate::claim::Claim> = known
        .flat_map(|k| k.claims.iter().map(|&i| &ctx.claims[i]))
        .collect();
    let near = claims
        .windows(2)
        .all(|w| w[0].doc == w[1].doc && w[0].paragraph == w[1].paragraph);
    near || claims.iter().all(|c| c.confidence >= FAR_CONFIDENCE)
}

/// Confidence every figure of a relation needs when they stand in different passages.
const FAR_CONFIDENCE: f32 = 0.9;

/// Context confidence at which a figure joins an identity group of its own paragraph.
const LOCAL_MIN_CONFIDENCE: f32 = 0.45;
/// Context confidence at which figures of one sentence form an identity group by themselves
/// (a metric and a partner read, the subject never named).
const SENTENCE_MIN_CONFIDENCE: f32 = 0.1;

/// The first statement of a metric stands for it; later ones are the business of
/// `conflicting-fact`.
fn place_first<'a>(ctx: &Ctx, slot: &mut BTreeMap<&'a str, usize>, metric: &'a str, i: usize) {
    let c = &ctx.claims[i];
    let e = slot.entry(metric).or_insert(i);
    if ctx.claims[*e].quantity.span.start > c.quantity.span.start && ctx.claims[*e].doc == c.doc {
        *e = i;
    }
}

/// Solve `id` for `target` from the known metrics: the interval and the expression shown.
fn solve(
    id: &Identity,
    target: &str,
    known: &BTreeMap<String, Known>,
    fmt: &NumFmt,
) -> (Interval, String) {
    let (coefs, constant) = id.as_zero_sum();
    let ct = coefs
        .iter()
        .find(|(m, _)| m == target)
        .map_or(Decimal::ONE, |(_, c)| *c);
    let mut iv = Interval::exact(-constant / ct);
    let mut names = String::new();
    let mut values = String::new();
    for (m, c) in &coefs {
        if m == target {
            continue;
        }
        let k = -*c / ct;
        let Some(x) = known.get(m) else { continue };
        iv = iv.add(&x.iv.scale(k));
        let (sign, mag) = if k.is_sign_negative() {
            (" − ", -k)
        } else {
            (" + ", k)
        };
        let coef = if mag == Decimal::ONE {
            String::new()
        } else {
            format!("{} × ", mag.normalize())
        };
        let v = fmt.interval(&x.iv);
        if names.is_empty() {
            names = format!("{}{coef}{m}", if sign == " − " { "−" } else { "" });
            values = format!("{}{coef}{v}", if sign == " − " { "−" } else { "" });
        } else {
            names.push_str(&format!("{sign}{coef}{m}"));
            values.push_str(&format!("{sign}{coef}{v}"));
        }
    }
    if !constant.is_zero() {
        let k = -constant / ct;
        names.push_str(&format!(" + {}", k.normalize()));
        values.push_str(&format!(" + {}", k.normalize()));
    }
    (iv, format!("{names} = {values}"))
}

fn check_identity(
    ctx: &Ctx,
    id: &Identity,
    known: &BTreeMap<String, Known>,
    fmt: &NumFmt,
) -> Option<Finding> {
    let (coefs, constant) = id.as_zero_sum();
    let mut total = Interval::exact(constant);
    for (m, c) in &coefs {
        total = total.add(&known.get(m)?.iv.scale(*c));
    }
    if total.contains(Decimal::ZERO) || total.overlaps(&Interval::exact(Decimal::ZERO)) {
        return None;
    }
    if !told_together(ctx, coefs.iter().filter_map(|(m, _)| known.get(m))) {
        return None;
    }
    // The figure in doubt: the stated one written last (the conclusion of the passage).
    let stated: Vec<(&String, usize)> = coefs
        .iter()
        .filter_map(|(m, _)| {
            let k = known.get(m)?;
            if k.derivation.is_none() {
                Some((m, k.claims[0]))
            } else {
                None
            }
        })
        .collect();
    let (target, primary) = stated
        .iter()
        .max_by_key(|(_, i)| (ctx.claims[*i].doc, ctx.claims[*i].quantity.span.start))
        .map(|(m, i)| ((*m).clone(), *i))?;
    let (expected, expr) = solve(id, &target, known, fmt);
    let stated_iv = &known[&target].iv;
    let mut help = String::new();
    for k in known.values() {
        if let Some(d) = &k.derivation {
            if id
                .metrics()
                .iter()
                .any(|m| d.starts_with(&format!("{m} =")))
            {
                help.push_str(d);
                help.push_str("; ");
            }
        }
    }
    help.push_str(&format!(
        "{expr} ≠ {} (stated); {target} would be {}",
        fmt.num(ctx.claims[primary].quantity.value * sign_of(stated_iv)),
        fmt.interval(&expected)
    ));
    let mut claims: Vec<usize> = id
        .metrics()
        .iter()
        .filter_map(|m| known.get(*m))
        .flat_map(|k| k.claims.clone())
        .collect();
    claims.sort_unstable();
    claims.dedup();
    let labels = std::iter::once(label(
        &ctx.claims[primary],
        format!("{target} stated here"),
        true,
    ))
    .chain(claims.iter().filter(|&&i| i != primary).map(|&i| {
        let c = &ctx.claims[i];
        label(c, c.metric.clone().unwrap_or_default(), false)
    }))
    .collect();
    let c = &ctx.claims[primary];
    let message = format!(
        "{} does not match {}: {} = {}",
        target,
        if id.lhs == target {
            "the other figures"
        } else {
            "the stated total"
        },
        id.lhs,
        id.source.split_once('=').map_or("", |x| x.1).trim()
    );
    let mut key: Vec<String> = claims.iter().map(|&i| claim_key(&ctx.claims[i])).collect();
    key.push(id.source.clone());
    let _ = c;
    Some(finding(&id.rule, message, Some(help), labels, &key))
}

/// Whether `range` of `hay` is a whole word: no letter or digit glued on either side.
fn whole_word(hay: &str, range: std::ops::Range<usize>) -> bool {
    let alnum = |c: char| c.is_alphanumeric();
    !hay[..range.start].chars().next_back().is_some_and(alnum)
        && !hay[range.end..].chars().next().is_some_and(alnum)
}

/// Bytes before a figure where a word can make it negative ("soit un solde négatif de").
const NEGATIVE_REACH: usize = 40;

/// Whether the words right before a figure of `metric` state it as negative: "un déficit
/// de 1 745 millions", "a negative balance of 3.2". The figure is then the magnitude.
fn stated_negative(ctx: &Ctx, c: &crate::claim::Claim, metric: &str) -> bool {
    let Some(sign) = ctx
        .config
        .relations
        .signs
        .iter()
        .find(|s| s.metric == metric)
    else {
        return false;
    };
    let text = &ctx.docs[c.doc].clean.text;
    let from = super::lists::back_in_sentence(text, c, NEGATIVE_REACH);
    let Some(lead) = text.get(from..c.quantity.clean.start) else {
        return false;
    };
    let lead = lead.to_lowercase();
    // The nearest sign word before the figure decides: "un excédent, et non un déficit, de".
    let last = |words: &[String]| {
        words
            .iter()
            .filter_map(|w| {
                lead.rmatch_indices(w.as_str())
                    .find(|(i, _)| whole_word(&lead, *i..i + w.len()))
                    .map(|(i, _)| i)
            })
            .max()
    };
    // No negative word, no need to look for positive ones (most leads have neither).
    let Some(negative) = last(&sign.negative).max(last(&sign.negative_figure)) else {
        return false;
    };
    last(&sign.positive).is_none_or(|p| p < negative)
}

fn sign_of(iv: &Interval) -> Decimal {
    match iv.hi {
        Some(h) if h < Decimal::ZERO => -Decimal::ONE,
        _ => Decimal::ONE,
    }
}

/// Sentences before a sign word whose figures it may speak of ("Exports reached 7.1 and
/// imports 7.6. The balance was thus positive.").
const SIGN_SENTENCES_BEFORE: usize = 1;
/// How far after its noun a sign adjective may stand ("the balance was therefore positive").
const SIGN_REACH: usize = 40;

/// A sign stated in words against the identity that gives its metric: "exports of 7.1 and
/// imports of 7.6, hence a positive balance" (`rules/identities.toml`, `[[sign]]`). A sign
/// word next to a figure of its own metric is left to [`identities`], which checks that
/// figure.
pub fn signs(ctx: &Ctx, out: &mut Vec<Finding>) {
    let rel = &ctx.config.relations;
    for sign in &rel.signs {
        let Some(id) = rel.identities.iter().find(|i| i.lhs == sign.metric) else {
            continue;
        };
        if !ctx.config.enabled(&id.rule) {
            continue;
        }
        let sentences: Vec<(&(usize, usize), &Vec<usize>)> = ctx.index.sentences.iter().collect();
        // Most sentences hold none of the sign's words: one automaton pass over a sentence
        // rules that out, instead of a substring search per word (each a pass of its own).
        let Ok(any_word) = aho_corasick::AhoCorasick::new(
            sign.positive
                .iter()
                .chain(&sign.negative)
                .chain(&sign.nouns),
        ) else {
            continue;
        };
        let prefilter = sign_prefilter(sign);
        for (k, ((doc, _), members)) in sentences.iter().enumerate() {
            let Some(&first) = members.first() else {
                continue;
            };
            let c = &ctx.claims[first];
            let text = &ctx.docs[*doc].clean.text;
            // The sign may be told in the figures' sentence or in the one after it.
            let end = sentence_after(text, c.sentence.end);
            let Some(sentence) = text.get(c.sentence.start..end) else {
                continue;
            };
            let Some((positive, at)) = sign_word(sentence, sign, &any_word, prefilter.as_ref())
            else {
                continue;
            };
            // Figures of this sentence and the one before it in the paragraph.
            let mut figures: Vec<usize> = Vec::new();
            for (_, before) in sentences[k.saturating_sub(SIGN_SENTENCES_BEFORE)..k]
                .iter()
                .filter(|((d, _), m)| {
                    *d == *doc
                        && m.first()
                            .is_some_and(|&f| ctx.claims[f].paragraph == c.paragraph)
                })
            {
                figures.extend(before.iter().copied());
            }
            figures.extend(members.iter().copied());
            let of_metric = |m: &str| {
                figures.iter().rev().copied().find(|&i| {
                    let f = &ctx.claims[i];
                    f.metric.as_deref() == Some(m) && f.role == Role::Value && f.quantity.is_claim()
                })
            };
            if of_metric(&sign.metric).is_some() || of_metric("deficit").is_some() {
                continue;
            }
            let mut terms: Vec<(Decimal, usize)> = Vec::new();
            for t in &id.rhs {
                let Some(m) = &t.metric else { continue };
                match of_metric(m) {
                    Some(i) => terms.push((t.coef, i)),
                    None => break,
                }
            }
            if terms.len() != id.rhs.iter().filter(|t| t.metric.is_some()).count() {
                continue;
            }
            let claims: Vec<&crate::claim::Claim> =
                terms.iter().map(|&(_, i)| &ctx.claims[i]).collect();
            let agree = |f: fn(&crate::claim::Claim) -> Option<String>| {
                let vals: Vec<String> = claims.iter().filter_map(|c| f(c)).collect();
                vals.windows(2).all(|w| w[0] == w[1])
            };
            let same_unit = claims
                .windows(2)
                .all(|w| w[0].quantity.unit == w[1].quantity.unit);
            if !same_unit
                || !agree(|c| c.subject.clone())
                || !agree(|c| c.partner.clone())
                || !agree(|c| c.period.map(|p| p.to_string()))
            {
                continue;
            }
            let mut value = Interval::exact(Decimal::ZERO);
            for &(coef, i) in &terms {
                value = value.add(&ctx.interval(i).scale(coef));
            }
            let zero = Decimal::ZERO;
            let contradicts = if positive {
                value.hi.is_some_and(|h| h <= zero)
            } else {
                value.lo.is_some_and(|l| l >= zero)
            };
            if !contradicts {
                continue;
            }
            let fmt = NumFmt::for_claims(claims.iter().copied());
            let word = &sentence[at.clone()];
            let stated = if positive { "positive" } else { "negative" };
            let mut names = String::new();
            let mut values = String::new();
            for (n, &(coef, i)) in terms.iter().enumerate() {
                let f = &ctx.claims[i];
                let sign = if coef.is_sign_negative() {
                    " − "
                } else if n > 0 {
                    " + "
                } else {
                    ""
                };
                names.push_str(&format!("{sign}{}", f.metric.as_deref().unwrap_or("?")));
                values.push_str(&format!("{sign}{}", fmt.num(f.quantity.value)));
            }
            let total = value.midpoint().unwrap_or(zero);
            let message = format!(
                "the text says the {} is {stated}, but the figures give {}",
                sign.metric,
                if positive {
                    "a negative one"
                } else {
                    "a positive one"
                }
            );
            let help = format!(
                "{} = {names} = {values} = {} ({}); “{word}” needs {} {} 0",
                sign.metric,
                fmt.with_unit(total),
                if positive { "≤ 0" } else { "≥ 0" },
                sign.metric,
                if positive { ">" } else { "<" },
            );
            let span = c.sentence.start + at.start..c.sentence.start + at.end;
            let mut labels = vec![crate::finding::Label {
                doc: *doc,
                span: ctx.docs[*doc].original_span(span),
                message: format!("{stated} {} stated here", sign.metric),
                primary: true,
            }];
            for &(_, i) in &terms {
                labels.push(label(
                    &ctx.claims[i],
                    ctx.claims[i].metric.clone().unwrap_or_default(),
                    false,
                ));
            }
            let mut key: Vec<String> = terms
                .iter()
                .map(|&(_, i)| claim_key(&ctx.claims[i]))
                .collect();
            key.push(format!("{} {stated}", sign.metric));
            out.push(finding(&id.rule, message, Some(help), labels, &key));
        }
    }
}

/// Where the sentence after `end` ends, within its paragraph and a few hundred bytes.
fn sentence_after(text: &str, end: usize) -> usize {
    let limit = text.ceil_char_boundary((end + 300).min(text.len()));
    let rest = &text[end..limit];
    let skip = rest.len() - rest.trim_start_matches(['.', '!', '?', ' ']).len();
    let stop = rest[skip..]
        .find(['.', '!', '?', '\n'])
        .map_or(rest.len(), |i| skip + i);
    end + stop
}

/// A test that a sentence holds none of a sign's words, without lower-casing it: the
/// longest ASCII run of each (lower-case) word, matched ignoring ASCII case. A word found
/// in the lower-cased sentence has its ASCII run there, and the ASCII bytes of a
/// lower-cased text are its own ASCII letters lower-cased, except those of the only two
/// characters whose lower case holds ASCII ('İ' → "i̇", the Kelvin sign → 'k'): with
/// neither in the sentence and no run found, no word is. `None` when some word has no
/// ASCII at all (no such test then).
fn sign_prefilter(sign: &super::identity::SignWords) -> Option<aho_corasick::AhoCorasick> {
    let mut keys: Vec<&str> = Vec::new();
    for w in sign
        .positive
        .iter()
        .chain(&sign.negative)
        .chain(&sign.nouns)
    {
        let key = w
            .split(|c: char| !c.is_ascii())
            .max_by_key(|run| run.len())
            .filter(|run| !run.is_empty())?;
        keys.push(key);
    }
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(keys)
        .ok()
}

/// The first sign word of a sentence, on word boundaries: (positive?, its byte range).
fn sign_word(
    sentence: &str,
    sign: &super::identity::SignWords,
    any_word: &aho_corasick::AhoCorasick,
    prefilter: Option<&aho_corasick::AhoCorasick>,
) -> Option<(bool, std::ops::Range<usize>)> {
    if let Some(pre) = prefilter {
        if !pre.is_match(sentence)
            && !sentence.contains('\u{130}')
            && !sentence.contains('\u{212A}')
        {
            return None;
        }
    }
    let lower = sentence.to_lowercase();
    if lower.len() != sentence.len() {
        // Lower-casing changed byte lengths (rare letters): offsets would not map back.
        return None;
    }
    // Every match below is an occurrence of a positive, negative or noun word: the words
    // that occur are found in one pass, and only theirs are searched for.
    let words: Vec<&str> = sign
        .positive
        .iter()
        .chain(&sign.negative)
        .chain(&sign.nouns)
        .map(String::as_str)
        .collect();
    let mut occurring: Vec<&str> = Vec::new();
    for m in any_word.find_overlapping_iter(&lower) {
        let w = words[m.pattern().as_usize()];
        if !occurring.contains(&w) {
            occurring.push(w);
        }
    }
    if occurring.is_empty() {
        return None;
    }
    let mut best: Option<(bool, std::ops::Range<usize>)> = None;
    let mut keep = |positive: bool, r: std::ops::Range<usize>| {
        if best.as_ref().is_none_or(|b| r.start < b.1.start) {
            best = Some((positive, r));
        }
    };
    for (positive, words) in [(true, &sign.positive), (false, &sign.negative)] {
        for w in words.iter().filter(|w| occurring.contains(&w.as_str())) {
            for (i, _) in lower.match_indices(w.as_str()) {
                if whole_word(&lower, i..i + w.len()) {
                    keep(positive, i..i + w.len());
                }
            }
        }
    }
    for noun in sign
        .nouns
        .iter()
        .filter(|w| occurring.contains(&w.as_str()))
    {
        for (i, _) in lower.match_indices(noun.as_str()) {
            if !whole_word(&lower, i..i + noun.len()) {
                continue;
            }
            let from = i + noun.len();
            let to = lower.ceil_char_boundary((from + SIGN_REACH).min(lower.len()));
            let window = &lower[from..to];
            let window = &window[..window
                .find([',', ';', ':', '.', '('])
                .unwrap_or(window.len())];
            for (positive, adjectives) in [
                (true, &sign.positive_adjectives),
                (false, &sign.negative_adjectives),
            ] {
                for a in adjectives {
                    if let Some(j) = window.find(a.as_str()) {
                        let at = from + j;
                        if whole_word(&lower, at..at + a.len()) {
                            keep(positive, i..at + a.len());
                        }
                    }
                }
            }
        }
    }
    best
}

/// A flow's value for a sub-period cannot exceed its value for the enclosing period, and
/// disjoint sub-periods cannot add up past it.
pub fn sub_periods(ctx: &Ctx, out: &mut Vec<Finding>) {
    let flows = &ctx.config.relations.flows;
    for claims in ctx.index.series.values() {
        let first = &ctx.claims[claims[0]];
        if !first.metric.as_ref().is_some_and(|m| flows.contains(m)) {
            continue;
        }
        // One claim per (period, unit): the first stated.
        let mut by_period: BTreeMap<(Period, Option<String>), usize> = BTreeMap::new();
        for &i in claims {
            let c = &ctx.claims[i];
            if let Some(p) = c.period.filter(|p| !p.instant) {
                let unit = c.counted.clone().or_else(|| c.quantity.unit.clone());
                by_period.entry((p, unit)).or_insert(i);
            }
        }
        if by_period.len() < 2 {
            continue;
        }
        for (&(whole_p, ref unit), &w) in &by_period {
            let whole_iv = ctx.interval(w);
            let Some(whole_hi) = whole_iv.hi else {
                continue;
            };
            let parts: Vec<(Period, usize)> = by_period
                .iter()
                .filter(|((p, u), _)| u == unit && *p != whole_p && inside(*p, whole_p))
                .map(|((p, _), &i)| (*p, i))
                .collect();
            if parts.is_empty() {
                continue;
            }
            // Greedy set of disjoint parts, earliest end first.
            let mut sorted = parts.clone();
            sorted.sort_by_key(|(p, _)| p.to);
            let mut chosen: Vec<(Period, usize)> = Vec::new();
            for (p, i) in sorted {
                if chosen.last().is_none_or(|(q, _)| q.to < p.from) {
                    chosen.push((p, i));
                }
            }
            let mut sum = Interval::exact(Decimal::ZERO);
            for (_, i) in &chosen {
                sum = sum.add(&ctx.interval(*i));
            }
            let Some(sum_lo) = sum.lo else { continue };
            if sum_lo <= whole_hi {
                continue;
            }
            let fmt = NumFmt::for_claims(
                std::iter::once(&ctx.claims[w]).chain(chosen.iter().map(|(_, i)| &ctx.claims[*i])),
            );
            let wc = &ctx.claims[w];
            let metric = wc.metric.clone().unwrap_or_default();
            let parts_text: Vec<String> = chosen
                .iter()
                .map(|(p, i)| format!("{} ({p})", fmt.num(ctx.claims[*i].quantity.value)))
                .collect();
            let message = if chosen.len() == 1 {
                format!(
                    "{metric} for {} is larger than for the whole of {whole_p}",
                    chosen[0].0
                )
            } else {
                format!("{metric} of parts of {whole_p} add up past the whole period")
            };
            let help = format!(
                "{} = {} > {} ({whole_p}, stated); the whole would be at least {}",
                parts_text.join(" + "),
                fmt.interval(&sum),
                fmt.num(wc.quantity.value),
                fmt.num(sum_lo)
            );
            let mut labels = vec![label(wc, format!("{metric} for {whole_p}"), true)];
            for (p, i) in &chosen {
                labels.push(label(&ctx.claims[*i], format!("{metric} for {p}"), false));
            }
            let mut key = vec![claim_key(wc)];
            key.extend(chosen.iter().map(|(_, i)| claim_key(&ctx.claims[*i])));
            out.push(finding("sum-of-parts", message, Some(help), labels, &key));
        }
    }
}

/// Whether period `a` lies inside period `b`.
fn inside(a: Period, b: Period) -> bool {
    a.from >= b.from && a.to <= b.to
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use crate::claim::Role;

    #[test]
    fn trade_balance_derives_imports_and_flags_balance_fr() {
        let text = "En 2021, le chiffre d'affaires commercial avec l'Ouzbékistan s'est élevé à 301,9 millions de dollars, dont les exportations - 245,4 millions de dollars. Le solde est positif - 198,9 millions de dollars.";
        let mut k = Kit::fr(text);
        k.amount("301,9", "turnover")
            .subject("BLR")
            .partner("UZB")
            .year(2021);
        k.amount("245,4", "exports")
            .subject("BLR")
            .partner("UZB")
            .year(2021);
        k.amount("198,9", "balance")
            .subject("BLR")
            .partner("UZB")
            .year(2021);
        let f = k.check();
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].rule, "trade-balance");
        let help = f[0].help.as_deref().unwrap();
        assert!(
            help.contains("imports = turnover − exports = 301.9 − 245.4 = 56.5"),
            "{help}"
        );
        assert!(help.contains("balance would be 188.9"), "{help}");
        assert_eq!(f[0].primary().unwrap().span, k.span_of("198,9"));
        assert_eq!(f[0].labels.len(), 3);
    }

    #[test]
    fn trade_balance_consistent_within_rounding_stays_silent_fr() {
        let text = "En 2021, le chiffre d'affaires s'est élevé à 301,9 millions de dollars, les exportations à 245,4 millions de dollars, et le solde positif à 188,9 millions de dollars.";
        let mut k = Kit::fr(text);
        k.amount("301,9", "turnover").subject("BLR").year(2021);
        k.amount("245,4", "exports").subject("BLR").year(2021);
        k.amount("188,9", "balance").subject("BLR").year(2021);
        assert!(k.check().is_empty());
    }

    #[test]
    fn turnover_identity_en_and_qualifier_silence() {
        let text = "In 2022 trade reached $512 million: exports of $300 million and imports of $190 million.";
        let mut k = Kit::en(text);
        k.amount("512", "turnover").subject("KAZ").year(2022);
        k.amount("300", "exports").subject("KAZ").year(2022);
        k.amount("190", "imports").subject("KAZ").year(2022);
        let f = k.check();
        assert_eq!(f.len(), 1);
        assert!(
            f[0].help
                .as_deref()
                .unwrap()
                .contains("imports would be 212"),
            "{:?}",
            f[0].help
        );
        // "more than 480" admits 490: silent.
        let text = "In 2022 trade exceeded $480 million: exports of $300 million and imports of $190 million.";
        let mut k = Kit::en(text);
        k.amount("480", "turnover")
            .more_than()
            .subject("KAZ")
            .year(2022);
        k.amount("300", "exports").subject("KAZ").year(2022);
        k.amount("190", "imports").subject("KAZ").year(2022);
        assert!(k.check().is_empty());
    }

    #[test]
    fn different_periods_partners_targets_and_currencies_are_not_compared() {
        let text = "Turnover was $512 million in 2022; exports were $300 million in 2021 and imports $190 million in 2022. Exports to Russia: $300 million; imports planned at $190 million; turnover 512 million euros.";
        let mut k = Kit::en(text);
        k.amount("512", "turnover").subject("KAZ").year(2022);
        k.amount("300", "exports").subject("KAZ").year(2021);
        k.amount("190", "imports").subject("KAZ").year(2022);
        assert!(k.check().is_empty());
        let mut k = Kit::en(text);
        k.amount("512", "turnover").subject("KAZ").year(2022);
        k.nth_amount("300", 1, "exports")
            .subject("KAZ")
            .partner("RUS")
            .year(2022);
        k.nth_amount("190", 1, "imports")
            .subject("KAZ")
            .year(2022)
            .role(Role::Target);
        k.nth_amount("512", 1, "turnover")
            .subject("KAZ")
            .year(2022)
            .unit("EUR");
        assert!(k.check().is_empty());
    }

    #[test]
    fn low_confidence_claims_are_not_compared() {
        // A figure read with little confidence, in another paragraph: not compared.
        let text = "Trade reached $512 million that year.\n\nIn 2022 exports were $300 million and imports $190 million.";
        let mut k = Kit::en(text);
        k.amount("512", "turnover")
            .subject("KAZ")
            .year(2022)
            .confidence(0.3);
        k.amount("300", "exports").subject("KAZ").year(2022);
        k.amount("190", "imports").subject("KAZ").year(2022);
        assert!(k.check().is_empty());
    }

    #[test]
    fn one_sentence_is_one_statement_whatever_the_confidence_of_its_figures() {
        let text = "In 2022 trade reached $512 million: exports of $300 million and imports of $190 million.";
        let mut k = Kit::en(text);
        k.amount("512", "turnover")
            .subject("KAZ")
            .year(2022)
            .confidence(0.3);
        k.amount("300", "exports").subject("KAZ").year(2022);
        k.amount("190", "imports").subject("KAZ").year(2022);
        let f = k.check();
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].rule, "trade-balance");
    }

    #[test]
    fn user_identity_from_config() {
        let text = "In 2023 the city had 1.2 million inhabitants, 800,000 urban and 300,000 rural.";
        let mut k = Kit::en(text);
        k.config = crate::config::Config::parse(
            "numlint.toml",
            "[[identity]]\nexpr = \"population = urban + rural\"\n",
        )
        .unwrap();
        k.count("1.2", "population")
            .scale(1_000_000)
            .subject("X")
            .year(2023);
        k.count("800,000", "urban").subject("X").year(2023);
        k.count("300,000", "rural").subject("X").year(2023);
        let f = k.check();
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].rule, "identity");
    }

    #[test]
    fn sub_period_larger_than_year_fr() {
        let text = "Rien qu'au premier trimestre 2023, 11 nouvelles entreprises se sont installées dans le parc. Au cours des neuf premiers mois de 2023, 8 nouveaux résidents ont été ajoutés.";
        let mut k = Kit::fr(text);
        k.count("11", "new-residents")
            .subject("park")
            .months(2023, 1, 3);
        k.count("8", "new-residents")
            .subject("park")
            .months(2023, 1, 9);
        let f = k.check();
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].rule, "sum-of-parts");
        // 12 in nine months holds.
        let text = text.replace(" 8 ", " 12 ");
        let mut k = Kit::fr(&text);
        k.count("11", "new-residents")
            .subject("park")
            .months(2023, 1, 3);
        k.count("12", "new-residents")
            .subject("park")
            .months(2023, 1, 9);
        assert!(k.check().is_empty());
    }

    #[test]
    fn months_adding_past_the_year_en() {
        let text = "Exports were $40 million in January 2024 and $45 million in February 2024, while for the first quarter of 2024 they reached $70 million.";
        let mut k = Kit::en(text);
        k.amount("40", "exports").subject("BLR").months(2024, 1, 1);
        k.amount("45", "exports").subject("BLR").months(2024, 2, 2);
        k.amount("70", "exports").subject("BLR").months(2024, 1, 3);
        let f = k.check();
        assert_eq!(f.len(), 1);
        assert!(
            f[0].help.as_deref().unwrap().contains("= 85 > 70"),
            "{:?}",
            f[0].help
        );
        // Stocks (not flows) are never summed over time.
        let mut k = Kit::en(text);
        k.amount("40", "residents")
            .subject("BLR")
            .months(2024, 1, 1);
        k.amount("45", "residents")
            .subject("BLR")
            .months(2024, 2, 2);
        k.amount("70", "residents")
            .subject("BLR")
            .months(2024, 1, 3);
        assert!(k.check().is_empty());
    }
}
