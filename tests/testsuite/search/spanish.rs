//! Spanish search in headless Chromium over `file://`: the sample's
//! `es/search.html` finds Spanish pages for a query with a typo, without
//! accents, and by a synonym no Spanish page uses, and says so in Spanish,
//! as the header's search box of a Spanish page does.

use super::{dump_dom, element, result_links, server, site, text};
use crate::common::*;
use std::path::Path;

/// The status line of `es/search.html?q=query`.
fn spanish_status(chrome: &Path, query: &str) -> String {
    let es = site().join("es");
    let dom = dump_dom(chrome, &format!("{}/search.html?q={query}", file_url(&es)));
    text(element(&dom, "p", "search-status"))
}

/// A page that types each query of its address (`?q=…&q=…`) into the
/// header search box of a Spanish exercise page, in a same-origin frame,
/// and logs the options shown, `query=option | option …` a line.
const BOX_HARNESS: &str = r##"<!DOCTYPE html>
<html><body>
<iframe id="f" style="width:1000px;height:700px"></iframe>
<pre id="log"></pre>
<script>
var f = document.getElementById("f");
function out(k, v) { document.getElementById("log").textContent += k + "=" + v + "\n"; }
function wait(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
f.addEventListener("load", async function () {
  try {
    var d = f.contentDocument;
    var input = d.getElementById("site-search-input"), list = d.getElementById("site-search-list");
    var queries = new URLSearchParams(location.search).getAll("q");
    for (var i = 0; i < queries.length; i++) {
      input.focus();
      input.value = queries[i];
      input.dispatchEvent(new Event("input", { bubbles: true }));
      for (var n = 0; n < 100 && (list.hidden || !f.contentWindow.HANDOUT_SEARCH_MORE); n++) await wait(50);
      await wait(200);
      out(queries[i], Array.prototype.map.call(list.querySelectorAll("[role=option]"),
        function (o) { return o.textContent; }).join(" | "));
    }
    out("done", 1);
  } catch (e) { out("error", e); }
}, { once: true });
f.src = "exercises/wall-angels.html";
</script>
</body></html>
"##;

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

    // What the page says is in Spanish: the count of results, nothing
    // found, a word left out, and the kind of a page.
    let status = spanish_status(&chrome, "estiramento");
    let found = format!("{} resultados para «estiramento».", typo.len());
    assert_eq!(status, found, "{status}");
    let status = spanish_status(&chrome, "qqzzxxkk");
    assert!(
        status.starts_with("Lo sentimos, nada coincide con «qqzzxxkk». "),
        "{status}"
    );
    let status = spanish_status(&chrome, "paletillas+qqzzxxkk");
    assert!(
        status.ends_with(
            "Ninguna página dice «qqzzxxkk», así que no se ha tenido en cuenta esa palabra."
        ),
        "{status}"
    );
    let es = site().join("es");
    let dom = dump_dom(&chrome, &format!("{}/search.html?q=cuello", file_url(&es)));
    let kinds = element(&dom, "ol", "search-results");
    assert!(
        kinds.contains("<span class=\"search-kind\">Rutina</span>"),
        "{kinds}"
    );
    assert!(!kinds.contains(">Routine<"), "{kinds}");
    // The header's search box of a Spanish page offers its options in Spanish.
    std::fs::write(site().join("es/search-box-harness.html"), BOX_HARNESS).unwrap();
    let dom = dump_dom(
        &chrome,
        &format!(
            "{}es/search-box-harness.html?q=paletillas&q=qqzzxxkk",
            server()
        ),
    );
    let log = text(element(&dom, "pre", "log"));
    let logged = |key: &str| {
        log.lines()
            .find_map(|l| l.strip_prefix(&format!("{key}=")))
            .unwrap_or_else(|| panic!("no {key} in log:\n{log}"))
            .to_string()
    };
    assert_eq!(logged("done"), "1", "{log}");
    let options = logged("paletillas");
    let all = options.rsplit(" | ").next().unwrap_or_default();
    let count = all
        .strip_prefix("Ver los ")
        .and_then(|s| s.strip_suffix(" resultados para «paletillas»"));
    assert!(
        count.is_some_and(|n| n.parse::<usize>().is_ok_and(|n| n > 1)),
        "{log}"
    );
    assert_eq!(
        logged("qqzzxxkk"),
        "No hay resultados para «qqzzxxkk»: abra la página de búsqueda",
        "{log}"
    );
}
