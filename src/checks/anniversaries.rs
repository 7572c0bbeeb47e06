//! Anniversaries told twice: `conflicting-fact` (two start years for one thing) and
//! `repeated-fact` (the same anniversary at a distant place).
//!
//! The anniversaries come from [`crate::context::anniversary`]. Two are of one thing when
//! the words of what they celebrate mostly agree ("leurs relations diplomatiques", "des
//! relations diplomatiques") and they name the same countries or bodies (the document's
//! home country aside). Pairs are found through an index by word, each anniversary
//! compared with at most [`MAX_BACK`] earlier ones of a word: a run costs O(n).

use std::collections::BTreeMap;

use super::{finding, Ctx};
use crate::context::anniversary::Anniversary;
use crate::finding::{Finding, Label};

/// Earlier anniversaries of a word each one is compared with.
const MAX_BACK: usize = 32;
/// Share of words two things must have in common (Dice).
const THING_DICE: f32 = 0.6;
/// How far two start years may differ and still be one: an anniversary told in January
/// and one told for the year may fall either side of the date.
const YEAR_SLACK: i32 = 1;

pub fn anniversaries(ctx: &Ctx, all: &[Anniversary], out: &mut Vec<Finding>) {
    let want_repeats = ctx.config.enabled("repeated-fact");
    let want_conflicts = ctx.config.enabled("conflicting-fact");
    if all.is_empty() || (!want_repeats && !want_conflicts) {
        return;
    }
    let mut by_word: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, a) in all.iter().enumerate() {
        for w in &a.thing {
            by_word.entry(w.as_str()).or_default().push(i);
        }
    }
    // Each later anniversary is reported once, against the first earlier one it matches.
    let mut told = vec![false; all.len()];
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for list in by_word.values() {
        for (k, &b) in list.iter().enumerate() {
            let earlier = &list[k.saturating_sub(MAX_BACK)..k];
            if let Some(&a) = earlier.iter().find(|&&a| same_thing(&all[a], &all[b])) {
                pairs.push((a, b));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    for (a, b) in pairs {
        if told[b] {
            continue;
        }
        let (x, y) = (&all[a], &all[b]);
        let gap = (x.since() - y.since()).abs();
        if gap > YEAR_SLACK && want_conflicts {
            told[b] = true;
            out.push(conflict(ctx, x, y));
        } else if gap == 0
            && x.years > 0
            && (x.years, x.in_year) == (y.years, y.in_year)
            && want_repeats
            && distant(ctx, x, y)
        {
            told[b] = true;
            out.push(repeat(ctx, x, y));
        }
    }
}

/// Whether two anniversaries celebrate one thing.
fn same_thing(a: &Anniversary, b: &Anniversary) -> bool {
    if a.doc == b.doc && a.count_clean == b.count_clean {
        return false;
    }
    // The same countries, one list maybe shorter ("l'Ouzbékistan" and "le Belarus et
    // l'Ouzbékistan", the home country left out of both); none on either side only when
    // neither names any (one company's anniversaries).
    let (few, more) = if a.entities.len() <= b.entities.len() {
        (&a.entities, &b.entities)
    } else {
        (&b.entities, &a.entities)
    };
    let entities_agree = if few.is_empty() {
        more.is_empty()
    } else {
        few.iter().all(|e| more.contains(e))
    };
    if !entities_agree || a.doc != b.doc && a.entities != b.entities {
        return false;
    }
    let shared = a.thing.iter().filter(|w| b.thing.contains(w)).count();
    let dice = 2.0 * shared as f32 / (a.thing.len() + b.thing.len()) as f32;
    shared > 0 && dice >= THING_DICE
}

fn distant(ctx: &Ctx, a: &Anniversary, b: &Anniversary) -> bool {
    let at = |x: &Anniversary| (x.doc, x.paragraph, x.count_clean.start);
    super::facts::distant_places(ctx, at(a), at(b))
}

fn text_of(ctx: &Ctx, a: &Anniversary, clean: &std::ops::Range<usize>) -> String {
    super::squeeze_whitespace(&ctx.docs[a.doc].clean.text[clean.clone()])
}

fn place(ctx: &Ctx, a: &Anniversary) -> String {
    let d = &ctx.docs[a.doc];
    super::place(ctx, a.doc, d.original_span(a.count_clean.clone()).start)
}

/// "2023 − 30 = 1993", or "began in 1994" for a founding told outright.
fn arithmetic(a: &Anniversary) -> String {
    if a.years == 0 {
        return format!("began in {}", a.in_year);
    }
    format!("{} − {} = {}", a.in_year, a.years, a.since())
}

/// "“30e anniversaire” in 2023", or "“established in 1994”".
fn told(ctx: &Ctx, a: &Anniversary) -> String {
    let count = text_of(ctx, a, &a.count_clean);
    if a.years == 0 {
        format!("“{count}”")
    } else {
        format!("“{count}” in {}", a.in_year)
    }
}

fn label(ctx: &Ctx, a: &Anniversary, message: String, primary: bool) -> Label {
    Label {
        doc: a.doc,
        span: ctx.docs[a.doc].original_span(a.count_clean.clone()),
        message,
        primary,
    }
}

fn key(a: &Anniversary) -> Vec<String> {
    let mut words = a.thing.clone();
    words.sort();
    vec![words.join(" "), a.entities.join(" ")]
}

fn conflict(ctx: &Ctx, first: &Anniversary, again: &Anniversary) -> Finding {
    let thing = text_of(ctx, again, &again.thing_clean);
    let first_place = place(ctx, first);
    let message = format!(
        "the same anniversary gives two start years: {} here, {} at {first_place}",
        told(ctx, again),
        told(ctx, first),
    );
    let help = format!(
        "both places speak of “{thing}”: {} here, {} at {first_place}; one count or one year is wrong",
        arithmetic(again),
        arithmetic(first),
    );
    let labels = vec![
        label(ctx, again, format!("since {}", again.since()), true),
        label(ctx, first, format!("since {}", first.since()), false),
    ];
    let mut k = key(again);
    let mut since = [first.since(), again.since()];
    since.sort();
    k.extend(since.iter().map(i32::to_string));
    finding("conflicting-fact", message, Some(help), labels, &k)
}

fn repeat(ctx: &Ctx, first: &Anniversary, again: &Anniversary) -> Finding {
    let first_place = place(ctx, first);
    let message = format!(
        "the same anniversary is told again: “{}” of “{}” in {} (first at {first_place})",
        text_of(ctx, again, &again.count_clean),
        text_of(ctx, again, &again.thing_clean),
        again.in_year,
    );
    let help = format!(
        "{} at both places; keep one, or refer back to {first_place}",
        arithmetic(again),
    );
    let labels = vec![
        label(ctx, again, "told again here".into(), true),
        label(ctx, first, "first told here".into(), false),
    ];
    let mut k = key(again);
    k.push(again.since().to_string());
    finding("repeated-fact", message, Some(help), labels, &k)
}
