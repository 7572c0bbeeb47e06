//! Quantity extraction: every numeric mention of the cleaned text becomes a [`Quantity`].
//!
//! One module a job: [`token`] splits the cleaned text, [`number`] reads digit literals,
//! [`words`] spelled-out numbers, [`lexicon`] loads the word lists of
//! `rules/numbers.toml`, and [`scan`] walks the tokens and classifies each mention.
//! Noise the cleaner set aside (footnote markers, page numbers) is added back here as
//! non-claim quantities so that `numlint extract --all` shows why it was ignored.

pub mod lexicon;
pub mod number;
pub mod scan;
pub mod token;
pub mod words;

pub use lexicon::NumberLexicon;

use rust_decimal::Decimal;

use crate::clean::SetAsideKind;
use crate::document::Document;
use crate::quantity::{Kind, Qualifier, Quantity};

/// Original span of a mention. When the cleaner joined text across something it set
/// aside (a footnote block at a page break between `80` and `moissonneuses`), the
/// original range would swallow that block: the span is then cut back to the longest
/// run of words that is contiguous in the original, so diagnostics stay readable.
fn tight_span(doc: &Document, clean: &std::ops::Range<usize>) -> std::ops::Range<usize> {
    let full = doc.clean.to_original(clean.clone());
    let slack = |c: usize, o: usize| o <= 2 * c + 16;
    if slack(clean.len(), full.len()) {
        return full;
    }
    let text = &doc.clean.text[clean.clone()];
    let mut best = None;
    for (at, _) in text.match_indices(' ') {
        let cut = clean.start..clean.start + at;
        let span = doc.clean.to_original(cut.clone());
        if slack(cut.len(), span.len()) {
            best = Some(span);
        } else {
            break;
        }
    }
    best.unwrap_or(full)
}

/// A bare number of 1–3 digits opening a line of the original and followed by a
/// capitalised word or a quote (`12 Rapport annuel …`): the number of a footnote whose
/// text the cleaner kept as prose, not a figure.
fn starts_footnote_line(original: &str, span: &std::ops::Range<usize>) -> bool {
    let Some(number) = original.get(span.clone()) else {
        return false;
    };
    if number.is_empty() || number.len() > 3 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let line_start = original[..span.start]
        .bytes()
        .rev()
        .take_while(|&b| b != b'\n')
        .all(|b| b == b' ' || b == b'\t');
    let rest = &original[span.end..];
    line_start
        && rest.starts_with(' ')
        && rest
            .trim_start_matches(' ')
            .starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '«' | '“'))
}

/// All quantities of a document, claims and noise, in text order.
pub fn extract(doc: &Document, lex: &NumberLexicon) -> Vec<Quantity> {
    let found = scan::scan(&doc.clean.text, lex, doc.lang);
    let mut out: Vec<Quantity> = found
        .into_iter()
        .map(|f| {
            let span = tight_span(doc, &f.range);
            let kind = if f.kind == Kind::Number && starts_footnote_line(&doc.text, &span) {
                Kind::FootnoteMarker
            } else {
                f.kind
            };
            Quantity::new(
                f.range,
                span,
                kind,
                f.value,
                f.unit,
                f.scale,
                f.precision,
                f.qualifier,
            )
        })
        .collect();
    let mut noise = Vec::new();
    for s in &doc.clean.set_aside {
        if !matches!(
            s.kind,
            SetAsideKind::FootnoteMarker | SetAsideKind::PageNumber
        ) {
            continue;
        }
        let surface = doc.slice(&s.span).trim();
        let Ok(value) = surface.parse::<Decimal>() else {
            continue;
        };
        let at = doc.clean.offset_from_original(s.span.start);
        noise.push(Quantity::new(
            at..at,
            s.span.clone(),
            s.kind.quantity_kind(),
            value,
            None,
            Decimal::ONE,
            Decimal::ZERO,
            Qualifier::None,
        ));
    }
    inherit_currency(&doc.clean.text, &mut out);
    for q in out.iter_mut() {
        tighten_whole_factor(q);
    }
    if !noise.is_empty() {
        out.extend(noise);
        out.sort_by_key(|q| q.span.start);
    }
    out
}

/// Relative precision of a whole factor ("multiplié par 3", "three times"): the same as
/// the words "tripled", "doublé" carry (10 %), not half a unit (×2 ± 0.5 would let "doubled"
/// stand for ×1.5).
const WHOLE_FACTOR_BAND: Decimal = Decimal::from_parts(1, 0, 0, false, 1);

fn tighten_whole_factor(q: &mut Quantity) {
    if q.kind != Kind::Multiplier
        || q.qualifier != crate::quantity::Qualifier::None
        || q.value < Decimal::TWO
        || !q.value.fract().is_zero()
    {
        return;
    }
    let band = q.value * WHOLE_FACTOR_BAND;
    if band < q.precision {
        q.precision = band;
        q.interval =
            crate::interval::Interval::from_stated(q.value, q.precision, q.qualifier, q.kind);
    }
}

/// How far back a scaled number looks for the amount whose currency it shares.
const CURRENCY_REACH: usize = 160;

/// "… 15,8 milliards d'euros : exportations 7,9 milliards, importations 7,4 milliards": a
/// number with a scale word and no unit, after an amount of the same sentence, is an amount
/// in that currency (authors name the currency once). A scale word alone is not a unit, so
/// without such an amount before it the number stays a number.
fn inherit_currency(text: &str, out: &mut [Quantity]) {
    let mut last_amount: Option<(usize, String)> = None;
    for q in out.iter_mut() {
        if q.kind == Kind::Amount {
            if let Some(u) = &q.unit {
                last_amount = Some((q.clean.end, u.clone()));
            }
            continue;
        }
        if q.kind != Kind::Number || q.unit.is_some() || q.scale <= Decimal::ONE {
            continue;
        }
        let Some((end, unit)) = &last_amount else {
            continue;
        };
        let Some(between) = text.get(*end..q.clean.start) else {
            continue;
        };
        let same_sentence = between.len() <= CURRENCY_REACH
            && !between.contains("\n\n")
            && !between.contains(". ")
            && !between.contains(['!', '?']);
        // Only currencies: "150 GW : nucléaire 61,4 …" has no scale word to go on.
        let currency = unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase());
        if same_sentence && currency {
            q.kind = Kind::Amount;
            q.unit = Some(unit.clone());
            q.interval =
                crate::interval::Interval::from_stated(q.value, q.precision, q.qualifier, q.kind);
        }
    }
}
