//! Rendering one page or file of the site (a [`Page`]) into bytes.

use super::contexts as c;
use super::values::Views;
use super::Bytes;
use crate::diag::Diagnostic;
use crate::site::pages::Page as Job;
use crate::site::Site;
use crate::theme::{StaticSource, Theme};

/// Runs one job: its output path and bytes, or a template error.
pub(super) fn run(
    site: &Site,
    theme: &Theme,
    views: &Views,
    bodies: &super::bodies::Bodies,
    job: &Job,
) -> Result<Option<(String, Bytes)>, Diagnostic> {
    let route = site.route(job);
    let path = route.path();
    // A page: its typed context rendered with its template.
    macro_rules! page {
        ($context:expr) => {
            c::render(site, views, theme, route, &path, $context)?.into_bytes()
        };
    }
    let bytes = match *job {
        Job::Static(ref p) => match theme.statics.get(p) {
            Some(StaticSource::Embedded(b)) => b.to_vec(),
            Some(StaticSource::Disk(file)) => std::fs::read(file).map_err(|e| {
                Diagnostic::error(
                    format!("static/{p}"),
                    format!("cannot read static file: {e}"),
                )
            })?,
            None => return Ok(None),
        },
        Job::SearchIndex => {
            std::mem::take(&mut crate::sync::lock(&views.search).index).into_bytes()
        }
        Job::SearchMore => std::mem::take(&mut crate::sync::lock(&views.search).more).into_bytes(),
        Job::BuilderData => super::builder_data::data_js(site, views, &site.words).into_bytes(),
        Job::BuilderPart(n) => super::builder_data::part_js(views, n).into_bytes(),
        Job::BuilderRoutines(n) => {
            super::builder_data::routines_js(site, n, &site.words).into_bytes()
        }
        Job::Builder => page!(c::BuilderPage::new(site, &theme.sheet)),
        Job::Sitemap => super::sitemap::sitemap(site, views).into_bytes(),
        Job::Home => page!(c::HomePage::new(site, views, bodies)),
        Job::Exercise(id) => page!(c::ExercisePage::new(site, views, bodies, id)),
        Job::Routine(id) => page!(c::RoutinePage::new(site, views, bodies, id)),
        Job::Guide(id) => page!(c::GuidePage::new(site, bodies, id)),
        Job::ExerciseIndex => page!(c::ExercisesPage::new(site, views)),
        Job::RoutineIndex => page!(c::RoutinesPage::new(site, views)),
        Job::Taxonomy(t) => page!(c::TaxonomyPage::new(views, t)),
        Job::Term(id) => page!(c::TermPage::new(site, views, id)),
        Job::Search => page!(c::SearchPage::new(site)),
        Job::NotFound => page!(c::NotFoundPage(site.words.text("not_found.title").into())),
        Job::Robots => page!(c::RobotsFile::new(site)),
        Job::ExerciseSheet(id) => page!(c::ExerciseSheet::new(site, &theme.sheet, views, id)),
        Job::RoutineSheet(id) => {
            page!(c::RoutineSheet::new(site, &theme.sheet, views, bodies, id))
        }
    };
    Ok(Some((site.path(route), Bytes::new(bytes))))
}
