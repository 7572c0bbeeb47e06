//! numlint: a numeric fact-checking and consistency linter for prose.
//!
//! The pipeline, one module a step (see ARCHITECTURE.md):
//! load ([`source`]) → clean ([`clean`]) → extract ([`extract`]) → attach context
//! ([`context`]) → claims ([`claim`]) → rules ([`checks`]) → report ([`report`]).

pub mod baseline;
pub mod checks;
pub mod claim;
pub mod clean;
pub mod config;
pub mod context;
pub(crate) mod decimal_text;
pub mod document;
pub mod extract;
pub(crate) mod fasthash;
pub mod finding;
pub mod interval;
pub mod lang;
pub mod lexicon;
pub mod lsp;
pub mod quantity;
pub mod report;
pub(crate) mod slice_regex;
pub mod source;
pub mod suppress;
#[doc(hidden)]
pub mod synth;
pub mod table;

use claim::Claim;
use document::Document;
use lexicon::Lexicon;
use quantity::Quantity;

/// Quantities and claims of one document.
pub struct Analysis {
    pub quantities: Vec<Quantity>,
    pub claims: Vec<Claim>,
    /// Dated events ("le XIe Forum … en mai 2023"), for the repeated- and conflicting-fact
    /// rules.
    pub events: Vec<context::event::EventMention>,
    /// Anniversaries ("le 30e anniversaire de leurs relations … en 2023"), for the same rules.
    pub anniversaries: Vec<context::anniversary::Anniversary>,
}

/// Run extraction and context on one document.
pub fn analyse(doc_index: usize, doc: &Document, lex: &Lexicon) -> Analysis {
    let quantities = extract::extract(doc, &lex.numbers);
    let attached = context::attach_all(doc_index, doc, &quantities, &lex.context);
    Analysis {
        quantities,
        claims: attached.claims,
        events: attached.events,
        anniversaries: attached.anniversaries,
    }
}

/// Lint documents together (facts may be compared across files): all findings, sorted.
///
/// Documents are analysed in parallel (rayon); claims keep document order, so output is
/// deterministic whatever the number of threads.
pub fn lint(docs: &[Document], lex: &Lexicon, config: &config::Config) -> Vec<finding::Finding> {
    use rayon::prelude::*;
    let per_doc: Vec<Analysis> = docs
        .par_iter()
        .enumerate()
        .map(|(i, doc)| analyse(i, doc, lex))
        .collect();
    let mut claims: Vec<Claim> = Vec::with_capacity(per_doc.iter().map(|a| a.claims.len()).sum());
    let (mut events, mut anniversaries) = (Vec::new(), Vec::new());
    for a in per_doc {
        claims.extend(a.claims);
        events.extend(a.events);
        anniversaries.extend(a.anniversaries);
    }
    checks::check_all(docs, &claims, &events, &anniversaries, config)
}
