//! The views every page shares, built once per build: the site, each
//! exercise and each routine, as view structs and as template values.

mod page_views;
mod tera_values;

pub(super) use page_views::term;
use page_views::{exercise_view, routine_view};
use tera_values::{exercise_value, routine_value, term_values};

use super::views::*;
use crate::markdown::Rendered;
use crate::site::routes::Route;
use crate::site::Site;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

pub(crate) struct Views {
    pub(crate) site: SiteView,
    pub(crate) exercises: Vec<Arc<ExerciseView>>,
    pub(crate) routines: Vec<RoutineView>,
    /// `site` and each exercise as template values, converted once: every
    /// page shares them (cloning one is cheap), so lists of many exercises
    /// cost no conversion per page.
    pub(super) site_value: tera::Value,
    pub(super) exercise_values: Vec<tera::Value>,
    pub(super) routine_values: Vec<tera::Value>,
    /// Each vocabulary (`site.taxonomies`) as a template value: a term page
    /// shows its vocabulary, and there may be thousands of term pages.
    pub(super) taxonomy_values: Vec<tera::Value>,
    /// Each routine's sheet layouts, once worked out (`fit_routines`).
    pub(crate) fits: Vec<Arc<crate::sheet::Fitted>>,
    /// The search files, once worked out (`search::Read::files`). Each of
    /// the two search jobs takes its file out, so the text is not kept
    /// while the rest of the site is rendered.
    pub(crate) search: std::sync::Mutex<crate::search::Files>,
    /// The words of the header's search box, as JSON (`search_box_words`).
    pub(super) search_box_words: String,
}

impl Views {
    pub(crate) fn new(
        site: &Site,
        theme: &crate::theme::Theme,
        bodies: &mut crate::render::bodies::Bodies,
        memo: Option<&super::Memo>,
    ) -> Views {
        // Each exercise's steps and starting position move into its view
        // where the body may be handed over (else they are copied).
        let own: Vec<Option<(Vec<String>, String)>> = site
            .content
            .exercises
            .iter()
            .map(|e| bodies.take_steps(e.src))
            .collect();
        let bodies: &HashMap<usize, Arc<Rendered>> = bodies;
        let taxonomies: Vec<TaxonomyView> = site
            .vocabs
            .iter()
            .map(|v| TaxonomyView {
                name: v.taxonomy.name().to_string(),
                title: label(site, "taxonomy", v.taxonomy.name())
                    .unwrap_or_else(|| v.taxonomy.title().to_string()),
                url: Route::Taxonomy(v.taxonomy).path(),
                terms: v
                    .ids()
                    .map(|(id, term)| TermView {
                        term: term.to_string(),
                        label: label(site, &format!("vocab.{}", v.taxonomy.name()), term)
                            .unwrap_or_else(|| site.vocabs.term(id).1.to_string()),
                        url: Route::Term(v.taxonomy, term).path(),
                        count: site.with_term(id).len(),
                    })
                    .collect(),
                index: v
                    .ids()
                    .map(|(id, term)| (term.to_string(), id.index))
                    .collect(),
            })
            .collect();
        let cfg = &site.config;
        let site_view = SiteView {
            title: cfg.title.clone(),
            description: cfg.description.clone(),
            language: cfg.language.clone(),
            base_url: cfg.base_url.clone(),
            absolute_base_url: cfg.has_absolute_base_url(),
            paper: format!("{:?}", cfg.paper),
            clinic: cfg.clinic.clone(),
            guides: site
                .content
                .guides
                .iter()
                // Guides for staff are built but not listed for patients.
                .filter(|g| !g.staff)
                .map(|g| LinkView {
                    title: g.title.clone(),
                    url: Route::Guide(&g.slug).path(),
                    summary: g.summary.clone(),
                })
                .collect(),
            taxonomies,
        };
        let terms = term_values(&site_view);
        let shared = memo.map(|_| super::Memo::views_print(site, theme, &site_view));
        let (exercises, exercise_values): (Vec<Arc<ExerciseView>>, Vec<tera::Value>) = site
            .content
            .exercises
            .par_iter()
            .zip(own)
            .enumerate()
            .map(|(i, (e, own))| {
                let body = bodies.get(&e.src).map(|b| &**b);
                let moved = i >= site.here.listed;
                let view = || {
                    let mut view = exercise_view(&site_view, theme, &site.words, e, body, own);
                    if moved {
                        // Only there for a routine: the default language's page.
                        view.url = format!("../{}", view.url);
                        view.sheet_url = format!("../{}", view.sheet_url);
                    }
                    view
                };
                match (memo, shared) {
                    // `serve` keeps each view with its value.
                    (Some(m), Some(shared)) => m.exercise_view(
                        &site.content.files[e.src],
                        (shared, moved, body, crate::render::media::stamps(theme, e)),
                        || {
                            let view = view();
                            let value = exercise_value(&view, &terms);
                            (Arc::new(view), value)
                        },
                    ),
                    // The values are made later (`Views::make_values`).
                    _ => (Arc::new(view()), tera::Value::none()),
                }
            })
            .unzip();
        let exercise_values = match memo {
            Some(_) => exercise_values,
            None => Vec::new(),
        };
        let routines: Vec<RoutineView> = site
            .content
            .routines
            .par_iter()
            .map(|r| routine_view(site, &exercises, r))
            .collect();
        Views {
            search_box_words: super::contexts::words_json(
                &site.words,
                super::contexts::SEARCH_BOX_WORDS,
            ),
            site_value: tera::Value::from_serializable(&site_view),
            taxonomy_values: site_view
                .taxonomies
                .iter()
                .map(tera::Value::from_serializable)
                .collect(),
            routine_values: Vec::new(),
            exercise_values,
            site: site_view,
            exercises,
            routines,
            fits: Vec::new(),
            search: Default::default(),
        }
    }
}

impl Views {
    /// The exercises and routines as template values, for the templates
    /// (made after the search index, so that a big site does not hold both
    /// at once; `serve` has the exercises' values already).
    pub(crate) fn make_values(&mut self, site: &Site) {
        if self.exercise_values.len() != self.exercises.len() {
            let terms = term_values(&self.site);
            self.exercise_values = self
                .exercises
                .par_iter()
                .map(|v| exercise_value(v, &terms))
                .collect();
        }
        let exercises = &self.exercise_values;
        self.routine_values = self
            .routines
            .par_iter()
            .map(|r| routine_value(site, r, exercises))
            .collect();
    }
}

/// The words of `group.key` in the site's language, when it is not the
/// default one: a label `[languages.<code>.vocabulary]` gives (for `vocab.…`
/// groups), else the theme's words. The default language keeps the labels
/// of `handout.toml` and the built-in English ones.
fn label(site: &Site, group: &str, key: &str) -> Option<String> {
    if site.here.index == 0 {
        return None;
    }
    let own = group.strip_prefix("vocab.").and_then(|name| {
        let table = site
            .config
            .languages
            .get(&site.config.language)?
            .vocabulary
            .get(name)?;
        table.0.iter().find_map(|(t, setting)| match setting {
            crate::model::taxonomy::TermSetting::Label(l) if t == key => Some(l.clone()),
            _ => None,
        })
    });
    let full = format!("{group}.{key}");
    own.or_else(|| {
        site.words
            .has(&full)
            .then(|| site.words.text(&full).to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// Each exercise's template value, made with shared term values, is
    /// exactly what templates would get from the view itself.
    #[test]
    fn exercise_values_are_the_views_as_values() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = crate::config::load(root).unwrap();
        let vocabs = config.vocabularies();
        let (content, _) = crate::parse::read_with(root, false, None);
        let graph = crate::site::graph(&content, &vocabs);
        let site = Site::new(config, vocabs, content, graph);
        let mut bodies =
            crate::render::bodies::Bodies::new(super::super::bodies(&site, None), false);
        let theme = crate::theme::Theme::load(root).unwrap();
        let mut views = Views::new(&site, &theme, &mut bodies, None);
        views.make_values(&site);
        assert!(views.exercises.len() > 20);
        for (v, value) in views.exercises.iter().zip(&views.exercise_values) {
            assert_eq!(*value, tera::Value::from_serializable(&**v), "{}", v.slug);
            let map = value.as_map().unwrap();
            assert!(map.len() > 15, "{}", v.slug);
        }
        // A term no vocabulary lists still gets its own value.
        let mut odd = (*views.exercises[0]).clone();
        odd.region.push(TermView {
            term: "elsewhere".into(),
            label: "Elsewhere".into(),
            ..TermView::default()
        });
        let value = exercise_value(&odd, &term_values(&views.site));
        assert_eq!(value, tera::Value::from_serializable(&odd));
        assert_eq!(odd.region.last().unwrap().term, "elsewhere");
    }
}
