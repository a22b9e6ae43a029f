//! The list of rendering jobs: one per page, sheet and file of the site,
//! each with the [`Route`] it is written to.

use super::context::{self, Views};
use super::{Bytes, Memo};
use crate::diag::Diagnostic;
use crate::markdown::Rendered;
use crate::model::ids::{ExerciseId, GuideId, RoutineId};
use crate::model::taxonomy::{Taxonomy, TermId};
use crate::site::routes::Route;
use crate::site::Site;
use crate::theme::{StaticSource, Theme};
use std::collections::HashMap;
use std::sync::Arc;

/// One unit of rendering work.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Job {
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
    RoutineSheet(RoutineId, bool),
    SearchIndex,
    Sitemap,
    Static(String),
}

impl Job {
    /// The kind of job, for timings.
    pub(super) fn kind(&self) -> &'static str {
        match self {
            Job::Home => "home",
            Job::Exercise(_) => "exercise",
            Job::Routine(_) => "routine",
            Job::Guide(_) => "guide",
            Job::ExerciseIndex => "exercise index",
            Job::RoutineIndex => "routine index",
            Job::Taxonomy(_) => "taxonomy",
            Job::Term(..) => "term",
            Job::Search => "search page",
            Job::NotFound => "404",
            Job::ExerciseSheet(_) => "exercise sheet",
            Job::RoutineSheet(..) => "routine sheet",
            Job::SearchIndex => "search index",
            Job::Sitemap => "sitemap",
            Job::Static(_) => "static",
        }
    }

    /// Where the job's output goes.
    pub(super) fn route<'a>(&'a self, site: &'a Site) -> Route<'a> {
        let c = &site.content;
        match self {
            Job::Home => Route::Home,
            Job::Exercise(i) => Route::Exercise(&c.exercise(*i).slug),
            Job::Routine(i) => Route::Routine(&c.routine(*i).slug),
            Job::Guide(i) => Route::Guide(&c.guide(*i).slug),
            Job::ExerciseIndex => Route::Exercises,
            Job::RoutineIndex => Route::Routines,
            Job::Taxonomy(t) => Route::Taxonomy(*t),
            Job::Term(id) => Route::Term(id.taxonomy, site.vocabs.term(*id).0),
            Job::Search => Route::Search,
            Job::NotFound => Route::NotFound,
            Job::ExerciseSheet(i) => Route::ExerciseSheet(&c.exercise(*i).slug),
            Job::RoutineSheet(i, false) => Route::RoutineSheet(&c.routine(*i).slug),
            Job::RoutineSheet(i, true) => Route::LargeRoutineSheet(&c.routine(*i).slug),
            Job::SearchIndex => Route::SearchIndex,
            Job::Sitemap => Route::Sitemap,
            Job::Static(p) => Route::Static(p),
        }
    }
}

/// Every job of the site, the costliest first, so no thread is left with
/// them at the end.
pub(super) fn jobs(site: &Site, theme: &Theme) -> Vec<Job> {
    let c = &site.content;
    let mut jobs = vec![
        Job::Home,
        Job::ExerciseIndex,
        Job::RoutineIndex,
        Job::Search,
        Job::NotFound,
        Job::SearchIndex,
        Job::Sitemap,
    ];
    for vocab in site.vocabs.iter() {
        jobs.push(Job::Taxonomy(vocab.taxonomy));
        jobs.extend(vocab.ids().map(|(id, _)| Job::Term(id)));
    }
    let exercises = || (0..c.exercises.len()).map(ExerciseId::new);
    let routines = || (0..c.routines.len()).map(RoutineId::new);
    jobs.extend(exercises().map(Job::Exercise));
    jobs.extend(exercises().map(Job::ExerciseSheet));
    jobs.extend(routines().map(Job::Routine));
    jobs.extend(routines().flat_map(|i| [Job::RoutineSheet(i, false), Job::RoutineSheet(i, true)]));
    jobs.extend((0..c.guides.len()).map(|i| Job::Guide(GuideId::new(i))));
    jobs.extend(theme.statics.keys().map(|p| Job::Static(p.clone())));
    jobs
}

/// Runs one job: its output path and bytes, or a template error.
pub(super) fn run(
    site: &Site,
    theme: &Theme,
    views: &Views,
    bodies: &HashMap<usize, Arc<Rendered>>,
    job: &Job,
    memo: Option<&Memo>,
) -> Result<Option<(String, Bytes)>, Diagnostic> {
    let path = job.route(site).path();
    let bytes = match job {
        Job::Static(p) => match theme.statics.get(p) {
            Some(StaticSource::Embedded(b)) => b.to_vec(),
            Some(StaticSource::Disk(file)) => std::fs::read(file).map_err(|e| {
                Diagnostic::error(
                    format!("static/{p}"),
                    format!("cannot read static file: {e}"),
                )
            })?,
            None => return Ok(None),
        },
        Job::SearchIndex => crate::search::index_js_with(
            &views.search_docs(site, bodies),
            &views.search_facets(),
            &site.config.search.synonyms,
            memo.map(|m| &m.search),
        )
        .into_bytes(),
        Job::Sitemap => context::sitemap(site, views).into_bytes(),
        _ => {
            let (template, ctx) = context::page(site, views, bodies, job, &path);
            theme.render(template, &ctx)?.into_bytes()
        }
    };
    Ok(Some((path, Bytes::new(bytes))))
}
