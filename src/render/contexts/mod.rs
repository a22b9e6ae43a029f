//! One small typed context per template. Each page's context is a struct
//! naming exactly what its template reads; [`render`] adds what every
//! template gets (`site`, `root`, `url`, `canonical`, `title`,
//! `description`).

mod builder;
mod languages;
mod lists;
mod pages;
mod sheets;

pub(super) use builder::BuilderPage;
pub(super) use lists::{ExercisesPage, HomePage, RoutinesPage, TaxonomyPage, TermPage};
pub(super) use pages::{ExercisePage, GuidePage, RoutinePage};
pub(super) use sheets::{ExerciseSheet, RoutineSheet};

use super::values::Views;
use super::views::LinkView;
use crate::diag::Diagnostic;
use crate::site::routes::{self, Route};
use crate::site::Site;
use crate::theme::Theme;

/// A template and the values it is rendered with.
pub(super) trait Template {
    /// The template's file name under `templates/`.
    const NAME: &'static str;
    /// The page's title and one-line description.
    fn head(&self) -> (String, String);
    /// Puts the context's values into `ctx`.
    fn fill(self, ctx: &mut tera::Context);
}

/// Renders `page` at `route` (whose output path is `path`).
pub(super) fn render<T: Template>(
    site: &Site,
    views: &Views,
    theme: &Theme,
    route: Route,
    path: &str,
    page: T,
) -> Result<String, Diagnostic> {
    let cfg = &site.config;
    let mut ctx = tera::Context::new();
    let (title, description) = page.head();
    ctx.insert_value("site", views.site_value.clone());
    let root = routes::root(cfg, route, path);
    ctx.insert("assets", &routes::assets(&site.here.prefix(), &root));
    ctx.insert("root", &root);
    if site.here.all.many() {
        ctx.insert("languages", &languages::switcher(site, route));
    }
    ctx.insert("dir", languages::dir(site));
    ctx.insert("url", path);
    ctx.insert("canonical", &routes::canonical(cfg, path));
    ctx.insert("title", &title);
    ctx.insert("description", &description);
    page.fill(&mut ctx);
    theme.render(T::NAME, &ctx)
}

/// The search page: what every page gets, nothing more.
pub(super) struct SearchPage(pub(super) String);

impl Template for SearchPage {
    const NAME: &'static str = "search.html";
    fn head(&self) -> (String, String) {
        (self.0.clone(), String::new())
    }
    fn fill(self, _: &mut tera::Context) {}
}

/// The page shown for an address the site does not have.
pub(super) struct NotFoundPage(pub(super) String);

impl Template for NotFoundPage {
    const NAME: &'static str = "404.html";
    fn head(&self) -> (String, String) {
        (self.0.clone(), String::new())
    }
    fn fill(self, _: &mut tera::Context) {}
}

/// `robots.txt`: every page may be indexed; it names the sitemap when
/// `base_url` is an absolute address.
pub(super) struct RobotsFile {
    sitemap: Option<String>,
}

impl RobotsFile {
    pub(super) fn new(site: &Site) -> Self {
        let cfg = &site.config;
        RobotsFile {
            sitemap: cfg
                .has_absolute_base_url()
                .then(|| routes::absolute(cfg, &Route::Sitemap.path())),
        }
    }
}

impl Template for RobotsFile {
    const NAME: &'static str = "robots.txt";
    fn head(&self) -> (String, String) {
        (String::new(), String::new())
    }
    fn fill(self, ctx: &mut tera::Context) {
        ctx.insert("sitemap", &self.sitemap);
    }
}

/// A link to a page, from its title, URL and summary.
fn link(title: &str, url: &str, summary: &str) -> LinkView {
    LinkView {
        title: title.to_string(),
        url: url.to_string(),
        summary: summary.to_string(),
    }
}
