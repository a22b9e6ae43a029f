//! The search box in every page's header (lazy loading, keyboard), what
//! pages load up front, the index's size, and filters a template writes.

use super::*;

/// A page that drives the header search box of an exercise page in a
/// same-origin frame and logs what it sees, one `key=value` per line.
const HARNESS: &str = r##"<!DOCTYPE html>
<html><body>
<iframe id="f" style="width:1000px;height:700px"></iframe>
<pre id="log"></pre>
<script>
var f = document.getElementById("f");
function out(k, v) { document.getElementById("log").textContent += k + "=" + v + "\n"; }
function loaded() { return new Promise(function (r) { f.addEventListener("load", r, { once: true }); }); }
function until(cond) {
  return new Promise(function (r) {
    if (cond()) return r();
    var mo = new MutationObserver(function () { if (cond()) { mo.disconnect(); r(); } });
    mo.observe(f.contentDocument, { subtree: true, childList: true, attributes: true });
  });
}
function key(input, k) {
  return input.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
}
async function main() {
  f.src = "exercises/wall-angels.html";
  await loaded();
  var d = f.contentDocument, w = f.contentWindow;
  var input = d.getElementById("site-search-input"), list = d.getElementById("site-search-list");
  out("index-before-focus", !!d.querySelector('script[src$="search-index.js"]') || !!w.HANDOUT_SEARCH);
  input.focus();
  input.value = "shoulder blade";
  input.dispatchEvent(new Event("input", { bubbles: true }));
  await until(function () { return !list.hidden; });
  out("index-after-focus", !!w.HANDOUT_SEARCH);
  out("expanded", input.getAttribute("aria-expanded"));
  var opts = list.querySelectorAll("[role=option]");
  out("first", opts[0].dataset.href);
  out("last", opts[opts.length - 1].dataset.href);
  key(input, "ArrowDown");
  out("active", input.getAttribute("aria-activedescendant") + " " + opts[0].getAttribute("aria-selected"));
  key(input, "ArrowDown");
  key(input, "ArrowUp");
  out("back-to-first", input.getAttribute("aria-activedescendant") === opts[0].id && opts[1].getAttribute("aria-selected") === "false");
  key(input, "Escape");
  out("escape", list.hidden + " " + input.getAttribute("aria-expanded"));
  key(input, "ArrowDown");
  await until(function () { return !list.hidden; });
  out("reopened", input.getAttribute("aria-expanded"));
  out("enter-without-choice-submits", key(input, "Enter"));
  key(input, "ArrowDown");
  var nav = loaded();
  out("enter-on-option-handled", !key(input, "Enter"));
  await nav;
  out("navigated", f.contentWindow.location.pathname.replace(/^.*?\/exercises\//, "exercises/"));
  // On the search page, a filter goes into the URL, so the link can be sent.
  f.src = "search.html?q=neck";
  await loaded();
  d = f.contentDocument;
  var before = d.querySelectorAll("#search-results a").length;
  var none = d.querySelector("#search-facets input[name=equipment][value=none]");
  none.click();
  out("url-after-filter", f.contentWindow.location.search);
  out("fewer-results", d.querySelectorAll("#search-results a").length < before);
  out("done", 1);
}
main().catch(function (e) { out("error", e); });
</script>
</body></html>
"##;

fn log_value<'a>(log: &'a str, key: &str) -> &'a str {
    log.lines()
        .find_map(|l| l.strip_prefix(&format!("{key}=")))
        .unwrap_or_else(|| panic!("no {key} in log:\n{log}"))
}

#[test]
fn header_search_box_loads_lazily_and_works_by_keyboard() {
    let Some(chrome) = chromium("header_search_box_loads_lazily_and_works_by_keyboard") else {
        return;
    };
    let harness = "search-box-harness.html";
    std::fs::write(site().join(harness), HARNESS).unwrap();
    let dom = dump_dom(&chrome, &format!("{}{harness}", server()));
    let log = text(element(&dom, "pre", "log"));
    assert!(!log.contains("error="), "{log}");
    assert_eq!(log_value(&log, "done"), "1", "{log}");
    assert_eq!(log_value(&log, "index-before-focus"), "false");
    assert_eq!(log_value(&log, "index-after-focus"), "true");
    assert_eq!(log_value(&log, "expanded"), "true");
    assert_eq!(
        log_value(&log, "first"),
        "../exercises/scapular-squeeze.html"
    );
    assert_eq!(log_value(&log, "last"), "../search.html?q=shoulder%20blade");
    assert_eq!(log_value(&log, "active"), "site-search-opt-0 true");
    assert_eq!(log_value(&log, "back-to-first"), "true");
    assert_eq!(log_value(&log, "escape"), "true false");
    assert_eq!(log_value(&log, "reopened"), "true");
    assert_eq!(log_value(&log, "enter-without-choice-submits"), "true");
    assert_eq!(log_value(&log, "enter-on-option-handled"), "true");
    assert_eq!(
        log_value(&log, "navigated"),
        "exercises/scapular-squeeze.html"
    );
    assert_eq!(
        log_value(&log, "url-after-filter"),
        "?q=neck&equipment=none"
    );
    assert_eq!(log_value(&log, "fewer-results"), "true");
}

#[test]
fn pages_do_not_load_the_index_until_search_is_used() {
    let Some(chrome) = chromium("pages_do_not_load_the_index_until_search_is_used") else {
        return;
    };
    let dom = dump_dom(
        &chrome,
        &format!("{}/exercises/wall-angels.html", file_url(site())),
    );
    assert!(dom.contains("search-box.js"), "header script present");
    assert!(
        !dom.contains("search-index.js"),
        "index loaded on page view"
    );
    assert!(dom.contains("role=\"combobox\""));
}

#[test]
fn the_sample_index_stays_under_a_thousand_bytes_per_page() {
    let js = std::fs::read_to_string(site().join("search-index.js")).unwrap();
    let more = std::fs::read_to_string(site().join("search-index-more.js")).unwrap();
    let json = js
        .strip_prefix("window.HANDOUT_SEARCH = ")
        .and_then(|s| s.trim_end().strip_suffix(';'))
        .expect("search-index.js sets window.HANDOUT_SEARCH");
    assert!(more.starts_with("window.HANDOUT_SEARCH_MORE = "));
    let data: serde_json::Value = serde_json::from_str(json).unwrap();
    let docs = data["docs"]["kind"].as_str().unwrap().len();
    let pages = std::fs::read_dir(repo().join("content/exercises"))
        .unwrap()
        .chain(std::fs::read_dir(repo().join("content/routines")).unwrap())
        .chain(std::fs::read_dir(repo().join("content/guides")).unwrap())
        // Translations (`wall-angels.es.md`) are pages of their language's index.
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy().matches('.').count() == 1
        })
        // Guides for staff are not searched.
        .filter(|e| {
            !std::fs::read_to_string(e.as_ref().unwrap().path())
                .unwrap()
                .contains("\naudience: staff\n")
        })
        .count();
    assert_eq!(
        docs, pages,
        "one entry per exercise, routine and guide for patients"
    );
    let per_page = (js.len() + more.len()) / docs;
    assert!(per_page <= 1000, "{per_page} bytes per page");
    let home = std::fs::read_to_string(site().join("index.html")).unwrap();
    assert!(
        !home.contains("search-index"),
        "pages do not load the index up front"
    );
}

/// A search page whose template writes the filter checkboxes itself (so
/// they work without JavaScript) gets those used, not a second set.
#[test]
fn filters_written_in_the_page_are_used_as_they_are() {
    let Some(chrome) = chromium("filters_written_in_the_page_are_used_as_they_are") else {
        return;
    };
    let root = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("content"), &root.path().join("content"));
    std::fs::copy(
        repo().join("handout.toml"),
        root.path().join("handout.toml"),
    )
    .unwrap();
    let template = std::fs::read_to_string(repo().join("templates/search.html")).unwrap();
    let empty = r#"<div id="search-facets" class="search-facets" role="group" aria-label="{{ t(k="search.filters") }}"></div>"#;
    assert!(
        template.contains(empty),
        "the template's filter box changed"
    );
    let written = r#"<details open><summary>Filter</summary><div id="search-facets" class="search-facets">
<fieldset><legend>Equipment</legend>
<label><input type="checkbox" name="equipment" value="none"> No equipment <span class="search-facet-count"></span></label>
<label><input type="checkbox" name="equipment" value="wall"> Wall</label>
</fieldset><button class="search-clear" type="reset">Clear filters</button></div></details>"#;
    std::fs::create_dir_all(root.path().join("templates")).unwrap();
    std::fs::write(
        root.path().join("templates/search.html"),
        template.replace(empty, written),
    )
    .unwrap();
    let out = root.path().join("public");
    let o = run(root.path(), &["build", "--output", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dom = dump_dom(
        &chrome,
        &format!("{}/search.html?q=neck&equipment=none", file_url(&out)),
    );
    let facets = element(&dom, "div", "search-facets");
    assert_eq!(
        facets.matches("<fieldset").count(),
        1,
        "no second set: {facets}"
    );
    assert_eq!(facets.matches("search-clear").count(), 1, "{facets}");
    let none = facets
        .split("<label")
        .find(|l| l.contains("value=\"none\""))
        .unwrap();
    let n = result_links(&dom).len();
    assert!(n > 0 && none.contains("checked"), "{none}");
    assert!(
        text(none).contains(&format!("No equipment ({n})")),
        "{}",
        text(none)
    );
    let wall = facets
        .split("<label")
        .find(|l| l.contains("value=\"wall\""))
        .unwrap();
    assert!(
        wall.contains("search-facet-count"),
        "a count is added: {wall}"
    );
}
