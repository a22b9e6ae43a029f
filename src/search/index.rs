//! The inverted index of a whole site, worked out at build time so the
//! browser has nothing to build: every word's pages with a ready weight
//! (BM25 per field, with field boosts) and whether the word says what the
//! page is about (a "strong" match: title, file name, tags, vocabularies or
//! summary) or is only mentioned in passing.

use super::analyze::{Analyzed, FIELDS, NF};
use super::encode;
use super::schema::Terms;
use std::collections::BTreeMap;

/// BM25's saturation: how fast repeats of a word stop counting more.
const K1: f64 = 1.2;

/// The terms table of `pages` (in page order), with `groups` synonym
/// groups, and the postings of words only mentioned in passing (packed,
/// and their ends), which the browser loads after the first results.
pub(crate) fn terms(pages: &[&Analyzed], groups: usize) -> (Terms, String, String) {
    // Every stem in sorted order (so the browser can binary-search), then
    // the synonym groups.
    let mut stems: BTreeMap<&str, usize> = BTreeMap::new();
    let mut words: BTreeMap<&str, &str> = BTreeMap::new();
    for p in pages {
        for s in p.stems.keys() {
            stems.insert(s, 0);
        }
        for (w, s) in &p.words {
            words.insert(w, s);
        }
    }
    for (i, id) in stems.values_mut().enumerate() {
        *id = i;
    }
    let n_terms = stems.len() + groups;
    // Per term: (page, counts per field, a core match).
    let mut postings: Vec<Vec<(u32, [u16; NF], bool)>> = vec![Vec::new(); n_terms];
    for (doc, p) in pages.iter().enumerate() {
        for (s, counts) in &p.stems {
            postings[stems[s.as_str()]].push((doc as u32, *counts, p.core.contains(s)));
        }
        for (g, counts) in &p.groups {
            let core = p.core_groups.contains(g);
            postings[stems.len() + *g as usize].push((doc as u32, *counts, core));
        }
    }
    let n = pages.len().max(1) as f64;
    let mut avg = [0f64; NF];
    for p in pages {
        for (a, l) in avg.iter_mut().zip(p.lengths) {
            *a += l as f64 / n;
        }
    }
    let mut strong = Postings::default();
    let mut passing = Postings::default();
    let mut idfs = Vec::with_capacity(n_terms);
    for list in &postings {
        let df = list.len() as f64;
        idfs.push(encode::rarity((1.0 + (n - df + 0.5) / (df + 0.5)).ln()));
        for (doc, counts, is_core) in list {
            let page = pages[*doc as usize];
            let mut weight = 0.0;
            let mut is_strong = false;
            for (f, field) in FIELDS.iter().enumerate() {
                let tf = counts[f] as f64;
                if tf == 0.0 {
                    continue;
                }
                is_strong |= field.strong();
                let b = field.length_weight();
                let norm = 1.0 - b + b * page.lengths[f].max(1) as f64 / avg[f].max(1.0);
                weight += field.boost() * tf * (K1 + 1.0) / (tf + K1 * norm);
            }
            if is_strong {
                strong.push(*doc, Some(*is_core), encode::level(weight));
            } else {
                passing.push(*doc, None, encode::level(weight));
            }
        }
        strong.end_term();
        passing.end_term();
    }
    let mut word_list = String::new();
    let mut word_terms = Vec::with_capacity(words.len());
    for (w, s) in &words {
        if !word_list.is_empty() {
            word_list.push(' ');
        }
        word_list.push_str(w);
        word_terms.push(stems[s] as u64);
    }
    let terms = Terms {
        stems: stems.keys().copied().collect::<Vec<_>>().join(" "),
        words: word_list,
        word_terms: encode::pack(word_terms),
        idf: encode::pack(idfs),
        postings: strong.packed,
        ends: encode::pack(deltas(&strong.ends)),
    };
    (terms, passing.packed, encode::pack(deltas(&passing.ends)))
}

/// One list of postings per term, packed one after the other.
#[derive(Default)]
struct Postings {
    packed: String,
    ends: Vec<u64>,
    last: Option<u32>,
}

impl Postings {
    /// Adds a page; a strong posting says in its gap's lowest bit whether
    /// the match is a core one (`Field::core`).
    fn push(&mut self, doc: u32, core: Option<bool>, level: u64) {
        let mut gap = match self.last {
            None => doc as u64,
            Some(p) => (doc - p - 1) as u64,
        };
        if let Some(core) = core {
            gap = gap * 2 + u64::from(core);
        }
        self.last = Some(doc);
        encode::push(&mut self.packed, gap);
        encode::push(&mut self.packed, level);
    }

    fn end_term(&mut self) {
        self.ends.push(self.packed.len() as u64);
        self.last = None;
    }
}

/// Each end as the step from the one before, so most fit in one digit.
fn deltas(ends: &[u64]) -> Vec<u64> {
    let mut prev = 0;
    ends.iter()
        .map(|&e| {
            let d = e - prev;
            prev = e;
            d
        })
        .collect()
}
