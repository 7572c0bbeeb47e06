//! `numlint.toml`: rule selection and severities, tolerances, language, extra lexicon terms
//! and identities. (Skeleton.)

use std::path::PathBuf;

use crate::lang::Lang;

#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Where the configuration was read from, if anywhere.
    pub path: Option<PathBuf>,
    pub lang: Option<Lang>,
}
