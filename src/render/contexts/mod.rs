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
use crate::i18n::Catalog;
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
    ctx.insert("search_box_words", &views.search_box_words);
    page.fill(&mut ctx);
    theme.render(T::NAME, &ctx)
}

/// The search page: its title, and the words its script shows.
pub(super) struct SearchPage {
    title: String,
    words: String,
}

impl SearchPage {
    pub(super) fn new(site: &Site) -> Self {
        SearchPage {
            title: site.words.text("search.title").into(),
            words: words_json(&site.words, SEARCH_WORDS),
        }
    }
}

impl Template for SearchPage {
    const NAME: &'static str = "search.html";
    fn head(&self) -> (String, String) {
        (self.title.clone(), String::new())
    }
    fn fill(self, ctx: &mut tera::Context) {
        ctx.insert("search_words", &self.words);
    }
}

/// What `static/search.js` shows: the `[search]` words, the kinds of page
/// and how the language quotes and lists words.
const SEARCH_WORDS: &[&str] = &[
    "search",
    "kind.routine",
    "kind.guide",
    "meta.quote",
    "meta.list_separator",
];

/// What the header's search box (`static/search-box.js`) shows, on every
/// page: kept to the few texts of its list of suggestions.
pub(super) const SEARCH_BOX_WORDS: &[&str] = &[
    "search_box.search_for",
    "search_box.no_matches",
    "search_box.all_results",
    "kind.routine",
    "kind.guide",
];

/// The words at `keys` (a group, or a key in one: `search`, `kind.guide`)
/// as a JSON object of the same shape as the language's table, with its
/// `lang`, for a script to read as `static/builder-dosage.js` reads the
/// catalog (choices and blanks as they are). A key no table has is left out.
pub(super) fn words_json(words: &Catalog, keys: &[&str]) -> String {
    let mut out = serde_json::Map::new();
    out.insert("lang".into(), words.lang().into());
    for key in keys {
        let parts: Vec<&str> = key.split('.').collect();
        let mut found = Some(words.table());
        let Some((last, groups)) = parts.split_last() else {
            continue;
        };
        for part in groups {
            found = found
                .and_then(|t| t.get(*part))
                .and_then(toml::Value::as_table);
        }
        let Some(value) = found.and_then(|t| t.get(*last)) else {
            continue;
        };
        let mut one = serde_json::Map::new();
        one.insert((*last).into(), json(value));
        for part in groups.iter().rev() {
            let mut up = serde_json::Map::new();
            up.insert((*part).into(), serde_json::Value::Object(one));
            one = up;
        }
        merge(&mut out, one);
    }
    serde_json::Value::Object(out).to_string()
}

/// `from`'s keys put into `into`, objects merged key by key.
fn merge(
    into: &mut serde_json::Map<String, serde_json::Value>,
    from: serde_json::Map<String, serde_json::Value>,
) {
    for (k, v) in from {
        match (into.get_mut(&k), v) {
            (Some(serde_json::Value::Object(a)), serde_json::Value::Object(b)) => merge(a, b),
            (_, v) => {
                into.insert(k, v);
            }
        }
    }
}

/// A TOML value of the words' table as JSON (texts, lists and tables only).
fn json(v: &toml::Value) -> serde_json::Value {
    match v {
        toml::Value::String(s) => s.as_str().into(),
        toml::Value::Array(items) => items.iter().map(json).collect(),
        toml::Value::Table(t) => t.iter().map(|(k, v)| (k.clone(), json(v))).collect(),
        toml::Value::Integer(n) => (*n).into(),
        toml::Value::Float(f) => (*f).into(),
        toml::Value::Boolean(b) => (*b).into(),
        toml::Value::Datetime(d) => d.to_string().into(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_json_keeps_the_shape_of_the_table_and_leaves_out_unknown_keys() {
        let es = Catalog::builtin("es");
        let json: serde_json::Value =
            serde_json::from_str(&words_json(&es, SEARCH_BOX_WORDS)).unwrap_or_default();
        assert_eq!(json["lang"], "es");
        assert_eq!(json["kind"]["routine"], "Rutina");
        assert_eq!(json["search_box"]["search_for"], "Buscar «{query}»");
        assert_eq!(
            json["search_box"]["all_results"]["other"],
            "Ver los {n} resultados para «{query}»"
        );
        assert!(json["search_box"].get("label").is_none(), "{json}");
        let json: serde_json::Value =
            serde_json::from_str(&words_json(&es, &["search", "nothing.here", "kind.none"]))
                .unwrap_or_default();
        assert_eq!(json["search"]["ignored"]["by"], "count");
        assert!(
            json.get("nothing").is_none() && json.get("kind").is_none(),
            "{json}"
        );
    }
}
