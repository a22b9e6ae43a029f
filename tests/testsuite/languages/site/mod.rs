//! A handbook in two languages, built: every page in both, the links
//! between them (switcher, `hreflang`, sitemap) leading to files that
//! exist, a translation over its original's typed data, the errors of a
//! bad translation, the report of untranslated pages, Spanish sheets on
//! one page, and a right-to-left language.

mod pages;
mod sheets;
mod translations;

use crate::common::*;
use snapbox::{assert_data_eq, str};
use std::collections::BTreeSet;
use std::path::Path;

const LANGUAGES: &str =
    "\n[languages.es]\ntitle = \"Manual de la clínica\"\nclinic = { name = \"Clínica de prueba\" }\n";

/// The basic fixture with every page translated into Spanish, except
/// those named in `leave`.
fn two_languages(leave: &[&str]) -> SiteTest {
    let pages: [(&str, &str); 6] = [
        ("content/index.es.md", "---\ntitle: Bienvenida\nsummary: La página de inicio.\n---\nEmpiece por la [rutina de escritorio](routines/desk.md) o lea [cuándo parar](guides/help.md).\n"),
        ("content/exercises/wall-angels.es.md", "---\ntitle: Ángeles en la pared\nsummary: Deslice los brazos por la pared.\ncautions:\n  - Pare donde los brazos se separen de la pared.\n---\nPóngase de pie contra una pared.\n\n1. Deslice los brazos hacia arriba.\n2. Bájelos despacio.\n\nVea también [la W boca abajo](prone-w.md).\n"),
        ("content/exercises/prone-w.es.md", "---\ntitle: W boca abajo\nsummary: Túmbese boca abajo y levante los brazos en forma de W.\ncautions: [Mantenga el cuello largo.]\n---\nTúmbese boca abajo.\n\n1. Levante los brazos.\n"),
        ("content/exercises/scapular-squeeze.es.md", "---\ntitle: Juntar los omóplatos\nsummary: Junte los omóplatos.\ncautions: []\n---\nSiéntese derecho.\n\n1. Junte los omóplatos.\n"),
        ("content/routines/desk.es.md", "---\ntitle: Rutina de escritorio\nsummary: Tres movimientos entre reuniones.\ncautions: [Pare si se marea.]\nsections: [Calentar, Fuerza]\nnotes: { wall-angels: \"Despacio.\" }\n---\nHágala en su mesa.\n"),
        ("content/guides/help.es.md", "---\ntitle: Cuándo parar\nsummary: Señales de alarma.\n---\n## Señales de alarma\n\nPare y llámenos.\n"),
    ];
    let mut site = SiteTest::fixture("basic");
    let toml = site.read("handout.toml") + LANGUAGES;
    site = site.file("handout.toml", &toml);
    for (path, text) in pages {
        if !leave.iter().any(|l| path.contains(l)) {
            site = site.file(path, text);
        }
    }
    site
}

/// The HTML files under `dir`, relative.
fn html_files(dir: &Path) -> BTreeSet<String> {
    all_files(dir)
        .into_keys()
        .filter(|p| p.ends_with(".html"))
        .collect()
}

/// The relative addresses of `attr="…"` in `html` (no fragment, no query).
fn links<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let key = format!("{attr}=\"");
    html.split(key.as_str())
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|u| !u.contains(':') && !u.starts_with('#') && !u.is_empty())
        .map(|u| u.split(['#', '?']).next().unwrap_or(u))
        .collect()
}

/// `href` of `page` (relative to `public`) resolved to a path under `public`.
fn resolve(page: &str, href: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in href.split('/') {
        match seg {
            ".." => {
                assert!(
                    parts.pop().is_some(),
                    "{page}: {href} climbs above the site"
                );
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}
