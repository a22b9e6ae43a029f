//! The search index, built at build time and written as `search-index.js`
//! (a `<script>`-loadable file, so search works from `file://`).

use serde::Serialize;

/// One searchable page.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SearchDoc {
    /// `exercise`, `routine` or `guide`.
    pub kind: &'static str,
    /// Site-relative URL.
    pub url: String,
    pub title: String,
    pub summary: String,
    /// Patient wording of the dosage (exercises) or frequency (routines).
    pub dosage: String,
    pub tags: Vec<String>,
    /// (term, label) pairs per vocabulary.
    pub region: Vec<(String, String)>,
    pub equipment: Vec<(String, String)>,
    pub category: Vec<(String, String)>,
    pub position: Vec<(String, String)>,
    pub headings: Vec<String>,
    pub body: String,
}

/// Maximum body characters kept per page (titles and headings are never cut).
pub const BODY_CAP: usize = 600;

/// The JavaScript text of `search-index.js`.
pub fn index_js(docs: &[SearchDoc], synonyms: &[Vec<String>]) -> String {
    let docs: Vec<SearchDoc> = docs
        .iter()
        .map(|d| {
            let mut d = d.clone();
            d.body = cap(&d.body, BODY_CAP);
            d
        })
        .collect();
    let data = serde_json::json!({ "docs": docs, "synonyms": synonyms });
    format!(
        "window.HANDOUT_SEARCH = {};\n",
        data.to_string().replace("</", "<\\/")
    )
}

fn cap(text: &str, max: usize) -> String {
    let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.len() <= max {
        return words;
    }
    let mut end = max;
    while !words.is_char_boundary(end) {
        end -= 1;
    }
    words[..end]
        .rsplit_once(' ')
        .map_or(&words[..end], |(a, _)| a)
        .to_string()
}
