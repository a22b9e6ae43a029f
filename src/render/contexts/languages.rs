//! What every page of a handbook in more than one language gets: a link
//! to the same page in each language (the index of its kind of page where
//! a language has no translation of it), and the page's writing direction.

use crate::site::routes::{self, Route};
use crate::site::Site;
use serde::Serialize;

/// One language in the switcher.
#[derive(Serialize)]
pub(super) struct LanguageLink {
    /// Its code, for `hreflang` and `lang`.
    code: String,
    /// Its name in its own words.
    name: String,
    /// The link from this page (relative).
    url: String,
    /// Its absolute address, when `base_url` is absolute.
    absolute: Option<String>,
    /// This page's language.
    current: bool,
    /// The same page (not the index it falls back to).
    same_page: bool,
}

/// The switcher of the page at `route` of `site`.
pub(super) fn switcher(site: &Site, route: Route) -> Vec<LanguageLink> {
    let all = &site.here.all;
    let here = site.path(route);
    let base = site.config.base_url_slash();
    // The site's top: `base_url` of the default language.
    let top = base
        .strip_suffix(&site.here.prefix())
        .unwrap_or(&base)
        .to_string();
    // The 404 page is served at any depth: its links start at the site's
    // top when `base_url` gives one.
    let from_top =
        route == Route::NotFound && (top.starts_with('/') || site.config.has_absolute_base_url());
    (0..all.codes.len())
        .map(|lang| {
            let there = all.nearest(lang, route);
            let path = format!("{}{}", all.prefix(lang), there.path());
            LanguageLink {
                code: all.codes[lang].clone(),
                name: name(&all.codes[lang]),
                url: match from_top {
                    true => format!("{top}{path}"),
                    false => routes::relative(&here, &path),
                },
                absolute: site
                    .config
                    .has_absolute_base_url()
                    .then(|| format!("{top}{path}")),
                current: lang == site.here.index,
                same_page: there == route,
            }
        })
        .collect()
}

/// The name of language `code` in its own words.
fn name(code: &str) -> String {
    match code {
        "en" => "English",
        "es" => "Español",
        "fr" => "Français",
        "de" => "Deutsch",
        "ar" => "العربية",
        _ => return code.to_string(),
    }
    .to_string()
}

/// `rtl` for a language written right to left (its words' `meta.dir`, or
/// a language known to be), else `ltr`.
pub(super) fn dir(site: &Site) -> &'static str {
    let code = site.config.language.split('-').next().unwrap_or("");
    let written = site.words.has("meta.dir") && site.words.text("meta.dir") == "rtl";
    match written || ["ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"].contains(&code) {
        true => "rtl",
        false => "ltr",
    }
}
