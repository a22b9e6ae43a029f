//! One page's words, field by field: what the index counts for it. The
//! result depends on the page, the vocabularies and the synonym groups
//! only, so `serve` keeps it between builds.

pub(crate) use super::counts::{Counted, Entry, GROUP};
use super::lang::Language;
use super::stems::Stems;
use super::synonyms::Phrases;
use super::text;
use super::{Facet, SearchDoc};
use std::collections::HashSet;

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

/// What the index keeps of one page (compact: `serve` keeps one per page,
/// and a build holds every page's at once). The stems and words are one
/// text, each ending where its entry says, instead of a string apiece.
#[derive(Debug, Default)]
pub(crate) struct Analyzed {
    /// Words counted per field.
    pub(crate) lengths: [u32; NF],
    /// Every stem of the page, sorted (`key`: where its text ends in `text`).
    pub(crate) stems: Vec<Entry>,
    /// Every synonym group of the page, sorted.
    pub(crate) groups: Vec<Entry>,
    /// The whole counts of the entries with a count over 254, by place
    /// (`GROUP` marks a group's), sorted.
    big: Vec<(u32, [u16; NF])>,
    /// Each word as written (folded), sorted: where its text ends in
    /// `text`, and its stem's place in `stems`.
    words: Vec<(u32, u32)>,
    /// The stems, then the words, one after the other.
    text: String,
    /// Term indices per facet.
    pub(crate) facets: Vec<Vec<usize>>,
    /// The passage shown under a result (`super::TEXT_CAP`).
    pub(crate) passage: String,
}

impl Analyzed {
    /// The text of the `i`-th stem.
    pub(crate) fn stem(&self, i: usize) -> &str {
        let start = match i {
            0 => 0,
            _ => self.stems[i - 1].key() as usize,
        };
        &self.text[start..self.stems[i].key() as usize]
    }

    /// The entry at `at`, a place in the stems or (with `GROUP`) the
    /// groups, and its count per field.
    pub(crate) fn counts(&self, at: u32) -> (&Entry, [u16; NF]) {
        let entry = match at & GROUP {
            0 => &self.stems[at as usize],
            _ => &self.groups[(at & !GROUP) as usize],
        };
        if entry.big() {
            if let Ok(i) = self.big.binary_search_by_key(&at, |b| b.0) {
                return (entry, self.big[i].1);
            }
        }
        (entry, entry.counts.map(u16::from))
    }

    /// Every stem's text, in order.
    pub(crate) fn stem_texts(&self) -> impl Iterator<Item = &str> {
        (0..self.stems.len()).map(|i| self.stem(i))
    }

    /// Every word as written with its stem's place in `stems`, in order.
    pub(crate) fn words(&self) -> impl Iterator<Item = (&str, u32)> {
        let mut start = self.stems.last().map_or(0, |s| s.key() as usize);
        self.words.iter().map(move |&(end, stem)| {
            let w = &self.text[start..end as usize];
            start = end as usize;
            (w, stem)
        })
    }
}

pub(super) type Map<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

/// A page's counts while it is read.
struct Tally<'s> {
    /// The reader's stems, shared with the pages it read before.
    seen: &'s mut Stems,
    lengths: [u32; NF],
    /// Stem (its id in `seen`) → its place in `stems`.
    stem_at: Map<u32, u32>,
    stems: Vec<Counted<String>>,
    groups: Map<u32, Counted<u32>>,
    /// Word as written → its stem's place in `stems`.
    words: Map<String, u32>,
}

impl Tally<'_> {
    /// Sorted, with each word pointing at its stem's new place.
    fn finish(self, facets: Vec<Vec<usize>>) -> Analyzed {
        let mut order: Vec<u32> = (0..self.stems.len() as u32).collect();
        order
            .sort_unstable_by(|&a, &b| self.stems[a as usize].key.cmp(&self.stems[b as usize].key));
        let mut rank = vec![0u32; order.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i as usize] = r as u32;
        }
        let mut text = String::with_capacity(
            self.stems.iter().map(|c| c.key.len()).sum::<usize>()
                + self.words.keys().map(String::len).sum::<usize>(),
        );
        let mut big = Vec::new();
        let stems = order
            .iter()
            .enumerate()
            .map(|(place, &i)| {
                let c = &self.stems[i as usize];
                text.push_str(&c.key);
                let entry = Entry::new(&Counted {
                    key: text.len() as u32,
                    counts: c.counts,
                    core: c.core,
                });
                if entry.big() {
                    big.push((place as u32, c.counts));
                }
                entry
            })
            .collect();
        let mut groups: Vec<Counted<u32>> = self.groups.into_values().collect();
        groups.sort_unstable_by_key(|g| g.key);
        let groups = groups
            .iter()
            .enumerate()
            .map(|(place, g)| {
                let entry = Entry::new(g);
                if entry.big() {
                    big.push((GROUP | place as u32, g.counts));
                }
                entry
            })
            .collect();
        let mut words: Vec<(String, u32)> = self
            .words
            .into_iter()
            .map(|(w, s)| (w, rank[s as usize]))
            .collect();
        words.sort_unstable();
        let words = words
            .into_iter()
            .map(|(w, s)| {
                text.push_str(&w);
                (text.len() as u32, s)
            })
            .collect();
        Analyzed {
            lengths: self.lengths,
            stems,
            groups,
            big,
            words,
            text,
            facets,
            passage: String::new(),
        }
    }
}

/// Reads pages with one language's rules and one set of synonym groups.
pub(crate) struct Analyzer<'a> {
    pub(crate) lang: &'a Language,
    stop: HashSet<&'a str, foldhash::fast::FixedState>,
    phrases: Phrases,
    facets: &'a [Facet],
    /// Per facet: term → its place in the facet's terms.
    facet_terms: Vec<Map<&'a str, usize>>,
}

impl<'a> Analyzer<'a> {
    pub(crate) fn new(
        lang: &'a Language,
        groups: &[Vec<String>],
        facets: &'a [Facet],
    ) -> Analyzer<'a> {
        let facet_terms = facets
            .iter()
            .map(|f| {
                let mut at = Map::default();
                for (i, (term, _)) in f.terms.iter().enumerate() {
                    at.entry(term.as_str()).or_insert(i);
                }
                at
            })
            .collect();
        Analyzer {
            lang,
            stop: lang.words.stop.iter().map(String::as_str).collect(),
            phrases: Phrases::new(lang, groups),
            facets,
            facet_terms,
        }
    }

    #[cfg(test)]
    pub(crate) fn analyze(&self, doc: &SearchDoc) -> Analyzed {
        self.analyze_with(doc, &mut Stems::default())
    }

    /// Reads one page, with the stems this reader has made before.
    pub(crate) fn analyze_with(&self, doc: &SearchDoc, seen: &mut Stems) -> Analyzed {
        seen.trim();
        let facets = self.facets;
        // About how many different words a page has: fewer regrowths.
        let size = (doc.body.len() / 16).clamp(16, 512);
        let mut out = Tally {
            seen,
            lengths: [0; NF],
            stem_at: Map::with_capacity_and_hasher(size, Default::default()),
            words: Map::with_capacity_and_hasher(size, Default::default()),
            stems: Vec::with_capacity(size),
            groups: Map::default(),
        };
        let doc_facets: Vec<Vec<usize>> = facets
            .iter()
            .zip(&self.facet_terms)
            .map(|(f, at)| doc.terms(f, at))
            .collect();
        let slug = doc.url.rsplit('/').next().unwrap_or("");
        let slug = slug.strip_suffix(".html").unwrap_or(slug);
        self.field(&mut out, Field::Title, &doc.title);
        self.field(&mut out, Field::Slug, slug);
        for tag in &doc.tags {
            self.field(&mut out, Field::Tags, tag);
        }
        for (facet, terms) in facets.iter().zip(&doc_facets) {
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
        out.finish(doc_facets)
    }

    /// Counts the words and synonym phrases of one piece of a field.
    fn field(&self, out: &mut Tally, field: Field, text: &str) {
        self.field_as(out, field, text, field.core());
    }

    /// `field`, with its words core matches or not.
    fn field_as(&self, out: &mut Tally, field: Field, text: &str, core: bool) {
        let f = field as usize;
        let folded = text::fold(text);
        let words: Vec<&str> = text::split(&folded).collect();
        let stem_ids: Vec<u32> = words
            .iter()
            .map(|w| out.seen.id(w, self.lang.stem))
            .collect();
        let pairs: Vec<(&str, &str)> = words
            .iter()
            .zip(&stem_ids)
            .map(|(w, &s)| (*w, out.seen.stem(s)))
            .collect();
        let spans = self.phrases.spans(&pairs);
        let mut in_phrase = vec![false; words.len()];
        if field == Field::Vocab {
            for (_, span) in &spans {
                in_phrase[span.clone()].iter_mut().for_each(|p| *p = true);
            }
        }
        for (i, (&w, &s)) in words.iter().zip(&stem_ids).enumerate() {
            // Stop words count only in titles and file names, where they
            // may be all a page's name has ("When to stop").
            let stop = self.stop.contains(w) && !matches!(field, Field::Title | Field::Slug);
            if w.len() < 2 || stop {
                continue;
            }
            out.lengths[f] += 1;
            let at = match out.stem_at.get(&s) {
                Some(&at) => at,
                None => {
                    let at = out.stems.len() as u32;
                    out.stems.push(Counted {
                        key: out.seen.stem(s).to_string(),
                        counts: [0; NF],
                        core: false,
                    });
                    out.stem_at.insert(s, at);
                    at
                }
            };
            let counted = &mut out.stems[at as usize];
            counted.counts[f] = counted.counts[f].saturating_add(1);
            counted.core |= core && !in_phrase[i];
            if !out.words.contains_key(w) {
                out.words.insert(w.to_string(), at);
            }
        }
        for (g, _) in spans {
            let counted = out.groups.entry(g).or_insert(Counted {
                key: g,
                counts: [0; NF],
                core: false,
            });
            counted.core |= core;
            counted.counts[f] = counted.counts[f].saturating_add(1);
        }
    }
}
