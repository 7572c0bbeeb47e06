//! Counts against what the text lists for them (`sum-of-parts`):
//! "9 structures (3 laboratoires, 5 centres et 2 instituts)" must add up, parts announced
//! with "dont / including" cannot exceed the whole, and "six companies: A, B, C, D, E, F, G"
//! cannot name more items than it announces.

use std::ops::Range;

use rust_decimal::Decimal;

use super::format::plain;
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
            if !is_count(c) {
                continue;
            }
            let after = c.quantity.clean.end;
            let next_claim = claims
                .get(k + 1)
                .map(|&j| ctx.claims[j].quantity.clean.start);
            if let Some(f) = parenthesised(ctx, text, i, after, &claims[k + 1..]) {
                out.push(f);
            } else if let Some(f) = colon_list(ctx, text, i, after, next_claim) {
                out.push(f);
            }
        }
    }
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

fn lead_end(text: &str, from: usize, stop: char) -> Option<usize> {
    let mut end = from;
    for (off, ch) in text[from..].char_indices() {
        if off > LEAD {
            return None;
        }
        if ch == stop {
            return Some(from + off);
        }
        if matches!(ch, '.' | ';' | '(' | ')' | ':' | '\n' | '%') || ch.is_ascii_digit() {
            return None;
        }
        end = from + off;
    }
    let _ = end;
    None
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
    if parts.len() < 2 || !parts.iter().all(|&j| is_count(&ctx.claims[j])) {
        return None;
    }
    // Between the parts only words and separators: no other numbers.
    let digits_outside = inner
        .char_indices()
        .filter(|(_, ch)| ch.is_ascii_digit())
        .any(|(o, _)| {
            let at = open + 1 + o;
            !parts
                .iter()
                .any(|&j| ctx.claims[j].quantity.clean.contains(&at))
        });
    if digits_outside {
        return None;
    }
    let lead = fold(inner.trim_start());
    let subset = [
        "dont",
        "including",
        "of which",
        "parmi",
        "among",
        "y compris",
    ]
    .iter()
    .any(|w| lead.starts_with(w));
    let mut sum = Interval::exact(Decimal::ZERO);
    for &j in &parts {
        sum = sum.add(&ctx.interval(j));
    }
    let w = ctx.interval(whole);
    let bad = if subset {
        sum.lo.zip(w.hi).is_some_and(|(s, h)| s > h)
    } else {
        !sum.overlaps(&w)
    };
    if !bad {
        return None;
    }
    let wc = &ctx.claims[whole];
    let values: Vec<String> = parts
        .iter()
        .map(|&j| plain(ctx.claims[j].quantity.value, 2))
        .collect();
    let total: Decimal = parts.iter().map(|&j| ctx.claims[j].quantity.value).sum();
    let message = format!(
        "the parts listed add up to {} but the total stated is {}",
        plain(total, 2),
        plain(wc.quantity.value, 2)
    );
    let help = format!(
        "{} = {} {} {} (stated)",
        values.join(" + "),
        plain(total, 2),
        if subset { ">" } else { "≠" },
        plain(wc.quantity.value, 2)
    );
    let mut labels = vec![label(wc, "stated total", true)];
    for &j in &parts {
        labels.push(label(&ctx.claims[j], "part", false));
    }
    let mut key = vec![claim_key(wc)];
    key.extend(parts.iter().map(|&j| claim_key(&ctx.claims[j])));
    Some(finding("sum-of-parts", message, Some(help), labels, &key))
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
    let end = floor_char_boundary(tail, end);
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
    let lead_start = floor_char_boundary(text, wc.quantity.clean.start.saturating_sub(200));
    let sentence_lead = fold(&text[lead_start..colon]);
    let folded = fold(list);
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
    ];
    let has_word = |hay: &str, w: &str| {
        hay.split(|c: char| !c.is_alphanumeric() && c != '.')
            .collect::<Vec<_>>()
            .windows(w.split(' ').count())
            .any(|win| win.join(" ") == w)
    };
    if HEDGES.iter().any(|h| {
        has_word(&folded, h)
            || has_word(
                &sentence_lead
                    [ceil_char_boundary(&sentence_lead, sentence_lead.len().saturating_sub(80))..],
                h,
            )
    }) {
        return None;
    }
    let items = list_items(list);
    if items < 2 {
        return None;
    }
    let listed = Decimal::from(items as u64);
    if listed <= n || listed > n + Decimal::from(3) {
        return None;
    }
    let message = format!(
        "{} items are announced but {} are listed",
        plain(n, 0),
        items
    );
    let help = format!(
        "{items} listed > {} announced; the count would be {items}",
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
    let from = crate::context::entity::floor_boundary(text, start.saturating_sub(24));
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

/// Items of a list: commas, and the last chunk split once on "et / and / ainsi que".
fn list_items(list: &str) -> usize {
    let chunks: Vec<&str> = list
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if chunks.is_empty() {
        return 0;
    }
    // Items are names or short phrases; the last chunk holds two of them.
    let n = chunks.len();
    if chunks
        .iter()
        .enumerate()
        .any(|(k, c)| c.split_whitespace().count() > if k + 1 == n { 20 } else { 10 })
    {
        return 0;
    }
    let last = chunks[chunks.len() - 1];
    let split_last = [" et ", " and ", " ainsi que ", " as well as "]
        .iter()
        .any(|sep| last.contains(sep));
    chunks.len() + usize::from(split_last)
}

/// The char boundary at or before `i` (fuzzing: a byte window cut inside `”`).
fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The char boundary at or after `i`.
fn ceil_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
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
