//! Context lexicon: metric terms and the gazetteer, per language, from `rules/`.

use crate::extract::lexicon::LexiconError;

#[derive(Debug, Clone, Default)]
pub struct ContextLexicon {}

impl ContextLexicon {
    pub fn builtin() -> Result<ContextLexicon, LexiconError> {
        Ok(ContextLexicon {})
    }
}
