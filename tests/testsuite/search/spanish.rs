//! Spanish search in headless Chromium over `file://`: the sample's
//! `es/search.html` finds Spanish pages for a query with a typo, without
//! accents, and by a synonym no Spanish page uses.

use super::{dump_dom, element, result_links, site};
use crate::common::*;
use std::path::Path;

/// The Spanish results of `query`, checked to be Spanish pages that exist.
fn spanish_results(chrome: &Path, query: &str) -> Vec<String> {
    let es = site().join("es");
    let dom = dump_dom(chrome, &format!("{}/search.html?q={query}", file_url(&es)));
    let links = result_links(&dom);
    for link in &links {
        assert!(
            !link.starts_with("../") && !link.contains("://"),
            "{query}: {link}"
        );
        let page = es.join(link.split('#').next().unwrap_or(link));
        let html =
            std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("{query}: {link}: {e}"));
        assert!(
            html.contains("<html lang=\"es\""),
            "{query}: {link} is not a Spanish page"
        );
    }
    let status = element(&dom, "p", "search-status");
    assert!(!links.is_empty(), "{query}: no results ({status})");
    links
}

#[test]
fn spanish_search_finds_spanish_pages_with_typos_without_accents_and_by_synonyms() {
    let Some(chrome) =
        chromium("spanish_search_finds_spanish_pages_with_typos_without_accents_and_by_synonyms")
    else {
        return;
    };
    // A typo: "estiramento" for "estiramiento" (stretch).
    let typo = spanish_results(&chrome, "estiramento");
    for page in [
        "exercises/childs-pose.html",
        "exercises/thread-the-needle.html",
    ] {
        assert!(typo.iter().any(|l| l == page), "estiramento: {typo:?}");
    }
    // Without accents: "musculo" finds what "músculo" finds.
    let plain = spanish_results(&chrome, "musculo");
    assert_eq!(plain, spanish_results(&chrome, "m%C3%BAsculo"));
    assert_eq!(plain[0], "exercises/scapular-squeeze.html", "{plain:?}");
    let plain = spanish_results(&chrome, "tumbese+boca+arriba");
    assert!(plain.len() >= 3, "{plain:?}");
    // A synonym no Spanish page has: "paletillas" (shoulder blades) finds
    // the pages about the "omóplatos".
    let spanish: String = std::fs::read_dir(repo().join("content/exercises"))
        .expect("content")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".es.md"))
        .map(|e| {
            std::fs::read_to_string(e.path())
                .unwrap_or_default()
                .to_lowercase()
        })
        .collect();
    assert!(!spanish.contains("paletilla") && spanish.contains("omóplato"));
    let synonym = spanish_results(&chrome, "paletillas");
    assert_eq!(synonym[0], "exercises/scapular-squeeze.html", "{synonym:?}");
}
