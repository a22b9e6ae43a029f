//! The contexts of the pages that list others: the home page, all
//! exercises, all routines, a vocabulary and one of its terms.

use super::pages::html;
use super::Template;
use crate::model::taxonomy::{Taxonomy, TermId};
use crate::render::values::{term, Views};
use crate::render::views::{TaxonomyView, TermView};
use crate::site::Site;
use std::collections::HashMap;

/// `index.html`: the home page text and every routine.
pub(in crate::render) struct HomePage {
    body: String,
    routines: tera::Value,
    head: (String, String),
}

impl HomePage {
    pub(in crate::render) fn new(
        site: &Site,
        views: &Views,
        bodies: &crate::render::bodies::Bodies,
    ) -> Self {
        let home = &site.content.home;
        HomePage {
            body: home.src.map(|src| html(bodies, src)).unwrap_or_default(),
            routines: tera::Value::from(views.routine_values.clone()),
            head: (
                home.title
                    .clone()
                    .unwrap_or_else(|| site.config.title.clone()),
                home.summary.clone(),
            ),
        }
    }
}

impl Template for HomePage {
    const NAME: &'static str = "index.html";
    fn head(&self) -> (String, String) {
        self.head.clone()
    }
    fn fill(self, ctx: &mut tera::Context) {
        ctx.insert("body", &self.body);
        ctx.insert_value("routines", self.routines);
    }
}

/// `exercises.html`: every exercise, grouped by category.
pub(in crate::render) struct ExercisesPage {
    /// Per category with exercises: `{term, exercises}`.
    groups: tera::Value,
    count: usize,
    title: String,
}

impl ExercisesPage {
    pub(in crate::render) fn new(site: &Site, views: &Views) -> Self {
        // Each category's listed exercises, in order, from one pass over them.
        let listed = site.here.listed;
        let mut by_term: HashMap<&str, Vec<tera::Value>> = HashMap::new();
        for (e, v) in views.exercises[..listed].iter().zip(&views.exercise_values) {
            by_term
                .entry(e.category.term.as_str())
                .or_default()
                .push(v.clone());
        }
        let groups: Vec<tera::Value> = views.site.taxonomies[Taxonomy::Category.index()]
            .terms
            .iter()
            .filter_map(|t| {
                let list = by_term.remove(t.term.as_str()).unwrap_or_default();
                (!list.is_empty()).then(|| {
                    tera::Value::from(std::collections::BTreeMap::from([
                        ("term", tera::Value::from_serializable(t)),
                        ("exercises", tera::Value::from(list)),
                    ]))
                })
            })
            .collect();
        ExercisesPage {
            groups: tera::Value::from(groups),
            count: listed,
            title: site.words.text("exercises.title").to_string(),
        }
    }
}

impl Template for ExercisesPage {
    const NAME: &'static str = "exercises.html";
    fn head(&self) -> (String, String) {
        (self.title.clone(), String::new())
    }
    fn fill(self, ctx: &mut tera::Context) {
        ctx.insert_value("groups", self.groups);
        ctx.insert("count", &self.count);
    }
}

/// `routines.html`: every routine.
pub(in crate::render) struct RoutinesPage {
    routines: tera::Value,
    title: String,
}

impl RoutinesPage {
    pub(in crate::render) fn new(site: &Site, views: &Views) -> Self {
        RoutinesPage {
            routines: tera::Value::from(views.routine_values.clone()),
            title: site.words.text("routines.title").to_string(),
        }
    }
}

impl Template for RoutinesPage {
    const NAME: &'static str = "routines.html";
    fn head(&self) -> (String, String) {
        (self.title.clone(), String::new())
    }
    fn fill(self, ctx: &mut tera::Context) {
        ctx.insert_value("routines", self.routines);
    }
}

/// `taxonomy.html`: one vocabulary with its terms.
pub(in crate::render) struct TaxonomyPage {
    title: String,
    taxonomy: tera::Value,
}

impl TaxonomyPage {
    pub(in crate::render) fn new(views: &Views, t: Taxonomy) -> Self {
        TaxonomyPage {
            title: views.site.taxonomies[t.index()].title.clone(),
            taxonomy: views.taxonomy_values[t.index()].clone(),
        }
    }
}

impl Template for TaxonomyPage {
    const NAME: &'static str = "taxonomy.html";
    fn head(&self) -> (String, String) {
        (self.title.clone(), String::new())
    }
    fn fill(self, ctx: &mut tera::Context) {
        ctx.insert_value("taxonomy", self.taxonomy);
    }
}

/// `term.html`: the exercises with one term.
pub(in crate::render) struct TermPage<'a> {
    taxonomy: &'a TaxonomyView,
    /// `taxonomy` as a template value, shared by all its term pages.
    taxonomy_value: tera::Value,
    term: TermView,
    exercises: tera::Value,
}

impl<'a> TermPage<'a> {
    pub(in crate::render) fn new(site: &Site, views: &'a Views, id: TermId) -> Self {
        let list: Vec<tera::Value> = site
            .with_term(id)
            .iter()
            .map(|&i| views.exercise_values[i.index()].clone())
            .collect();
        TermPage {
            taxonomy: &views.site.taxonomies[id.taxonomy.index()],
            taxonomy_value: views.taxonomy_values[id.taxonomy.index()].clone(),
            term: term(&views.site, id.taxonomy, site.vocabs.term(id).0),
            exercises: tera::Value::from(list),
        }
    }
}

impl Template for TermPage<'_> {
    const NAME: &'static str = "term.html";
    fn head(&self) -> (String, String) {
        (
            format!("{}: {}", self.taxonomy.title, self.term.label),
            String::new(),
        )
    }
    fn fill(self, ctx: &mut tera::Context) {
        ctx.insert_value("taxonomy", self.taxonomy_value);
        ctx.insert("term", &self.term);
        ctx.insert_value("exercises", self.exercises);
    }
}
