//! The stems of the words one reader has met, each made once: pages share
//! most of their words, and stemming is most of the cost of a new one.
//! Each worker that reads pages for search has its own.

use super::analyze::Map;
use super::text;

/// One reader's words and their stems, each stem with an id.
#[derive(Default)]
pub(crate) struct Stems {
    /// Word → the id of its stem.
    of_word: Map<Box<str>, u32>,
    /// Stem → its id (words with one stem share it).
    of_stem: Map<Box<str>, u32>,
    stems: Vec<Box<str>>,
}

impl Stems {
    /// The id of a word's stem (the same id for the same word).
    pub(super) fn id(&mut self, word: &str, stem: text::Stemmer) -> u32 {
        if let Some(&id) = self.of_word.get(word) {
            return id;
        }
        let stem = stem(word);
        let id = match self.of_stem.get(stem.as_str()) {
            Some(&id) => id,
            None => {
                let id = self.stems.len() as u32;
                let stem = stem.into_boxed_str();
                self.of_stem.insert(stem.clone(), id);
                self.stems.push(stem);
                id
            }
        };
        self.of_word.insert(word.into(), id);
        id
    }

    pub(super) fn stem(&self, id: u32) -> &str {
        &self.stems[id as usize]
    }

    /// Forgets everything once it holds many words (a big, varied site).
    pub(super) fn trim(&mut self) {
        if self.of_word.len() > 200_000 {
            *self = Stems::default();
        }
    }
}
