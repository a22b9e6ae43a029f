// handout search: words as the index has them (folding, stemming, typos),
// packed numbers, and the highlighted passages under results. Shared by the
// engine (search-engine.js), the search page and the header search box;
// src/search/text.rs and src/search/encode.rs are the build's side of it.
(function () {
  "use strict";

  // ---- Words ----------------------------------------------------------

  /** Lower case, accents and apostrophes removed (as src/search/text.rs). */
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

  /** The light English stemmer of src/search/text.rs, rule for rule. */
  function stemEn(w) {
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

  /** Stemmers by language code; a language added to the build adds one here. */
  var STEMMERS = { en: stemEn };

  /**
   * For a language the build stems with Snowball (Spanish, French, German),
   * the browser does not run the stemmer again: it takes the stem the build
   * gave a word from the index, and for a word no page has, the stem of the
   * longest indexed word it starts with (at most 3 letters more:
   * "rodillas" → "rodilla"), else the longest indexed stem it starts with
   * (at most 5 more: "musculares" → "muscul"), else the longest synonym
   * word it starts with (at most 3 more), else the word itself.
   * `words` and `stems` are sorted; `wordTerms[i]` is the stem of `words[i]`.
   */
  function indexStemmer(words, wordTerms, stems, extra) {
    var has = function (list, w) { var i = lowerBound(list, w); return list[i] === w ? i : -1; };
    var extraSorted = null;
    return function (w) {
      var i = has(words, w), n;
      if (i >= 0) return stems[wordTerms[i]];
      for (n = w.length - 1; n >= Math.max(3, w.length - 3); n--) {
        i = has(words, w.slice(0, n));
        if (i >= 0) return stems[wordTerms[i]];
      }
      for (n = w.length - 1; n >= Math.max(3, w.length - 5); n--) {
        if (has(stems, w.slice(0, n)) >= 0) return w.slice(0, n);
      }
      if (extraSorted === null) extraSorted = (extra || []).slice().sort();
      for (n = w.length; n >= Math.max(3, w.length - 3); n--) {
        if (has(extraSorted, w.slice(0, n)) >= 0) return w.slice(0, n);
      }
      return w;
    };
  }

  /** True when a and b are at most one typo apart (added, left out, changed, or two swapped). */
  function oneTypo(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  var LETTERS = "abcdefghijklmnopqrstuvwxyz";

  /** Every spelling one typo away from w: a letter left out, swapped with the next, changed or added. */
  function edits(w) {
    var out = new Set(), i, c;
    for (i = 0; i < w.length; i++) {
      out.add(w.slice(0, i) + w.slice(i + 1));
      if (i + 1 < w.length) out.add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
      for (c = 0; c < 26; c++) out.add(w.slice(0, i) + LETTERS[c] + w.slice(i + 1));
    }
    for (i = 0; i <= w.length; i++) {
      for (c = 0; c < 26; c++) out.add(w.slice(0, i) + LETTERS[c] + w.slice(i));
    }
    out.delete(w);
    return out;
  }

  // ---- Packed numbers (src/search/encode.rs) ---------------------------

  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT = new Int8Array(128);
  for (var d = 0; d < 64; d++) DIGIT[ALPHABET.charCodeAt(d)] = d;
  var LEVEL = new Float64Array(32); // src/search/encode.rs: level → weight
  for (var l = 0; l < 32; l++) LEVEL[l] = Math.pow(2, l / 4) / 4;

  /** The numbers packed in s[from, to). */
  function unpack(s, from, to) {
    var out = [], n = 0, mul = 1;
    for (var i = from || 0, end = to === undefined ? s.length : to; i < end; i++) {
      var v = DIGIT[s.charCodeAt(i)];
      if (v >= 32) { n += (v - 32) * mul; mul *= 32; } else { out.push(n + v * mul); n = 0; mul = 1; }
    }
    return out;
  }

  function lowerBound(list, w) {
    var lo = 0, hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] < w) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /**
   * `text` as DOM nodes with the words whose stems are in `terms` wrapped
   * in <mark>; `stem` is the engine's stemmer.
   */
  function highlight(text, terms, stem) {
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

  function firstMatch(text, terms, stem) {
    var re = /[A-Za-z0-9\u00C0-\u024F'\u2019]+/g, m;
    while ((m = re.exec(text))) {
      var w = words(m[0])[0];
      if (w && (terms.has(stem(w)) || terms.has(w))) return m.index;
    }
    return -1;
  }

  var MAX_SNIPPET = 170;

  /** A short passage of the summary or body around the first matched word. */
  function snippet(doc, terms, stem) {
    if (firstMatch(doc.summary, terms, stem) >= 0 || !doc.body) return doc.summary || doc.body.slice(0, MAX_SNIPPET);
    var at = firstMatch(doc.body, terms, stem);
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

  window.HandoutSearchWords = {
    fold: fold, words: words, STEMMERS: STEMMERS, indexStemmer: indexStemmer, oneTypo: oneTypo, edits: edits, unpack: unpack,
    lowerBound: lowerBound, LEVEL: LEVEL, DIGIT: DIGIT, highlight: highlight, snippet: snippet
  };
})();
