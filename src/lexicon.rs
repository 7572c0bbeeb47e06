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

    /// The built-in lexicons extended by a configuration's `[lexicon]` table (`origin` names
    /// the file in errors). What `check` and the language server run with.
    pub fn for_config(
        config: &crate::config::Config,
        origin: &str,
    ) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::builtin()?;
        if let Some(table) = &config.lexicon {
            lex.extend_from_config(table, origin)?;
        }
        Ok(lex)
    }

    /// Add the terms of a `[lexicon]` table (from `numlint.toml`, as TOML text):
    /// `[lexicon.numbers]` takes the schema of `rules/numbers.toml` (`[lexicon.numbers.fr]`
    /// units, scales, qualifiers …); `[[lexicon.metric]]`, `[[lexicon.cue]]`,
    /// `[[lexicon.entity]]` and `[[lexicon.zone]]` take the schema of `rules/metrics.toml`
    /// and `rules/gazetteer.toml`. Validated like the built-in files; nothing changes on error.
    pub fn extend_from_config(&mut self, table: &str, origin: &str) -> Result<(), LexiconError> {
        let mut table: toml::Table = toml::from_str(table).map_err(|e| LexiconError {
            name: origin.into(),
            reason: e.message().to_string(),
        })?;
        let mut next = self.clone();
        if let Some(numbers) = table.remove("numbers") {
            let text = toml::to_string(&numbers).map_err(|e| LexiconError {
                name: origin.into(),
                reason: e.to_string(),
            })?;
            next.numbers.extend_from_toml(&text, origin)?;
        }
        if !table.is_empty() {
            let text = toml::to_string(&table).map_err(|e| LexiconError {
                name: origin.into(),
                reason: e.to_string(),
            })?;
            next.context.extend_from_toml(&text, origin)?;
        }
        *self = next;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::document::{Document, Format};
    use crate::lang::Lang;

    const DRAFT: &str = "En 2023, la billetterie des musées de la Biélorussie a augmenté de \
        10 % pour atteindre 40 millions de roubles. En 2022, la billetterie des musées de la \
        Biélorussie s'élevait à 32 millions de roubles.";

    #[test]
    fn a_user_metric_and_unit_reach_the_rules() {
        let doc = || Document::new("d.md", DRAFT.to_string(), Format::Text, Some(Lang::Fr));
        let builtin = Lexicon::builtin().unwrap();
        let mut lex = builtin.clone();
        lex.extend_from_config(
            "[[metric]]\ncode = \"museums\"\nfr = [\"billetterie des musées\"]\n",
            "numlint.toml",
        )
        .unwrap();
        let claims = crate::analyse(0, &doc(), &lex).claims;
        assert_eq!(claims[0].metric.as_deref(), Some("museums"));
        // 40 / 32 is +25 %, not +10 %: the rule needs the user's metric to link them.
        let findings = crate::lint(&[doc()], &lex, &Config::default());
        assert!(
            findings.iter().any(|f| f.rule == "growth-rate"),
            "{findings:#?}"
        );
        let plain = crate::lint(&[doc()], &builtin, &Config::default());
        assert!(plain.iter().all(|f| f.rule != "growth-rate"), "{plain:#?}");
    }

    #[test]
    fn a_user_event_noun_dates_events() {
        let text = "In June 2023, the Minsk Dairy Roadshow \"Milk. Cheese. Butter\" toured four cities.\n\nPrices rose.\n\nIn June 2023, the Dairy Roadshow \"Milk. Cheese. Butter\" reached Gomel.";
        let doc = || Document::new("d.md", text.to_string(), Format::Text, Some(Lang::En));
        let builtin = Lexicon::builtin().unwrap();
        assert!(crate::lint(&[doc()], &builtin, &Config::default()).is_empty());
        let mut lex = builtin.clone();
        lex.extend_from_config("[[event]]\nen = [\"roadshow\"]\n", "numlint.toml")
            .unwrap();
        let findings = crate::lint(&[doc()], &lex, &Config::default());
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].rule, "repeated-fact");
    }

    #[test]
    fn a_bad_lexicon_table_is_an_error_and_changes_nothing() {
        let mut lex = Lexicon::builtin().unwrap();
        let err = lex
            .extend_from_config(
                "[[metric]]\ncode = \"x\"\nfrench = [\"y\"]\n",
                "numlint.toml",
            )
            .unwrap_err();
        assert!(err.to_string().contains("numlint.toml"), "{err}");
        let err = lex
            .extend_from_config(
                "[numbers.fr]\nunits = [{ code = \"hl\", kind = \"volume\", terms = [\"hectolitres\"] }]\n",
                "numlint.toml",
            )
            .unwrap_err();
        assert!(err.to_string().contains("volume"), "{err}");
    }
}
