//! The linked site: the model with its cross-links and the one place URLs
//! are made. Read-only from here on.

pub(crate) mod graph;
pub(crate) mod langs;
pub(crate) mod pages;
pub(crate) mod routes;
pub(crate) mod translate;

use crate::config::Config;
use crate::model::ids::ExerciseId;
use crate::model::taxonomy::{TermId, Vocabularies};
use crate::model::Content;
pub(crate) use graph::{graph, Graph, Links};
use std::collections::HashMap;

/// A hash map by slug or term, with a fast hash (its keys are the site's
/// own names, and nothing iterates over it).
pub(crate) type Index<V> = HashMap<String, V, foldhash::fast::RandomState>;

/// The linked, immutable site model that rendering reads.
pub(crate) struct Site {
    pub(crate) config: Config,
    pub(crate) vocabs: Vocabularies,
    pub(crate) content: Content,
    graph: Graph,
    /// The language the site is built in, and the others.
    pub(crate) here: langs::Here,
    /// The theme's words in that language.
    pub(crate) words: std::sync::Arc<crate::i18n::Catalog>,
}

impl Site {
    /// The site of `content`, linked by `graph` (made by [`graph()`] from it).
    pub(crate) fn new(
        config: Config,
        vocabs: Vocabularies,
        content: Content,
        graph: Graph,
    ) -> Site {
        let here = langs::Here::only(content.exercises.len());
        Site {
            config,
            vocabs,
            content,
            graph,
            here,
            words: std::sync::Arc::new(crate::model::wording::english().clone()),
        }
    }

    /// The site in each of its languages, the default one first (only
    /// itself for a site of one language).
    pub(crate) fn languages(mut self) -> Vec<Site> {
        if self.config.languages.is_empty() {
            return vec![self];
        }
        let all = std::sync::Arc::new(langs::Languages::new(&self.config, &self.content));
        self.here.all = std::sync::Arc::clone(&all);
        let others: Vec<Site> = (1..all.codes.len())
            .map(|i| self.in_language(&all, i))
            .collect();
        let mut out = vec![self];
        out.extend(others);
        out
    }

    /// The site in language `index` of `all` (not the default one): its
    /// pages and settings in that language, written under its code.
    pub(crate) fn in_language(&self, all: &std::sync::Arc<langs::Languages>, index: usize) -> Site {
        let code = &all.codes[index];
        let (content, listed) = translate::content_in(&self.content, code);
        let mut config = self.config.in_language(code);
        config.base_url = format!("{}{code}/", self.config.base_url_slash());
        let vocabs = if self.config.languages[code].vocabulary.is_empty() {
            self.vocabs.clone()
        } else {
            config.vocabularies().used_by(&self.content)
        };
        let graph = graph(&content, &vocabs);
        Site {
            config,
            vocabs,
            content,
            graph,
            here: langs::Here {
                index,
                all: std::sync::Arc::clone(all),
                listed,
            },
            words: std::sync::Arc::clone(&self.words),
        }
    }

    /// The site-relative output path of `route` in this site's language
    /// (`es/exercises/wall-angels.html`).
    pub(crate) fn path(&self, route: routes::Route) -> String {
        format!("{}{}", self.here.prefix(), route.path())
    }

    /// True when exercise `id` is a page of this language (not only there
    /// for a routine that uses it).
    pub(crate) fn listed(&self, id: ExerciseId) -> bool {
        id.index() < self.here.listed
    }

    /// The exercise whose slug is `slug`.
    pub(crate) fn exercise_id(&self, slug: &str) -> Option<ExerciseId> {
        self.graph.by_slug.get(slug).copied()
    }

    /// How exercise `id` is linked to the rest of the site.
    pub(crate) fn links(&self, id: ExerciseId) -> &Links {
        &self.graph.links[id.index()]
    }

    /// Where `page` is written.
    pub(crate) fn route<'a>(&'a self, page: &'a pages::Page) -> routes::Route<'a> {
        page.route(&self.content, &self.vocabs)
    }

    /// The exercises that have the term `id`, in order.
    pub(crate) fn with_term(&self, id: TermId) -> &[ExerciseId] {
        let all = &self.graph.terms[id.taxonomy.index()][id.index];
        // In id order: the exercises of this language come first.
        &all[..all.partition_point(|&i| self.listed(i))]
    }
}
