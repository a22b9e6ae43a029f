// handout: the search box in the header of every page, with a results
// dropdown (ARIA combobox with a listbox popup). It relies on the ids
// site-search-input (the box) and site-search-list (the listbox) from
// templates/base.html. The search index and the
// engine are loaded only when the box is first focused or typed in, by
// adding <script> tags (which also works from file://). Without JavaScript
// the form still submits to search.html?q=….
// site-search-list's data-words holds the words of the options, in the
// page's language: { lang, search_box: { search_for, no_matches,
// all_results }, kind: { routine, guide } } (src/render/contexts/mod.rs).
(function () {
  "use strict";

  /** The words shown without data-words: i18n/en.toml's. */
  var ENGLISH = {
    search_box: {
      search_for: "Search for \u201c{query}\u201d",
      no_matches: "No matches for \u201c{query}\u201d \u2013 open the search page",
      all_results: { one: "All {n} result for \u201c{query}\u201d", other: "All {n} results for \u201c{query}\u201d" }
    },
    kind: { routine: "Routine", guide: "Guide" }
  };


  var input = document.getElementById("site-search-input");
  var list = document.getElementById("site-search-list");
  if (!input || !list) return;
  var words = new window.HandoutWords(list, ENGLISH);
  var root = document.body.getAttribute("data-root") || "";
  // The theme's scripts are at the top of the site; the index is the language's own.
  var assets = document.body.getAttribute("data-assets") || root;
  var MAX = 7;
  var loading = false, failed = false, waiting = [];
  var options = [], active = -1, seq = 0;

  function ready() {
    try {
      return window.HandoutSearch && window.HandoutSearch.engine();
    } catch (e) {
      failed = true; // an index of another format: offer the search page
      return null;
    }
  }

  /** Runs cb once the engine is there, loading its scripts the first time. */
  function load(cb) {
    if (ready() || failed) {
      if (cb) cb();
      return;
    }
    if (cb) waiting.push(cb);
    if (loading || failed) return;
    loading = true;
    var srcs = [];
    if (!window.HANDOUT_SEARCH) srcs.push("search-index.js");
    if (!window.HandoutSearchWords) srcs.push("search-words.js");
    if (!window.HandoutSearch) srcs.push("search-engine.js");
    var left = srcs.length;
    srcs.forEach(function (src) {
      var s = document.createElement("script");
      s.src = (src === "search-index.js" ? root : assets) + src;
      s.async = false; // run in order
      s.onload = function () { if (--left === 0) done(); };
      s.onerror = function () { failed = true; loading = false; show(input.value.trim()); };
      document.head.appendChild(s);
    });
    if (!left) done();
    function done() {
      loading = false;
      var cbs = waiting;
      waiting = [];
      cbs.forEach(function (f) { f(); });
    }
  }

  function searchUrl(q) {
    return root + "search.html?q=" + encodeURIComponent(q);
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function option(id, href, build) {
    var li = document.createElement("li");
    li.id = "site-search-opt-" + id;
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", "false");
    li.dataset.href = href;
    build(li);
    return li;
  }

  function line(tag, cls, text) {
    var e = document.createElement(tag);
    e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  /** Fills and opens the dropdown for query q. */
  function show(q) {
    list.textContent = "";
    options = [];
    active = -1;
    if (q.length < 2) return close();
    var eng = failed ? null : ready();
    if (!eng) {
      options.push(option(0, searchUrl(q), function (li) {
        li.textContent = words.format("search_box.search_for", { query: q });
      }));
    } else {
      var S = window.HandoutSearch;
      var r = eng.search(q, {}, { counts: false });
      r.hits.slice(0, MAX).forEach(function (hit, i) {
        var doc = hit.doc;
        options.push(option(i, root + doc.url, function (li) {
          var t = line("span", "search-option-title");
          t.appendChild(S.highlight(doc.title, hit.terms()));
          li.appendChild(t);
          var meta = doc.kind === "exercise" ? eng.labels(doc, "region").join(", ") :
            words.format(doc.kind === "routine" ? "kind.routine" : "kind.guide");
          li.appendChild(document.createElement("br"));
          li.appendChild(line("small", "search-option-meta", meta));
        }));
      });
      var n = r.hits.length;
      options.push(option(options.length, searchUrl(q), function (li) {
        li.className = "search-option-all";
        li.textContent = n === 0 ? words.format("search_box.no_matches", { query: q }) :
          words.format("search_box.all_results", { n: n, query: q });
      }));
    }
    options.forEach(function (o) { list.appendChild(o); });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function move(to) {
    if (!options.length) return;
    if (active >= 0) options[active].setAttribute("aria-selected", "false");
    active = (to + options.length) % options.length;
    var o = options[active];
    o.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", o.id);
    if (o.scrollIntoView) o.scrollIntoView({ block: "nearest" });
  }

  function update() {
    var q = input.value.trim();
    var mine = ++seq;
    if (q.length < 2) return close();
    load(function () {
      if (mine !== seq) return;
      show(input.value.trim());
      // Pages that mention the words only in passing come next.
      if (!failed) {
        window.HandoutSearch.more(root, function () {
          if (mine === seq && !list.hidden && active < 0) show(input.value.trim());
        });
      }
    });
  }

  input.addEventListener("focus", function () { load(null); });
  input.addEventListener("input", update);
  input.addEventListener("keydown", function (e) {
    var open = !list.hidden;
    if (e.key === "ArrowDown" || e.key === "Down") {
      e.preventDefault();
      if (!open) update();
      else move(active + 1);
    } else if (e.key === "ArrowUp" || e.key === "Up") {
      if (!open) return;
      e.preventDefault();
      move(active - 1);
    } else if (e.key === "Enter") {
      if (open && active >= 0) {
        e.preventDefault();
        location.href = options[active].dataset.href;
      }
      // Otherwise the form submits to search.html?q=….
    } else if (e.key === "Escape" || e.key === "Esc") {
      if (open) {
        e.preventDefault();
        close();
      } else if (input.value) {
        e.preventDefault();
        input.value = "";
      }
    }
  });
  input.addEventListener("blur", close);
  // Keep focus in the box while an option is clicked.
  list.addEventListener("mousedown", function (e) { e.preventDefault(); });
  list.addEventListener("click", function (e) {
    var li = e.target.closest ? e.target.closest("li[role=option]") : null;
    if (li && li.dataset.href) location.href = li.dataset.href;
  });
})();
