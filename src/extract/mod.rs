//! Quantity extraction: every numeric mention of the cleaned text becomes a [`Quantity`].
//!
//! (Skeleton: the number grammar lands in this module.)

pub mod lexicon;

pub use lexicon::NumberLexicon;

use crate::document::Document;
use crate::quantity::Quantity;

/// All quantities of a document, claims and noise, in text order.
pub fn extract(doc: &Document, lex: &NumberLexicon) -> Vec<Quantity> {
    let _ = (doc, lex);
    Vec::new()
}
