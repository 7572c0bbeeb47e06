//! Dated events told twice: `repeated-fact` (the same named event with the same month at
//! two distant places) and `conflicting-fact` (the same numbered event, two months).
//!
//! The events come from [`crate::context::event`]. Pairs are found through two indexes,
//! never all pairs: by month for repeats, by ordinal for conflicts; inside a bucket each
//! event is compared with at most [`MAX_BACK`] earlier ones, so a run costs O(n).
//!
//! Two events are one when their names agree: their quoted titles (if both have one) or
//! their words, with every proper name of the shorter name found in the other ("the visit
//! of the President" and "the visit of the Prime Minister" are two events).

use std::collections::BTreeMap;

use super::{finding, Ctx};
use crate::context::event::EventMention;
use crate::finding::{Finding, Label};

/// Earlier events of a bucket each event is compared with.
const MAX_BACK: usize = 32;
/// Share of title words two titles must have in common (Dice).
const TITLE_DICE: f32 = 0.6;
/// Share of name words two untitled names must have in common (Dice), and how many.
const WORDS_DICE: f32 = 0.5;
const MIN_SHARED_WORDS: usize = 3;
/// How near its noun a date must stand for a conflict: a date further on may be another
/// event's ("… which will take effect in January 2024").
const CONFLICT_DATE_REACH: usize = 120;

pub fn events(ctx: &Ctx, events: &[EventMention], out: &mut Vec<Finding>) {
    let want_repeats = ctx.config.enabled("repeated-fact");
    let want_conflicts = ctx.config.enabled("conflicting-fact");
    if events.is_empty() || (!want_repeats && !want_conflicts) {
        return;
    }
    if want_repeats {
        let mut by_month: BTreeMap<(i32, u8), Vec<usize>> = BTreeMap::new();
        for (i, e) in events.iter().enumerate() {
            by_month
                .entry((e.date.from.year, e.date.from.month))
                .or_default()
                .push(i);
        }
        for list in by_month.values() {
            for (k, &b) in list.iter().enumerate() {
                let earlier = &list[k.saturating_sub(MAX_BACK)..k];
                let first = earlier.iter().copied().find(|&a| {
                    same_day(&events[a], &events[b])
                        && same_event(&events[a], &events[b])
                        && distant(ctx, &events[a], &events[b])
                });
                if let Some(a) = first {
                    out.push(repeat(ctx, &events[a], &events[b]));
                }
            }
        }
    }
    if want_conflicts {
        let mut by_ordinal: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for (i, e) in events.iter().enumerate() {
            if let Some(n) = e.ordinal.filter(|_| date_near_name(e)) {
                by_ordinal.entry(n).or_default().push(i);
            }
        }
        for list in by_ordinal.values() {
            for (k, &b) in list.iter().enumerate() {
                let earlier = &list[k.saturating_sub(MAX_BACK)..k];
                let first = earlier.iter().copied().find(|&a| {
                    let (x, y) = (&events[a], &events[b]);
                    (x.date.from.year, x.date.from.month) != (y.date.from.year, y.date.from.month)
                        && surely_same_event(x, y)
                });
                if let Some(a) = first {
                    out.push(conflict(ctx, &events[a], &events[b]));
                }
            }
        }
    }
}

/// Two dates of one month that name days name the same day.
fn same_day(a: &EventMention, b: &EventMention) -> bool {
    let day = |e: &EventMention| (e.date.from.day == e.date.to.day).then_some(e.date.from.day);
    match (day(a), day(b)) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

fn date_near_name(e: &EventMention) -> bool {
    let (d, n) = (&e.date_clean, &e.name_clean);
    let gap = if d.start >= n.end {
        d.start - n.end
    } else {
        n.start.saturating_sub(d.end)
    };
    gap <= CONFLICT_DATE_REACH
}

/// Whether two event names say the same event.
pub fn same_event(a: &EventMention, b: &EventMention) -> bool {
    if a.doc == b.doc && a.sentence == b.sentence {
        return false;
    }
    if !a.is_named() || !b.is_named() {
        return false;
    }
    if let (Some(x), Some(y)) = (a.ordinal, b.ordinal) {
        if x != y {
            return false;
        }
    }
    // "la commission biélorusse-turque" and "la commission biélorusse-brésilienne"; one
    // name may say less than the other ("la réunion entre le Belarus et …" cut short).
    let (few, more) = if a.entities.len() <= b.entities.len() {
        (&a.entities, &b.entities)
    } else {
        (&b.entities, &a.entities)
    };
    if !few.iter().all(|e| more.contains(e)) {
        return false;
    }
    if !a.title.is_empty() && !b.title.is_empty() {
        return dice(&a.title, &b.title).0 >= TITLE_DICE;
    }
    let (score, shared) = dice(&a.words, &b.words);
    if score < WORDS_DICE || shared < MIN_SHARED_WORDS {
        return false;
    }
    // Every proper name of the shorter list must be in the other: "the President's visit"
    // and "the Prime Minister's visit" share all but the one word that tells them apart.
    let (short, long) = if a.proper.len() <= b.proper.len() {
        (&a.proper, &b.proper)
    } else {
        (&b.proper, &a.proper)
    };
    let a_name = !short.is_empty() || a.ordinal.is_some() && b.ordinal.is_some();
    a_name && short.iter().all(|w| long.contains(w))
}

/// Same event, told so that two dates cannot both be right: the same title, or the same
/// countries named (a "7th meeting of the joint commission" with no country may be any
/// country's).
fn surely_same_event(a: &EventMention, b: &EventMention) -> bool {
    let titled = !a.title.is_empty() && !b.title.is_empty();
    (titled || !a.entities.is_empty() && a.entities == b.entities) && same_event(a, b)
}

/// Dice coefficient of two stem lists, and the number of stems they share.
fn dice(a: &[String], b: &[String]) -> (f32, usize) {
    if a.is_empty() || b.is_empty() {
        return (0.0, 0);
    }
    let shared = a.iter().filter(|w| b.contains(w)).count();
    (2.0 * shared as f32 / (a.len() + b.len()) as f32, shared)
}

/// Far enough apart to be worth telling (as for figures: another paragraph unless near
/// repeats are wanted, and not the abstract against the body when that is switched off).
fn distant(ctx: &Ctx, a: &EventMention, b: &EventMention) -> bool {
    let at = |e: &EventMention| (e.doc, e.paragraph, e.date_clean.start);
    super::facts::distant_places(ctx, at(a), at(b))
}

fn span_label(ctx: &Ctx, e: &EventMention, message: String, primary: bool) -> Label {
    Label {
        doc: e.doc,
        span: ctx.docs[e.doc].original_span(e.date_clean.clone()),
        message,
        primary,
    }
}

fn text_of(ctx: &Ctx, e: &EventMention, clean: &std::ops::Range<usize>) -> String {
    super::squeeze_whitespace(&ctx.docs[e.doc].clean.text[clean.clone()])
}

fn place(ctx: &Ctx, e: &EventMention) -> String {
    let d = &ctx.docs[e.doc];
    super::place(ctx, e.doc, d.original_span(e.date_clean.clone()).start)
}

fn key(e: &EventMention) -> Vec<String> {
    let mut words = if e.title.is_empty() {
        e.words.clone()
    } else {
        e.title.clone()
    };
    words.sort();
    vec![
        words.join(" "),
        e.ordinal.map_or_else(String::new, |n| n.to_string()),
    ]
}

fn repeat(ctx: &Ctx, first: &EventMention, again: &EventMention) -> Finding {
    let name = text_of(ctx, again, &again.name_clean);
    let date = text_of(ctx, again, &again.date_clean);
    let message = format!(
        "the same event is dated again: “{name}”, “{date}” (first at {})",
        place(ctx, first)
    );
    let help = format!(
        "both places date “{}” to {}; keep one, or refer back to {}",
        text_of(ctx, first, &first.name_clean),
        text_of(ctx, first, &first.date_clean),
        place(ctx, first)
    );
    let labels = vec![
        span_label(ctx, again, "dated again here".into(), true),
        span_label(ctx, first, "first dated here".into(), false),
    ];
    let mut k = key(again);
    k.push(again.date.to_string());
    finding("repeated-fact", message, Some(help), labels, &k)
}

fn conflict(ctx: &Ctx, first: &EventMention, again: &EventMention) -> Finding {
    let name = text_of(ctx, again, &again.name_clean);
    let message = format!(
        "the same event is given two dates: “{}” here, “{}” at {}",
        text_of(ctx, again, &again.date_clean),
        text_of(ctx, first, &first.date_clean),
        place(ctx, first)
    );
    let help = format!(
        "both places name “{name}”; {} ≠ {}: keep one date",
        text_of(ctx, first, &first.date_clean),
        text_of(ctx, again, &again.date_clean)
    );
    let labels = vec![
        span_label(ctx, again, format!("{} here", again.date), true),
        span_label(ctx, first, format!("{} here", first.date), false),
    ];
    let mut k = key(again);
    let mut dates = [first.date.to_string(), again.date.to_string()];
    dates.sort();
    k.extend(dates);
    finding("conflicting-fact", message, Some(help), labels, &k)
}
