//! Number lexicon: scale words, units and currencies, qualifiers, number words, per language.
//! Loaded from `rules/numbers.toml` (embedded at build time) and extended by user config.

use miette::Diagnostic;
use thiserror::Error;

#[derive(Debug, Error, Diagnostic)]
#[error("invalid number lexicon {name}: {reason}")]
#[diagnostic(code(numlint::lexicon))]
pub struct LexiconError {
    pub name: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default)]
pub struct NumberLexicon {}

impl NumberLexicon {
    pub fn builtin() -> Result<NumberLexicon, LexiconError> {
        Ok(NumberLexicon {})
    }
}
