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
mod counts;
mod encode;
mod index;
mod lang;
mod schema;
mod stems;
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
pub(crate) struct SearchDoc<'a> {
    /// `exercise`, `routine` or `guide`.
    pub(crate) kind: &'static str,
    /// Site-relative URL; its file name's words are searchable too.
    pub(crate) url: String,
    pub(crate) title: String,
    pub(crate) summary: String,
    /// Patient wording of the dosage (exercises) or frequency (routines).
    pub(crate) dosage: String,
    pub(crate) tags: Vec<String>,
    /// Vocabulary terms (not labels) per facet: region, equipment, category, position.
    pub(crate) region: Vec<String>,
    pub(crate) equipment: Vec<String>,
    pub(crate) category: Vec<String>,
    pub(crate) position: Vec<String>,
    pub(crate) headings: Vec<String>,
    /// The body as plain text, borrowed from the rendered page (a site's
    /// bodies together are big).
    pub(crate) body: std::borrow::Cow<'a, str>,
}

impl SearchDoc<'_> {
    /// The indices (in `facet.terms`) of this page's terms of a facet,
    /// found through `at` (term → index).
    fn terms(
        &self,
        facet: &Facet,
        at: &HashMap<&str, usize, foldhash::fast::FixedState>,
    ) -> Vec<usize> {
        let mine = match facet.name.as_str() {
            "region" => &self.region,
            "equipment" => &self.equipment,
            "category" => &self.category,
            "position" => &self.position,
            _ => return Vec::new(),
        };
        mine.iter()
            .filter_map(|t| at.get(t.as_str()).copied())
            .collect()
    }
}

/// A vocabulary offered as a filter: its terms, in order, with display labels.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Facet {
    /// `region`, `equipment`, `category` or `position` (the URL parameter).
    pub(crate) name: String,
    /// Heading for people, e.g. "Body region".
    pub(crate) title: String,
    pub(crate) terms: Vec<(String, String)>,
}

/// Body characters kept per page for the passage shown under a result.
/// Matching reads much more of the body (`analyze::MATCH_CAP`).
pub(crate) const TEXT_CAP: usize = 240;

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
#[cfg(test)]
pub(crate) fn files(
    docs: &[SearchDoc],
    facets: &[Facet],
    language: &str,
    config: &crate::config::SearchConfig,
    cache: Option<&EntryCache>,
) -> Files {
    read(docs.to_vec(), facets, language, config, cache).files()
}

/// What the search files list of a page besides its words (the rest of
/// its [`SearchDoc`], the body above all, is let go once it is read).
struct Listed {
    kind: &'static str,
    url: String,
    title: String,
    summary: String,
    dosage: String,
}

impl From<SearchDoc<'_>> for Listed {
    fn from(d: SearchDoc<'_>) -> Listed {
        Listed {
            kind: d.kind,
            url: d.url,
            title: d.title,
            summary: d.summary,
            dosage: d.dosage,
        }
    }
}

/// Every page of a site read for search, ready to be made into the
/// search files (`Read::files`). It holds nothing of the pages it was
/// read from.
pub(crate) struct Read<'a> {
    docs: Vec<Listed>,
    facets: &'a [Facet],
    lang: lang::Language,
    groups: Vec<Vec<String>>,
    pages: Vec<Arc<Analyzed>>,
}

/// Reads the words of every page of `docs` (in parallel), reusing the
/// analysis of unchanged pages from `cache`.
pub(crate) fn read<'a>(
    docs: Vec<SearchDoc<'_>>,
    facets: &'a [Facet],
    language: &str,
    config: &crate::config::SearchConfig,
    cache: Option<&EntryCache>,
) -> Read<'a> {
    let mut timer = crate::timings::Timer::start();
    let lang = lang::Language::get(language);
    let groups = synonyms::groups(&lang, config);
    let analyzer = Analyzer::new(&lang, &groups, facets);
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
        .map_init(stems::Stems::default, |seen, d| {
            let mut make = || {
                let mut page = analyzer.analyze_with(d, seen);
                page.passage = cap(&strip_headings(&d.body, &d.headings), TEXT_CAP);
                Arc::new(page)
            };
            match (cache, setup_print) {
                (Some(cache), Some(fp)) => {
                    cache.get_or_make(&d.url, crate::fingerprint::of((fp, d)), make)
                }
                _ => make(),
            }
        })
        .collect();
    drop(analyzer);
    timer.phase("  pages read");
    Read {
        docs: docs.into_iter().map(Listed::from).collect(),
        facets,
        lang,
        groups,
        pages,
    }
}

impl Read<'_> {
    /// The two search files, worked out on one thread.
    pub(crate) fn files(self) -> Files {
        let Read {
            docs,
            facets,
            lang,
            groups,
            pages,
        } = self;
        let mut timer = crate::timings::Timer::start();
        let refs: Vec<&Analyzed> = pages.iter().map(Arc::as_ref).collect();
        let (terms, passing, passing_ends) = index::terms(&refs, groups.len());
        timer.phase("  terms");
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
        let more = schema::More {
            format: schema::FORMAT,
            postings: passing,
            ends: passing_ends,
            summary: schema::column(docs.iter().map(|d| d.summary.as_str())),
            text: schema::column(pages.iter().map(|p| p.passage.as_str())),
        };
        // Everything is taken from the pages' words: let go of them before
        // the files are written out (the biggest moment of a big build).
        drop(refs);
        drop(pages);
        Files {
            index: script("HANDOUT_SEARCH", &index),
            more: script("HANDOUT_SEARCH_MORE", &more),
        }
    }
}

/// `window.NAME = value;` for a `<script>` element.
fn script(name: &str, value: &impl Serialize) -> String {
    let start = format!("window.{name} = ");
    let mut out = start.clone().into_bytes();
    // Serializing plain strings and numbers cannot fail; an empty object is
    // the harmless answer all the same.
    if serde_json::to_writer(&mut out, value).is_err() {
        out.truncate(start.len());
        out.extend_from_slice(b"{}");
    }
    out.extend_from_slice(b";\n");
    // serde_json writes UTF-8; the fallback is never taken.
    let out = String::from_utf8(out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    escape(out)
}

/// Keeps the index from closing its `<script>` element.
fn escape(script: String) -> String {
    if script.contains("</") {
        script.replace("</", "<\\/")
    } else {
        script
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
mod spanish_tests;
#[cfg(test)]
mod tests;
