//! What the search index is made from: one document per exercise, routine
//! and guide, and the vocabularies as filters.

use super::values::Views;
use super::views::*;
use crate::markdown::Rendered;
use crate::search::{Facet as SearchFacet, SearchDoc};
use crate::site::routes::Route;
use crate::site::Site;
use std::collections::HashMap;
use std::sync::Arc;

impl Views {
    /// One search document per exercise, routine and guide.
    pub(crate) fn search_docs<'a>(
        &'a self,
        site: &'a Site,
        bodies: &'a HashMap<usize, Arc<Rendered>>,
    ) -> Vec<SearchDoc<'a>> {
        let text = |src: usize| {
            bodies
                .get(&src)
                .map(|b| {
                    (
                        std::borrow::Cow::Borrowed(b.text.as_str()),
                        b.headings.iter().map(|h| h.text.clone()).collect(),
                    )
                })
                .unwrap_or_default()
        };
        let mut docs = Vec::new();
        let listed = site.here.listed;
        for (e, v) in site.content.exercises[..listed].iter().zip(&self.exercises) {
            let (body, headings) = text(e.src);
            docs.push(SearchDoc {
                kind: "exercise",
                url: v.url.clone(),
                title: v.title.clone(),
                summary: v.summary.clone(),
                dosage: v.dosage.clone(),
                tags: e.tags.clone(),
                region: v.region.iter().map(|t| t.term.clone()).collect(),
                equipment: v.equipment.iter().map(|t| t.term.clone()).collect(),
                category: vec![v.category.term.clone()],
                position: vec![v.position.term.clone()],
                headings,
                body,
            });
        }
        for (r, v) in site.content.routines.iter().zip(&self.routines) {
            let (body, headings) = text(r.src);
            docs.push(SearchDoc {
                kind: "routine",
                url: v.url.clone(),
                title: v.title.clone(),
                summary: v.summary.clone(),
                dosage: v.frequency.clone(),
                tags: r.tags.clone(),
                region: routine_terms(v, |e| &e.region),
                equipment: routine_terms(v, |e| &e.equipment),
                headings,
                body,
                ..SearchDoc::default()
            });
        }
        for g in site.content.guides.iter().filter(|g| !g.staff) {
            let (body, headings) = text(g.src);
            docs.push(SearchDoc {
                kind: "guide",
                url: Route::Guide(&g.slug).path(),
                title: g.title.clone(),
                summary: g.summary.clone(),
                headings,
                body,
                ..SearchDoc::default()
            });
        }
        docs
    }

    /// The vocabularies as search filters.
    pub(crate) fn search_facets(&self) -> Vec<SearchFacet> {
        self.site
            .taxonomies
            .iter()
            .map(|t| SearchFacet {
                name: t.name.clone(),
                title: t.title.clone(),
                terms: t
                    .terms
                    .iter()
                    .map(|v| (v.term.clone(), v.label.clone()))
                    .collect(),
            })
            .collect()
    }
}

/// The terms of a routine's exercises (for search filters); "none" only
/// when no exercise needs anything.
fn routine_terms(r: &RoutineView, of: fn(&ExerciseView) -> &Vec<TermView>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in r.sections.iter().flat_map(|s| &s.items) {
        for t in of(&item.exercise) {
            if !out.contains(&t.term) {
                out.push(t.term.clone());
            }
        }
    }
    if out.len() > 1 {
        out.retain(|t| t != "none");
    }
    out
}
