//! The layout of the search files, written once: these types are
//! serialized with their field names, and static/search-engine.js reads
//! the same names (its `FORMAT` and the list `READS` say which; a browser
//! test checks the two agree on a built site).
//!
//! ```text
//! search-index.js:  window.HANDOUT_SEARCH = {
//!   format, language,              // FORMAT below; the stemmer's language
//!   stop, soft, fillers,           // the language's word lists (lang/*.toml)
//!   facets: [{ name, title, terms: [[term, label], …] }, …],
//!   synonyms: [[phrase, …], …],    // group g is term `stems.length + g`
//!   kinds: ["exercise", "routine", "guide"],
//!   docs: { kind, url, title, dosages, dosage, facets },
//!   terms: { stems, words, word_terms, idf, postings, ends } }
//! search-index-more.js:  window.HANDOUT_SEARCH_MORE = {
//!   format, postings, ends,       // words the pages only mention in passing
//!   summary, text }               // what is shown under each result
//! ```
//!
//! The first file is all the first results need: they come from the words
//! that say what a page is about (title, file name, tags, vocabularies,
//! summary: "strong" matches). The second, loaded after them, adds the
//! words a page only mentions in its body or headings ("passing" matches),
//! and the summaries and passages shown under results.
//!
//! A page is a number (its place in `docs`). Text columns are one string
//! per column, one line per page (the browser splits a column when it
//! first needs it: a few long strings load much faster than thousands of
//! short ones). Numbers are packed into strings (see `encode`).
//!
//! Term `t`'s strong postings are `terms.postings` from the end of term
//! `t - 1` to the end of term `t` (`terms.ends` holds the steps between
//! ends), its passing ones likewise in the second file: pairs of (gap to
//! the page, level). The first gap is the page number itself, each next
//! one the number of pages skipped. In the strong lists the gap is doubled
//! and its lowest bit says whether the match is in the title, file name,
//! tags or vocabularies (a "core" match) rather than only the summary:
//! when enough pages have a core match, the others are left out. A
//! posting's weight is
//! `idf[t] / 4 × 2^(level / 4) / 4`: how rare the term is, times how much
//! the page has it (BM25 per field, with field boosts).

use super::Facet;
use serde::Serialize;

/// Bumped whenever the layout changes; the browser refuses other formats.
pub(crate) const FORMAT: u32 = 3;

/// The kinds of pages, by their number in `Docs::kind`.
pub(crate) const KINDS: [&str; 3] = ["exercise", "routine", "guide"];

/// The whole index.
#[derive(Serialize)]
pub(crate) struct Index<'a> {
    pub(crate) format: u32,
    pub(crate) language: &'a str,
    pub(crate) stop: &'a [String],
    pub(crate) soft: &'a [String],
    pub(crate) fillers: &'a [String],
    pub(crate) facets: &'a [Facet],
    pub(crate) synonyms: &'a [Vec<String>],
    pub(crate) kinds: [&'static str; 3],
    pub(crate) docs: Docs,
    pub(crate) terms: Terms,
}

/// What is shown of each page, in page order.
#[derive(Serialize, Default)]
pub(crate) struct Docs {
    /// Each page's kind number, one digit per page.
    pub(crate) kind: String,
    /// Site-relative addresses, one line per page.
    pub(crate) url: String,
    pub(crate) title: String,
    /// The distinct dosage wordings (of exercises) and frequencies (of
    /// routines), one per line; the first is empty.
    pub(crate) dosages: String,
    /// Each page's line in `dosages`, packed.
    pub(crate) dosage: String,
    /// Per facet: each page's term indices, packed, pages separated by spaces.
    pub(crate) facets: Vec<String>,
}

/// The inverted index.
#[derive(Serialize, Default)]
pub(crate) struct Terms {
    /// Every stem, sorted, separated by spaces; stem `i` is term `i`.
    pub(crate) stems: String,
    /// Every word as written (folded), sorted, separated by spaces.
    pub(crate) words: String,
    /// The term of each word, packed.
    pub(crate) word_terms: String,
    /// How rare each term is (inverse document frequency × 4), packed.
    pub(crate) idf: String,
    /// Every term's strong postings, one after the other, packed.
    pub(crate) postings: String,
    /// Where each term's postings end: steps from the previous end, packed.
    pub(crate) ends: String,
}

/// What search loads after the first results.
#[derive(Serialize)]
pub(crate) struct More {
    pub(crate) format: u32,
    /// Every term's passing postings, one after the other, packed.
    pub(crate) postings: String,
    /// Where each term's passing postings end: steps, packed.
    pub(crate) ends: String,
    /// One line per page.
    pub(crate) summary: String,
    /// The start of each page's body (headings left out), one line per page.
    pub(crate) text: String,
}

/// Joins values into a column, one line each (line breaks inside a value
/// become spaces).
pub(crate) fn column<'a>(values: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, v) in values.enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if v.contains(['\n', '\r']) {
            out.push_str(&v.replace(['\n', '\r'], " "));
        } else {
            out.push_str(v);
        }
    }
    out
}
