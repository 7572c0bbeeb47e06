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
            let span = doc.clean.to_original(f.range.clone());
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
    if !noise.is_empty() {
        out.extend(noise);
        out.sort_by_key(|q| q.span.start);
    }
    out
}
