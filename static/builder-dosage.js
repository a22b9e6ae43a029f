// handout programme builder: dosages. The patient wording here is the one
// the built pages use (src/model/dosage.rs, `Dosage::describe`); a test
// compares the two over every dosage of a handbook and a table of cases.
//
// A dosage is an object with only the fields given:
//   sets, reps: [lo, hi]      hold, duration: [lo, hi, "s" | "min"]
//   side: "both" | "each" | "alternating"
//   frequency: ["daily"] | ["day", lo, hi] | ["week", lo, hi]
// An override (a routine's, or the clinician's change) may also hold a field
// set to null: that field is taken out.
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.HandoutDosage = api;
})(this, function () {
  "use strict";

  var FIELDS = ["sets", "reps", "hold", "duration", "side", "frequency"];
  var MAX = { sets: 99, reps: 999, hold: 999, duration: 999, frequency: 99 };

  function isOne(r) { return r[0] === 1 && r[1] === 1; }
  function range(r) { return r[0] === r[1] ? String(r[0]) : r[0] + "\u2013" + r[1]; }
  function unitWord(t) { return t[2] === "min" ? "minute" : "second"; }
  function noun(t) { return range(t) + " " + unitWord(t) + (isOne(t) ? "" : "s"); }
  function adjective(t) { return range(t) + "-" + unitWord(t); }
  function plural(r, one, many) { return range(r) + " " + (isOne(r) ? one : many); }
  function frequency(f) {
    if (f[0] === "daily") return "daily";
    var r = [f[1], f[2]];
    return isOne(r) ? "once a " + f[0] : range(r) + " times a " + f[0];
  }

  /** The one patient wording, e.g. "2–3 sets of 10–15 reps · hold 2–3 seconds · daily". */
  function describe(d) {
    var side = d.side === "each" ? ", each side" : d.side === "alternating" ? ", alternating sides" : "";
    var parts = [], main;
    if (d.reps) {
      var reps = plural(d.reps, "rep", "reps");
      main = d.sets ? plural(d.sets, "set", "sets") + " of " + reps : reps;
      parts.push(main + side);
      if (d.hold) parts.push("hold " + noun(d.hold));
      if (d.duration) parts.push("for " + noun(d.duration));
    } else if (d.hold) {
      if (d.sets && isOne(d.sets)) main = "1 \u00d7 " + adjective(d.hold) + " hold";
      else if (d.sets) main = range(d.sets) + " \u00d7 " + adjective(d.hold) + " holds";
      else main = "hold " + noun(d.hold);
      parts.push(main + side);
      if (d.duration) parts.push("for " + noun(d.duration));
    } else if (d.duration) {
      main = d.sets ? plural(d.sets, "round", "rounds") + " of " + noun(d.duration) : noun(d.duration);
      parts.push(main + side);
    } else if (d.sets) {
      parts.push(plural(d.sets, "set", "sets") + side);
    }
    if (d.frequency) parts.push(frequency(d.frequency));
    return parts.join(" \u00b7 ");
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

  function count(v, max) {
    var n = typeof v === "number" ? v : parseInt(v, 10);
    if (!isFinite(n) || n < 1) return null;
    return Math.min(Math.floor(n), max);
  }

  /** A [lo, hi] from any two values: lo ≥ 1, hi ≥ lo, both whole; null when lo is missing. */
  function cleanRange(lo, hi, max) {
    var a = count(lo, max);
    if (a === null) return null;
    var b = count(hi, max);
    return [a, b === null || b < a ? a : b];
  }

  /**
   * A field's value made valid, or null when it is missing or makes no sense:
   * whatever a file or a link holds, the result can be worded.
   */
  function cleanField(f, v) {
    if (v == null) return null;
    if (f === "side") return v === "both" || v === "each" || v === "alternating" ? v : null;
    if (!Array.isArray(v)) return null;
    if (f === "sets" || f === "reps") return cleanRange(v[0], v[1], MAX[f]);
    if (f === "hold" || f === "duration") {
      var r = cleanRange(v[0], v[1], MAX[f]);
      return r && (v[2] === "s" || v[2] === "min") ? [r[0], r[1], v[2]] : null;
    }
    if (f === "frequency") {
      if (v[0] === "daily") return ["daily"];
      if (v[0] !== "day" && v[0] !== "week") return null;
      var n = cleanRange(v[1], v[2], MAX.frequency);
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
    describe: describe,
    hasAmount: hasAmount,
    merged: merged,
    diff: diff,
    cleanField: cleanField,
    cleanOver: cleanOver,
    cleanRange: cleanRange
  };
});
