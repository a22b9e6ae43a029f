//! What search knows of a language: its stop words, soft words, phrase
//! fillers and built-in synonym groups (a data file per language, embedded:
//! `lang/<code>.toml`) and its stemmer (`text::stemmer`).

use super::text::{self, Stemmer};
use serde::Deserialize;

/// A language's search words, as read from `lang/<code>.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Words {
    /// Left out of queries and (except in titles) of the index.
    pub(crate) stop: Vec<String>,
    /// Rank a page higher when present, never leave one out.
    pub(crate) soft: Vec<String>,
    /// Skipped inside synonym phrases.
    pub(crate) fillers: Vec<String>,
    /// Built-in synonym groups.
    pub(crate) synonyms: Vec<Vec<String>>,
}

/// A language search can read.
pub(crate) struct Language {
    pub(crate) code: &'static str,
    pub(crate) words: Words,
    pub(crate) stem: Stemmer,
}

/// Each language's data file, by code.
const FILES: &[(&str, &str)] = &[
    ("en", include_str!("lang/en.toml")),
    ("es", include_str!("lang/es.toml")),
    ("fr", include_str!("lang/fr.toml")),
    ("de", include_str!("lang/de.toml")),
];

impl Language {
    /// The language with this code, or English when search has none for it
    /// yet (the index then says `"language": "en"`).
    pub(crate) fn get(code: &str) -> Language {
        let (code, file) = FILES.iter().find(|(c, _)| *c == code).unwrap_or(&FILES[0]);
        // The embedded files are checked by a test, so this cannot fail at
        // run time; an empty table is the harmless fallback all the same.
        let words = toml::from_str(file).unwrap_or(Words {
            stop: Vec::new(),
            soft: Vec::new(),
            fillers: Vec::new(),
            synonyms: Vec::new(),
        });
        Language {
            code,
            words,
            stem: text::stemmer(code).unwrap_or(text::stem_en),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_file_reads_and_has_a_stemmer() {
        for (code, file) in FILES {
            let words: Words = toml::from_str(file).unwrap_or_else(|e| panic!("{code}: {e}"));
            assert!(!words.stop.is_empty() && !words.synonyms.is_empty());
            assert!(text::stemmer(code).is_some(), "{code} has no stemmer");
        }
    }

    #[test]
    fn no_word_is_in_two_builtin_groups() {
        for (code, _) in FILES {
            one_group_per_word(code);
        }
    }

    fn one_group_per_word(code: &str) {
        let words = Language::get(code).words;
        let mut seen = std::collections::HashMap::new();
        for (g, group) in words.synonyms.iter().enumerate() {
            assert!(group.len() > 1, "group {group:?} has one word");
            for w in group {
                let w = text::words(w).join(" ");
                if let Some(other) = seen.insert(w.clone(), g) {
                    assert_eq!(other, g, "{code}: `{w}` is in two groups");
                }
            }
        }
    }
}
