// handout programme builder: dosages. The patient wording here is the one
// the built pages use (src/model/wording.rs), from the same words of the
// site's language; tests compare the two over every dosage of a handbook
// and a table of cases, in English, Spanish, French and German.
//
// A dosage is an object with only the fields given:
//   sets: [lo, hi]            reps: [lo, hi] | "amrap" (as many as you can)
//   hold, duration, rest: [lo, hi, unit] or, for a compound time such as
//     1 min 30 s, [n, n, unit, n2, unit2]; a unit is "s", "min" or "h"
//   side: "both" | "each" | "leg" | "arm" | "alternating"
//   load: ["kg" | "lb", lo, hi] (tenths: 2.5 kg is 25) | ["band", colour] | ["level", lo, hi]
//   effort: ["rpe", lo, hi] (0 to 10) | ["word", "moderate"]
//   frequency: ["daily"] | ["other"] (every other day) | ["day", lo, hi]
//     | ["week", lo, hi] | ["days", bits] (Monday bit 0 … Sunday bit 6)
// An override (a routine's, or the clinician's change) may also hold a field
// set to null: that field is taken out.
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.HandoutDosage = api;
})(this, function () {
  "use strict";

  var FIELDS = ["sets", "reps", "hold", "duration", "side", "rest", "load", "effort", "frequency"];
  var MAX = { sets: 99, reps: 999, hold: 999, duration: 999, rest: 999, day: 24, week: 99, frequency: 99, level: 10, weight: 9999, rpe: 10 };
  /** What the handbook's dosages may name (src/parse/dosage.rs). */
  var BANDS = ["tan", "yellow", "red", "green", "blue", "black", "silver", "gold", "grey", "purple", "pink", "light", "medium", "heavy"];
  var EFFORTS = ["easy", "light", "moderate", "somewhat hard", "hard", "very hard"];
  var UNITS = ["s", "min", "h"];
  var SIDES = ["both", "each", "leg", "arm", "alternating"];

  // ---- Wording: the steps of docs/i18n.md ("Dosage wording") over the
  // [dosage] words of a language, as src/model/wording.rs takes them.
  // `words` is { lang, meta: { decimal, range, list_separator, list_last },
  // dosage: the [dosage] table } (builder-data.js carries the site's as
  // HANDOUT_BUILDER.words); nothing of a language is written here.

  function defaultWords() {
    var g = typeof window !== "undefined" ? window : {};
    return (g.HANDOUT_BUILDER && g.HANDOUT_BUILDER.words) || null;
  }

  /** CLDR plural category of a number written with "." (as src/i18n/number.rs). */
  function category(lang, s) {
    var base = String(lang || "en").split(/[-_]/)[0];
    var parts = String(s).split("."), i = parseInt(parts[0], 10), frac = parts[1] || "";
    var whole = !/[1-9]/.test(frac);
    if (base === "es") return whole && i === 1 ? "one" : "other";
    if (base === "fr") return i <= 1 ? "one" : "other";
    if (base === "ar") {
      if (!whole) return "other";
      var m = i % 100;
      if (i === 0) return "zero";
      if (i === 1) return "one";
      if (i === 2) return "two";
      if (m >= 3 && m <= 10) return "few";
      if (m >= 11 && m <= 99) return "many";
      return "other";
    }
    return i === 1 && frac.length === 0 ? "one" : "other";
  }

  /** A number held in tenths, as written: 25 → "2.5", 20 → "2". */
  function tenths(t) { return t % 10 === 0 ? String(t / 10) : Math.floor(t / 10) + "." + (t % 10); }
  /** A count or range argument: [lo, hi] as written. */
  function num(lo, hi) { return [String(lo), String(hi == null ? lo : hi)]; }

  function Wording(words) {
    this.lang = words.lang;
    this.meta = words.meta || {};
    this.d = words.dosage || {};
  }
  Wording.prototype.key = function (path) {
    var node = this.d;
    path.split(".").forEach(function (p) { node = node == null ? undefined : node[p]; });
    return node;
  };
  Wording.prototype.text = function (path) {
    var v = this.key(path);
    return typeof v === "string" ? v : "";
  };
  Wording.prototype.number = function (s) { return s.split(".").join(this.meta.decimal || "."); };
  Wording.prototype.value = function (a) {
    if (typeof a === "string") return a;
    if (a[0] === a[1]) return this.number(a[0]);
    return fill(this.meta.range || "{lo}\u2013{hi}", { lo: this.number(a[0]), hi: this.number(a[1]) }, this);
  };
  Wording.prototype.choose = function (msg, args) {
    while (msg && typeof msg === "object" && !Array.isArray(msg)) {
      var a = args[msg.by || "n"], next;
      if (typeof a === "string") next = msg[a];
      else if (a) next = a[0] === a[1] && msg["=" + a[0]] !== undefined ? msg["=" + a[0]] : msg[category(this.lang, a[1])];
      msg = next === undefined ? msg.other : next;
    }
    return typeof msg === "string" ? msg : "";
  };
  /** The key at `path` (in [dosage]) read with `args`. */
  Wording.prototype.format = function (path, args) {
    args = args || {};
    return fill(this.choose(this.key(path), args), args, this);
  };
  Wording.prototype.join = function (items) {
    if (items.length < 2) return items.join("");
    return items.slice(0, -1).join(this.meta.list_separator) + this.meta.list_last + items[items.length - 1];
  };

  function fill(text, args, w) {
    return text.replace(/\{([a-z0-9_]+)\}/g, function (_, name) {
      return Object.prototype.hasOwnProperty.call(args, name) ? w.value(args[name]) : "";
    });
  }

  var UNIT_KEYS = { s: "seconds", min: "minutes", h: "hours" };
  // A time: [lo, hi, unit], or [lo, hi, unit, n, unit2] for "1 min 30 s".
  function timeText(w, t, suffix) {
    var one = function (n, u) { return w.format(UNIT_KEYS[u] + suffix, { n: n }); };
    var big = one(num(t[0], t[1]), t[2]);
    if (t.length < 5) return big;
    var key = suffix ? "compound_adjective" : "compound";
    return w.format(key, { min: big, sec: one(num(t[3]), t[4]) });
  }

  // The [dosage] side keys of the builder's side values.
  var SIDE_KEYS = { both: "both", each: "each", alternating: "alternating", leg: "each_leg", arm: "each_arm" };

  function frequencyText(w, f) {
    if (f[0] === "daily") return w.text("daily");
    if (f[0] === "other") return w.text("every_other_day");
    if (f[0] === "day" || f[0] === "week") return w.format("per_" + f[0], { n: num(f[1], f[2]) });
    if (f[0] === "days") {
      var names = w.key("weekdays") || [], days = [];
      for (var i = 0; i < 7; i++) if (f[1] & (1 << i)) days.push(names[i]);
      return w.format("on_days", { days: w.join(days) });
    }
    return "";
  }

  function loadText(w, l) {
    if (l[0] === "kg" || l[0] === "lb") return w.format("load_" + l[0], { n: [tenths(l[1]), tenths(l[2])] });
    if (l[0] === "band") {
      var colour = w.key("band_colour." + l[1]);
      return w.format("load_band", { colour: typeof colour === "string" ? colour : l[1] });
    }
    if (l[0] === "level") return w.format("load_level", { n: num(l[1], l[2]) });
    return "";
  }

  function effortText(w, e) {
    if (e[0] === "rpe") return w.format("effort", { n: num(e[1], e[2]), of: num(10) });
    if (e[0] === "word") return w.text("effort_word." + String(e[1]).replace(/ /g, "_"));
    return "";
  }

  /**
   * The one patient wording in the language of `words` (default: the
   * site's), e.g. "2–3 sets of 10–15 reps · hold 2–3 seconds · daily".
   */
  function describe(d, words) {
    words = words || defaultWords();
    if (!words) return "";
    var w = new Wording(words);
    var args = { side: w.text("side." + (SIDE_KEYS[d.side] || "both")) };
    if (d.sets) {
      args.count = num(d.sets[0], d.sets[1]);
      args.sets = w.format("sets", { n: args.count });
      args.rounds = w.format("rounds", { n: args.count });
    }
    var parts = [], t, k;
    if (d.reps) {
      if (d.reps === "amrap") parts.push(w.format(d.sets ? "sets_amrap" : "amrap", args));
      else {
        args.reps = w.format("reps", { n: num(d.reps[0], d.reps[1]) });
        parts.push(w.format(d.sets ? "sets_reps" : "reps_only", args));
      }
      if (d.hold) parts.push(w.format("hold_after_reps", { time: timeText(w, d.hold, "") }));
    } else if (d.hold || d.duration) {
      t = d.hold || d.duration;
      args.time = timeText(w, t, "");
      args.adjective = timeText(w, t, "_adjective");
      args.time_kind = t.length < 5 ? "simple" : "compound";
      k = d.hold ? (d.sets ? "hold_sets" : "hold_only") : d.sets ? "sets_duration" : "duration_only";
      parts.push(w.format(k, args));
    } else if (d.sets) {
      parts.push(w.format("sets_only", args));
    }
    if (d.duration && (d.reps || d.hold)) parts.push(w.format("duration_after", { time: timeText(w, d.duration, "") }));
    if (d.load) parts.push(loadText(w, d.load));
    if (d.effort) parts.push(effortText(w, d.effort));
    if (d.rest) {
      k = d.sets && d.sets[1] > 1 ? "rest" : "rest_alone";
      parts.push(w.format(k, { time: timeText(w, d.rest, "") }));
    }
    if (d.frequency) parts.push(frequencyText(w, d.frequency));
    return parts.join(w.text("join"));
  }

  /** True when at least one of reps, hold and duration is given. */
  function hasAmount(d) { return !!(d.reps || d.hold || d.duration); }

  /** `base` with every field `over` names replaced (null: taken out). */
  function merged(base, over) {
    var out = {};
    FIELDS.forEach(function (f) {
      var v = over && Object.prototype.hasOwnProperty.call(over, f) ? over[f] : base[f];
      if (v != null) out[f] = v;
    });
    return out;
  }

  /** The override that turns `base` into `want` (only the fields that differ). */
  function diff(base, want) {
    var over = {};
    FIELDS.forEach(function (f) {
      var a = base[f] == null ? null : JSON.stringify(base[f]);
      var b = want[f] == null ? null : JSON.stringify(want[f]);
      if (a !== b) over[f] = want[f] == null ? null : want[f];
    });
    return over;
  }

  function count(v, max, min) {
    var n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d/.test(v) ? parseInt(v, 10) : NaN;
    if (!isFinite(n) || n < (min === undefined ? 1 : min)) return null;
    return Math.min(Math.floor(n), max);
  }

  /** A [lo, hi] from any two values: lo ≥ min (1 unless said), hi ≥ lo, both whole; null when lo is missing. */
  function cleanRange(lo, hi, max, min) {
    var a = count(lo, max, min);
    if (a === null) return null;
    var b = count(hi, max, min);
    return [a, b === null || b < a ? a : b];
  }

  /** A time made valid: a unit, and a smaller second part only after a single amount. */
  function cleanTime(v, max) {
    var r = cleanRange(v[0], v[1], max);
    if (!r || UNITS.indexOf(v[2]) < 0) return null;
    var then = v[3] == null ? null : count(v[3], 59), u2 = v[4];
    if (then !== null && r[0] === r[1] && UNITS.indexOf(u2) >= 0 && UNITS.indexOf(u2) < UNITS.indexOf(v[2])) {
      return [r[0], r[1], v[2], then, u2];
    }
    return [r[0], r[1], v[2]];
  }

  /**
   * A field's value made valid, or null when it is missing or makes no sense:
   * whatever a file or a link holds, the result can be worded.
   */
  function cleanField(f, v) {
    if (v == null) return null;
    if (f === "side") return SIDES.indexOf(v) >= 0 ? v : null;
    if (f === "reps" && v === "amrap") return v;
    if (!Array.isArray(v)) return null;
    if (f === "sets" || f === "reps") return cleanRange(v[0], v[1], MAX[f]);
    if (f === "hold" || f === "duration" || f === "rest") return cleanTime(v, MAX[f]);
    var n;
    if (f === "load") {
      if (v[0] === "band") return BANDS.indexOf(v[1]) >= 0 ? ["band", v[1]] : null;
      if (v[0] !== "kg" && v[0] !== "lb" && v[0] !== "level") return null;
      n = cleanRange(v[1], v[2], v[0] === "level" ? MAX.level : MAX.weight);
      return n ? [v[0], n[0], n[1]] : null;
    }
    if (f === "effort") {
      if (v[0] === "word") return EFFORTS.indexOf(v[1]) >= 0 ? ["word", v[1]] : null;
      n = v[0] === "rpe" ? cleanRange(v[1], v[2], MAX.rpe, 0) : null;
      return n ? ["rpe", n[0], n[1]] : null;
    }
    if (f === "frequency") {
      if (v[0] === "daily" || v[0] === "other") return [v[0]];
      if (v[0] === "days") {
        var bits = count(v[1], 127);
        return bits ? ["days", bits] : null;
      }
      if (v[0] !== "day" && v[0] !== "week") return null;
      n = cleanRange(v[1], v[2], MAX[v[0]]);
      return n ? [v[0], n[0], n[1]] : null;
    }
    return null;
  }

  /** An override made valid: unknown fields dropped, null kept (it takes a field out). */
  function cleanOver(over) {
    var out = {};
    if (!over || typeof over !== "object") return out;
    FIELDS.forEach(function (f) {
      if (!Object.prototype.hasOwnProperty.call(over, f)) return;
      if (over[f] === null) out[f] = null;
      else {
        var v = cleanField(f, over[f]);
        if (v !== null) out[f] = v;
      }
    });
    return out;
  }

  return {
    FIELDS: FIELDS,
    MAX: MAX,
    BANDS: BANDS,
    EFFORTS: EFFORTS,
    UNITS: UNITS,
    SIDES: SIDES,
    describe: describe,
    category: category,
    hasAmount: hasAmount,
    merged: merged,
    diff: diff,
    cleanField: cleanField,
    cleanOver: cleanOver,
    cleanRange: cleanRange
  };
});
