//! Where every page and file of the built site lives: the one place an
//! output path or URL is made. Templates, sheets, the sitemap, search and
//! `serve` all ask a [`Route`].

use crate::config::Config;
use crate::model::taxonomy::Taxonomy;

/// A page or file of the built site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Route<'a> {
    /// `index.html`
    Home,
    /// `exercises/index.html`
    Exercises,
    /// `routines/index.html`
    Routines,
    /// `search.html`
    Search,
    /// `404.html`
    NotFound,
    /// `search-index.js`
    SearchIndex,
    /// `search-index-more.js`: what search loads after the first results
    SearchMore,
    /// `sitemap.xml`
    Sitemap,
    /// `robots.txt`
    Robots,
    /// `exercises/<slug>.html`
    Exercise(&'a str),
    /// `routines/<slug>.html`
    Routine(&'a str),
    /// `guides/<slug>.html`
    Guide(&'a str),
    /// `<taxonomy>/index.html`
    Taxonomy(Taxonomy),
    /// `<taxonomy>/<term>.html`
    Term(Taxonomy, &'a str),
    /// `print/exercises/<slug>.html`
    ExerciseSheet(&'a str),
    /// `print/routines/<slug>.html` (large print at its `#large`)
    RoutineSheet(&'a str),
    /// `builder.html`: the programme builder.
    Builder,
    /// `builder-data.js`: what the builder lists and searches (every exercise, routine and term).
    BuilderData,
    /// `builder/part-<n>.js`: the steps and cautions of one run of exercises, loaded when needed.
    BuilderPart(usize),
    /// `builder/routines-<n>.js`: the sections of one run of routines, loaded when one is chosen.
    BuilderRoutines(usize),
    /// A file of the theme's `static/` folder, at the same path.
    Static(&'a str),
}

impl Route<'_> {
    /// The site-relative output path, e.g. `exercises/wall-angels.html`.
    pub(crate) fn path(&self) -> String {
        match self {
            Route::Home => "index.html".into(),
            Route::Exercises => "exercises/index.html".into(),
            Route::Routines => "routines/index.html".into(),
            Route::Search => "search.html".into(),
            Route::NotFound => "404.html".into(),
            Route::SearchIndex => "search-index.js".into(),
            Route::SearchMore => "search-index-more.js".into(),
            Route::Sitemap => "sitemap.xml".into(),
            Route::Robots => "robots.txt".into(),
            Route::Exercise(slug) => format!("exercises/{slug}.html"),
            Route::Routine(slug) => format!("routines/{slug}.html"),
            Route::Guide(slug) => format!("guides/{slug}.html"),
            Route::Taxonomy(t) => format!("{}/index.html", t.name()),
            Route::Term(t, term) => format!("{}/{term}.html", t.name()),
            Route::ExerciseSheet(slug) => format!("print/exercises/{slug}.html"),
            Route::RoutineSheet(slug) => format!("print/routines/{slug}.html"),
            Route::Builder => "builder.html".into(),
            Route::BuilderData => "builder-data.js".into(),
            Route::BuilderPart(n) => format!("builder/part-{n}.js"),
            Route::BuilderRoutines(n) => format!("builder/routines-{n}.js"),
            Route::Static(path) => path.to_string(),
        }
    }

    /// The path the sitemap lists: the home page as the site's folder.
    pub(crate) fn sitemap_path(&self) -> String {
        match self {
            Route::Home => String::new(),
            other => other.path(),
        }
    }
}

/// The relative URL from page `from` to file `to` (both site-relative paths).
pub(crate) fn relative(from: &str, to: &str) -> String {
    let depth = from.matches('/').count();
    let mut s = "../".repeat(depth);
    s.push_str(to);
    s
}

/// The URL of the site's root as seen from the page at `route` (whose
/// output path is `path`), for templates to prefix their links with.
pub(crate) fn root(config: &Config, route: Route, path: &str) -> String {
    if route != Route::NotFound {
        return relative(path, "");
    }
    // 404 is served at any depth: use an absolute root when there is one.
    let base = config.base_url_slash();
    if base.starts_with('/') || config.has_absolute_base_url() {
        base
    } else {
        String::new()
    }
}

/// The URL of the top of the site (where the theme's files are) from a
/// page whose language root is `root`, in the language whose pages are
/// under `prefix` (`""` or `es/`).
pub(crate) fn assets(prefix: &str, root: &str) -> String {
    if prefix.is_empty() || root.contains("://") || root.starts_with('/') {
        // An absolute root (the 404 page) already names the language's folder.
        return match root.strip_suffix(prefix) {
            Some(top) if !prefix.is_empty() => top.to_string(),
            _ => root.to_string(),
        };
    }
    format!("{}{root}", "../".repeat(prefix.matches('/').count()))
}

/// The canonical (absolute) URL of `path`, when `base_url` is absolute.
pub(crate) fn canonical(config: &Config, path: &str) -> Option<String> {
    config
        .has_absolute_base_url()
        .then(|| absolute(config, path))
}

/// The absolute URL of site-relative `path` under `base_url`.
pub(crate) fn absolute(config: &Config, path: &str) -> String {
    format!("{}{path}", config.base_url_slash())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_of_every_kind() {
        assert_eq!(Route::Home.path(), "index.html");
        assert_eq!(Route::Home.sitemap_path(), "");
        assert_eq!(Route::Exercises.sitemap_path(), "exercises/index.html");
        assert_eq!(
            Route::Exercise("wall-angels").path(),
            "exercises/wall-angels.html"
        );
        assert_eq!(
            Route::Term(Taxonomy::Region, "neck").path(),
            "region/neck.html"
        );
        assert_eq!(
            Route::Taxonomy(Taxonomy::Position).path(),
            "position/index.html"
        );
        assert_eq!(
            Route::RoutineSheet("desk").path(),
            "print/routines/desk.html"
        );
        assert_eq!(Route::Static("style.css").path(), "style.css");
        assert_eq!(Route::Builder.path(), "builder.html");
        assert_eq!(Route::BuilderPart(3).path(), "builder/part-3.js");
    }

    #[test]
    fn relative_urls() {
        assert_eq!(
            relative("guides/a.html", "exercises/b.html"),
            "../exercises/b.html"
        );
        assert_eq!(
            relative("index.html", "exercises/b.html"),
            "exercises/b.html"
        );
        assert_eq!(relative("print/routines/a.html", ""), "../../");
    }
}
