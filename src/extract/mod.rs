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
use crate::quantity::{Qualifier, Quantity};

/// All quantities of a document, claims and noise, in text order.
pub fn extract(doc: &Document, lex: &NumberLexicon) -> Vec<Quantity> {
    let found = scan::scan(&doc.clean.text, lex, doc.lang);
    let mut out: Vec<Quantity> = found
        .into_iter()
        .map(|f| {
            let span = doc.clean.to_original(f.range.clone());
            Quantity::new(
                f.range,
                span,
                f.kind,
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
