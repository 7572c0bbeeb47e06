//! Regexes only ever asked whether they match a short slice of text (the few dozen bytes
//! between a figure and a period, a window before a year, a lead anchored at its start).
//!
//! `regex::Regex` builds, beside the forward NFA, a reverse NFA (to find where a match
//! starts) and literal prefilters for each pattern; with Unicode classes under bounded
//! repeats (`[^\d;:!?.]{0,40}`, `[\p{L}'’. -]{1,30}`) those NFAs take several million
//! instructions each, and compiling the regexes was about a sixth of a check of 1 MB.
//! Whether a slice matches needs neither: a lazy DFA on the forward NFA alone answers it,
//! with the syntax and the answers of `regex::Regex` (the same parser, NFA compiler and lazy
//! DFA that `regex` runs first).

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::util::pool::Pool;
use regex_automata::Input;

/// A regex asked only [`SliceRegex::is_match`].
pub struct SliceRegex {
    dfa: DFA,
    /// One lazy-DFA cache per thread at a time (the states it has built so far).
    caches: Pool<Option<Cache>>,
}

impl std::fmt::Debug for SliceRegex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SliceRegex").finish_non_exhaustive()
    }
}

impl SliceRegex {
    /// Fails on a pattern the lazy DFA cannot run: a Unicode word boundary (`\b` without
    /// `(?-u)`), which would make it stop at non-ASCII text.
    pub fn new(pattern: &str) -> Result<SliceRegex, Box<regex_automata::hybrid::BuildError>> {
        let dfa = DFA::new(pattern).map_err(Box::new)?;
        Ok(SliceRegex {
            dfa,
            caches: Pool::new(|| None),
        })
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        let mut cache = self.caches.get();
        let cache = cache.get_or_insert_with(|| self.dfa.create_cache());
        // The search can only fail by quitting on a byte (no such pattern is built, see
        // `new`) or by giving up on a thrashed cache (never: no clear count is set).
        matches!(
            self.dfa
                .try_search_fwd(cache, &Input::new(haystack).earliest(true)),
            Ok(Some(_))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::SliceRegex;

    /// The same answers as `regex::Regex` on the patterns' edge cases: Unicode classes,
    /// case folding, ASCII word boundaries, anchors.
    #[test]
    fn answers_as_regex_does() {
        let patterns = [
            r"^\s*\p{Lu}[\p{Lu}\p{L}'’. -]{1,30}(?:\s*\([^)]{1,20}\))?\s*,\s*(?:le\s+|on\s+)?$",
            r"^\s*[^\d;:!?.]{0,16}\d[\d\s.,'’\u{a0}\u{202f}]*[^\d;:!?.]{0,40}$",
            r"(?i)(?-u:\b)(?:since|depuis)(?-u:\b)[^\d.;:!?]{0,32}$",
        ];
        let haystacks = [
            "DAKAR (APS), le ",
            "NAIROBI, ",
            "Élysée, ",
            "nairobi, ",
            " 10 600 à la fin de ",
            " ٣ à la fin de ",
            "from 8.72 million in ",
            "Depuis ",
            "DEPUIS la création en ",
            "ever since records began in ",
            "sincere ",
            "",
        ];
        for p in patterns {
            let (ours, theirs) = (SliceRegex::new(p).unwrap(), regex::Regex::new(p).unwrap());
            for h in haystacks {
                assert_eq!(ours.is_match(h), theirs.is_match(h), "{p} on {h:?}");
            }
        }
    }
}
