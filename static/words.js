// handout: the page's words in its language for the theme's scripts (the
// search box and the search page). A page carries them as JSON in a
// data-words attribute (the keys of i18n/<lang>.toml, see docs/i18n.md);
// they are read as builder-dosage.js reads them: a choice takes the form its
// `by` argument (`n` by default) picks, an exact "=N" key first, then the
// number's CLDR plural category; `{name}` blanks are filled. A key the page
// lacks (a template without data-words) is read from the script's English.
(function () {
  "use strict";

  /** CLDR plural category of a whole number (as src/i18n/number.rs). */
  function category(lang, i) {
    var base = String(lang || "en").split(/[-_]/)[0];
    if (base === "fr") return i <= 1 ? "one" : "other";
    if (base === "ar") {
      var m = i % 100;
      if (i === 0) return "zero";
      if (i === 1) return "one";
      if (i === 2) return "two";
      if (m >= 3 && m <= 10) return "few";
      if (m >= 11 && m <= 99) return "many";
      return "other";
    }
    return i === 1 ? "one" : "other";
  }

  function lookup(table, path) {
    var node = table;
    path.split(".").forEach(function (p) { node = node == null ? undefined : node[p]; });
    return node;
  }

  /** The words in `el`'s data-words, with `english` for any key they lack. */
  function Words(el, english) {
    this.english = english || {};
    var w = null;
    try { w = el && JSON.parse(el.getAttribute("data-words") || "null"); } catch (e) { w = null; }
    this.w = w && typeof w === "object" ? w : {};
    this.lang = this.w.lang || document.documentElement.lang || "en";
  }
  /** The key at `path` (e.g. "kind.guide") read with `args`. */
  Words.prototype.format = function (path, args) {
    args = args || {};
    var msg = lookup(this.w, path), lang = this.lang;
    if (msg === undefined) {
      msg = lookup(this.english, path);
      lang = "en";
    }
    while (msg && typeof msg === "object" && !Array.isArray(msg)) {
      var a = args[msg.by || "n"], next;
      if (typeof a === "number") next = msg["=" + a] !== undefined ? msg["=" + a] : msg[category(lang, a)];
      else if (typeof a === "string") next = msg[a];
      msg = next === undefined ? msg.other : next;
    }
    if (typeof msg !== "string") return "";
    return msg.replace(/\{([a-z0-9_]+)\}/g, function (_, name) {
      return Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : "";
    });
  };

  window.HandoutWords = Words;
})();
