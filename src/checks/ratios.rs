//! Ratio relations: a stated change, index or growth factor against the two values it
//! links (`growth-rate`, `multiplier`), and a share against its part and whole (`share`).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::slice_regex::SliceRegex;

use rust_decimal::Decimal;

use super::format::{plain, signed_percent, NumFmt};
use super::similarity::fold;
use super::{claim_key, finding, label, Ctx};
use crate::claim::{Claim, Direction, Period, Role};
use crate::finding::Finding;
use crate::interval::Interval;
use crate::quantity::Kind;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// Paragraphs between a stated change and a value it is checked against within which the
/// two are read as one story; further apart, every figure must be read with
/// [`FAR_CONFIDENCE`] (a book tells many series of "exports" that context reading merges).
const NEAR_PARAGRAPHS: usize = 3;
const FAR_CONFIDENCE: f32 = 0.9;
/// A stated growth factor and the factor the values give that differ more than this many
/// times over are two series read as one (a region's trade against the country's), not an
/// arithmetic slip: typos and rounding errors stay well inside it.
const MISPAIRED_FACTOR: Decimal = Decimal::from_parts(5, 0, 0, false, 0);

/// Whether a value may be checked against a stated change: close in the text, or both
/// read with high confidence.
fn linked(ctx: &Ctx, change: &Claim, value: usize) -> bool {
    let v = &ctx.claims[value];
    let near = v.doc == change.doc && v.paragraph.abs_diff(change.paragraph) <= NEAR_PARAGRAPHS;
    near || change.confidence.min(v.confidence) >= FAR_CONFIDENCE
}

/// The growth factor a stated change, index or multiplier claims (`+7,8 %` → 1.078).
fn stated_factor(c: &Claim) -> Option<Decimal> {
    let v = c.quantity.value;
    match (c.role, c.quantity.kind) {
        // "réduites d'un tiers": a change by a fraction.
        (Role::Change, Kind::Multiplier) => Some(match c.direction {
            Some(Direction::Down) => Decimal::ONE - v,
            _ => Decimal::ONE + v,
        }),
        (Role::Multiplier, _) | (_, Kind::Multiplier) => Some(v),
        (Role::Index, _) => Some(v / HUNDRED),
        _ => {
            let signed = if c.direction == Some(Direction::Down) && v > Decimal::ZERO {
                -v
            } else {
                v
            };
            Some(Decimal::ONE + signed / HUNDRED)
        }
    }
}

/// Whether the stated and the actual factors are too far apart to be about one series.
fn mispaired(stated: Option<Decimal>, actual: Option<Decimal>) -> bool {
    match (stated, actual) {
        (Some(s), Some(a)) if s > Decimal::ZERO && a > Decimal::ZERO => {
            super::spread(s, a).is_none_or(|r| r > MISPAIRED_FACTOR)
        }
        // A growth figure against a sign change, or a zero base: not one series.
        (Some(_), Some(_)) => true,
        _ => false,
    }
}

/// The level claim of a fact nearest in the text to `near` (same document first).
fn nearest(
    ctx: &Ctx,
    candidates: &[usize],
    near: &Claim,
    unit: Option<&crate::quantity::Quantity>,
) -> Option<usize> {
    // Candidates are in claim order, so one document's are contiguous: look there first,
    // and in other documents among the first few only. A scan of the whole list for
    // every change was quadratic on runs of many documents stating one fact (issue 6).
    const OTHER_DOCS: usize = 64;
    let lo = candidates.partition_point(|&i| ctx.claims[i].doc < near.doc);
    let hi = lo + candidates[lo..].partition_point(|&i| ctx.claims[i].doc <= near.doc);
    let pick = |list: &[usize]| {
        list.iter()
            .copied()
            .filter(|&i| unit.is_none_or(|u| super::same_unit(&ctx.claims[i].quantity, u)))
            .min_by_key(|&i| {
                let c = &ctx.claims[i];
                c.quantity.span.start.abs_diff(near.quantity.span.start)
            })
    };
    pick(&candidates[lo..hi]).or_else(|| {
        let before = &candidates[..lo];
        let after = &candidates[hi..];
        let others: Vec<usize> = before
            .iter()
            .chain(after)
            .copied()
            .take(OTHER_DOCS)
            .collect();
        pick(&others)
    })
}

/// Whether a claim states a relative change: a multiplier, an index, or a change in per cent
/// (an absolute change, "augmenté de 50 millions", is not a ratio).
fn states_ratio(c: &Claim) -> bool {
    match c.role {
        Role::Multiplier | Role::Index => true,
        Role::Change => matches!(c.quantity.kind, Kind::Percent | Kind::Multiplier),
        // A factor read as a plain value is a ratio to another quantity ("0.9 times EBITDA").
        Role::Value => false,
        _ => c.quantity.kind == Kind::Multiplier,
    }
}

/// Changes, indices and multipliers against the values they link: first the two values
/// the sentence itself names ([`sentence_pair`]), else the values of the current and base
/// periods found in the index.
pub fn growth_and_multipliers(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (ci, c) in ctx.claims.iter().enumerate() {
        if !c.quantity.is_claim() || c.role == Role::Target || !states_ratio(c) {
            continue;
        }
        if let Some((now, before)) = sentence_pair(ctx, ci).or_else(|| paragraph_pair(ctx, ci)) {
            let span = match (ctx.claims[before].period, ctx.claims[now].period) {
                (Some(b), Some(n)) if b != n => format!("from {b} to {n}"),
                _ => "between the two figures of its sentence".to_string(),
            };
            if let Some(f) = check_ratio(ctx, ci, now, before, &span) {
                out.push(f);
            }
            continue;
        }
        if !ctx.comparable(ci) {
            continue;
        }
        let (Some(metric), Some(period)) = (&c.metric, c.period) else {
            continue;
        };
        let Some(base) = c.base_period.or_else(|| period.previous()) else {
            continue;
        };
        let cur = ctx.index.value(&c.subject, &c.partner, metric, period);
        let Some(now) = nearest(ctx, cur, c, None).filter(|&i| linked(ctx, c, i)) else {
            continue;
        };
        let unit = &ctx.claims[now].quantity;
        let prev = ctx.index.value(&c.subject, &c.partner, metric, base);
        let Some(before) = nearest(ctx, prev, c, Some(unit)).filter(|&i| linked(ctx, c, i)) else {
            continue;
        };
        let (vn, vb) = (
            ctx.claims[now].quantity.value,
            ctx.claims[before].quantity.value,
        );
        if mispaired(stated_factor(c), vn.checked_div(vb)) {
            continue;
        }
        if let Some(f) = check_ratio(ctx, ci, now, before, &format!("from {base} to {period}")) {
            out.push(f);
        }
    }
}

fn from_re() -> &'static SliceRegex {
    static R: OnceLock<SliceRegex> = OnceLock::new();
    R.get_or_init(|| {
        SliceRegex::new(&format!(
            r"(?:^|[\s\-–—«\x22(])(?:passant\s+)?(?:de|d'|d’|from)\s*{QUALIFIER}$"
        ))
        .expect("valid from regex")
    })
}

fn to_re() -> &'static SliceRegex {
    static R: OnceLock<SliceRegex> = OnceLock::new();
    R.get_or_init(|| {
        SliceRegex::new(&format!(
            r"^[^0-9.;:]{{0,12}}(?:(?:en|in)\s+(?:\d{{4}}(?:[-–/]\d{{2}}(?:\d{{2}})?)?|\p{{L}}+\s+\d{{4}})\s*)?,?\s*(?:à|a|to|jusqu'à|jusqu’à)\s+{QUALIFIER}$"
        ))
        .expect("valid to regex")
    })
}

fn against_re() -> &'static SliceRegex {
    static R: OnceLock<SliceRegex> = OnceLock::new();
    R.get_or_init(|| {
        SliceRegex::new(r"(?:^|[\s,])(?:contre|alors\s+que|tandis\s+que|against|compared\s+(?:with|to)|versus|vs\.?|whereas)(?:\s|$)")
            .expect("valid against regex")
    })
}

/// "… to 4.2 million tonnes, up from 3.8 million", "… $1.62 billion, up 24% from $1.36
/// billion", "… pour atteindre 449,2 TWh, après 445,4 TWh en 2023": the figure after the
/// cue is the base of the one before it.
fn after_re() -> &'static SliceRegex {
    static R: OnceLock<SliceRegex> = OnceLock::new();
    R.get_or_init(|| {
        SliceRegex::new(&format!(
            r"^[^0-9.;:]{{0,30}}?(?:(?:en|in)\s+(?:\d{{4}}|\p{{L}}+\s+\d{{4}})\s*)?[,;(]?\s*(?:(?:up|down)(?:\s+\d[\d.,]*\s*(?:%|per\s*cent|percent))?\s+from|from|après|after)\s+{QUALIFIER}$"
        ))
        .expect("valid after regex")
    })
}

/// "entre 2021 (" before the first figure and ") et 2024 (" between the two: the first is
/// the base, the second the value reached.
fn between_re() -> &'static (SliceRegex, SliceRegex) {
    static R: OnceLock<(SliceRegex, SliceRegex)> = OnceLock::new();
    R.get_or_init(|| {
        let period = r"(?:(?:\p{L}+\s+)?\d{4}|\p{L}+)";
        (
            SliceRegex::new(&format!(r"(?:^|\s)(?:entre|between)\s+{period}\s*\(\s*$"))
                .expect("valid between regex"),
            SliceRegex::new(&format!(
                r"^[^0-9]{{0,30}}?\)\s*(?:et|and)\s+{period}\s*\(\s*$"
            ))
            .expect("valid between regex"),
        )
    })
}

/// A base in brackets after the level: "(2022: ", or "(" with " in 2022)" after the base.
fn paren_base_re() -> &'static (SliceRegex, SliceRegex, SliceRegex) {
    static R: OnceLock<(SliceRegex, SliceRegex, SliceRegex)> = OnceLock::new();
    R.get_or_init(|| {
        (
            SliceRegex::new(r"^[^0-9.;:()]{0,12}\(\s*(?:en\s+|in\s+|fy\s*)?\d{4}\s*:\s*$")
                .expect("valid bracket base regex"),
            SliceRegex::new(r"^[^0-9.;:()]{0,12}\(\s*$").expect("valid bracket regex"),
            SliceRegex::new(r"^[^0-9.;:()]{0,12}?(?:en|in)\s+\d{4}\s*\)")
                .expect("valid bracket year regex"),
        )
    })
}

/// Between a level and its change (", soit", " in 2023,"), and between the change and the
/// base it is compared with ("more than the", "de plus que les"): "$24.6 billion in 2023,
/// 8.9% more than the $23.8 billion recorded in 2022".
fn comparison_lead_re() -> &'static (SliceRegex, SliceRegex) {
    static R: OnceLock<(SliceRegex, SliceRegex)> = OnceLock::new();
    R.get_or_init(|| {
        (
            SliceRegex::new(r"^[^0-9.;:]{0,16}?(?:(?:en|in)\s+\d{4}\s*)?,\s*(?:soit\s+|or\s+)?(?:\+\s*)?$")
                .expect("valid comparison lead regex"),
            SliceRegex::new(r"^\s*(?:more|higher|greater|less|lower|fewer|de\s+plus|de\s+moins|plus\s+élevée?s?|moins\s+élevée?s?)\s+(?:than|que|qu['’])\s*(?:the\s+|les\s+|le\s+|la\s+|l['’]\s*)?$")
                .expect("valid comparison base regex"),
        )
    })
}

/// Words a qualifier may leave between "de / à / from / to" and the figure it bounds.
const QUALIFIER: &str = r"(?:(?:un\s+peu\s+|à\s+peine\s+|just\s+|a\s+little\s+|slightly\s+)?(?:plus|moins|près|environ|presque|quelque|about|nearly|almost|over|under|more|less|around|some|roughly)(?:\s+(?:de|d'|d’|than))?\s*)?(?:un\s+|une\s+)?$";

/// The two values a change's own sentence links: "multiplié par 17, de 1 million de
/// dollars en 2022 à 8 millions en 2023" (from the first to the second), or "a triplé,
/// jusqu'à 12 millions de pièces, alors que la ligne existante en produit 6 millions"
/// (the figure after the change against the one after "contre / alors que / against").
/// Only a sentence with this one change and this one pair of values is read.
fn sentence_pair(ctx: &Ctx, ci: usize) -> Option<(usize, usize)> {
    let c = &ctx.claims[ci];
    let members = ctx.index.sentences.get(&(c.doc, c.sentence.start))?;
    if members
        .iter()
        .any(|&j| j != ci && states_ratio(&ctx.claims[j]))
    {
        return None;
    }
    let levels: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&j| {
            let q = &ctx.claims[j].quantity;
            j != ci
                && q.is_claim()
                && ctx.claims[j].role == Role::Value
                && matches!(q.kind, Kind::Amount | Kind::Count | Kind::Number)
                // "doublé en cinq ans": a duration is when, not a level of the series.
                && !q.is_duration()
        })
        .collect();
    let [a, b] = levels[..] else {
        return None;
    };
    let (ca, cb) = (&ctx.claims[a], &ctx.claims[b]);
    let units_agree = match (&ca.quantity.unit, &cb.quantity.unit) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    if !units_agree
        || ca.quantity.clean.start < c.quantity.clean.end
            && ca.quantity.clean.end > c.quantity.clean.start
    {
        return None;
    }
    // Exports against imports are two metrics, not a series: "exports rose 10 % to $5
    // billion, against $3 billion of imports".
    if ca.metric.is_some() && cb.metric.is_some() && ca.metric != cb.metric {
        return None;
    }
    let text = &ctx.docs[c.doc].clean.text;
    let lead_from = text.ceil_char_boundary(
        ca.quantity
            .clean
            .start
            .saturating_sub(48)
            .max(c.sentence.start),
    );
    let lead = text[lead_from..ca.quantity.clean.start].to_lowercase();
    let between = text.get(ca.quantity.clean.end..cb.quantity.clean.start)?;
    if between.len() > 120 {
        return None;
    }
    let between = between.to_lowercase();
    if from_re().is_match(&lead) && to_re().is_match(&between) {
        return Some((b, a));
    }
    // "multipliées par 2,5 entre 2021 (120 millions) et 2024 (210 millions)".
    if between_re().0.is_match(&lead) && between_re().1.is_match(&between) {
        return Some((b, a));
    }
    // "12 000 tractors, compared with 9 600 in 2022, an increase of 25 %" or "tripler la
    // production, jusqu'à 12 millions, alors que …": the figure after the cue is the base,
    // wherever the change stands in the sentence.
    if against_re().is_match(&between) || after_re().is_match(&between) {
        return Some((a, b));
    }
    // "fell 7.5% to 1,148 tonnes (2022: 1,206 tonnes)", "… (1,206 tonnes in 2022)": the
    // bracketed figure dated on its own is the base of the one before it.
    let after_b = text
        .get(cb.quantity.clean.end..)
        .map(|rest| &rest[..rest.floor_char_boundary(16)]);
    if paren_base_re().0.is_match(&between)
        || (paren_base_re().1.is_match(&between)
            && after_b.is_some_and(|rest| paren_base_re().2.is_match(rest)))
    {
        return Some((a, b));
    }
    // "reached $24.6 billion in 2023, 8.9% more than the $23.8 billion recorded in 2022":
    // the figure after "than / que" is the base of the one before the change.
    if ca.quantity.clean.end <= c.quantity.clean.start
        && c.quantity.clean.end <= cb.quantity.clean.start
    {
        let to_change = text
            .get(ca.quantity.clean.end..c.quantity.clean.start)
            .map(str::to_lowercase);
        let to_base = text
            .get(c.quantity.clean.end..cb.quantity.clean.start)
            .map(str::to_lowercase);
        if let (Some(x), Some(y)) = (to_change, to_base) {
            if comparison_lead_re().0.is_match(&x) && comparison_lead_re().1.is_match(&y) {
                return Some((a, b));
            }
        }
    }
    // "a quasiment triplé en vingt ans : 98 en 2002, 412 en 2022": after a colon that
    // follows the change, two levels each dated in its own clause, the earlier the base.
    let colon_before = c.quantity.clean.end <= ca.quantity.clean.start
        && text
            .get(c.quantity.clean.end..ca.quantity.clean.start)
            .is_some_and(|gap| gap.contains(':') && !gap.contains(|ch: char| ch.is_ascii_digit()));
    let dated = |x: &Claim| {
        x.period
            .filter(|p| p.from.year == p.to.year && x.period_confidence >= OWN_PERIOD)
            .map(|p| p.from.year)
    };
    if colon_before && between.len() <= 24 {
        if let (Some(ya), Some(yb)) = (dated(ca), dated(cb)) {
            if ya < yb {
                return Some((b, a));
            }
            if yb < ya {
                return Some((a, b));
            }
        }
    }
    None
}

/// Period reading of a figure dated in its own clause ("98 en 2002").
const OWN_PERIOD: f32 = 0.9;

/// Claims a paragraph scan looks at either side of a change, at most.
const PARAGRAPH_SCAN: usize = 200;
/// Context confidence the figures of a paragraph pair need (their subject may be unnamed:
/// the paragraph is one story).
const PARAGRAPH_MIN_CONFIDENCE: f32 = 0.2;

/// The two values of a change's paragraph it links: the only level of its metric, subject
/// and partner in its period, and the only one in its base period ("En 2022, l'usine a
/// produit 1,2 million d'unités ; en 2023, la production est passée à 1,5 million, soit
/// une hausse de 25 %"), even when the text never names whose figures they are.
fn paragraph_pair(ctx: &Ctx, ci: usize) -> Option<(usize, usize)> {
    let c = &ctx.claims[ci];
    if c.confidence < PARAGRAPH_MIN_CONFIDENCE {
        return None;
    }
    let metric = c.metric.as_deref()?;
    let period = c.period?;
    let base = c.base_period.or_else(|| period.previous())?;
    let same_paragraph = |j: &usize| {
        let o = &ctx.claims[*j];
        o.doc == c.doc && o.paragraph == c.paragraph
    };
    let before = (ci.saturating_sub(PARAGRAPH_SCAN)..ci)
        .rev()
        .take_while(same_paragraph);
    let after =
        (ci + 1..(ci + 1 + PARAGRAPH_SCAN).min(ctx.claims.len())).take_while(same_paragraph);
    let mut now = Vec::new();
    let mut then = Vec::new();
    for j in before.chain(after) {
        let o = &ctx.claims[j];
        if !o.quantity.is_claim()
            || o.role != Role::Value
            || o.confidence < PARAGRAPH_MIN_CONFIDENCE
            || o.metric.as_deref() != Some(metric)
            || o.subject != c.subject
            || o.partner != c.partner
        {
            continue;
        }
        if o.period == Some(period) {
            now.push(j);
        } else if o.period == Some(base) {
            then.push(j);
        }
    }
    let ([n], [b]) = (&now[..], &then[..]) else {
        return None;
    };
    let units_agree = super::same_unit(&ctx.claims[*n].quantity, &ctx.claims[*b].quantity);
    units_agree.then_some((*n, *b))
}

fn at_period(what: &str, c: &Claim) -> String {
    match c.period {
        Some(p) => format!("{what} ({p})"),
        None => what.to_string(),
    }
}

fn check_ratio(ctx: &Ctx, ci: usize, now: usize, before: usize, span: &str) -> Option<Finding> {
    let c = &ctx.claims[ci];
    let ratio = ctx.interval(now).div(&ctx.interval(before));
    let stated = ctx.interval(ci);
    let (vn, vb) = (
        ctx.claims[now].quantity.value,
        ctx.claims[before].quantity.value,
    );
    let fmt = NumFmt::for_claims([&ctx.claims[now], &ctx.claims[before]]);
    let metric = c
        .metric
        .clone()
        .or_else(|| ctx.claims[now].metric.clone())
        .unwrap_or_else(|| "the value".to_string());
    let decimals = super::format::decimals_of(c, Decimal::ONE).max(1);
    let (rule, consistent, help, message) = match (c.role, c.quantity.kind) {
        // "réduites d'un tiers": the factor is one minus (or plus) the fraction.
        (Role::Change, Kind::Multiplier) => {
            let one = Interval::exact(Decimal::ONE);
            let factor = if c.direction == Some(Direction::Down) {
                stated.neg().add(&one)
            } else {
                stated.add(&one)
            };
            let ok = ratio.overlaps(&factor);
            let f = stated_factor(c)?;
            let actual = vn.checked_div(vb)?;
            let stated_change = signed_percent((f - Decimal::ONE) * HUNDRED, 1);
            let help = format!(
                "{} / {} = ×{} ≠ ×{} (stated: a change of {stated_change}); ×{} of {} would be {}",
                fmt.num(vn),
                fmt.num(vb),
                plain(actual, 2),
                plain(f, 2),
                plain(f, 2),
                fmt.num(vb),
                fmt.with_unit(vb * f)
            );
            let message = format!(
                "{metric} is said to change by {stated_change} {span}, but the values give {}",
                signed_percent((actual - Decimal::ONE) * HUNDRED, 1)
            );
            ("multiplier", ok, help, message)
        }
        (Role::Multiplier, _) | (_, Kind::Multiplier) => {
            let ok = ratio.overlaps(&stated);
            let actual = vn.checked_div(vb)?;
            let help = format!(
                "{} / {} = ×{} ≠ ×{} (stated); ×{} of {} would be {}",
                fmt.num(vn),
                fmt.num(vb),
                plain(actual, decimals.max(2)),
                plain(c.quantity.value, decimals.max(2)),
                plain(c.quantity.value, 2),
                fmt.num(vb),
                fmt.with_unit(vb * c.quantity.value)
            );
            let message = format!(
                "{metric} is said to grow ×{} {span}, but the values give ×{}",
                plain(c.quantity.value, 2),
                plain(actual, 2)
            );
            ("multiplier", ok, help, message)
        }
        (Role::Index, _) => {
            let pct = ratio.scale(HUNDRED);
            let ok = pct.overlaps(&stated);
            let actual = vn.checked_div(vb)? * HUNDRED;
            let help = format!(
                "{} / {} × 100 = {} % ≠ {} % (stated); {} % of {} would be {}",
                fmt.num(vn),
                fmt.num(vb),
                plain(actual, decimals),
                plain(c.quantity.value, decimals),
                plain(c.quantity.value, decimals),
                fmt.num(vb),
                fmt.with_unit(vb * c.quantity.value / HUNDRED)
            );
            let message = format!(
                "{metric} index of {} % ({span}) does not match the values",
                plain(c.quantity.value, decimals)
            );
            ("growth-rate", ok, help, message)
        }
        _ => {
            let signed = if c.direction == Some(Direction::Down) && c.quantity.value > Decimal::ZERO
            {
                stated.neg()
            } else {
                stated
            };
            let change = ratio.add(&Interval::exact(-Decimal::ONE)).scale(HUNDRED);
            let ok = change.overlaps(&signed);
            let actual = (vn - vb).checked_div(vb)? * HUNDRED;
            let stated_mid = if signed.hi.is_some_and(|h| h < Decimal::ZERO) {
                -c.quantity.value.abs()
            } else {
                c.quantity.value
            };
            let help = format!(
                "({} − {}) / {} = {} ≠ {} (stated); from {}, {} gives {}",
                fmt.num(vn),
                fmt.num(vb),
                fmt.num(vb),
                signed_percent(actual, decimals),
                signed_percent(stated_mid, decimals),
                fmt.num(vb),
                signed_percent(stated_mid, decimals),
                fmt.with_unit(vb * (HUNDRED + stated_mid) / HUNDRED)
            );
            let message = format!(
                "{metric} change of {} {span} does not match the values ({})",
                signed_percent(stated_mid, decimals),
                signed_percent(actual, decimals)
            );
            ("growth-rate", ok, help, message)
        }
    };
    if consistent {
        return None;
    }
    let labels = vec![
        label(c, "stated change", true),
        label(
            &ctx.claims[now],
            at_period("value reached", &ctx.claims[now]),
            false,
        ),
        label(
            &ctx.claims[before],
            at_period("base value", &ctx.claims[before]),
            false,
        ),
    ];
    let key = [
        claim_key(c),
        claim_key(&ctx.claims[now]),
        claim_key(&ctx.claims[before]),
    ];
    Some(finding(rule, message, Some(help), labels, &key))
}

/// Shares against part and whole; shares of one whole adding up past 100 %.
pub fn shares(ctx: &Ctx, out: &mut Vec<Finding>) {
    // Shares of one whole: of the same subject in a paragraph, or listed in one sentence
    // ("la Russie 55 %, la Chine 30 % et le Kazakhstan 25 % des exportations"), where each
    // part is named as the subject of its figure.
    type Group = (usize, usize, String, String, Option<Period>);
    let is_share = |si: usize| {
        let s = &ctx.claims[si];
        ctx.comparable(si) && s.role == Role::Share && s.quantity.kind == Kind::Percent
    };
    let mut groups: BTreeMap<Group, Vec<usize>> = BTreeMap::new();
    for (si, s) in ctx.claims.iter().enumerate() {
        if !is_share(si) {
            continue;
        }
        let Some(whole_metric) = &s.whole else {
            continue;
        };
        let listed_in_sentence = ctx
            .index
            .sentences
            .get(&(s.doc, s.sentence.start))
            .is_some_and(|m| {
                m.iter().any(|&o| {
                    o != si
                        && is_share(o)
                        && ctx.claims[o].whole == s.whole
                        && ctx.claims[o].subject != s.subject
                })
            });
        let scope = if listed_in_sentence {
            format!("sentence {}", s.sentence.start)
        } else {
            format!("subject {}", s.subject.as_deref().unwrap_or("-"))
        };
        groups
            .entry((s.doc, s.paragraph, scope, whole_metric.clone(), s.period))
            .or_default()
            .push(si);
        if let Some(f) = part_of_whole(ctx, si, whole_metric) {
            out.push(f);
        }
    }
    for ((_, _, _, whole, period), members) in groups {
        if members.len() < 2 {
            continue;
        }
        // Distinct parts only: each share must name a different partner or metric.
        let mut parts: Vec<(Option<String>, Option<String>)> = Vec::new();
        let mut distinct = true;
        for &i in &members {
            let c = &ctx.claims[i];
            let p = (c.partner.clone().or(c.subject.clone()), c.metric.clone());
            if (p.0.is_none() && p.1.is_none()) || parts.contains(&p) {
                distinct = false;
            }
            parts.push(p);
        }
        if !distinct {
            continue;
        }
        let period = period.map_or(String::new(), |p| format!(" in {p}"));
        if let Some(f) = past_hundred(ctx, &members, &format!("{whole}{period}")) {
            out.push(f);
        }
    }
    listed_shares(ctx, out);
    colon_shares(ctx, out);
    for members in ctx.index.sentences.values() {
        for at in 0..members.len() {
            let s = &ctx.claims[members[at]];
            // "12 out of 32 stations (45 %)": a bare percentage glued to a ratio is its share.
            let share_like = matches!(s.role, Role::Share | Role::Value);
            if share_like && s.quantity.kind == Kind::Percent && s.quantity.is_claim() {
                if let Some(f) = share_of_stated_ratio(ctx, members, at) {
                    out.push(f);
                }
            }
        }
    }
}

/// How many figures before a share its part may stand ("Liquid bulk, at 14.8 million
/// tonnes, made up 41 % of …"): a bounded look back keeps one-line lists of thousands of
/// figures linear.
const PART_LOOK_BACK: usize = 4;

/// What stands between the part and the whole of a ratio told in words: "48 700 séjours|
/// sur |91 200", "12| out of |15".
fn ratio_words_re() -> &'static SliceRegex {
    static R: OnceLock<SliceRegex> = OnceLock::new();
    R.get_or_init(|| {
        SliceRegex::new(r"(?i)^\s*(?:sur|out\s+of)\s*(?:un\s+total\s+de|a\s+total\s+of)?\s*$")
            .expect("valid ratio-words regex")
    })
}

/// What glues a share to the ratio it restates: "62 % des séjours|, soit |48 700 …",
/// "38 %| (|12 out of 32)", "12 out of 32 |(|38 %)".
fn ratio_gloss_re() -> &'static SliceRegex {
    static R: OnceLock<SliceRegex> = OnceLock::new();
    R.get_or_init(|| {
        SliceRegex::new(r"(?i)^[^\d;.()]{0,40}(?:,\s*(?:soit|or|i\.e\.|that\s+is|c['’]est-à-dire)|\s*\(|\s*:)\s*$|^\s*\(\s*$")
            .expect("valid ratio-gloss regex")
    })
}

/// What stands between a share and its whole told after it: "41 %| of the port's total
/// throughput of |48.6 million tonnes", "24 %| des coûts d'exploitation de |812,5 M$".
fn whole_after_re() -> &'static SliceRegex {
    static R: OnceLock<SliceRegex> = OnceLock::new();
    R.get_or_init(|| {
        SliceRegex::new(
            r"(?i)^\s+(?:of|de|des|du|d['’])\s*[^\d;:.!?()]{2,60}?\s(?:of|de|d['’])\s*$",
        )
        .expect("valid whole-after regex")
    })
}

/// What stands between a share of a figure told just before and the part it glosses:
/// "47 %| of this, |148,600 tonnes", "35 %| de ce total, soit |0,62 M€".
fn of_this_re() -> &'static SliceRegex {
    static R: OnceLock<SliceRegex> = OnceLock::new();
    R.get_or_init(|| {
        SliceRegex::new(r"(?i)^\s+(?:of\s+(?:this|that|it|the\s+total)|de\s+ce\s+(?:total|montant|volume|chiffre)|du\s+total)\s*(?:,\s*(?:soit|or|i\.e\.)?|\(|:)\s*$")
            .expect("valid of-this regex")
    })
}

/// A sentence's opening that makes its first share one of the figure told just before:
/// "Of these, |62 %", "Parmi eux, |62 %", "Sur ce total, |35 %".
fn of_these_re() -> &'static SliceRegex {
    static R: OnceLock<SliceRegex> = OnceLock::new();
    R.get_or_init(|| {
        SliceRegex::new(r"(?i)^\s*(?:of\s+(?:these|them|those|this\s+(?:number|total|figure))|among\s+(?:them|these|those)|parmi\s+(?:eux|elles|ceux-ci|celles-ci|ces\s+\w+)|sur\s+ce\s+(?:total|nombre|chiffre))\s*,?\s*(?:some|about|around|nearly|almost|roughly|près\s+de|environ|quelque)?\s*$")
            .expect("valid of-these regex")
    })
}

/// What glues a share to the part it states in brackets or after a comma: "62 %| (about
/// |98,000 people)", "62 %|, soit |98 000 personnes".
fn part_gloss_re() -> &'static SliceRegex {
    static R: OnceLock<SliceRegex> = OnceLock::new();
    R.get_or_init(|| {
        SliceRegex::new(r"(?i)^\s*(?:\(|,\s*(?:soit|or|i\.e\.|that\s+is|c['’]est-à-dire))\s*(?:soit\s+)?(?:some|about|around|nearly|almost|roughly|approximately|près\s+de|environ|quelque|plus\s+de|more\s+than)?\s*$")
            .expect("valid part-gloss regex")
    })
}

/// The help of a share that does not match its part and whole: "48700 / 91200 = 53.4 % ≠
/// 62 % (stated); 62 % of 91200 would be 56544" (`would_be` formatted by the caller).
fn share_help(
    fmt: &NumFmt,
    part: Decimal,
    whole: Decimal,
    share: Decimal,
    would_be: String,
) -> String {
    let actual = part.checked_div(whole).unwrap_or_default() * HUNDRED;
    format!(
        "{} / {} = {} % ≠ {} % (stated); {} % of {} would be {would_be}",
        fmt.num(part),
        fmt.num(whole),
        plain(actual, 1),
        plain(share, 2),
        plain(share, 2),
        fmt.num(whole),
    )
}

/// A share restating a ratio in its own sentence: "L'ambulatoire représente 62 % des
/// séjours, soit 48 700 séjours sur 91 200" (48 700 / 91 200 = 53.4 %).
fn share_of_stated_ratio(ctx: &Ctx, members: &[usize], at: usize) -> Option<Finding> {
    let si = members[at];
    let s = &ctx.claims[si];
    let text = &ctx.docs[s.doc].clean.text;
    let between = |a: usize, b: usize| {
        let (a, b) = (&ctx.claims[a].quantity, &ctx.claims[b].quantity);
        text.get(a.clean.end..b.clean.start).unwrap_or("")
    };
    let numeric = |i: usize| {
        matches!(
            ctx.claims[i].quantity.kind,
            Kind::Amount | Kind::Count | Kind::Number
        ) && ctx.claims[i].quantity.is_claim()
    };
    // The ratio right after the share, or right before it.
    let after = members.get(at + 1..at + 3).and_then(|r| {
        (ratio_gloss_re().is_match(between(si, r[0]))
            && ratio_words_re().is_match(between(r[0], r[1])))
        .then_some((r[0], r[1]))
    });
    let before = at.checked_sub(2).and_then(|k| {
        let r = &members[k..at];
        (ratio_words_re().is_match(between(r[0], r[1]))
            && ratio_gloss_re().is_match(between(r[1], si)))
        .then_some((r[0], r[1]))
    });
    // The nearest figure before the share, within the look-back, in the unit of figure `of`.
    let before_in_unit_of = |of: usize| {
        let oq = &ctx.claims[of].quantity;
        members[at.saturating_sub(PART_LOOK_BACK)..at]
            .iter()
            .rev()
            .copied()
            .find(|&i| {
                let q = &ctx.claims[i].quantity;
                numeric(i) && q.unit.is_some() && super::same_unit(q, oq)
            })
    };
    // "made up 41 % of the port's total throughput of 48.6 million tonnes": the whole after
    // the share, the part the nearest figure of its unit before it.
    let whole_after = || {
        let &w = members.get(at + 1)?;
        whole_after_re().is_match(between(si, w)).then_some(())?;
        Some((before_in_unit_of(w)?, w))
    };
    // "totalled 251,300 tonnes; mackerel accounted for 47% of this, 148,600 tonnes": the
    // whole is the figure "this" refers back to, the part the one the share glosses.
    let whole_this = || {
        let &p = members.get(at + 1)?;
        of_this_re().is_match(between(si, p)).then_some(())?;
        Some((p, before_in_unit_of(p)?))
    };
    // "186,000 people were targeted. Of these, 62 % (about 98,000 people) …": the whole
    // is the one figure of the sentence before in the part's unit, the part the figure
    // the share glosses.
    let of_these = || {
        if at != 0 {
            return None;
        }
        let &p = members.get(1)?;
        let head = text.get(s.sentence.start..s.quantity.clean.start)?;
        of_these_re().is_match(head).then_some(())?;
        part_gloss_re().is_match(between(si, p)).then_some(())?;
        let (_, prev) = ctx
            .index
            .sentences
            .range((s.doc, 0)..(s.doc, s.sentence.start))
            .next_back()?;
        let pc = &ctx.claims[*prev.first()?];
        let gap = text.get(pc.sentence.end..s.sentence.start)?;
        if pc.doc != s.doc
            || pc.paragraph != s.paragraph
            || gap.contains(|c: char| c.is_alphanumeric())
        {
            return None;
        }
        let pq = &ctx.claims[p].quantity;
        let wholes: Vec<usize> = prev
            .iter()
            .copied()
            .filter(|&i| {
                let q = &ctx.claims[i].quantity;
                numeric(i)
                    && ctx.claims[i].role == Role::Value
                    && !q.is_duration()
                    && q.unit.is_some()
                    && super::same_unit(q, pq)
            })
            .collect();
        match wholes[..] {
            [w] => Some((p, w)),
            _ => None,
        }
    };
    let (part, whole) = after
        .or(before)
        .or_else(whole_after)
        .or_else(whole_this)
        .or_else(of_these)?;
    if !numeric(part) || !numeric(whole) {
        return None;
    }
    let (pq, wq) = (&ctx.claims[part].quantity, &ctx.claims[whole].quantity);
    // A unit on both sides must be one unit ("3 sur 10 millions" is no ratio).
    if pq.unit.is_some() && wq.unit.is_some() && !super::same_unit(pq, wq) {
        return None;
    }
    let ratio = ctx.interval(part).div(&ctx.interval(whole)).scale(HUNDRED);
    if ratio.overlaps(&ctx.interval(si)) {
        return None;
    }
    let actual = pq.value.checked_div(wq.value)? * HUNDRED;
    let fmt = NumFmt::for_claims([&ctx.claims[part], &ctx.claims[whole]]);
    let help = share_help(
        &fmt,
        pq.value,
        wq.value,
        s.quantity.value,
        fmt.num(wq.value * s.quantity.value / HUNDRED),
    );
    let message = format!(
        "a share of {} % does not match the ratio stated with it ({} %)",
        plain(s.quantity.value, 2),
        plain(actual, 1)
    );
    let labels = vec![
        label(s, "stated share", true),
        label(&ctx.claims[part], "the part", false),
        label(&ctx.claims[whole], "the whole", false),
    ];
    let key = [
        claim_key(s),
        claim_key(&ctx.claims[part]),
        claim_key(&ctx.claims[whole]),
    ];
    Some(finding("share", message, Some(help), labels, &key))
}

/// Words after which a list of shares is no list of one whole's parts: the shares overlap
/// ("multiple answers possible") or they are shares of a change.
const OVERLAPPING: &[&str] = &[
    "multiple answers",
    "several answers",
    "more than one answer",
    "multiple responses",
    "plusieurs reponses",
    "reponses multiples",
    "choix multiples",
    "non exclusi",
    "cumul",
    "overlap",
    "chevauch",
];
const CHANGE_WORDS: &[&str] = &[
    "growth",
    "increase",
    "rise",
    "decline",
    "decrease",
    "gain",
    "change",
    "croissance",
    "hausse",
    "baisse",
    "augmentation",
    "progression",
    "diminution",
    "recul",
];
/// Verbs that make a share a part of its whole, exclusive of the others.
const PART_VERBS: &[&str] = &[
    "accounted for",
    "account for",
    "accounts for",
    "made up",
    "make up",
    "makes up",
    "represent",
    "comprised",
    "took",
    "take ",
    "takes",
    "contributed",
    "generated",
    "share",
    "part ",
    "pese",
    "pesait",
    "constitu",
    "fourni",
    "assur",
    "concentr",
];
/// Words that link a label to its elliptic share ("North America for 31 %").
const LINKS: &[&str] = &[
    "for", "pour", "a", "with", "avec", "and", "et", "ainsi", "que", "the", "le", "la", "les", "l",
    "au", "aux",
];
/// Words after an elliptic share that join its labels into one part.
const TOGETHER: &[&str] = &["combined", "together", "ensemble", "cumules", "cumulees"];

/// Words that make a figure in a list of shares something else than a part.
const NOT_PARTS: &[&str] = &[
    "from", "up", "down", "against", "compared", "versus", "vs", "than", "contre", "par",
    "rapport", "soit", "or", "while", "whereas", "alors", "tandis", "but", "per", "after", "apres",
    "before", "avant", "hausse", "baisse", "rose", "fell", "grew",
];

/// Where the list item `s` starts with ends: at the first of `separators`, " and " or " et ".
fn item_end(s: &str, separators: &[char]) -> usize {
    s.find(separators)
        .unwrap_or(s.len())
        .min(s.find(" and ").unwrap_or(s.len()))
        .min(s.find(" et ").unwrap_or(s.len()))
}

/// Shares listed in one sentence of one whole named once, the others elliptic: "Europe
/// accounted for 48 % of revenue, North America for 31 % and Asia-Pacific for 27 %".
/// The parts are the distinct labels before each share, of any kind (regions, crops,
/// segments); their shares cannot add up past 100 %.
fn listed_shares(ctx: &Ctx, out: &mut Vec<Finding>) {
    let words = |s: &str| -> Vec<String> {
        fold(s)
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    for members in ctx.index.sentences.values() {
        let Some(pos) = members.iter().position(|&i| {
            let c = &ctx.claims[i];
            c.role == Role::Share && c.quantity.kind == Kind::Percent
        }) else {
            continue;
        };
        let first = members[pos];
        let c0 = &ctx.claims[first];
        let text = &ctx.docs[c0.doc].clean.text;
        let Some(sentence) = text.get(c0.sentence.clone()) else {
            continue;
        };
        // The whole, named once after the first share: "of revenue", "du chiffre d'affaires".
        let after = &text[c0.quantity.clean.end
            ..text.ceil_char_boundary(c0.sentence.end.min(c0.quantity.clean.end + 200))];
        let whole_end = item_end(after, &[',', ';', '(', ')']);
        let whole_words = words(&after[..whole_end]);
        let names_whole = whole_words
            .first()
            .is_some_and(|w| ["of", "de", "du", "des", "d"].contains(&w.as_str()))
            && (2..=10).contains(&whole_words.len());
        // Or named once before them, opening the sentence: "Of crude imports in 2023, Saudi
        // Arabia accounted for 44 %, Norway for 23 % …", "Parmi les nuitées étrangères, …".
        let (whole_end, named) = if names_whole {
            (whole_end, after[..whole_end].trim())
        } else {
            match leading_whole(&text[c0.sentence.start..c0.quantity.clean.start]) {
                Some(named) => (0, named),
                None => continue,
            }
        };
        if CHANGE_WORDS.iter().any(|w| fold(named).contains(w)) {
            continue;
        }
        let around = fold(
            &text[text.ceil_char_boundary(c0.sentence.start.saturating_sub(200))
                ..text.ceil_char_boundary((c0.sentence.end + 200).min(text.len()))],
        );
        if OVERLAPPING.iter().any(|w| around.contains(w)) || sentence.is_empty() {
            continue;
        }
        // Parts of one whole: "accounted for", "made up", "représente" … Shares of people
        // who use or cite something ("used by 80 % of respondents") may overlap.
        let lead_from = text.ceil_char_boundary(
            c0.sentence
                .start
                .max(c0.quantity.clean.start.saturating_sub(120)),
        );
        let lead = fold(&text[lead_from..c0.quantity.clean.start]);
        if !PART_VERBS.iter().any(|v| lead.contains(v)) {
            continue;
        }
        // Every figure after the first share is an elliptic share after its own label.
        let mut group = vec![first];
        let mut labels: Vec<Vec<String>> = Vec::new();
        let mut from = c0.quantity.clean.end + whole_end;
        let mut ok = true;
        for &j in &members[pos + 1..] {
            let c = &ctx.claims[j];
            // "… et les 65 ans ou plus 24,9 %": an age in a label is no item.
            if c.quantity.is_duration() && c.quantity.clean.start >= from {
                continue;
            }
            if c.quantity.kind != Kind::Percent
                || !matches!(c.role, Role::Value | Role::Share)
                || c.quantity.clean.start < from
            {
                ok = false;
                break;
            }
            let gap = &text[from..c.quantity.clean.start];
            let sep = gap.trim_start().starts_with(',')
                || [" and ", " et "]
                    .iter()
                    .any(|a| format!("{gap} ").contains(a));
            let w = words(gap);
            let label: Vec<String> = w
                .iter()
                .filter(|x| !LINKS.contains(&x.as_str()))
                .cloned()
                .collect();
            if !sep
                || label.is_empty()
                || label.len() > 5
                || !only_ages(gap)
                || w.iter()
                    .any(|x| NOT_PARTS.contains(&x.as_str()) && x != "de")
                || labels.contains(&label)
            {
                ok = false;
                break;
            }
            // Elliptic: nothing after the share up to the next separator.
            let rest = &text[c.quantity.clean.end
                ..text.ceil_char_boundary(c0.sentence.end.min(c.quantity.clean.end + 200))];
            let rest_end = item_end(rest, &[',', ';', '.', ')']);
            // "Kyrgyzstan and Tajikistan for 11 % combined": two labels, one share.
            if !words(&rest[..rest_end])
                .iter()
                .all(|w| TOGETHER.contains(&w.as_str()))
            {
                ok = false;
                break;
            }
            labels.push(label);
            group.push(j);
            from = c.quantity.clean.end;
        }
        if !ok || group.len() < 2 {
            continue;
        }
        let spans: Vec<_> = group
            .iter()
            .map(|&i| &ctx.claims[i].quantity.span)
            .collect();
        if out.iter().any(|f| {
            f.rule == "share"
                && f.labels
                    .iter()
                    .any(|l| l.doc == c0.doc && spans.iter().any(|s| **s == l.span))
        }) {
            continue;
        }
        let whole = named
            .split_once([' ', '\'', '’'])
            .map_or(named, |(_, w)| w.trim());
        let whole = ["the ", "la ", "le ", "les ", "l'", "l’"]
            .iter()
            .find_map(|a| whole.strip_prefix(a))
            .unwrap_or(whole);
        if let Some(f) = past_hundred(ctx, &group, whole) {
            out.push(f);
        }
    }
}

/// The whole a sentence opens with before its listed shares ("Of crude imports in 2023, …",
/// "Among new hires, …", "Parmi les nuitées étrangères, …"), with its leading word: a phrase
/// of a few words and no figure but a year, closed by a comma.
fn leading_whole(before_first_share: &str) -> Option<&str> {
    static R: OnceLock<regex::Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        regex::Regex::new(
            r"(?i)^\s*((?:of|among|parmi)\s+[^\d,;:()]{3,60}?)(?:\s+(?:in|en)\s+\d{4})?\s*,",
        )
        .expect("valid leading whole regex")
    });
    let c = re.captures(before_first_share)?;
    Some(c.get(1)?.as_str())
}

/// Words before a colon that announce the parts of one whole: "break down by sector as
/// follows:", "se répartissent comme suit :", "Répartition des exploitants par âge :".
const BREAKDOWN_LEADS: &[&str] = &[
    "break down",
    "breaks down",
    "broke down",
    "broken down",
    "breakdown",
    "split as follows",
    "splits as follows",
    "divided as follows",
    "distributed as follows",
    "se repartiss",
    "se repartit",
    "se decompos",
    "repartition",
    "ventilation",
    "decomposition",
];

/// Words of a lead that give two wholes ("par sexe et par âge"): its shares are not one
/// whole's.
const TWO_WAYS: &[&str] = &[" et par ", " and by ", " puis par ", " then by "];

/// Words after which a label's number is an age: "de 40 à 54 ans", "65 years and over".
const AGE_WORDS: &[&str] = &["ans", "an", "years", "year", "year-olds", "yrs"];

/// Whether every number of a label stands before an age word in it ("de 40 à 54 ans",
/// "moins de 40 ans", "65 ans ou plus"): any other digit is another figure.
fn ages_only(label: &str) -> bool {
    let words: Vec<String> = label
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    words.iter().enumerate().all(|(k, w)| {
        !w.contains(|c: char| c.is_ascii_digit())
            || (w
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–'))
                && words[k + 1..]
                    .iter()
                    .take(4)
                    .any(|n| AGE_WORDS.contains(&n.as_str())))
    })
}

/// Shares of one whole listed after a colon that announces its breakdown: "Funds received
/// break down by sector as follows: food 48 %, shelter 27 %, water 19 % and health 14 %",
/// "Répartition des exploitants par âge : moins de 40 ans, 19 % ; de 40 à 54 ans, 41 % …".
/// Each share is elliptic after its own label (ages allowed in labels); they cannot add up
/// past 100 %.
fn colon_shares(ctx: &Ctx, out: &mut Vec<Finding>) {
    let words = |s: &str| -> Vec<String> {
        fold(s)
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    for members in ctx.index.sentences.values() {
        let Some(&first) = members.iter().find(|&&i| {
            let c = &ctx.claims[i];
            c.quantity.kind == Kind::Percent && c.quantity.is_claim()
        }) else {
            continue;
        };
        let c0 = &ctx.claims[first];
        let text = &ctx.docs[c0.doc].clean.text;
        let Some(head) = text.get(c0.sentence.start..c0.quantity.clean.start) else {
            continue;
        };
        let Some(colon) = head.rfind(':').map(|o| c0.sentence.start + o) else {
            continue;
        };
        let lead = fold(&text[c0.sentence.start..colon]);
        let spaced = format!(" {lead} ");
        if !BREAKDOWN_LEADS.iter().any(|w| lead.contains(w))
            || TWO_WAYS.iter().any(|w| spaced.contains(w))
            || CHANGE_WORDS.iter().any(|w| lead.contains(w))
            || !super::lists::only_dates(&text[c0.sentence.start..colon])
        {
            continue;
        }
        let around = fold(
            &text[text.ceil_char_boundary(c0.sentence.start.saturating_sub(200))
                ..text.ceil_char_boundary((c0.sentence.end + 200).min(text.len()))],
        );
        if OVERLAPPING.iter().any(|w| around.contains(w)) {
            continue;
        }
        let end = text.floor_char_boundary(c0.sentence.end.min(text.len()));
        let list = &text[colon + 1..end];
        // Items end at semicolons when the list has them ("moins de 40 ans, 19 % ; …"),
        // at commas and "et / and" otherwise.
        let semis = list.contains(';');
        let mut group = Vec::new();
        let mut labels: Vec<Vec<String>> = Vec::new();
        let mut from = colon + 1;
        let mut ok = true;
        for &j in members {
            let c = &ctx.claims[j];
            if c.quantity.clean.start <= colon || c.quantity.kind != Kind::Percent {
                continue;
            }
            if !c.quantity.is_claim()
                || !matches!(c.role, Role::Value | Role::Share)
                || c.quantity.clean.start < from
            {
                ok = false;
                break;
            }
            let gap = &text[from..c.quantity.clean.start];
            let label_text: &str = if group.is_empty() {
                gap
            } else if semis {
                match gap.split_once(';') {
                    Some((before, after)) if before.trim().is_empty() => after,
                    _ => {
                        ok = false;
                        break;
                    }
                }
            } else {
                let t = gap.trim_start();
                if let Some(t) = t.strip_prefix(',') {
                    t
                } else if let Some(t) = t.strip_prefix("and ").or_else(|| t.strip_prefix("et ")) {
                    t
                } else {
                    ok = false;
                    break;
                }
            };
            let label_text = label_text.trim().trim_end_matches([',', ':']).trim();
            let w = words(label_text);
            let label: Vec<String> = w
                .iter()
                .filter(|x| !LINKS.contains(&x.as_str()))
                .cloned()
                .collect();
            if label.is_empty()
                || w.len() > 8
                || label_text.contains([';', '(', ')'])
                || (!semis && label_text.contains(','))
                || !ages_only(label_text)
                || w.iter().any(|x| NOT_PARTS.contains(&x.as_str()))
                || labels.contains(&label)
            {
                ok = false;
                break;
            }
            let rest = &text[c.quantity.clean.end..end];
            let rest_end = item_end(rest, &[',', ';', '.', ')', '(']);
            if !words(&rest[..rest_end])
                .iter()
                .all(|w| TOGETHER.contains(&w.as_str()))
            {
                ok = false;
                break;
            }
            labels.push(label);
            group.push(j);
            from = c.quantity.clean.end;
        }
        let tail = &text[from.min(end)..end];
        if !ok || group.len() < 2 || tail.contains(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let spans: Vec<_> = group
            .iter()
            .map(|&i| &ctx.claims[i].quantity.span)
            .collect();
        if out.iter().any(|f| {
            f.rule == "share"
                && f.labels
                    .iter()
                    .any(|l| l.doc == c0.doc && spans.iter().any(|s| **s == l.span))
        }) {
            continue;
        }
        let whole = text[c0.sentence.start..colon].trim();
        let whole: String = whole.chars().take(80).collect();
        if let Some(f) = past_hundred(ctx, &group, &format!("“{whole}”")) {
            out.push(f);
        }
    }
}

/// Whether every number in a label's text is an age ("les 20-64 ans", "the 65 years and
/// over"): digits of anything else break a list of shares.
fn only_ages(gap: &str) -> bool {
    let words: Vec<&str> = gap
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().all(|(k, w)| {
        !w.contains(|c: char| c.is_ascii_digit())
            || (w
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–'))
                && words
                    .get(k + 1)
                    .is_some_and(|n| matches!(*n, "ans" | "years" | "year" | "year-olds")))
    })
}

/// Shares of one whole (`members`, in text order) that add up past 100 % whatever their
/// rounding: a finding on the last, which takes the sum past it.
fn past_hundred(ctx: &Ctx, members: &[usize], whole: &str) -> Option<Finding> {
    let mut sum = Interval::exact(Decimal::ZERO);
    for &i in members {
        sum = sum.add(&ctx.interval(i));
    }
    if sum.lo.is_none_or(|lo| lo <= HUNDRED) {
        return None;
    }
    let values: Vec<String> = members
        .iter()
        .map(|&i| plain(ctx.claims[i].quantity.value, 2))
        .collect();
    let total: Decimal = members.iter().map(|&i| ctx.claims[i].quantity.value).sum();
    let help = format!("{} = {} % > 100 %", values.join(" + "), plain(total, 2));
    let (last, rest) = members.split_last()?;
    let mut labels = vec![label(
        &ctx.claims[*last],
        "this share takes the sum past 100 %",
        true,
    )];
    for &i in rest {
        labels.push(label(&ctx.claims[i], "share of the same whole", false));
    }
    let message = format!("shares of {whole} add up past 100 %");
    let key: Vec<String> = members.iter().map(|&i| claim_key(&ctx.claims[i])).collect();
    Some(finding("share", message, Some(help), labels, &key))
}

/// What stands between a part and the share that glosses it: ", or", ", soit", " (".
fn gloss_re() -> &'static SliceRegex {
    static R: OnceLock<SliceRegex> = OnceLock::new();
    R.get_or_init(|| {
        SliceRegex::new(r"(?i)^[^\d,;.()]{0,24}(?:,\s*(?:or|i\.e\.|that\s+is|soit|c['’]est-à-dire|représentant|representing)|\s*\(|\s*[—–-])\s*(?:about|some|près\s+de|environ|plus\s+de|more\s+than)?\s*$")
            .expect("valid gloss regex")
    })
}

/// Context confidence a share's part needs: it stands in the share's sentence.
const PART_MIN_CONFIDENCE: f32 = 0.45;

/// `part = share × whole`: the whole from the index, the part stated in the share's
/// sentence in the whole's unit.
fn part_of_whole(ctx: &Ctx, si: usize, whole_metric: &str) -> Option<Finding> {
    let s = &ctx.claims[si];
    let period = s.period?;
    // "Visitors from Germany made up 24 % of arrivals (612 000)": when the share's subject
    // has no such whole, the whole is the document's own, unnamed subject's.
    let wholes = [
        (&s.subject, &None),
        (&s.subject, &s.partner),
        (&None, &None),
    ]
    .into_iter()
    .map(|(subject, partner)| ctx.index.value(subject, partner, whole_metric, period))
    .find(|a| !a.is_empty())
    .unwrap_or_default();
    // The whole is stated before its share ("produced $820 million …; 90 % of it, $500
    // million"); the figure right after a share in its sentence is its part, never its
    // whole ("Russia accounted for 90 % of exports, or $500 million": the whole is the
    // exports told before, whoever they are read as).
    let after_in_sentence = |i: usize| {
        let c = &ctx.claims[i];
        c.doc == s.doc
            && c.sentence.start == s.sentence.start
            && c.quantity.clean.start >= s.quantity.clean.end
    };
    // "7.9 million passengers, or 52 % of the total", "15 300, soit 18 % des demandeurs":
    // the figure the share glosses is its part, never its whole.
    let glossed = |i: usize| {
        let c = &ctx.claims[i];
        c.doc == s.doc
            && c.sentence.start == s.sentence.start
            && c.quantity.clean.end <= s.quantity.clean.start
            && gloss_re().is_match(
                ctx.docs[s.doc]
                    .clean
                    .text
                    .get(c.quantity.clean.end..s.quantity.clean.start)
                    .unwrap_or(""),
            )
    };
    let mut wholes: Vec<usize> = wholes
        .iter()
        .copied()
        // An age ("les 60 ans ou plus") is no whole of anything.
        .filter(|&i| !after_in_sentence(i) && !glossed(i) && !ctx.claims[i].quantity.is_duration())
        .collect();
    if wholes.is_empty() {
        wholes = ctx
            .index
            .sentences
            .get(&(s.doc, s.sentence.start))?
            .iter()
            .copied()
            .filter(|&i| {
                let c = &ctx.claims[i];
                ctx.comparable(i)
                    && c.role == Role::Value
                    && c.metric.as_deref() == Some(whole_metric)
                    && matches!(c.quantity.kind, Kind::Amount | Kind::Count)
                    && !c.quantity.is_duration()
                    && c.quantity.clean.end <= s.quantity.clean.start
                    && c.period == s.period
            })
            .collect();
    }
    let before: Vec<usize> = wholes
        .iter()
        .copied()
        .filter(|&i| {
            let c = &ctx.claims[i];
            c.doc == s.doc && c.quantity.clean.end <= s.quantity.clean.start
        })
        .collect();
    let w = nearest(ctx, &before, s, None).or_else(|| nearest(ctx, &wholes, s, None))?;
    let whole = &ctx.claims[w];
    let part = ctx
        .index
        .sentences
        .get(&(s.doc, s.sentence.start))?
        .iter()
        .copied()
        .filter(|&i| {
            let c = &ctx.claims[i];
            // The part shares the share's sentence, so its context is the share's.
            i != w
                && c.confidence >= PART_MIN_CONFIDENCE
                && c.role == Role::Value
                && !c.quantity.is_duration()
                && c.quantity.unit == whole.quantity.unit
                && matches!(c.quantity.kind, Kind::Amount | Kind::Count | Kind::Number)
                && (c.metric == s.metric
                    || c.metric.as_deref() == Some(whole_metric)
                    // "Wages of £128.3 million represented 59% of revenue": the figure the
                    // sentence opens with is the part, whatever it measures.
                    || (c.metric.is_some() && c.quantity.clean.end <= s.quantity.clean.start))
        })
        .min_by_key(|&i| {
            let q = &ctx.claims[i].quantity;
            (
                q.clean.start < s.quantity.clean.end,
                q.span.start.abs_diff(s.quantity.span.start),
            )
        })?;
    let ratio = ctx.interval(part).div(&ctx.interval(w)).scale(HUNDRED);
    if ratio.overlaps(&ctx.interval(si)) {
        return None;
    }
    let pc = &ctx.claims[part];
    // A share below 100 % of a whole smaller than its part: the whole is misread ("About
    // 12 % of students, roughly 2,200" after a kindergarten count of 1,380), not wrong.
    if s.quantity.value <= HUNDRED && whole.quantity.value < pc.quantity.value {
        return None;
    }
    let fmt = NumFmt::for_claims([whole, pc]);
    let actual = pc.quantity.value.checked_div(whole.quantity.value)? * HUNDRED;
    let help = share_help(
        &fmt,
        pc.quantity.value,
        whole.quantity.value,
        s.quantity.value,
        fmt.with_unit(whole.quantity.value * s.quantity.value / HUNDRED),
    );
    let message = format!(
        "a share of {} % of {whole_metric} does not match the part and the whole ({} %)",
        plain(s.quantity.value, 2),
        plain(actual, 1)
    );
    let labels = vec![
        label(s, "stated share", true),
        label(pc, "the part", false),
        label(whole, format!("the whole ({whole_metric})"), false),
    ];
    let key = [claim_key(s), claim_key(pc), claim_key(whole)];
    Some(finding("share", message, Some(help), labels, &key))
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use crate::claim::Role;

    #[test]
    fn growth_rate_against_previous_year_fr() {
        let text = "En 2022, les exportations ont atteint 312,0 millions de dollars, soit une hausse de 7,8 % par rapport à 2021. En 2021, elles s'élevaient à 287,1 millions de dollars.";
        let mut k = Kit::fr(text);
        k.amount("312,0", "exports").subject("BLR").year(2022);
        k.percent("7,8", "exports").subject("BLR").year(2022);
        k.amount("287,1", "exports").subject("BLR").year(2021);
        let f = k.check();
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].rule, "growth-rate");
        let help = f[0].help.as_deref().unwrap();
        assert!(help.contains("(312.0 − 287.1) / 287.1 = +8.7 %"), "{help}");
        assert_eq!(f[0].labels.len(), 3);
    }

    #[test]
    fn growth_rate_rounding_and_qualifiers_stay_silent_fr() {
        let text = "En 2022, les exportations ont atteint 312 millions de dollars, en hausse de près de 9 % ; en 2021, elles s'élevaient à 287 millions de dollars.";
        let mut k = Kit::fr(text);
        k.amount("312", "exports").subject("BLR").year(2022);
        k.percent("9", "exports").subject("BLR").year(2022).nearly();
        k.amount("287", "exports").subject("BLR").year(2021);
        assert!(k.check().is_empty());
    }

    #[test]
    fn decline_and_index_en() {
        let text = "Imports fell by 12% in 2023 to $88 million, from $95 million in 2022. Output stood at 108.9% of the 2022 level: 120 tonnes against 100 tonnes.";
        let mut k = Kit::en(text);
        k.percent("12", "imports").subject("UZB").year(2023).down();
        k.amount("88", "imports").subject("UZB").year(2023);
        k.amount("95", "imports").subject("UZB").year(2022);
        k.percent("108.9", "output")
            .subject("UZB")
            .year(2023)
            .role(Role::Index);
        k.count("120", "output").subject("UZB").year(2023).unit("t");
        k.count("100", "output").subject("UZB").year(2022).unit("t");
        let f = k.check();
        // 88/95 = −7.4 %, not −12 %; 120/100 = 120 %, not 108.9 %.
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(f.iter().all(|f| f.rule == "growth-rate"));
        // The same decline, correctly stated, is silent; a different partner is not compared.
        let mut k = Kit::en(text);
        k.percent("12", "imports")
            .subject("UZB")
            .partner("CHN")
            .year(2023)
            .down();
        k.amount("88", "imports").subject("UZB").year(2023);
        k.amount("95", "imports").subject("UZB").year(2022);
        assert!(k.check().is_empty());
    }

    #[test]
    fn target_growth_is_not_compared_with_facts_en() {
        let text = "Exports were $100 million in 2022 and $110 million in 2023; the ministry plans growth of 25% in 2023.";
        let mut k = Kit::en(text);
        k.amount("100", "exports").subject("BLR").year(2022);
        k.amount("110", "exports").subject("BLR").year(2023);
        k.percent("25", "exports")
            .subject("BLR")
            .year(2023)
            .role(Role::Target);
        assert!(k.check().is_empty());
    }

    #[test]
    fn multiplier_fr_and_en() {
        let text = "Le montant des transactions a été multiplié par 17, passant de 1,05 million de dollars en 2022 à 8 millions de dollars en 2023.";
        let mut k = Kit::fr(text);
        k.multiplier("multiplié par 17", "17", "transactions")
            .subject("X")
            .year(2023);
        k.amount("1,05", "transactions").subject("X").year(2022);
        k.amount("8 millions", "transactions")
            .subject("X")
            .year(2023);
        let f = k.check();
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].rule, "multiplier");
        let text = "Sales doubled from $4.1 million in 2022 to $8.3 million in 2023.";
        let mut k = Kit::en(text);
        k.multiplier("doubled", "2", "sales")
            .subject("X")
            .year(2023);
        k.amount("4.1", "sales").subject("X").year(2022);
        k.amount("8.3", "sales").subject("X").year(2023);
        assert!(k.check().is_empty());
    }

    #[test]
    fn share_of_whole_fr() {
        let text = "En 2023, la région a produit pour 820 millions de dollars ; 90 % de cette production, soit 500 millions de dollars, a été exportée.";
        let mut k = Kit::fr(text);
        k.amount("820", "production").subject("R").year(2023);
        k.percent("90", "exports")
            .subject("R")
            .year(2023)
            .whole("production");
        k.amount("500", "exports").subject("R").year(2023);
        let f = k.check();
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].rule, "share");
        let text = text.replace("90 %", "61 %");
        let mut k = Kit::fr(&text);
        k.amount("820", "production").subject("R").year(2023);
        k.percent("61", "exports")
            .subject("R")
            .year(2023)
            .whole("production");
        k.amount("500", "exports").subject("R").year(2023);
        assert!(k.check().is_empty());
    }

    #[test]
    fn shares_past_hundred_en() {
        let text = "In 2023, Russia took 55% of exports, China 30% and the EU 25%.";
        let mut k = Kit::en(text);
        k.percent("55", "exports")
            .subject("BLR")
            .partner("RUS")
            .year(2023)
            .whole("exports");
        k.percent("30", "exports")
            .subject("BLR")
            .partner("CHN")
            .year(2023)
            .whole("exports");
        k.percent("25", "exports")
            .subject("BLR")
            .partner("EU")
            .year(2023)
            .whole("exports");
        let f = k.check();
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].help.as_deref().unwrap().contains("= 110 %"));
        let text = "In 2023, Russia took 45% of exports, China 30% and the EU 25%.";
        let mut k = Kit::en(text);
        k.percent("45", "exports")
            .subject("BLR")
            .partner("RUS")
            .year(2023)
            .whole("exports");
        k.percent("30", "exports")
            .subject("BLR")
            .partner("CHN")
            .year(2023)
            .whole("exports");
        k.percent("25", "exports")
            .subject("BLR")
            .partner("EU")
            .year(2023)
            .whole("exports");
        assert!(k.check().is_empty());
    }
}
