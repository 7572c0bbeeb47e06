//! All lexicons a run needs, loaded once at start-up and validated.

use crate::context::ContextLexicon;
use crate::extract::lexicon::LexiconError;
use crate::extract::NumberLexicon;

#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub numbers: NumberLexicon,
    pub context: ContextLexicon,
}

impl Lexicon {
    /// The lexicons shipped in `rules/`, embedded in the binary.
    pub fn builtin() -> Result<Lexicon, LexiconError> {
        Ok(Lexicon {
            numbers: NumberLexicon::builtin()?,
            context: ContextLexicon::builtin()?,
        })
    }
}
