// handout programme builder: dosages. The patient wording here is the one
// the built pages use (src/model/dosage.rs, `Dosage::describe`); a test
// compares the two over every dosage of a handbook and a table of cases.
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
  var DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

  function isOne(r) { return r[0] === 1 && r[1] === 1; }
  function range(r) { return r[0] === r[1] ? String(r[0]) : r[0] + "\u2013" + r[1]; }
  function unitWord(u) { return u === "min" ? "minute" : u === "h" ? "hour" : "second"; }
  function noun(t) {
    var out = range(t) + " " + unitWord(t[2]) + (isOne(t) ? "" : "s");
    return t[3] ? out + " " + t[3] + " " + unitWord(t[4]) + (t[3] === 1 ? "" : "s") : out;
  }
  function adjective(t) { return range(t) + "-" + unitWord(t[2]) + (t[3] ? "-" + t[3] + "-" + unitWord(t[4]) : ""); }
  function tenths(n) { return n % 10 ? Math.floor(n / 10) + "." + (n % 10) : String(n / 10); }
  function plural(r, one, many) { return range(r) + " " + (isOne(r) ? one : many); }
  function frequency(f) {
    if (f[0] === "daily") return "daily";
    if (f[0] === "other") return "every other day";
    if (f[0] === "days") {
      var names = DAYS.filter(function (d, i) { return f[1] & (1 << i); });
      return names.length > 1 ? names.slice(0, -1).join(", ") + " and " + names[names.length - 1] : names.join("");
    }
    var r = [f[1], f[2]];
    return isOne(r) ? "once a " + f[0] : range(r) + " times a " + f[0];
  }

  /** The one patient wording, e.g. "2–3 sets of 10–15 reps · hold 2–3 seconds · daily". */
  function describe(d) {
    var side = d.side === "each" ? ", each side" : d.side === "leg" ? ", each leg" : d.side === "arm" ? ", each arm" :
      d.side === "alternating" ? ", alternating sides" : "";
    var parts = [], main;
    if (d.reps) {
      var reps = d.reps === "amrap" ? "as many reps as you can" : plural(d.reps, "rep", "reps");
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
    if (d.load) {
      var l = d.load;
      parts.push(l[0] === "band" ? "using a " + l[1] + " band" : l[0] === "level" ? "using a level " + range([l[1], l[2]]) + " band" :
        "using " + (l[1] === l[2] ? tenths(l[1]) : tenths(l[1]) + "\u2013" + tenths(l[2])) + " " + l[0]);
    }
    if (d.effort) parts.push(d.effort[0] === "word" ? d.effort[1] + " effort" : "effort " + range([d.effort[1], d.effort[2]]) + " out of 10");
    if (d.rest) parts.push("rest " + noun(d.rest) + (d.sets && d.sets[1] > 1 ? " between sets" : ""));
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
    hasAmount: hasAmount,
    merged: merged,
    diff: diff,
    cleanField: cleanField,
    cleanOver: cleanOver,
    cleanRange: cleanRange
  };
});
