//! The linked site: the model with its cross-links and the one place URLs
//! are made. Read-only from here on.

pub(crate) mod graph;
pub(crate) mod pages;
pub(crate) mod routes;

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
}

impl Site {
    /// The site of `content`, linked by `graph` (made by [`graph()`] from it).
    pub(crate) fn new(
        config: Config,
        vocabs: Vocabularies,
        content: Content,
        graph: Graph,
    ) -> Site {
        Site {
            config,
            vocabs,
            content,
            graph,
        }
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
        &self.graph.terms[id.taxonomy.index()][id.index]
    }
}
