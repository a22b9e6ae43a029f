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
