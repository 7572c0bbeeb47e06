//! Context: turn claim quantities into [`Claim`]s with subject, partner, metric, period and role.
//!
//! (Skeleton: segmentation and context readers land in this module.)

pub mod lexicon;

pub use lexicon::ContextLexicon;

use crate::claim::{Claim, Role};
use crate::document::Document;
use crate::quantity::Quantity;

/// Claims for the claim quantities of one document, in text order.
pub fn attach(
    doc_index: usize,
    doc: &Document,
    quantities: &[Quantity],
    lex: &ContextLexicon,
) -> Vec<Claim> {
    let _ = lex;
    quantities
        .iter()
        .filter(|q| q.is_claim())
        .map(|q| Claim {
            doc: doc_index,
            quantity: q.clone(),
            metric: None,
            subject: None,
            partner: None,
            period: None,
            role: Role::Value,
            direction: None,
            whole: None,
            base_period: None,
            confidence: 0.0,
            sentence: q.clean.clone(),
            paragraph: doc.clean.paragraph_of(q.clean.start),
        })
        .collect()
}
