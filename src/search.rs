//! The search index, built at build time and written as `search-index.js`:
//! a `<script>`-loadable file that sets `window.HANDOUT_SEARCH`, so search
//! works from `file://`, where `fetch` of local files is blocked.
//!
//! The index holds the text of every exercise, routine and guide in a
//! compact form; the browser (static/search.js with the vendored MiniSearch)
//! builds its inverted index from it when search is first used. Shape:
//!
//! ```text
//! { "v": 1,
//!   "kinds": ["exercise", "routine", "guide"],
//!   "facets": [{ "name": "region", "title": "Body region", "terms": [["neck", "Neck"], …] }, …],
//!   "synonyms": [["thoracic", "upper back", "mid back", "t-spine"], …],
//!   "headings": ["Starting position", "Steps", …],
//!   "docs": [[kind, url, title, summary, dosage, [tag, …],
//!             [[region term index, …], [equipment …], [category …], [position …]],
//!             [heading index, …], body], …] }
//! ```
//!
//! Term indices point into `facets[f].terms` (their display labels are
//! searchable); heading indices into `headings`, which repeat on most pages.

use rayon::prelude::*;
use serde::Serialize;
use serde_json::json;
#[cfg(test)]
use serde_json::Value;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// One searchable page.
#[derive(Debug, Clone, Default, Hash)]
pub struct SearchDoc<'a> {
    /// `exercise`, `routine` or `guide`.
    pub kind: &'static str,
    /// Site-relative URL.
    pub url: String,
    pub title: String,
    pub summary: String,
    /// Patient wording of the dosage (exercises) or frequency (routines).
    pub dosage: String,
    pub tags: Vec<String>,
    /// Vocabulary terms (not labels) per facet: region, equipment, category, position.
    pub region: Vec<String>,
    pub equipment: Vec<String>,
    pub category: Vec<String>,
    pub position: Vec<String>,
    pub headings: Vec<String>,
    /// The body as plain text (cut to [`BODY_CAP`] in the index), borrowed
    /// from the rendered page (a site's bodies together are big).
    pub body: std::borrow::Cow<'a, str>,
}

/// A vocabulary offered as a filter: its terms, in order, with display labels.
#[derive(Debug, Clone, Serialize)]
pub struct Facet {
    /// `region`, `equipment`, `category` or `position` (the URL parameter).
    pub name: String,
    /// Heading for people, e.g. "Body region".
    pub title: String,
    pub terms: Vec<(String, String)>,
}

/// Maximum body characters kept per page, so the index stays under about
/// 1,000 bytes per page on large sites. Titles, summaries, tags and headings
/// are never cut.
pub const BODY_CAP: usize = 500;

const KINDS: [&str; 3] = ["exercise", "routine", "guide"];

/// Synonyms every site gets; a site's `[search] synonyms` add to them, and
/// groups that share a word are merged.
pub const BUILTIN_SYNONYMS: &[&[&str]] = &[
    &["thoracic", "upper back", "mid back", "t-spine"],
    &["scapula", "scapular", "shoulder blade"],
    &["cervical", "neck"],
    &["prone", "lying face down", "face down"],
    &["supine", "lying on your back", "on your back"],
    &["quadruped", "hands and knees", "all fours"],
    &["band", "resistance band"],
    &["roller", "foam roller"],
];

/// The JavaScript text of `search-index.js`.
pub fn index_js(docs: &[SearchDoc], facets: &[Facet], synonyms: &[Vec<String>]) -> String {
    index_js_with(docs, facets, synonyms, None)
}

/// Each page's serialized index entry by address, kept between builds (by
/// `serve`) with a fingerprint of everything that went into it.
pub type EntryCache = crate::fingerprint::Kept<String>;

/// `index_js`, reusing the entries of unchanged pages from `cache`. The
/// entries are made in parallel; the text is the same either way.
pub fn index_js_with(
    docs: &[SearchDoc],
    facets: &[Facet],
    synonyms: &[Vec<String>],
    cache: Option<&EntryCache>,
) -> String {
    // Heading numbers depend on the order of first use: assign them in order.
    let mut headings = Interner::default();
    let heads: Vec<Vec<usize>> = docs
        .iter()
        .map(|d| d.headings.iter().map(|h| headings.id(h)).collect())
        .collect();
    let facets_print = cache.map(|_| {
        let mut h = crate::fingerprint::hasher();
        for f in facets {
            f.name.hash(&mut h);
            f.terms.hash(&mut h);
        }
        h.finish()
    });
    let entries: Vec<String> = docs
        .par_iter()
        .zip(&heads)
        .map(|(d, heads)| match (cache, facets_print) {
            (Some(cache), Some(fp)) => {
                let print = crate::fingerprint::of((fp, d, heads));
                cache.get_or_make(&d.url, print, || entry(d, facets, heads))
            }
            _ => entry(d, facets, heads),
        })
        .collect();
    // Everything but the documents, with an empty list where they go.
    let data = json!({
        "v": 1,
        "kinds": KINDS,
        "facets": facets,
        "synonyms": merge_synonyms(synonyms),
        "headings": headings.list,
        "docs": [],
    });
    let rest = escape(data.to_string());
    const DOCS: &str = "\"docs\":[]";
    let at = rest.find(DOCS).map_or(rest.len(), |i| i + DOCS.len() - 1);
    let size = rest.len() + entries.iter().map(|e| e.len() + 1).sum::<usize>() + 32;
    let mut out = String::with_capacity(size);
    out.push_str("window.HANDOUT_SEARCH = ");
    out.push_str(&rest[..at]);
    for (i, e) in entries.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(e);
    }
    out.push_str(&rest[at..]);
    out.push_str(";\n");
    out
}

/// Keeps the index from closing its `<script>` element. Applied to each
/// piece on its own: the pieces are joined by `,`, `[` and `]`, so no `</`
/// spans two of them.
fn escape(json: String) -> String {
    if json.contains("</") {
        json.replace("</", "<\\/")
    } else {
        json
    }
}

/// One document's entry in `docs`, as JSON.
fn entry(d: &SearchDoc, facets: &[Facet], heads: &[usize]) -> String {
    let kind = KINDS.iter().position(|k| *k == d.kind).unwrap_or(0);
    let terms: Vec<Vec<usize>> = [&d.region, &d.equipment, &d.category, &d.position]
        .iter()
        .zip(facets)
        .map(|(terms, facet)| term_indices(terms, facet))
        .collect();
    let body = cap(&strip_headings(&d.body, &d.headings), BODY_CAP);
    let json = serde_json::to_string(&(
        kind, &d.url, &d.title, &d.summary, &d.dosage, &d.tags, terms, heads, body,
    ))
    .unwrap_or_default();
    escape(json)
}

fn term_indices(terms: &[String], facet: &Facet) -> Vec<usize> {
    terms
        .iter()
        .filter_map(|t| facet.terms.iter().position(|(term, _)| term == t))
        .collect()
}

/// Strings numbered in order of first use.
#[derive(Default)]
struct Interner {
    list: Vec<String>,
    ids: HashMap<String, usize>,
}

impl Interner {
    fn id(&mut self, s: &str) -> usize {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        self.list.push(s.to_string());
        self.ids.insert(s.to_string(), self.list.len() - 1);
        self.list.len() - 1
    }
}

/// The built-in synonym groups plus the site's, lower-cased, with groups
/// that share a word merged into one (so "thoracic" from both lands once).
pub fn merge_synonyms(site: &[Vec<String>]) -> Vec<Vec<String>> {
    let groups = BUILTIN_SYNONYMS
        .iter()
        .map(|g| g.iter().map(|w| w.to_string()).collect::<Vec<_>>())
        .chain(site.iter().cloned());
    let mut merged: Vec<Vec<String>> = Vec::new();
    for group in groups {
        let mut words: Vec<String> = Vec::new();
        for w in group {
            let w = w
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            if !w.is_empty() && !words.contains(&w) {
                words.push(w);
            }
        }
        // Absorb every earlier group that shares a word with this one.
        let mut i = 0;
        while i < merged.len() {
            if merged[i].iter().any(|w| words.contains(w)) {
                let old = merged.remove(i);
                let new: Vec<String> = words.drain(..).filter(|w| !old.contains(w)).collect();
                words = old.into_iter().chain(new).collect();
            } else {
                i += 1;
            }
        }
        if words.len() > 1 {
            merged.push(words);
        }
    }
    merged
}

/// The body text without the heading lines (they are indexed on their own,
/// and would otherwise use up the body's share of the index).
fn strip_headings(body: &str, headings: &[String]) -> String {
    let mut text = body.split_whitespace().collect::<Vec<_>>().join(" ");
    for h in headings {
        let h = h.split_whitespace().collect::<Vec<_>>().join(" ");
        if h.is_empty() {
            continue;
        }
        if let Some(at) = text.find(&h) {
            let before_ok = at == 0 || text[..at].ends_with(' ');
            let end = at + h.len();
            let after_ok = end == text.len() || text[end..].starts_with(' ');
            if before_ok && after_ok {
                text.replace_range(at..(end + 1).min(text.len()), "");
            }
        }
    }
    text.trim().to_string()
}

/// `text` with whitespace collapsed, cut at a word boundary to at most
/// `max` characters.
fn cap(text: &str, max: usize) -> String {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match words.char_indices().nth(max) {
        None => words,
        Some((end, _)) => {
            let cut = &words[..end];
            if words[end..].starts_with(' ') {
                return cut.to_string();
            }
            cut.rsplit_once(' ').map_or(cut, |(a, _)| a).to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facets() -> Vec<Facet> {
        let f = |name: &str, terms: &[(&str, &str)]| Facet {
            name: name.into(),
            title: name.into(),
            terms: terms
                .iter()
                .map(|(t, l)| (t.to_string(), l.to_string()))
                .collect(),
        };
        vec![
            f("region", &[("neck", "Neck"), ("upper-back", "Upper back")]),
            f("equipment", &[("none", "No equipment"), ("wall", "Wall")]),
            f("category", &[("mobility", "Mobility")]),
            f("position", &[("supine", "Lying on your back")]),
        ]
    }

    fn exercise() -> SearchDoc<'static> {
        SearchDoc {
            kind: "exercise",
            url: "exercises/wall-angels.html".into(),
            title: "Wall angels".into(),
            summary: "Slide your arms up a wall.".into(),
            dosage: "2 sets of 10 reps".into(),
            tags: vec!["desk".into(), "posture".into()],
            region: vec!["upper-back".into(), "neck".into()],
            equipment: vec!["wall".into()],
            category: vec!["mobility".into()],
            position: vec!["supine".into()],
            headings: vec!["Steps".into(), "Tips".into()],
            body: "Steps Stand with your back to a wall. Tips Go slowly.".into(),
        }
    }

    fn parse(js: &str) -> Value {
        let json = js
            .strip_prefix("window.HANDOUT_SEARCH = ")
            .and_then(|s| s.trim_end().strip_suffix(';'))
            .unwrap();
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn writes_every_field_of_a_document() {
        let guide = SearchDoc {
            kind: "guide",
            url: "guides/faq.html".into(),
            title: "FAQ".into(),
            headings: vec!["Steps".into(), "Pain".into()],
            ..SearchDoc::default()
        };
        let v = parse(&index_js(&[exercise(), guide], &facets(), &[]));
        assert_eq!(v["kinds"], json!(["exercise", "routine", "guide"]));
        assert_eq!(v["facets"][1]["terms"][0], json!(["none", "No equipment"]));
        assert_eq!(v["headings"], json!(["Steps", "Tips", "Pain"]));
        assert_eq!(
            v["docs"][0],
            json!([
                0,
                "exercises/wall-angels.html",
                "Wall angels",
                "Slide your arms up a wall.",
                "2 sets of 10 reps",
                ["desk", "posture"],
                [[1, 0], [1], [0], [0]],
                [0, 1],
                "Stand with your back to a wall. Go slowly."
            ])
        );
        assert_eq!(v["docs"][1][0], json!(2));
        assert_eq!(v["docs"][1][6], json!([[], [], [], []]));
        assert_eq!(v["docs"][1][7], json!([0, 2]));
    }

    #[test]
    fn merges_site_synonyms_with_builtin_ones() {
        let site = vec![
            vec![
                "Thoracic".to_string(),
                "T-spine".into(),
                "middle back".into(),
            ],
            vec!["desk".into(), "office".into()],
            vec!["alone".into()],
        ];
        let merged = merge_synonyms(&site);
        let thoracic: Vec<&Vec<String>> = merged
            .iter()
            .filter(|g| g.contains(&"thoracic".to_string()))
            .collect();
        assert_eq!(thoracic.len(), 1, "{merged:?}");
        assert_eq!(
            thoracic[0],
            &[
                "thoracic",
                "upper back",
                "mid back",
                "t-spine",
                "middle back"
            ]
        );
        assert!(merged.contains(&vec!["desk".into(), "office".into()]));
        assert!(merged.contains(&vec!["cervical".into(), "neck".into()]));
        assert!(merged.contains(&vec![
            "scapula".into(),
            "scapular".into(),
            "shoulder blade".into()
        ]));
        assert!(!merged.iter().any(|g| g.contains(&"alone".to_string())));
        let v = parse(&index_js(&[], &facets(), &site));
        assert_eq!(v["synonyms"], serde_json::to_value(&merged).unwrap());
    }

    #[test]
    fn a_site_group_can_join_two_builtin_groups() {
        let merged = merge_synonyms(&[vec!["neck".into(), "prone".into()]]);
        let g = merged.iter().find(|g| g.contains(&"neck".into())).unwrap();
        assert!(g.contains(&"cervical".into()) && g.contains(&"face down".into()));
    }

    #[test]
    fn caps_the_body_but_never_the_title_or_headings() {
        let long_title = "Very long title ".repeat(40);
        let long_heading = "A heading that goes on ".repeat(30);
        let doc = SearchDoc {
            title: long_title.clone(),
            headings: vec![long_heading.clone()],
            body: "word ".repeat(1000).into(),
            ..exercise()
        };
        let v = parse(&index_js(&[doc], &facets(), &[]));
        assert_eq!(v["docs"][0][2], json!(long_title));
        assert_eq!(v["headings"][0], json!(long_heading));
        let body = v["docs"][0][8].as_str().unwrap();
        assert!(body.len() <= BODY_CAP, "{}", body.len());
        assert!(body.len() > BODY_CAP - 5);
        assert!(body.ends_with("word"), "cut at a word boundary");
    }

    #[test]
    fn kept_entries_give_the_same_index() {
        let cache = EntryCache::default();
        let mut docs = vec![
            exercise(),
            SearchDoc {
                url: "b".into(),
                ..exercise()
            },
        ];
        let first = index_js_with(&docs, &facets(), &[], Some(&cache));
        assert_eq!(first, index_js(&docs, &facets(), &[]));
        docs[1].body = "Steps Other </b> text.".into();
        docs[1].headings = vec!["Steps".into(), "New".into()];
        let second = index_js_with(&docs, &facets(), &[], Some(&cache));
        assert_eq!(second, index_js(&docs, &facets(), &[]));
        assert_ne!(first, second);
    }

    #[test]
    fn cap_counts_characters_not_bytes() {
        assert_eq!(cap("épaule épaule", 6), "épaule");
        assert_eq!(cap("épaule épaule", 9), "épaule");
        assert_eq!(cap("  a   b  ", 10), "a b");
        assert_eq!(cap("abcdefgh", 4), "abcd");
    }

    #[test]
    fn strips_heading_lines_from_the_body_only_as_whole_words() {
        let h = vec!["Steps".to_string(), "Tips".into()];
        assert_eq!(strip_headings("Steps Lift. Tips Go.", &h), "Lift. Go.");
        assert_eq!(strip_headings("Stepson Tipsy", &h), "Stepson Tipsy");
    }

    #[test]
    fn the_index_cannot_close_its_script_element() {
        let doc = SearchDoc {
            body: "a </script><script>alert(1)</script>".into(),
            ..exercise()
        };
        let js = index_js(&[doc], &facets(), &[]);
        assert!(!js.contains("</script"));
        assert!(parse(&js)["docs"][0][8]
            .as_str()
            .unwrap()
            .contains("</script>"));
    }
}
