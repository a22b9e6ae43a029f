//! One page's words, field by field: what the index counts for it. The
//! result depends on the page, the vocabularies and the synonym groups
//! only, so `serve` keeps it between builds.

use super::lang::Language;
use super::synonyms::Phrases;
use super::text;
use super::{Facet, SearchDoc};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// The fields of a page that search reads, and how much a word counts in each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Title,
    /// The words of the page's file name (`upper-trapezius-stretch`).
    Slug,
    Tags,
    /// Labels and terms of the body regions.
    Region,
    /// Labels and terms of the other vocabularies.
    Vocab,
    Summary,
    Headings,
    Body,
}

pub(crate) const FIELDS: [Field; 8] = [
    Field::Title,
    Field::Slug,
    Field::Tags,
    Field::Region,
    Field::Vocab,
    Field::Summary,
    Field::Headings,
    Field::Body,
];
pub(crate) const NF: usize = FIELDS.len();

impl Field {
    /// How much a word found here counts against one found in the body.
    pub(crate) fn boost(self) -> f64 {
        match self {
            Field::Title | Field::Region => 6.0,
            Field::Slug | Field::Tags | Field::Vocab => 3.0,
            Field::Summary => 2.0,
            Field::Headings | Field::Body => 1.0,
        }
    }

    /// BM25's length normalisation: long bodies count a word less.
    pub(crate) fn length_weight(self) -> f64 {
        match self {
            Field::Body | Field::Summary => 0.75,
            _ => 0.4,
        }
    }

    /// A match here says what the page is about (not a word in passing):
    /// see "strong" in the index format.
    pub(crate) fn strong(self) -> bool {
        !matches!(self, Field::Headings | Field::Body)
    }

    /// A match here names what the page is for (title, file name, tags,
    /// vocabularies): summaries often mention a body part only to place
    /// it ("bring one knee forward").
    pub(crate) fn core(self) -> bool {
        self.strong() && self != Field::Summary
    }
}

/// Body characters read for matching (a long guide is cut here).
pub(crate) const MATCH_CAP: usize = 6000;

/// What the index keeps of one page.
#[derive(Debug, Default)]
pub(crate) struct Analyzed {
    /// Words counted per field.
    pub(crate) lengths: [u32; NF],
    /// Stem → count per field.
    pub(crate) stems: BTreeMap<String, [u16; NF]>,
    /// The stems that are core matches (`Field::core`): in a core field,
    /// but not only as part of a synonym phrase of a vocabulary label
    /// ("knees" in "On hands and knees" says how to kneel, not that the
    /// page is about knees).
    pub(crate) core: BTreeSet<String>,
    /// The synonym groups that are core matches.
    pub(crate) core_groups: BTreeSet<u32>,
    /// Synonym group → count per field.
    pub(crate) groups: BTreeMap<u32, [u16; NF]>,
    /// Each word as written (folded) with its stem.
    pub(crate) words: BTreeMap<String, String>,
    /// Term indices per facet.
    pub(crate) facets: Vec<Vec<usize>>,
}

/// Reads pages with one language's rules and one set of synonym groups.
pub(crate) struct Analyzer<'a> {
    pub(crate) lang: &'a Language,
    stop: HashSet<&'a str>,
    phrases: Phrases,
}

impl<'a> Analyzer<'a> {
    pub(crate) fn new(lang: &'a Language, groups: &[Vec<String>]) -> Analyzer<'a> {
        Analyzer {
            lang,
            stop: lang.words.stop.iter().map(String::as_str).collect(),
            phrases: Phrases::new(lang, groups),
        }
    }

    pub(crate) fn analyze(&self, doc: &SearchDoc, facets: &[Facet]) -> Analyzed {
        let mut out = Analyzed {
            facets: facets.iter().map(|f| doc.terms(f)).collect(),
            ..Analyzed::default()
        };
        let slug = doc.url.rsplit('/').next().unwrap_or("");
        let slug = slug.strip_suffix(".html").unwrap_or(slug);
        self.field(&mut out, Field::Title, &doc.title);
        self.field(&mut out, Field::Slug, slug);
        for tag in &doc.tags {
            self.field(&mut out, Field::Tags, tag);
        }
        for (facet, terms) in facets.iter().zip(&out.facets.clone()) {
            let field = if facet.name == "region" {
                Field::Region
            } else {
                Field::Vocab
            };
            for &t in terms {
                let (code, label) = &facet.terms[t];
                self.field(&mut out, field, label);
                if text::words(code) != text::words(label) {
                    self.field(&mut out, field, code);
                }
            }
        }
        // A guide or a routine has no vocabularies of its own to say what
        // it is about: its summary does.
        let summary_core = doc.kind != "exercise";
        self.field_as(&mut out, Field::Summary, &doc.summary, summary_core);
        for h in &doc.headings {
            self.field(&mut out, Field::Headings, h);
        }
        let body = match doc.body.char_indices().nth(MATCH_CAP) {
            Some((end, _)) => &doc.body[..end],
            None => &doc.body,
        };
        self.field(&mut out, Field::Body, body);
        out
    }

    /// Counts the words and synonym phrases of one piece of a field.
    fn field(&self, out: &mut Analyzed, field: Field, text: &str) {
        self.field_as(out, field, text, field.core());
    }

    /// `field`, with its words core matches or not.
    fn field_as(&self, out: &mut Analyzed, field: Field, text: &str, core: bool) {
        let f = field as usize;
        let words = text::words(text);
        let stems: Vec<String> = words.iter().map(|w| (self.lang.stem)(w)).collect();
        let pairs: Vec<(&str, &str)> = words
            .iter()
            .map(String::as_str)
            .zip(stems.iter().map(String::as_str))
            .collect();
        let spans = self.phrases.spans(&pairs);
        let mut in_phrase = vec![false; words.len()];
        if field == Field::Vocab {
            for (_, span) in &spans {
                in_phrase[span.clone()].iter_mut().for_each(|p| *p = true);
            }
        }
        for (i, (w, s)) in words.iter().zip(&stems).enumerate() {
            // Stop words count only in titles and file names, where they
            // may be all a page's name has ("When to stop").
            let stop =
                self.stop.contains(w.as_str()) && !matches!(field, Field::Title | Field::Slug);
            if w.len() < 2 || stop {
                continue;
            }
            out.lengths[f] += 1;
            let counts = out.stems.entry(s.clone()).or_default();
            counts[f] = counts[f].saturating_add(1);
            if core && !in_phrase[i] && !out.core.contains(s) {
                out.core.insert(s.clone());
            }
            if !out.words.contains_key(w) {
                out.words.insert(w.clone(), s.clone());
            }
        }
        for (g, _) in spans {
            if core {
                out.core_groups.insert(g);
            }
            let counts = out.groups.entry(g).or_default();
            counts[f] = counts[f].saturating_add(1);
        }
    }
}
