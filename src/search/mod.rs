//! The search index, built at build time and written as `search-index.js`:
//! a `<script>`-loadable file that sets `window.HANDOUT_SEARCH`, so search
//! works from `file://`, where `fetch` of local files is blocked.
//!
//! Everything the browser needs is worked out here: each page's words are
//! folded, stemmed and counted per field (`analyze`), synonym phrases are
//! found and counted as terms of their own, and every term's pages come
//! with a ready BM25 weight (`index`). The browser (static/search-engine.js)
//! only looks terms up and adds weights, so search is ready as soon as the
//! file is read. The layout is in `schema`; the words of each language
//! (stop words, synonyms …) in `lang/<code>.toml`.

mod analyze;
mod encode;
mod index;
mod lang;
mod schema;
mod synonyms;
mod text;

use analyze::{Analyzed, Analyzer};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

pub(crate) use synonyms::check as check_config;

/// One searchable page.
#[derive(Debug, Clone, Default, Hash)]
pub struct SearchDoc<'a> {
    /// `exercise`, `routine` or `guide`.
    pub kind: &'static str,
    /// Site-relative URL; its file name's words are searchable too.
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
    /// The body as plain text, borrowed from the rendered page (a site's
    /// bodies together are big).
    pub body: std::borrow::Cow<'a, str>,
}

impl SearchDoc<'_> {
    /// The indices (in `facet.terms`) of this page's terms of a facet.
    fn terms(&self, facet: &Facet) -> Vec<usize> {
        let mine = match facet.name.as_str() {
            "region" => &self.region,
            "equipment" => &self.equipment,
            "category" => &self.category,
            "position" => &self.position,
            _ => return Vec::new(),
        };
        mine.iter()
            .filter_map(|t| facet.terms.iter().position(|(term, _)| term == t))
            .collect()
    }
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

/// Body characters kept per page for the passage shown under a result.
/// Matching reads much more of the body (`analyze::MATCH_CAP`).
pub const TEXT_CAP: usize = 240;

/// Each page's analysed words by address, kept between builds (by `serve`)
/// with a fingerprint of everything that went into them.
pub(crate) type EntryCache = crate::fingerprint::Kept<Arc<Analyzed>>;

/// The two search files: what the first results need, and what follows.
#[derive(Debug, Default)]
pub(crate) struct Files {
    /// `search-index.js`.
    pub(crate) index: String,
    /// `search-index-more.js`.
    pub(crate) more: String,
}

/// The search files of `docs`, reusing the analysis of unchanged pages
/// from `cache`. Pages are analysed in parallel; the text is the same
/// either way.
pub(crate) fn files(
    docs: &[SearchDoc],
    facets: &[Facet],
    language: &str,
    config: &crate::config::SearchConfig,
    cache: Option<&EntryCache>,
) -> Files {
    let lang = lang::Language::get(language);
    let groups = synonyms::groups(&lang, config);
    let analyzer = Analyzer::new(&lang, &groups);
    let setup_print = cache.map(|_| {
        let mut h = crate::fingerprint::hasher();
        for f in facets {
            f.name.hash(&mut h);
            f.terms.hash(&mut h);
        }
        (lang.code, &groups).hash(&mut h);
        h.finish()
    });
    let pages: Vec<Arc<Analyzed>> = docs
        .par_iter()
        .map(|d| match (cache, setup_print) {
            (Some(cache), Some(fp)) => {
                let print = crate::fingerprint::of((fp, d));
                cache.get_or_make(&d.url, print, || Arc::new(analyzer.analyze(d, facets)))
            }
            _ => Arc::new(analyzer.analyze(d, facets)),
        })
        .collect();
    let refs: Vec<&Analyzed> = pages.iter().map(Arc::as_ref).collect();
    let (terms, passing, passing_ends) = index::terms(&refs, groups.len());
    let mut dosages: Vec<&str> = vec![""];
    let mut dosage_ids: HashMap<&str, u64> = HashMap::from([("", 0)]);
    let dosage = encode::pack(docs.iter().map(|d| {
        *dosage_ids.entry(d.dosage.as_str()).or_insert_with(|| {
            dosages.push(&d.dosage);
            dosages.len() as u64 - 1
        })
    }));
    let facet_columns = (0..facets.len())
        .map(|f| {
            let packed: Vec<String> = pages
                .iter()
                .map(|p| encode::pack(p.facets[f].iter().map(|&t| t as u64)))
                .collect();
            packed.join(" ")
        })
        .collect();
    let columns = schema::Docs {
        kind: docs
            .iter()
            .map(|d| {
                let k = schema::KINDS.iter().position(|k| *k == d.kind).unwrap_or(0);
                char::from(b'0' + k as u8)
            })
            .collect(),
        url: schema::column(docs.iter().map(|d| d.url.as_str())),
        title: schema::column(docs.iter().map(|d| d.title.as_str())),
        dosages: schema::column(dosages.into_iter()),
        dosage,
        facets: facet_columns,
    };
    let index = schema::Index {
        format: schema::FORMAT,
        language: lang.code,
        stop: &lang.words.stop,
        soft: &lang.words.soft,
        fillers: &lang.words.fillers,
        facets,
        synonyms: &groups,
        kinds: schema::KINDS,
        docs: columns,
        terms,
    };
    let text: Vec<String> = docs
        .par_iter()
        .map(|d| cap(&strip_headings(&d.body, &d.headings), TEXT_CAP))
        .collect();
    let more = schema::More {
        format: schema::FORMAT,
        postings: passing,
        ends: passing_ends,
        summary: schema::column(docs.iter().map(|d| d.summary.as_str())),
        text: schema::column(text.iter().map(String::as_str)),
    };
    Files {
        index: script("HANDOUT_SEARCH", &index),
        more: script("HANDOUT_SEARCH_MORE", &more),
    }
}

/// `window.NAME = value;` for a `<script>` element.
fn script(name: &str, value: &impl Serialize) -> String {
    // Serializing plain strings and numbers cannot fail; an empty object is
    // the harmless answer all the same.
    let json = serde_json::to_string(value).unwrap_or_else(|_| "{}".into());
    format!("window.{name} = {};\n", escape(json))
}

/// Keeps the index from closing its `<script>` element.
fn escape(json: String) -> String {
    if json.contains("</") {
        json.replace("</", "<\\/")
    } else {
        json
    }
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
    use crate::config::SearchConfig;
    use serde_json::{json, Value};

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

    /// The two files of `docs`, parsed.
    fn build(docs: &[SearchDoc]) -> (Value, Value) {
        let f = files(docs, &facets(), "en", &SearchConfig::default(), None);
        (
            parse_as(&f.index, "HANDOUT_SEARCH"),
            parse_as(&f.more, "HANDOUT_SEARCH_MORE"),
        )
    }

    fn parse_as(js: &str, name: &str) -> Value {
        let json = js
            .strip_prefix(&format!("window.{name} = "))
            .and_then(|s| s.trim_end().strip_suffix(';'))
            .unwrap();
        serde_json::from_str(json).unwrap()
    }

    /// A term's postings in one list: [(page, weight level)].
    fn list(postings: &Value, ends: &Value, id: usize) -> Vec<(u64, u64)> {
        let mut all = Vec::new();
        let mut at = 0;
        for step in encode::unpack(ends.as_str().unwrap()) {
            at += step as usize;
            all.push(at);
        }
        let start = if id == 0 { 0 } else { all[id - 1] };
        let nums = encode::unpack(&postings.as_str().unwrap()[start..all[id]]);
        let mut doc: Option<u64> = None;
        nums.chunks(2)
            .map(|p| {
                let d = doc.map_or(p[0], |d| d + p[0] + 1);
                doc = Some(d);
                (d, p[1])
            })
            .collect()
    }

    /// A term's (or synonym group's) postings: [(page, weight level, strong)].
    fn postings(files: &(Value, Value), term: &str) -> Vec<(u64, u64, bool)> {
        let (v, more) = files;
        let stems: Vec<&str> = v["terms"]["stems"].as_str().unwrap().split(' ').collect();
        let id = match stems.iter().position(|s| *s == term) {
            Some(i) => i,
            None => {
                let groups = v["synonyms"].as_array().unwrap();
                stems.len() + groups.iter().position(|g| g[0] == term).unwrap()
            }
        };
        let mut out: Vec<(u64, u64, bool)> = list(&v["terms"]["postings"], &v["terms"]["ends"], id)
            .into_iter()
            .map(|(d, l)| (d, l, true))
            .chain(
                list(&more["postings"], &more["ends"], id)
                    .into_iter()
                    .map(|(d, l)| (d, l, false)),
            )
            .collect();
        out.sort();
        out
    }

    #[test]
    fn writes_named_columns_and_the_language_rules() {
        let guide = SearchDoc {
            kind: "guide",
            url: "guides/faq.html".into(),
            title: "FAQ\nand more".into(),
            ..SearchDoc::default()
        };
        let routine = SearchDoc {
            kind: "routine",
            url: "routines/r.html".into(),
            ..exercise()
        };
        let (v, more) = build(&[exercise(), guide, routine]);
        assert_eq!(v["format"], json!(schema::FORMAT));
        assert_eq!(v["language"], "en");
        assert!(v["stop"].as_array().unwrap().contains(&json!("the")));
        assert!(v["soft"].as_array().unwrap().contains(&json!("pain")));
        assert_eq!(v["kinds"], json!(["exercise", "routine", "guide"]));
        assert_eq!(v["facets"][1]["terms"][0], json!(["none", "No equipment"]));
        let docs = &v["docs"];
        assert_eq!(docs["kind"], "021");
        assert_eq!(
            docs["url"],
            "exercises/wall-angels.html\nguides/faq.html\nroutines/r.html"
        );
        assert_eq!(docs["title"], "Wall angels\nFAQ and more\nWall angels");
        // Dosage wordings are written once.
        assert_eq!(docs["dosages"], "\n2 sets of 10 reps");
        assert_eq!(encode::unpack(docs["dosage"].as_str().unwrap()), [1, 0, 1]);
        // region: upper-back (1), neck (0); equipment: wall (1).
        assert_eq!(docs["facets"][0], "10  10");
        assert_eq!(docs["facets"][1], "1  1");
        let keys: Vec<&String> = v["terms"].as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            ["ends", "idf", "postings", "stems", "word_terms", "words"]
        );
        assert_eq!(more["format"], json!(schema::FORMAT));
        assert_eq!(
            more["summary"],
            "Slide your arms up a wall.\n\nSlide your arms up a wall."
        );
        assert_eq!(more["text"], "Stand with your back to a wall. Go slowly.\n\nStand with your back to a wall. Go slowly.");
        let keys: Vec<&String> = more.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["ends", "format", "postings", "summary", "text"]);
    }

    #[test]
    fn title_and_vocabulary_words_are_strong_body_words_are_not() {
        let v = build(&[exercise()]);
        let wall = postings(&v, "wall");
        assert_eq!(wall.len(), 1);
        assert!(wall[0].2, "in the title: strong");
        let slowly = postings(&v, "slowly");
        assert!(!slowly[0].2, "only in the body");
        assert!(wall[0].1 > slowly[0].1, "a title word weighs more");
        // The file name's words and the labels of the vocabularies count.
        assert!(postings(&v, "angel")[0].2);
        assert!(postings(&v, "upper")[0].2);
        // Stop words are left out, but not of titles.
        let words = v.0["terms"]["words"].as_str().unwrap();
        assert!(!words.split(' ').any(|w| w == "with"));
    }

    #[test]
    fn synonym_phrases_are_terms_of_their_own() {
        let doc = SearchDoc {
            body: "Feel the stretch in the back of your thigh.".into(),
            ..exercise()
        };
        let v = build(&[exercise(), doc]);
        let hamstring = postings(&v, "hamstring");
        assert_eq!(hamstring.iter().map(|p| p.0).collect::<Vec<_>>(), [1]);
        // "Lying on your back" is the position label of both: strong.
        assert!(postings(&v, "supine").iter().all(|p| p.2));
    }

    #[test]
    fn words_keep_their_written_form_beside_the_stem() {
        let doc = SearchDoc {
            title: "Lying hamstring curl".into(),
            ..exercise()
        };
        let (v, _) = build(&[doc]);
        let words: Vec<&str> = v["terms"]["words"].as_str().unwrap().split(' ').collect();
        let stems: Vec<&str> = v["terms"]["stems"].as_str().unwrap().split(' ').collect();
        let terms = encode::unpack(v["terms"]["word_terms"].as_str().unwrap());
        let i = words.iter().position(|w| *w == "hamstring").unwrap();
        assert_eq!(stems[terms[i] as usize], "hamstr");
        let mut sorted = words.clone();
        sorted.sort();
        assert_eq!(words, sorted, "sorted for binary search");
    }

    #[test]
    fn kept_analyses_give_the_same_index() {
        let cache = EntryCache::default();
        let config = SearchConfig::default();
        let mut docs = vec![
            exercise(),
            SearchDoc {
                url: "b".into(),
                ..exercise()
            },
        ];
        let made = |docs: &[SearchDoc], cache| {
            let f = files(docs, &facets(), "en", &config, cache);
            (f.index, f.more)
        };
        let first = made(&docs, Some(&cache));
        assert_eq!(first, made(&docs, None));
        docs[1].body = "Steps Other </b> text.".into();
        docs[1].headings = vec!["Steps".into(), "New".into()];
        let second = made(&docs, Some(&cache));
        assert_eq!(second, made(&docs, None));
        assert_ne!(first, second);
    }

    #[test]
    fn caps_the_shown_text_at_a_word_boundary() {
        let doc = SearchDoc {
            body: "word ".repeat(1000).into(),
            ..exercise()
        };
        let (_, more) = build(&[doc]);
        let text = more["text"].as_str().unwrap();
        assert!(text.len() <= TEXT_CAP && text.len() > TEXT_CAP - 5);
        assert!(text.ends_with("word"));
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
            title: "a </script><script>alert(1)</script>".into(),
            ..exercise()
        };
        let f = files(&[doc], &facets(), "en", &SearchConfig::default(), None);
        assert!(!f.index.contains("</script") && !f.more.contains("</script"));
        assert!(parse_as(&f.index, "HANDOUT_SEARCH")["docs"]["title"]
            .as_str()
            .unwrap()
            .contains("</script>"));
    }
}
