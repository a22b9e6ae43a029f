//! Every page and file of the site, by id: the list rendering works
//! through and links are checked against.

use super::routes::Route;
use crate::model::ids::{ExerciseId, GuideId, RoutineId};
use crate::model::taxonomy::{Taxonomy, TermId, Vocabularies};
use crate::model::Content;

/// One page or file of the site: what is rendered, by id (its
/// [`Route`] says where it is written).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Page {
    Home,
    Exercise(ExerciseId),
    Routine(RoutineId),
    Guide(GuideId),
    ExerciseIndex,
    RoutineIndex,
    Taxonomy(Taxonomy),
    Term(TermId),
    Search,
    NotFound,
    ExerciseSheet(ExerciseId),
    /// A routine's sheet, in standard and large print (one file).
    RoutineSheet(RoutineId),
    SearchIndex,
    /// What search loads after the first results.
    SearchMore,
    Sitemap,
    Robots,
    Builder,
    BuilderData,
    BuilderPart(usize),
    BuilderRoutines(usize),
    Static(String),
}

impl Page {
    /// The kind of page, for timings.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Page::Home => "home",
            Page::Exercise(_) => "exercise",
            Page::Routine(_) => "routine",
            Page::Guide(_) => "guide",
            Page::ExerciseIndex => "exercise index",
            Page::RoutineIndex => "routine index",
            Page::Taxonomy(_) => "taxonomy",
            Page::Term(..) => "term",
            Page::Search => "search page",
            Page::NotFound => "404",
            Page::ExerciseSheet(_) => "exercise sheet",
            Page::RoutineSheet(..) => "routine sheet",
            Page::SearchIndex | Page::SearchMore => "search index",
            Page::Sitemap => "sitemap",
            Page::Robots => "robots.txt",
            Page::Builder => "programme builder",
            Page::BuilderData | Page::BuilderPart(_) | Page::BuilderRoutines(_) => {
                "programme builder data"
            }
            Page::Static(_) => "static",
        }
    }

    /// Where the page is written.
    pub(crate) fn route<'a>(&'a self, c: &'a Content, vocabs: &'a Vocabularies) -> Route<'a> {
        match self {
            Page::Home => Route::Home,
            Page::Exercise(i) => Route::Exercise(&c.exercise(*i).slug),
            Page::Routine(i) => Route::Routine(&c.routine(*i).slug),
            Page::Guide(i) => Route::Guide(&c.guide(*i).slug),
            Page::ExerciseIndex => Route::Exercises,
            Page::RoutineIndex => Route::Routines,
            Page::Taxonomy(t) => Route::Taxonomy(*t),
            Page::Term(id) => Route::Term(id.taxonomy, vocabs.term(*id).0),
            Page::Search => Route::Search,
            Page::NotFound => Route::NotFound,
            Page::ExerciseSheet(i) => Route::ExerciseSheet(&c.exercise(*i).slug),
            Page::RoutineSheet(i) => Route::RoutineSheet(&c.routine(*i).slug),
            Page::SearchIndex => Route::SearchIndex,
            Page::SearchMore => Route::SearchMore,
            Page::Sitemap => Route::Sitemap,
            Page::Robots => Route::Robots,
            Page::Builder => Route::Builder,
            Page::BuilderData => Route::BuilderData,
            Page::BuilderPart(n) => Route::BuilderPart(*n),
            Page::BuilderRoutines(n) => Route::BuilderRoutines(*n),
            Page::Static(p) => Route::Static(p),
        }
    }
}

/// Every page and file of a site with content `c`, vocabularies `vocabs`
/// and the theme's static files `statics`; the costliest first, so that
/// no rendering thread is left with them at the end.
pub(crate) fn all<'a>(
    c: &Content,
    vocabs: &Vocabularies,
    statics: impl Iterator<Item = &'a String>,
) -> Vec<Page> {
    let mut jobs = vec![
        Page::Home,
        Page::ExerciseIndex,
        Page::RoutineIndex,
        Page::Search,
        Page::NotFound,
        Page::SearchIndex,
        Page::SearchMore,
        Page::Sitemap,
        Page::Builder,
        Page::BuilderData,
    ];
    let parts = c.exercises.len().div_ceil(crate::render::BUILDER_PART);
    jobs.extend((0..parts).map(Page::BuilderPart));
    let runs = c.routines.len().div_ceil(crate::render::BUILDER_PART);
    jobs.extend((0..runs).map(Page::BuilderRoutines));
    for vocab in vocabs.iter() {
        jobs.push(Page::Taxonomy(vocab.taxonomy));
        jobs.extend(vocab.ids().map(|(id, _)| Page::Term(id)));
    }
    let exercises = || (0..c.exercises.len()).map(ExerciseId::new);
    let routines = || (0..c.routines.len()).map(RoutineId::new);
    jobs.extend(exercises().map(Page::Exercise));
    jobs.extend(exercises().map(Page::ExerciseSheet));
    jobs.extend(routines().map(Page::Routine));
    jobs.extend(routines().map(Page::RoutineSheet));
    jobs.extend((0..c.guides.len()).map(|i| Page::Guide(GuideId::new(i))));
    let statics: Vec<Page> = statics.map(|p| Page::Static(p.clone())).collect();
    // A site's own static/robots.txt wins over the made one.
    if !statics
        .iter()
        .any(|p| *p == Page::Static("robots.txt".into()))
    {
        jobs.push(Page::Robots);
    }
    jobs.extend(statics);
    jobs
}

/// Every page made from a content file: its file's index in
/// `Content::files`, and its route.
pub(crate) fn sources(c: &Content) -> Vec<(usize, Route<'_>)> {
    let mut out = Vec::with_capacity(c.files.len());
    if let Some(src) = c.home.src {
        out.push((src, Route::Home));
    }
    out.extend(
        c.exercises
            .iter()
            .map(|e| (e.src, Route::Exercise(&e.slug))),
    );
    out.extend(c.routines.iter().map(|r| (r.src, Route::Routine(&r.slug))));
    out.extend(c.guides.iter().map(|g| (g.src, Route::Guide(&g.slug))));
    out
}

/// Every page and file of `site` in its language: all of [`all`] in the
/// default language; in another, its own pages (not the exercises that
/// are only there for its routines), and neither the static files, the
/// sitemap nor robots.txt, which the site has once (each language has its
/// own 404 page).
pub(crate) fn of_language<'a>(
    site: &super::Site,
    statics: impl Iterator<Item = &'a String>,
) -> Vec<Page> {
    let mut jobs = all(&site.content, &site.vocabs, statics);
    if site.here.index > 0 {
        jobs.retain(|p| match p {
            Page::Exercise(i) | Page::ExerciseSheet(i) => site.listed(*i),
            Page::Static(_) | Page::Sitemap | Page::Robots => false,
            _ => true,
        });
    }
    jobs
}
