// handout search: the search page (search.html?q=…&region=…).
//
// Needs search-index.js (window.HANDOUT_SEARCH), search-words.js and
// search-engine.js loaded before it, and loads search-index-more.js after
// showing the first results; all are plain <script> files, so search works
// from file:// too.
//
// The page's elements, by id (templates/search.html; keep these stable):
//   search-page-input  the query box (its form submits to search.html?q=…)
//   search-status      one line saying what was found (aria-live)
//   search-results     an <ol>: the results as links, best first
//   search-facets      the filters: if it already holds checkboxes
//                      (<input type=checkbox name=FACET value=TERM>, each in a
//                      <label>, optionally with a .search-facet-count span),
//                      those are used; if it is empty, they are made here
//   search-empty       shown when nothing matches (hidden attribute)
// search-status's data-words holds the words shown, in the page's language:
// { lang, search: the [search] words, kind: { routine, guide },
//   meta: { quote, list_separator } } (src/render/contexts/mod.rs).
(function () {
  "use strict";

  var PAGE = 30; // results shown at once

  /** The words shown without data-words: i18n/en.toml's. */
  var ENGLISH = {
    search: {
      load_failed: "Search could not be loaded. You can browse all exercises or the body regions instead.",
      prompt: "Type a word such as \u201cneck\u201d, \u201cshoulder blade\u201d or \u201clying down\u201d, or choose a filter.",
      filtered_by: " (filtered by {list})",
      nothing_query: "Sorry, nothing matches \u201c{query}\u201d{filters}. Check the spelling, try a simpler word, or browse by body region below.",
      nothing_filters: "Sorry, nothing matches these filters{filters}. Check the spelling, try a simpler word, or browse by body region below.",
      results: { one: "{n} result{filters}.", other: "{n} results{filters}." },
      results_query: { one: "{n} result for \u201c{query}\u201d{filters}.", other: "{n} results for \u201c{query}\u201d{filters}." },
      ignored: { by: "count", other: "No page mentions {words}, so those words were left out." },
      loose: "No page has all of the words; pages with some of them are shown.",
      partial: { one: "The last one lacks one of the words.", other: "The last {n} lack one of the words." },
      more: "Show more results",
      more_count: { other: "Show more results ({n} more)" },
      clear: "Clear filters",
      page_title: "\u201c{query}\u201d \u00b7 {title}"
    },
    kind: { routine: "Routine", guide: "Guide" },
    meta: { quote: "\u201c{text}\u201d", list_separator: ", " }
  };


  // ---- The search page -------------------------------------------------

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function searchPage() {
    var input = document.getElementById("search-page-input");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var facetBox = document.getElementById("search-facets");
    var empty = document.getElementById("search-empty");
    if (!input || !list || !status) return;
    var words = new window.HandoutWords(status, ENGLISH);
    var title = document.title;
    var root = document.body.getAttribute("data-root") || "";
    var eng = null;
    try {
      eng = window.HandoutSearch && window.HandoutSearch.engine();
    } catch (e) { /* an index of another format: said below */ }
    if (!eng) {
      status.textContent = words.format("search.load_failed");
      return;
    }
    var params = new URLSearchParams(location.search);
    var selected = {};
    eng.facets.forEach(function (f) { selected[f.name] = params.getAll(f.name); });
    input.value = params.get("q") || "";

    var boxes = buildFacets(eng, facetBox, selected, update, words);
    var more = el("button", "search-more button secondary", words.format("search.more"));
    more.type = "button";
    more.hidden = true;
    list.parentNode.insertBefore(more, list.nextSibling);
    var hits = [], shown = 0;
    more.addEventListener("click", function () {
      var first = list.children.length;
      showMore();
      var next = list.children[first] && list.children[first].querySelector("a");
      if (next) next.focus();
    });
    var form = input.form;
    if (form) form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
    input.addEventListener("input", update);
    update();
    // Passing mentions, summaries and passages come after the first results.
    window.HandoutSearch.more(root, update);

    function update() {
      var q = input.value.trim();
      writeUrl(q, selected, eng);
      var r = eng.search(q, selected);
      showCounts(eng, boxes, r.counts, selected);
      showStatus(eng, status, r, q, selected, words);
      list.textContent = "";
      hits = r.hits;
      shown = 0;
      showMore();
      if (empty) {
        empty.hidden = !(r.hits.length === 0 && (q || anySelected(selected)));
      }
      document.title = q ? words.format("search.page_title", { query: q, title: title }) : title;
    }

    function showMore() {
      var end = Math.min(hits.length, shown + PAGE);
      var frag = document.createDocumentFragment();
      for (; shown < end; shown++) frag.appendChild(resultItem(eng, hits[shown], root, words));
      list.appendChild(frag);
      more.hidden = shown >= hits.length;
      more.textContent = words.format("search.more_count", { n: hits.length - shown });
    }
  }

  function anySelected(selected) {
    return Object.keys(selected).some(function (k) { return selected[k].length > 0; });
  }

  function writeUrl(q, selected, eng) {
    var p = new URLSearchParams();
    if (q) p.set("q", q);
    eng.facets.forEach(function (f) {
      f.terms.forEach(function (t) { if (selected[f.name].indexOf(t[0]) >= 0) p.append(f.name, t[0]); });
    });
    var qs = p.toString();
    try {
      history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
    } catch (e) { /* some browsers refuse on file:// — the page still works */ }
  }

  /**
   * The filter checkboxes, per facet and term: { label, box, count, group }.
   * Uses the ones the page already has, or makes them in `box`.
   */
  function buildFacets(eng, box, selected, onChange, words) {
    var boxes = [];
    if (!box) return boxes;
    var given = box.querySelector("input[type=checkbox]") !== null;
    if (!given) box.textContent = "";
    eng.facets.forEach(function (facet, f) {
      var group = given ? null : el("fieldset", "search-facet");
      if (group) group.appendChild(el("legend", "", facet.title));
      boxes[f] = facet.terms.map(function (term) {
        var cb, label, count;
        if (given) {
          cb = box.querySelector("input[type=checkbox][name=\"" + facet.name + "\"][value=\"" + term[0] + "\"]");
          if (!cb) return null;
          label = cb.closest("label") || cb.parentNode;
          count = label.querySelector(".search-facet-count");
          if (!count) label.appendChild((count = el("span", "search-facet-count")));
        } else {
          label = el("label", "search-facet-term");
          cb = document.createElement("input");
          cb.type = "checkbox";
          cb.name = facet.name;
          cb.value = term[0];
          count = el("span", "search-facet-count");
          label.appendChild(cb);
          label.appendChild(document.createTextNode(" " + term[1] + " "));
          label.appendChild(count);
          group.appendChild(label);
        }
        cb.checked = cb.defaultChecked = selected[facet.name].indexOf(term[0]) >= 0;
        cb.addEventListener("change", function () {
          var list = selected[facet.name].filter(function (c) { return c !== term[0]; });
          if (cb.checked) list.push(term[0]);
          selected[facet.name] = list;
          onChange();
        });
        return { label: label, box: cb, count: count, group: group || cb.closest("fieldset") };
      });
      if (group) box.appendChild(group);
    });
    var clear = box.querySelector(".search-clear");
    if (!clear) {
      clear = el("button", "search-clear button secondary", words.format("search.clear"));
      clear.type = "button";
      box.appendChild(clear);
    }
    clear.addEventListener("click", function (e) {
      e.preventDefault();
      eng.facets.forEach(function (f) { selected[f.name] = []; });
      boxes.forEach(function (list) { list.forEach(function (b) { if (b) b.box.checked = false; }); });
      onChange();
    });
    boxes.clear = clear;
    return boxes;
  }

  function showCounts(eng, boxes, counts, selected) {
    if (!boxes.length) return;
    boxes.forEach(function (list, f) {
      var shown = 0, group = null;
      list.forEach(function (b, t) {
        if (!b) return;
        var n = counts[f][t];
        b.count.textContent = "(" + n + ")";
        b.label.hidden = n === 0 && !b.box.checked;
        if (!b.label.hidden) shown++;
        group = b.group;
      });
      if (group) group.hidden = shown === 0;
    });
    boxes.clear.hidden = !anySelected(selected);
  }

  function showStatus(eng, status, r, q, selected, words) {
    var filters = [];
    eng.facets.forEach(function (f) {
      f.terms.forEach(function (t) { if (selected[f.name].indexOf(t[0]) >= 0) filters.push(t[1]); });
    });
    var sep = words.format("meta.list_separator");
    var args = {
      n: r.hits.length,
      query: q,
      filters: filters.length ? words.format("search.filtered_by", { list: filters.join(sep) }) : ""
    };
    var text;
    if (!q && !filters.length) {
      text = words.format("search.prompt");
    } else if (args.n === 0) {
      text = words.format(q ? "search.nothing_query" : "search.nothing_filters", args);
    } else {
      text = words.format(q ? "search.results_query" : "search.results", args);
      if (r.ignored.length) {
        var quoted = r.ignored.map(function (w) { return words.format("meta.quote", { text: w }); });
        text += " " + words.format("search.ignored", { count: r.ignored.length, words: quoted.join(sep) });
      }
      if (r.loose) text += " " + words.format("search.loose");
      else if (r.partial) text += " " + words.format("search.partial", { n: r.partial });
    }
    status.textContent = text;
  }

  function resultItem(eng, hit, root, words) {
    var S = window.HandoutSearch;
    var doc = hit.doc;
    var li = el("li", "search-result search-kind-" + doc.kind);
    var h = el("h2", "search-result-title");
    var a = document.createElement("a");
    a.href = root + doc.url;
    a.appendChild(S.highlight(doc.title, hit.terms()));
    h.appendChild(a);
    if (doc.kind !== "exercise") h.appendChild(el("span", "search-kind", words.format(doc.kind === "routine" ? "kind.routine" : "kind.guide")));
    li.appendChild(h);
    var meta = [];
    if (doc.dosage) meta.push(doc.dosage);
    var regions = eng.labels(doc, "region");
    if (regions.length) meta.push(regions.join(", "));
    if (meta.length) li.appendChild(el("p", "search-meta", meta.join(" \u00b7 ")));
    var p = el("p", "search-snippet");
    p.appendChild(S.highlight(S.snippet(doc, hit.terms()), hit.terms()));
    li.appendChild(p);
    return li;
  }

  if (document.getElementById("search-page-input")) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", searchPage);
    else searchPage();
  }
})();
