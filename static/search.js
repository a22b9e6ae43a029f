// handout search: the engine and the search page.
//
// Needs vendor/minisearch/minisearch.js (window.MiniSearch) and
// search-index.js (window.HANDOUT_SEARCH) loaded before it. Both are plain
// <script> files that set a global, so search works from file:// too.
//
// MiniSearch does prefix and fuzzy matching, BM25 scoring and field boosts.
// What it lacks is written here: light English stemming, synonym expansion
// (built-in and configured groups, multi-word, forgiving one typo), dropping
// words that match nothing, and facets (filters with counts) over the
// vocabularies.
(function () {
  "use strict";

  // Words that carry no meaning in a patient's query ("exercises for my neck").
  var STOP = {};
  ("a an and are as at be by can do for from how i in into is it me my of on or " +
    "the to too what with you your exercise exercises").split(" ").forEach(function (w) {
    STOP[w] = true;
  });
  // In synonym phrases these stand for each other ("lying on my back").
  var POSSESSIVE = { my: 1, your: 1, the: 1, his: 1, her: 1, their: 1, our: 1 };
  var BOOST = { title: 8, tags: 3, vocab: 3, summary: 2, headings: 2, body: 1 };
  var MAX_SNIPPET = 170;
  var PAGE = 30; // results shown at once on the search page

  /** Lower case, accents and apostrophes removed. */
  function fold(s) {
    return String(s || "").toLowerCase().normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "").replace(/['\u2018\u2019]/g, "");
  }

  /** The words of a text, folded. */
  function words(s) {
    return fold(s).split(/[^a-z0-9]+/).filter(Boolean);
  }

  function undouble(w) {
    return /([^aeiouylsz])\1$/.test(w) ? w.slice(0, -1) : w;
  }

  /**
   * A light stemmer, so "stretches", "stretching" and "stretch" meet, as do
   * "rotate" and "rotating". Only plural, -ing, -ed and a final -e go; the
   * same function runs on the index and on the query.
   */
  var stems = new Map();
  function stem(w) {
    var s = stems.get(w);
    if (s === undefined) {
      s = stemWord(w);
      if (stems.size < 200000) stems.set(w, s);
    }
    return s;
  }

  function stemWord(w) {
    if (w.length <= 3 || /^[0-9]/.test(w)) return w;
    if (/ies$/.test(w) && w.length > 4) w = w.slice(0, -3) + "y";
    else if (/(ss|us|is)$/.test(w)) { /* keep: press, thus, this */ }
    else if (/(ch|sh|x|z|ss)es$/.test(w)) w = w.slice(0, -2);
    else if (/s$/.test(w)) w = w.slice(0, -1);
    var m;
    if ((m = /^(.{3,})ing$/.exec(w)) && /[aeiouy]/.test(m[1])) w = undouble(m[1]);
    else if ((m = /^(.{3,})ed$/.exec(w)) && /[aeiouy]/.test(m[1]) && !/eed$/.test(w)) w = undouble(m[1]);
    if (/e$/.test(w) && w.length >= 5) w = w.slice(0, -1);
    return w;
  }

  /** True when a and b differ by at most one insertion, deletion or substitution. */
  function nearlySame(a, b) {
    if (a === b) return true;
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /**
   * One word typed by the patient: prefix matching from three letters (two
   * letters alone would match most of a large site; `last` allows it for the
   * last of several words), one typo in 5+ letter words.
   */
  function typedLeaf(w, last) {
    return { queries: [w], prefix: w.length >= 3 || (last && w.length === 2), fuzzy: w.length >= 5 ? 1 : false };
  }

  /** The stem, with "my", "your", "the" … made one word for phrase matching. */
  function key(w) {
    return POSSESSIVE[w] ? "your" : stem(w);
  }

  /**
   * The token that stands for synonym group g in the index. It starts with a
   * digit, so the stemmer leaves it alone and no typed word matches it.
   */
  function groupToken(g) {
    return "0syn" + g;
  }

  /** The search engine over the index data of search-index.js. */
  function Engine(data) {
    var facets = (this.facets = data.facets);
    var heads = data.headings;
    this.docs = data.docs.map(function (d, id) {
      return {
        id: id, kind: data.kinds[d[0]], url: d[1], title: d[2], summary: d[3],
        dosage: d[4], tags: d[5], terms: d[6],
        headings: d[7].map(function (h) { return heads[h]; }), body: d[8]
      };
    });
    this.facetIndex = {};
    for (var f = 0; f < facets.length; f++) this.facetIndex[facets[f].name] = f;
    // Synonym phrases as stem lists, and by first stem for the indexer.
    var starts = {};
    this.synonyms = data.synonyms.map(function (group, g) {
      var highlight = new Set();
      var phrases = group.map(function (phrase) {
        var tokens = words(phrase);
        var ph = { group: g, keys: tokens.map(key) };
        tokens.forEach(function (t) { if (!STOP[t]) highlight.add(stem(t)); });
        if (tokens.length) (starts[ph.keys[0]] = starts[ph.keys[0]] || []).push(ph);
        return ph;
      });
      return { token: groupToken(g), phrases: phrases, highlight: highlight };
    });
    // Wherever a synonym phrase occurs, the index also gets its group's
    // token, so a query for any member finds every member, as a phrase.
    function tokenizeForIndex(text) {
      var tokens = words(text);
      var keys = tokens.map(key);
      var extra = [];
      keys.forEach(function (k, i) {
        (starts[k] || []).forEach(function (ph) {
          for (var j = 1; j < ph.keys.length; j++) if (keys[i + j] !== ph.keys[j]) return;
          extra.push(groupToken(ph.group));
        });
      });
      return extra.length ? tokens.concat(extra) : tokens;
    }
    this.mini = new window.MiniSearch({
      fields: ["title", "tags", "vocab", "summary", "headings", "body"],
      tokenize: tokenizeForIndex,
      processTerm: stem,
      extractField: function (doc, field) {
        if (field === "id") return doc.id;
        if (field === "tags") return doc.tags.join(" ");
        if (field === "headings") return doc.headings.join(" ");
        if (field === "vocab") {
          var out = [];
          doc.terms.forEach(function (list, f) {
            list.forEach(function (t) { out.push(facets[f].terms[t][1], facets[f].terms[t][0]); });
          });
          return out.join(" ");
        }
        return doc[field];
      },
      searchOptions: { boost: BOOST, tokenize: words }
    });
    this.mini.addAll(this.docs);
  }

  /**
   * Splits a query into concepts: synonym phrases (longest first) and single
   * words. Each concept is a MiniSearch query; stop words are dropped unless
   * the query has nothing else.
   */
  Engine.prototype.concepts = function (q) {
    var tokens = words(q);
    var keys = tokens.map(key);
    var hasContent = tokens.some(function (w) { return !STOP[w]; });
    var out = [];
    for (var i = 0; i < tokens.length;) {
      var best = null;
      this.synonyms.forEach(function (group) {
        group.phrases.forEach(function (ph) {
          if ((!best || ph.keys.length > best.len) && phraseAt(ph, tokens, keys, i)) {
            best = { group: group, len: ph.keys.length };
          }
        });
      });
      if (best) {
        out.push({
          label: tokens.slice(i, i + best.len).join(" "),
          query: { queries: [best.group.token], prefix: false, fuzzy: false },
          highlight: best.group.highlight
        });
        i += best.len;
      } else {
        // A two-letter word is taken as a prefix only as the last of several.
        var last = i > 0 && i === tokens.length - 1;
        if (!STOP[tokens[i]] || !hasContent) out.push({ label: tokens[i], query: typedLeaf(tokens[i], last) });
        i++;
      }
    }
    return out;
  };

  /** Whether synonym phrase ph starts at token i of the query (one typo forgiven per 5+ letter word). */
  function phraseAt(ph, tokens, keys, i) {
    if (i + ph.keys.length > tokens.length) return false;
    for (var k = 0; k < ph.keys.length; k++) {
      var t = tokens[i + k], s = keys[i + k], p = ph.keys[k];
      if (s === p) continue;
      if (t.length >= 5 && p.length >= 4 && nearlySame(s, p)) continue;
      return false;
    }
    return true;
  }

  /**
   * Searches. `selected` maps a facet name to the chosen terms, e.g.
   * { equipment: ["none"] }. Returns the hits, best first, and per facet the
   * count of hits for each term (under the other facets' filters).
   */
  Engine.prototype.search = function (q, selected) {
    var self = this;
    var concepts = this.concepts(q || "");
    var scored = null, ignored = [], loose = false;
    if (concepts.length) {
      var found = [];
      concepts.forEach(function (c) {
        var map = self.run(c);
        if (map.size) found.push(map); else ignored.push(c.label);
      });
      scored = combine(found, "AND");
      if (!scored.size && found.length > 1) {
        scored = combine(found, "OR");
        loose = true;
      }
    }
    var chosen = this.chosen(selected || {});
    var anyChosen = chosen.some(function (s) { return s.size > 0; });
    var pool;
    if (scored) {
      pool = [];
      scored.forEach(function (hit, id) { pool.push(new Hit(self.docs[id], hit.score, hit.parts)); });
    } else {
      pool = this.docs.map(function (doc) { return new Hit(doc, 0, []); });
    }
    var counts = this.facets.map(function (f) { return f.terms.map(function () { return 0; }); });
    var hits = [];
    pool.forEach(function (hit) {
      var failing = -1, fails = 0;
      for (var f = 0; f < chosen.length; f++) {
        if (chosen[f].size && !hit.doc.terms[f].some(function (t) { return chosen[f].has(t); })) {
          fails++;
          failing = f;
        }
      }
      if (fails > 1) return;
      hit.doc.terms.forEach(function (list, f) {
        if (fails === 0 || failing === f) list.forEach(function (t) { counts[f][t]++; });
      });
      if (fails === 0) hits.push(hit);
    });
    if (!scored && !anyChosen) hits = [];
    hits.sort(function (a, b) {
      return b.score - a.score || a.doc.id - b.doc.id;
    });
    return { query: q, hits: hits, counts: counts, ignored: ignored, loose: loose, total: pool.length };
  };

  /**
   * Runs one concept: a Map from document id to { score, match, highlight }.
   * Uses MiniSearch's executeQuery, which skips building and sorting result
   * objects (half the time on large sites); it is internal to MiniSearch, so
   * the public search() is the fallback should a later version drop it.
   */
  Engine.prototype.run = function (c) {
    var out = new Map(), mini = this.mini;
    if (typeof mini.executeQuery === "function" && mini._documentIds) {
      mini.executeQuery(c.query).forEach(function (r, shortId) {
        out.set(mini._documentIds.get(shortId), { score: r.score, match: r.match, highlight: c.highlight });
      });
    } else {
      mini.search(c.query).forEach(function (r) {
        out.set(r.id, { score: r.score, match: r.match, highlight: c.highlight });
      });
    }
    return out;
  };

  /** Selected term codes → per facet, a Set of term indices. */
  Engine.prototype.chosen = function (selected) {
    return this.facets.map(function (facet) {
      var set = new Set();
      (selected[facet.name] || []).forEach(function (code) {
        for (var t = 0; t < facet.terms.length; t++) if (facet.terms[t][0] === code) set.add(t);
      });
      return set;
    });
  };

  /** Labels of a document's terms in one facet. */
  Engine.prototype.labels = function (doc, facetName) {
    var f = this.facetIndex[facetName];
    if (f === undefined) return [];
    var terms = this.facets[f].terms;
    return doc.terms[f].map(function (t) { return terms[t][1]; });
  };

  /** A found document; `parts` are its MiniSearch results, one per concept. */
  function Hit(doc, score, parts) {
    this.doc = doc;
    this.score = score;
    this.parts = parts;
    this._terms = null;
  }

  /** The index terms (stems) that matched, for highlighting; worked out only when shown. */
  Hit.prototype.terms = function () {
    if (!this._terms) {
      var set = (this._terms = new Set());
      this.parts.forEach(function (r) {
        Object.keys(r.match).forEach(function (t) { set.add(t); });
        if (r.highlight) r.highlight.forEach(function (t) { set.add(t); });
      });
    }
    return this._terms;
  };

  function combine(maps, how) {
    var out = new Map();
    if (!maps.length) return out;
    if (how === "AND") {
      maps[0].forEach(function (r, id) {
        var score = 0, parts = [];
        for (var i = 0; i < maps.length; i++) {
          var p = maps[i].get(id);
          if (!p) return;
          score += p.score;
          parts.push(p);
        }
        out.set(id, { score: score, parts: parts });
      });
    } else {
      maps.forEach(function (m) {
        m.forEach(function (r, id) {
          var hit = out.get(id);
          if (!hit) out.set(id, (hit = { score: 0, parts: [] }));
          hit.score += r.score;
          hit.parts.push(r);
        });
      });
      // Documents that match more of the words come first.
      out.forEach(function (hit) { hit.score *= hit.parts.length; });
    }
    return out;
  }

  /**
   * `text` as DOM nodes with the words whose stems matched wrapped in <mark>.
   * `terms` holds index terms (stems).
   */
  function highlight(text, terms) {
    var frag = document.createDocumentFragment();
    var parts = String(text).split(/([A-Za-z0-9\u00C0-\u024F'\u2019]+)/);
    var plain = "";
    for (var i = 0; i < parts.length; i++) {
      var w = i % 2 === 1 && words(parts[i])[0];
      if (w && (terms.has(stem(w)) || terms.has(w))) {
        if (plain) frag.appendChild(document.createTextNode(plain));
        plain = "";
        var mark = document.createElement("mark");
        mark.textContent = parts[i];
        frag.appendChild(mark);
      } else {
        plain += parts[i];
      }
    }
    if (plain) frag.appendChild(document.createTextNode(plain));
    return frag;
  }

  function firstMatch(text, terms) {
    var re = /[A-Za-z0-9\u00C0-\u024F'\u2019]+/g, m;
    while ((m = re.exec(text))) {
      var w = words(m[0])[0];
      if (w && (terms.has(stem(w)) || terms.has(w))) return m.index;
    }
    return -1;
  }

  /** A short passage of the summary or body around the first matched word. */
  function snippet(doc, terms) {
    if (firstMatch(doc.summary, terms) >= 0 || !doc.body) return doc.summary || doc.body.slice(0, MAX_SNIPPET);
    var at = firstMatch(doc.body, terms);
    if (at < 0) return doc.summary || doc.body.slice(0, MAX_SNIPPET);
    var start = Math.max(0, at - 60);
    if (start > 0) start = doc.body.indexOf(" ", start) + 1;
    var end = Math.min(doc.body.length, start + MAX_SNIPPET);
    if (end < doc.body.length) {
      var sp = doc.body.lastIndexOf(" ", end);
      if (sp > at) end = sp;
    }
    return (start > 0 ? "\u2026" : "") + doc.body.slice(start, end) + (end < doc.body.length ? "\u2026" : "");
  }

  var engine = null;
  window.HandoutSearch = {
    /** The engine, built on first use from window.HANDOUT_SEARCH. */
    engine: function () {
      if (!engine && window.HANDOUT_SEARCH && window.MiniSearch) engine = new Engine(window.HANDOUT_SEARCH);
      return engine;
    },
    highlight: highlight,
    snippet: snippet,
    stem: stem,
    words: words
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
    var root = document.body.getAttribute("data-root") || "";
    var eng = window.HandoutSearch.engine();
    if (!eng) {
      status.textContent = "Search could not be loaded. You can browse all exercises or the body regions instead.";
      return;
    }
    var params = new URLSearchParams(location.search);
    var selected = {};
    eng.facets.forEach(function (f) { selected[f.name] = params.getAll(f.name); });
    input.value = params.get("q") || "";

    var boxes = buildFacets(eng, facetBox, selected, update);
    var more = el("button", "search-more button secondary", "Show more results");
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

    function update() {
      var q = input.value.trim();
      writeUrl(q, selected, eng);
      var r = eng.search(q, selected);
      showCounts(eng, boxes, r.counts, selected);
      showStatus(eng, status, r, q, selected);
      list.textContent = "";
      hits = r.hits;
      shown = 0;
      showMore();
      if (empty) {
        empty.hidden = !(r.hits.length === 0 && (q || anySelected(selected)));
      }
      document.title = (q ? "\u201c" + q + "\u201d \u00b7 " : "") + document.title.replace(/^\u201c.*?\u201d \u00b7 /, "");
    }

    function showMore() {
      var end = Math.min(hits.length, shown + PAGE);
      var frag = document.createDocumentFragment();
      for (; shown < end; shown++) frag.appendChild(resultItem(eng, hits[shown], root));
      list.appendChild(frag);
      more.hidden = shown >= hits.length;
      more.textContent = "Show more results (" + (hits.length - shown) + " more)";
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

  function buildFacets(eng, box, selected, onChange) {
    var boxes = [];
    if (!box) return boxes;
    box.textContent = "";
    eng.facets.forEach(function (facet, f) {
      var set = el("fieldset", "search-facet");
      set.appendChild(el("legend", "", facet.title));
      boxes[f] = facet.terms.map(function (term) {
        var label = el("label", "search-facet-term");
        var cb = document.createElement("input");
        cb.type = "checkbox";
        cb.name = facet.name;
        cb.value = term[0];
        cb.checked = cb.defaultChecked = selected[facet.name].indexOf(term[0]) >= 0;
        cb.addEventListener("change", function () {
          var list = selected[facet.name].filter(function (c) { return c !== term[0]; });
          if (cb.checked) list.push(term[0]);
          selected[facet.name] = list;
          onChange();
        });
        var count = el("span", "search-facet-count");
        label.appendChild(cb);
        label.appendChild(document.createTextNode(" " + term[1] + " "));
        label.appendChild(count);
        set.appendChild(label);
        return { label: label, box: cb, count: count };
      });
      box.appendChild(set);
    });
    var clear = el("button", "search-clear button secondary", "Clear filters");
    clear.type = "button";
    clear.addEventListener("click", function () {
      eng.facets.forEach(function (f) { selected[f.name] = []; });
      boxes.forEach(function (list) { list.forEach(function (b) { b.box.checked = false; }); });
      onChange();
    });
    box.appendChild(clear);
    boxes.clear = clear;
    return boxes;
  }

  function showCounts(eng, boxes, counts, selected) {
    if (!boxes.length) return;
    boxes.forEach(function (list, f) {
      var shown = 0;
      list.forEach(function (b, t) {
        var n = counts[f][t];
        b.count.textContent = "(" + n + ")";
        b.label.hidden = n === 0 && !b.box.checked;
        if (!b.label.hidden) shown++;
      });
      list[0].label.parentNode.hidden = shown === 0;
    });
    boxes.clear.hidden = !anySelected(selected);
  }

  function showStatus(eng, status, r, q, selected) {
    var filters = [];
    eng.facets.forEach(function (f) {
      f.terms.forEach(function (t) { if (selected[f.name].indexOf(t[0]) >= 0) filters.push(t[1]); });
    });
    var filterText = filters.length ? " (filtered by " + filters.join(", ") + ")" : "";
    var n = r.hits.length;
    var text;
    if (!q && !filters.length) {
      text = "Type a word such as \u201cneck\u201d, \u201cshoulder blade\u201d or \u201clying down\u201d, or choose a filter.";
    } else if (n === 0) {
      text = "Sorry, nothing matches " + (q ? "\u201c" + q + "\u201d" : "these filters") + filterText +
        ". Check the spelling, try a simpler word, or browse by body region below.";
    } else {
      text = n + (n === 1 ? " result" : " results") + (q ? " for \u201c" + q + "\u201d" : "") + filterText + ".";
      if (r.ignored.length) text += " No page mentions \u201c" + r.ignored.join("\u201d, \u201c") + "\u201d, so those words were left out.";
      if (r.loose) text += " No page has all of the words; pages with some of them are shown.";
    }
    status.textContent = text;
  }

  function resultItem(eng, hit, root) {
    var doc = hit.doc;
    var li = el("li", "search-result search-kind-" + doc.kind);
    var h = el("h2", "search-result-title");
    var a = document.createElement("a");
    a.href = root + doc.url;
    a.appendChild(highlight(doc.title, hit.terms()));
    h.appendChild(a);
    if (doc.kind !== "exercise") h.appendChild(el("span", "search-kind", doc.kind === "routine" ? "Routine" : "Guide"));
    li.appendChild(h);
    var meta = [];
    if (doc.dosage) meta.push(doc.dosage);
    var regions = eng.labels(doc, "region");
    if (regions.length) meta.push(regions.join(", "));
    if (meta.length) li.appendChild(el("p", "search-meta", meta.join(" \u00b7 ")));
    var p = el("p", "search-snippet");
    p.appendChild(highlight(snippet(doc, hit.terms()), hit.terms()));
    li.appendChild(p);
    return li;
  }

  if (document.getElementById("search-page-input")) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", searchPage);
    else searchPage();
  }
})();
