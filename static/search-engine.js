// handout search: the engine, shared by the search page (search.js) and the
// search box in every page's header (search-box.js).
//
// It reads window.HANDOUT_SEARCH, set by search-index.js (a plain <script>
// file, so search works from file:// too). The build has already done the
// work (words folded, stemmed and counted, synonym phrases found, every
// word's pages weighted: see src/search/schema.rs for the layout), so the
// engine only looks words up and adds weights: there is nothing to build
// when the index arrives.
//
// What a query goes through:
//  - words are folded and stemmed as the build did (STEMMERS, by language);
//  - synonym phrases are found first (longest first, one typo forgiven in
//    words of five letters or more);
//  - a word the index has is taken as typed; one it lacks is taken as the
//    start of a longer word (as the patient types), and failing that as a
//    typo: one letter added, left out, changed or two swapped, measured
//    against the word as typed and against its stem, whichever is closer;
//  - stop words are left out, "soft" words (pain, tight …) only add to a
//    page's score, and every other word must match;
//  - when enough pages match in their title, file name, tags or
//    vocabularies ("core" matches), pages that have the words only in their
//    summary or in passing are left out; failing that, when enough match
//    in those or the summary ("strong" matches), pages that only mention
//    the words in passing are.
(function () {
  "use strict";

  var FORMAT = 3;
  /** Every part of the index the engine reads (checked against the build by a test). */
  var READS = ["format", "language", "stop", "soft", "fillers", "facets", "synonyms", "kinds",
    "docs.kind", "docs.url", "docs.title", "docs.dosages", "docs.dosage", "docs.facets",
    "terms.stems", "terms.words", "terms.word_terms", "terms.idf", "terms.postings", "terms.ends"];
  /** What the engine reads of search-index-more.js. */
  var READS_MORE = ["format", "postings", "ends", "summary", "text"];
  /** Pages with a core (strong) match that make weaker matches unnecessary. */
  var ENOUGH_CORE = 3, ENOUGH_STRONG = 3;
  var PREFIX_MAX = 60; // completions of a partly typed word
  var FUZZY = 0.6, LITERAL = 0.5; // how much a typo's or a phrase's loose match counts
  var SOFT = 0.5; // how much a soft word ("pain") counts
  /** Below this many pages with every word, pages lacking one word are shown after them. */
  var FEW = 5;

  var T = window.HandoutSearchWords;
  var words = T.words, oneTypo = T.oneTypo, unpack = T.unpack, lowerBound = T.lowerBound;
  var LEVEL = T.LEVEL, DIGIT = T.DIGIT, STEMMERS = T.STEMMERS;

  function set(list) {
    var s = {};
    list.forEach(function (w) { s[w] = true; });
    return s;
  }

  // ---- The engine -----------------------------------------------------

  /** Where each term's postings end, from the packed steps between ends. */
  function ends(packed) {
    var steps = unpack(packed), out = new Uint32Array(steps.length), at = 0;
    for (var i = 0; i < steps.length; i++) out[i] = at += steps[i];
    return out;
  }

  /** Throws unless `data` has the format and every part in `reads`. */
  function check(data, reads, file) {
    if (!data || data.format !== FORMAT) throw new Error(file + ": format " + (data && data.format) + ", expected " + FORMAT);
    reads.forEach(function (path) {
      var v = path.split(".").reduce(function (o, k) { return o && o[k]; }, data);
      if (v === undefined) throw new Error(file + " has no " + path);
    });
  }

  /** The search engine over the data of search-index.js. */
  function Engine(data) {
    check(data, READS, "search-index.js");
    this.data = data;
    this.facets = data.facets;
    this.facetIndex = {};
    for (var f = 0; f < data.facets.length; f++) this.facetIndex[data.facets[f].name] = f;
    var self = this, stemmer = STEMMERS[data.language], memo = new Map();
    if (!stemmer && data.language !== "en") {
      // Stemmed at build time (Snowball): stems come from the index's words.
      stemmer = function (w) {
        var extra = [];
        (data.synonyms || []).forEach(function (g) { g.forEach(function (p) { extra.push.apply(extra, words(p)); }); });
        stemmer = T.indexStemmer(self.words, self.wordTerms, self.stems, extra);
        return stemmer(w);
      };
    }
    stemmer = stemmer || STEMMERS.en;
    this.stem = function (w) {
      var s = memo.get(w);
      if (s === undefined) { s = stemmer(w); if (memo.size < 50000) memo.set(w, s); }
      return s;
    };
    this.stop = set(data.stop);
    this.soft = set(data.soft);
    this.fillers = set(data.fillers);
    var t = data.terms;
    this.stems = t.stems ? t.stems.split(" ") : [];
    this.words = t.words ? t.words.split(" ") : [];
    this.wordTerms = unpack(t.word_terms);
    this.idf = unpack(t.idf).map(function (n) { return n / 4; });
    this.ends = ends(t.ends);
    this.more = null;
    this.cache = new Map();
    this.size = data.docs.kind.length;
    this.docList = new Array(this.size);
    this.columns = {};
    this.facetTerms = data.facets.map(function () { return null; });
    this.synonyms = this.phrases(data.synonyms);
  }

  /**
   * Adds search-index-more.js: the words pages only mention in passing, and
   * the summaries and passages shown under results. Until then results
   * come from strong matches only.
   */
  Engine.prototype.addMore = function (more) {
    check(more, READS_MORE, "search-index-more.js");
    this.more = more;
    this.moreEnds = ends(more.ends);
    this.columns.summary = this.columns.text = null;
    this.docList = new Array(this.size);
    this.cache.clear();
  };

  /** A text column as a list, split when first needed (empty until its file is there). */
  Engine.prototype.column = function (name) {
    var c = this.columns[name];
    if (!c) {
      var from = name === "summary" || name === "text" ? this.more : this.data.docs;
      c = this.columns[name] = from ? from[name].split("\n") : [];
    }
    return c;
  };

  /** Synonym groups as phrases of words and stems (fillers left out). */
  Engine.prototype.phrases = function (groups) {
    var self = this, n = this.stems.length;
    return groups.map(function (group, g) {
      var highlight = new Set();
      var phrases = group.map(function (phrase) {
        var ws = words(phrase).filter(function (w) { return !self.fillers[w]; });
        ws.forEach(function (w) { if (!self.stop[w]) highlight.add(self.stem(w)); });
        return { words: ws, keys: ws.map(self.stem) };
      }).filter(function (p) { return p.words.length; });
      return { term: n + g, phrases: phrases, highlight: highlight };
    });
  };

  /** Facet f's terms of every page, unpacked when first needed: page i's are terms[at[i]] to terms[at[i + 1]]. */
  Engine.prototype.facetColumn = function (f) {
    var col = this.facetTerms[f];
    if (col) return col;
    var s = this.data.docs.facets[f], n = this.size;
    var at = new Uint32Array(n + 1), terms = new Uint16Array(s.length), k = 0, doc = 0, num = 0, mul = 1;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c === 32) { at[++doc] = k; continue; }
      var v = DIGIT[c];
      if (v >= 32) { num += (v - 32) * mul; mul *= 32; } else { terms[k++] = num + v * mul; num = 0; mul = 1; }
    }
    while (doc < n) at[++doc] = k;
    return (this.facetTerms[f] = { at: at, terms: terms });
  };

  /** The term indices of page `id` in facet f. */
  Engine.prototype.terms = function (f, id) {
    var c = this.facetColumn(f);
    return Array.prototype.slice.call(c.terms, c.at[id], c.at[id + 1]);
  };

  /** Page `id` as shown: made when first needed. */
  Engine.prototype.doc = function (id) {
    var doc = this.docList[id];
    if (!doc) {
      var self = this;
      if (!this.dosage) {
        this.dosage = unpack(this.data.docs.dosage);
        this.dosages = this.data.docs.dosages.split("\n");
      }
      doc = this.docList[id] = {
        id: id, kind: this.data.kinds[+this.data.docs.kind[id]], url: this.column("url")[id],
        title: this.column("title")[id], summary: this.column("summary")[id] || "",
        dosage: this.dosages[this.dosage[id]] || "", body: this.column("text")[id] || "",
        terms: this.facets.map(function (f, i) { return self.terms(i, id); })
      };
    }
    return doc;
  };

  /** Term t's pages, as [strong list, passing list]: each { docs, weights, core }. */
  Engine.prototype.postings = function (t) {
    var hit = this.cache.get(t);
    if (hit) return hit;
    var idf = this.idf[t] || 0;
    hit = [decode(this.data.terms.postings, this.ends, t, idf, true)];
    if (this.more) hit.push(decode(this.more.postings, this.moreEnds, t, idf, false));
    if (this.cache.size > 2000) this.cache.clear();
    this.cache.set(t, hit);
    return hit;
  };

  /**
   * Term t's postings in `packed` (see src/search/schema.rs), weighted; in
   * a `strong` list each gap's lowest bit says whether the match is core.
   */
  function decode(packed, ends, t, idf, strong) {
    var from = t ? ends[t - 1] : 0, to = ends[t], max = (to - from) >> 1;
    var docs = new Uint32Array(max), weights = new Float64Array(max), core = new Uint8Array(max);
    var n = 0, num = 0, mul = 1, level = false, doc = -1;
    for (var i = from; i < to; i++) {
      var v = DIGIT[packed.charCodeAt(i)];
      if (v >= 32) { num += (v - 32) * mul; mul *= 32; continue; }
      num += v * mul;
      if (level) weights[n++] = idf * LEVEL[num];
      else if (strong) { core[n] = num & 1; docs[n] = doc += Math.floor(num / 2) + 1; }
      else docs[n] = doc += num + 1;
      level = !level;
      num = 0;
      mul = 1;
    }
    return { docs: docs.subarray(0, n), weights: weights.subarray(0, n), core: core.subarray(0, n) };
  }

  /** The term of word w, or -1. */
  Engine.prototype.wordTerm = function (w) {
    var i = lowerBound(this.words, w);
    return this.words[i] === w ? this.wordTerms[i] : -1;
  };

  /** The term of stem s, or -1. */
  Engine.prototype.stemTerm = function (s) {
    var i = lowerBound(this.stems, s);
    return this.stems[i] === s ? i : -1;
  };

  // ---- Queries --------------------------------------------------------

  /**
   * Splits a query into concepts: synonym phrases (longest first) and
   * single words. Stop words are dropped unless the query has nothing else.
   */
  Engine.prototype.concepts = function (q) {
    var self = this, tokens = words(q);
    var hasContent = tokens.some(function (w) { return !self.stop[w]; });
    // Fillers are skipped when phrases are matched; `at` maps back to tokens.
    var at = [], keyed = [];
    tokens.forEach(function (w, i) { if (!self.fillers[w]) { at.push(i); keyed.push({ word: w, stem: self.stem(w) }); } });
    var out = [], taken = new Array(tokens.length);
    for (var k = 0; k < keyed.length;) {
      var best = this.phraseAt(keyed, k);
      if (best) {
        var from = at[k], to = at[k + best.len - 1];
        for (var j = from; j <= to; j++) taken[j] = true;
        var typed = keyed.slice(k, k + best.len).map(function (x) { return x.word; });
        out.push({
          label: tokens.slice(from, to + 1).join(" "), group: best.group, typed: typed,
          soft: typed.every(function (w) { return self.soft[w] || self.stop[w]; })
        });
        k += best.len;
      } else k++;
    }
    tokens.forEach(function (w, i) {
      if (taken[i] || (self.stop[w] && hasContent) || (self.fillers[w] && hasContent)) return;
      out.push({ label: w, word: w, last: i === tokens.length - 1, several: tokens.length > 1, soft: !!self.soft[w] });
    });
    return out;
  };

  /** The longest synonym phrase at keyed[k], as { group, len }, or null. */
  Engine.prototype.phraseAt = function (keyed, k) {
    var best = null;
    this.synonyms.forEach(function (group) {
      group.phrases.forEach(function (ph) {
        var n = ph.words.length;
        if (k + n > keyed.length || (best && n <= best.len)) return;
        for (var i = 0; i < n; i++) {
          var q = keyed[k + i];
          if (q.word === ph.words[i] || q.stem === ph.keys[i]) continue;
          if (q.word.length >= 5 && (oneTypo(q.word, ph.words[i]) || oneTypo(q.stem, ph.keys[i]))) continue;
          return;
        }
        best = { group: group, len: n };
      });
    });
    return best;
  };

  /**
   * The terms a typed word stands for, as a Map term → how much it counts:
   * the word itself (or its stem) if the index has it; else the words it
   * starts; else the words one typo away. Typos are also looked for when
   * the word is only ever mentioned in passing ("wall angles", when
   * "angles" is in a body and "angels" in a title).
   */
  Engine.prototype.candidates = function (w, prefixOk) {
    var self = this, out = new Map(), stem = this.stem(w);
    [this.wordTerm(w), this.stemTerm(stem)].forEach(function (t) { if (t >= 0) out.set(t, 1); });
    var strong = false;
    out.forEach(function (f, t) { strong = strong || self.strong(t); });
    if (strong) return out;
    if (!out.size && prefixOk) {
      var list = this.words, terms = this.wordTerms, found = [];
      for (var i = lowerBound(list, w); i < list.length && list[i].lastIndexOf(w, 0) === 0; i++) found.push(i);
      found.sort(function (a, b) { return list[a].length - list[b].length || a - b; });
      found.slice(0, PREFIX_MAX).forEach(function (i) {
        var f = 0.5 + 0.4 * w.length / list[i].length;
        if (!(out.get(terms[i]) >= f)) out.set(terms[i], f);
      });
      if (out.size) return out;
    }
    if (w.length < 5) return out;
    // A word found only in passing gets the words one typo away as typed
    // that pages are about; a word not found at all, any one typo away.
    this.typos(w, out.size ? null : stem).forEach(function (t) {
      if (!out.has(t) && (!out.size || self.strong(t))) out.set(t, FUZZY);
    });
    return out;
  };

  /**
   * The terms one typo away from a word, measured against the word as typed
   * and against its stem, whichever is closer: every spelling one letter
   * added, left out, changed or two swapped away, looked up as a word, as
   * the stem of that word, and (from the stem) as a stem; with a null
   * `stem`, as a word only.
   */
  Engine.prototype.typos = function (w, stem) {
    var self = this, out = new Set();
    T.edits(w).forEach(function (e) {
      var t = self.wordTerm(e);
      if (t >= 0) out.add(t);
      if (stem === null) return;
      t = self.stemTerm(self.stem(e));
      if (t >= 0) out.add(t);
    });
    if (stem !== null && stem !== w) {
      T.edits(stem).forEach(function (e) {
        var t = self.stemTerm(e);
        if (t >= 0) out.add(t);
      });
    }
    return out;
  };

  /** Whether term t is ever a strong match (title, file name, tags, vocabularies, summary). */
  Engine.prototype.strong = function (t) {
    return this.ends[t] > (t ? this.ends[t - 1] : 0);
  };

  /** What one concept found: per page, its best score and 0 (no match), 1 (in passing), 2 (strong) or 3 (core). */
  function Run(n) {
    this.score = new Float64Array(n);
    this.hit = new Uint8Array(n);
    this.count = 0;
    this.highlight = new Set();
  }

  /** Adds term t's pages, counted `factor`, to `run`; a page keeps its best. */
  Engine.prototype.collect = function (run, t, factor) {
    var lists = this.postings(t);
    for (var l = 0; l < lists.length; l++) {
      var p = lists[l];
      for (var i = 0; i < p.docs.length; i++) {
        var d = p.docs[i], s = p.weights[i] * factor, mark = l ? 1 : 2 + p.core[i];
        if (!run.hit[d]) run.count++;
        if (s > run.score[d]) run.score[d] = s;
        if (mark > run.hit[d]) run.hit[d] = mark;
      }
    }
  };

  /** Runs one concept. */
  Engine.prototype.run = function (c) {
    var self = this, n = this.size, run = new Run(n);
    if (c.group) {
      this.collect(run, c.group.term, 1);
      c.group.highlight.forEach(function (s) { run.highlight.add(s); });
      // The typed words themselves, all strongly on one page, count too
      // ("external rotation" on a hip page the phrase table files elsewhere).
      var parts = c.typed.filter(function (w) { return !self.stop[w]; }).map(function (w) {
        var part = new Run(n);
        self.candidates(w, false).forEach(function (f, t) { self.collect(part, t, f); });
        return part;
      });
      if (parts.length > 1) {
        for (var d = 0; d < n; d++) {
          var score = 0, mark = 3, i;
          for (i = 0; i < parts.length && parts[i].hit[d] >= 2; i++) {
            score += parts[i].score[d];
            mark = Math.min(mark, parts[i].hit[d]);
          }
          if (i < parts.length) continue;
          if (!run.hit[d]) run.count++;
          run.hit[d] = Math.max(run.hit[d], mark);
          run.score[d] = Math.max(run.score[d], score * LITERAL);
        }
      }
    } else {
      var prefixOk = c.word.length >= 3 || (c.last && c.several && c.word.length === 2);
      this.candidates(c.word, prefixOk).forEach(function (f, t) {
        self.collect(run, t, f);
        if (t < self.stems.length) run.highlight.add(self.stems[t]);
      });
    }
    return run;
  };

  /**
   * Searches. `selected` maps a facet name to the chosen terms, e.g.
   * { equipment: ["none"] }. Returns the hits, best first, and per facet the
   * count of hits for each term (under the other facets' filters), unless
   * `options.counts` is false (the search box shows none).
   */
  Engine.prototype.search = function (q, selected, options) {
    var wantCounts = !options || options.counts !== false;
    var self = this, n = this.size;
    var concepts = this.concepts(q || "");
    var found = null, ignored = [], loose = false, partial = 0, highlight = new Set();
    if (concepts.length) {
      var runs = [];
      concepts.forEach(function (c) {
        var r = self.run(c);
        r.concept = c;
        if (r.count) runs.push(r); else ignored.push(c.label);
        r.highlight.forEach(function (s) { highlight.add(s); });
      });
      var required = runs.filter(function (r) { return !r.concept.soft; });
      if (!required.length) required = runs;
      var extra = runs.filter(function (r) { return required.indexOf(r) < 0; });
      found = combine(required, extra, n);
      var need = required.length, level = function (k) {
        return dropPassing(found, found.ids.filter(function (d) { return found.matched[d] === k; }));
      };
      var all = level(need);
      if (all.length >= FEW || need === 1) {
        found.ids = all;
      } else if (all.length) {
        // Few pages have every word: those that lack one follow them.
        var some = level(need - 1);
        found.ids = all.concat(some);
        partial = some.length;
      } else {
        loose = need > 1;
        found.ids = dropPassing(found, found.ids);
      }
    }
    var chosen = this.chosen(selected || {});
    var anyChosen = chosen.some(function (c) { return c.size > 0; });
    var pool = found ? found.ids : null;
    var total = pool ? pool.length : n;
    var cols = this.facets.map(function (f, i) { return self.facetColumn(i); });
    var counts = this.facets.map(function (f) { return f.terms.map(function () { return 0; }); });
    var ids = [];
    if (!anyChosen && !wantCounts) ids = pool ? pool.slice() : [];
    else for (var k = 0; k < total; k++) {
      var id = pool ? pool[k] : k, failing = -1, fails = 0, f, j;
      for (f = 0; f < chosen.length && fails < 2; f++) {
        if (!chosen[f].size) continue;
        var col = cols[f], has = false;
        for (j = col.at[id]; j < col.at[id + 1] && !has; j++) has = chosen[f].has(col.terms[j]);
        if (!has) { fails++; failing = f; }
      }
      if (fails > 1) continue;
      for (f = 0; f < cols.length; f++) {
        if (fails && failing !== f) continue;
        for (j = cols[f].at[id]; j < cols[f].at[id + 1]; j++) counts[f][cols[f].terms[j]]++;
      }
      if (!fails) ids.push(id);
    }
    if (!found && !anyChosen) ids = [];
    var score = found ? found.score : null, matched = found ? found.matched : null;
    if (score) ids.sort(function (a, b) { return matched[b] - matched[a] || score[b] - score[a] || a - b; });
    var hits = ids.map(function (id) { return new Hit(self, id, score ? score[id] : 0, highlight); });
    return { query: q, hits: hits, counts: counts, ignored: ignored, loose: loose, partial: partial, total: total };
  };

  /**
   * Pages matching at least one required run: for each, how many it
   * matches, its score (the optional runs count half) and its best match
   * (`strong`: 1 in passing, 2 strong, 3 core).
   */
  function combine(required, extra, n) {
    var score = new Float64Array(n), strong = new Uint8Array(n), matched = new Uint8Array(n), ids = [];
    for (var d = 0; d < n; d++) {
      var k = 0, s = 0, st = 0, r, h;
      for (r = 0; r < required.length; r++) {
        if (!(h = required[r].hit[d])) continue;
        k++;
        s += required[r].score[d];
        if (h > st) st = h;
      }
      if (!k) continue;
      // A soft word ("pain") makes a page strong, never core.
      for (r = 0; r < extra.length; r++) {
        if (!(h = extra[r].hit[d])) continue;
        s += SOFT * extra[r].score[d];
        if (h >= 2 && st < 2) st = 2;
      }
      score[d] = s;
      strong[d] = st;
      matched[d] = k;
      ids.push(d);
    }
    return { ids: ids, score: score, strong: strong, matched: matched };
  }

  /**
   * `ids` without the weaker matches when enough pages are about the
   * words: only core matches when there are enough of them, else only
   * strong ones when there are enough of those.
   */
  function dropPassing(found, ids) {
    var core = ids.filter(function (d) { return found.strong[d] === 3; });
    if (core.length >= ENOUGH_CORE) return core;
    var strong = ids.filter(function (d) { return found.strong[d] >= 2; });
    return strong.length >= ENOUGH_STRONG ? strong : ids;
  }

  /** Selected term codes → per facet, a Set of term indices. */
  Engine.prototype.chosen = function (selected) {
    return this.facets.map(function (facet) {
      var chosen = new Set();
      (selected[facet.name] || []).forEach(function (code) {
        for (var t = 0; t < facet.terms.length; t++) if (facet.terms[t][0] === code) chosen.add(t);
      });
      return chosen;
    });
  };

  /** Labels of a document's terms in one facet. */
  Engine.prototype.labels = function (doc, facetName) {
    var f = this.facetIndex[facetName];
    if (f === undefined) return [];
    var terms = this.facets[f].terms;
    return doc.terms[f].map(function (t) { return terms[t][1]; });
  };

  /** A found page (`doc` is made when first read); `terms()` are the stems to highlight in it. */
  function Hit(engine, id, score, highlight) {
    this.engine = engine;
    this.id = id;
    this.score = score;
    this._terms = highlight;
  }

  Object.defineProperty(Hit.prototype, "doc", {
    get: function () { return this.engine.doc(this.id); }
  });

  Hit.prototype.terms = function () {
    return this._terms || new Set();
  };

  var engine = null, moreState = null, moreWaiting = [];

  /**
   * Loads search-index-more.js once (a <script>, so it works from file://),
   * hands it to the engine and calls `done` (at once if it is there).
   */
  function loadMore(root, done) {
    if (moreState === "done") return done();
    moreWaiting.push(done);
    if (moreState) return;
    moreState = "loading";
    var use = function () {
      try {
        engine.addMore(window.HANDOUT_SEARCH_MORE);
      } catch (e) { /* a file of another build: strong matches only */ }
      moreState = "done";
      var list = moreWaiting;
      moreWaiting = [];
      list.forEach(function (f) { f(); });
    };
    if (window.HANDOUT_SEARCH_MORE) return use();
    var s = document.createElement("script");
    s.src = root + "search-index-more.js";
    s.onload = s.onerror = use;
    document.head.appendChild(s);
  }

  window.HandoutSearch = {
    /** The engine, made on first use from window.HANDOUT_SEARCH. */
    engine: function () {
      if (!engine && window.HANDOUT_SEARCH) engine = new Engine(window.HANDOUT_SEARCH);
      return engine;
    },
    /** Loads the rest of the index after the first results, then calls done. */
    more: loadMore,
    Engine: Engine,
    FORMAT: FORMAT,
    READS: READS,
    READS_MORE: READS_MORE,
    /** `text` as DOM nodes, the words of `terms` (a hit's terms()) marked. */
    highlight: function (text, terms) { return T.highlight(text, terms, engine.stem); },
    /** The passage of a hit's page to show under it. */
    snippet: function (doc, terms) { return T.snippet(doc, terms, engine.stem); },
    words: words
  };
})();
