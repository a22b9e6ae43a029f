//! `sitemap.xml`: every page a search engine should know, at its absolute URL.

use super::values::Views;
use crate::site::routes::{self, Route};
use crate::site::Site;

/// `sitemap.xml` with absolute URLs from `base_url`.
pub(crate) fn sitemap(site: &Site, views: &Views) -> String {
    let mut urls: Vec<String> = vec![
        Route::Home.sitemap_path(),
        Route::Exercises.path(),
        Route::Routines.path(),
    ];
    urls.extend(views.exercises.iter().map(|e| e.url.clone()));
    urls.extend(views.routines.iter().map(|r| r.url.clone()));
    urls.extend(views.site.guides.iter().map(|g| g.url.clone()));
    for t in &views.site.taxonomies {
        urls.push(t.url.clone());
        urls.extend(
            t.terms
                .iter()
                .filter(|x| x.count > 0)
                .map(|x| x.url.clone()),
        );
    }
    let langs = &site.here.all;
    if langs.many() {
        return with_alternates(site, &urls);
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for u in urls {
        out.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            crate::markdown::html_escape(&routes::absolute(&site.config, &u))
        ));
    }
    out.push_str("</urlset>\n");
    out
}

/// The sitemap of a site in more than one language: each page in each
/// language it is in, with the addresses of all its languages
/// (`xhtml:link rel="alternate" hreflang`).
fn with_alternates(site: &Site, urls: &[String]) -> String {
    let langs = &site.here.all;
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    for u in urls {
        let versions: Vec<(&str, String)> = (0..langs.codes.len())
            .filter(|&l| langs.has_path(l, if u.is_empty() { "index.html" } else { u }))
            .map(|l| {
                let path = format!("{}{u}", langs.prefix(l));
                let url = routes::absolute(&site.config, &path);
                (langs.codes[l].as_str(), crate::markdown::html_escape(&url))
            })
            .collect();
        for (_, loc) in &versions {
            out.push_str(&format!("  <url><loc>{loc}</loc>"));
            for (code, href) in &versions {
                out.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{code}\" href=\"{href}\"/>"
                ));
            }
            out.push_str("</url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}
