//! The inverted index of a whole site, worked out at build time so the
//! browser has nothing to build: every word's pages with a ready weight
//! (BM25 per field, with field boosts) and whether the word says what the
//! page is about (a "strong" match: title, file name, tags, vocabularies or
//! summary) or is only mentioned in passing.

use super::analyze::{Analyzed, FIELDS, GROUP, NF};
use super::encode;
use super::schema::Terms;
use std::collections::HashMap;

/// BM25's saturation: how fast repeats of a word stop counting more.
const K1: f64 = 1.2;

/// The terms table of `pages` (in page order), with `groups` synonym
/// groups, and the postings of words only mentioned in passing (packed,
/// and their ends), which the browser loads after the first results.
pub(crate) fn terms(pages: &[&Analyzed], groups: usize) -> (Terms, String, String) {
    // Every stem in sorted order (so the browser can binary-search), then
    // the synonym groups. Each page's stems get a number as they are first
    // met (`ids`: per page, by its own stem order), then the numbers are
    // put in sorted order (`rank`).
    let mut first: HashMap<&str, u32, foldhash::fast::FixedState> = HashMap::default();
    let mut found: Vec<&str> = Vec::new();
    let ids: Vec<Vec<u32>> = pages
        .iter()
        .map(|p| {
            p.stem_texts()
                .map(|s| {
                    *first.entry(s).or_insert_with(|| {
                        found.push(s);
                        found.len() as u32 - 1
                    })
                })
                .collect()
        })
        .collect();
    drop(first);
    let mut order: Vec<u32> = (0..found.len() as u32).collect();
    order.sort_unstable_by_key(|&i| found[i as usize]);
    let mut rank = vec![0u32; found.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i as usize] = r as u32;
    }
    let n_stems = found.len();
    let n_terms = n_stems + groups;
    // Every word as written with its term, sorted.
    let mut seen: HashMap<&str, u32, foldhash::fast::FixedState> = HashMap::default();
    for (p, ids) in pages.iter().zip(&ids) {
        for (w, s) in p.words() {
            seen.entry(w)
                .or_insert_with(|| rank[ids[s as usize] as usize]);
        }
    }
    let mut words: Vec<(&str, u32)> = seen.into_iter().collect();
    words.sort_unstable();
    // Per term: its postings (page, counts per field, a core match), in
    // page order, in one flat list.
    let mut starts = vec![0usize; n_terms + 1];
    for (p, ids) in pages.iter().zip(&ids) {
        for &id in ids {
            starts[rank[id as usize] as usize + 1] += 1;
        }
        for g in &p.groups {
            starts[n_stems + g.key() as usize + 1] += 1;
        }
    }
    for t in 0..n_terms {
        starts[t + 1] += starts[t];
    }
    // A posting is a page and the place of the term in that page's stems
    // (or, with `GROUP`, groups): the counts are read from there, so the
    // list stays small when every page's terms are in it.
    let mut next = starts.clone();
    let mut postings: Vec<(u32, u32)> = vec![(0, 0); starts[n_terms]];
    for (doc, (p, ids)) in pages.iter().zip(&ids).enumerate() {
        for (s, &id) in ids.iter().enumerate() {
            let t = rank[id as usize] as usize;
            postings[next[t]] = (doc as u32, s as u32);
            next[t] += 1;
        }
        for (i, g) in p.groups.iter().enumerate() {
            let t = n_stems + g.key() as usize;
            postings[next[t]] = (doc as u32, GROUP | i as u32);
            next[t] += 1;
        }
    }
    drop(next);
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
    for t in 0..n_terms {
        let list = &postings[starts[t]..starts[t + 1]];
        let df = list.len() as f64;
        idfs.push(encode::rarity((1.0 + (n - df + 0.5) / (df + 0.5)).ln()));
        for &(doc, at) in list {
            let page = pages[doc as usize];
            let (entry, counts) = page.counts(at);
            let is_core = entry.core();
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
                strong.push(doc, Some(is_core), encode::level(weight));
            } else {
                passing.push(doc, None, encode::level(weight));
            }
        }
        strong.end_term();
        passing.end_term();
    }
    let mut word_list = String::new();
    let mut word_terms = Vec::with_capacity(words.len());
    for (w, t) in &words {
        if !word_list.is_empty() {
            word_list.push(' ');
        }
        word_list.push_str(w);
        word_terms.push(*t as u64);
    }
    let sorted: Vec<&str> = order.iter().map(|&i| found[i as usize]).collect();
    let terms = Terms {
        stems: sorted.join(" "),
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
