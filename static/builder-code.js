// handout programme builder: a programme as an address fragment and as a
// file. A programme is
//   { title, start: "YYYY-MM-DD" | "", clinician, note,
//     rows: [ { section: "Warm-up" } | { slug, over: {dosage changes}, note } ] }
// It has no field for the patient's name, so neither the address nor a
// file can carry one.
//
// The fragment is short so that a QR code of it scans from paper:
//   #v1&t=Title&d=2026-12-01&c=Clinician&n=Note&s=Warm-up&e=slug~code~note&e=…
// texts percent-encoded with "+" for a space; `code` is the dosage changes,
// a letter per field, then its value:
//   s sets, r reps (or "ra": as many as you can), h hold, d time, p rest:
//     counts and ranges as 10 or 8-12; a time ends in its unit, s, m or h,
//     and a compound one goes on (1m30s);
//   i side: b both, e each side, l each leg, m each arm, a alternating;
//   l load: k2.5-5 as kg, p10 as lb (weights in tenths: k25-50), b2 a band
//     colour (by its place in the list of colours), v2 a band level;
//   e effort: 5-6 out of 10, or w2 the effort's word by its place;
//   f how often: d daily, o every other day, 2t twice a day, 3w three
//     times a week, x21 weekdays (bits, Monday 1 … Sunday 64).
// "_" takes a field out. "wall-angels~s2r10h5s" is wall angels at 2 sets
// of 10 reps, holding 5 seconds. The build writes each exercise's own
// dosage in the same code (src/render/builder_code.rs).
//
// Decoding trusts nothing: every text is cut to its length and shown as
// text by the page, slugs must be slugs, dosages are made valid.
(function (root, factory) {
  var api = factory(root.HandoutDosage || (typeof require === "function" ? require("./builder-dosage.js") : null));
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.HandoutProgramme = api;
})(this, function (D) {
  "use strict";

  var LIMIT = { title: 120, clinician: 80, note: 600, itemNote: 300, section: 60, rows: 80 };
  var LETTER = { sets: "s", reps: "r", hold: "h", duration: "d", rest: "p", side: "i", load: "l", effort: "e", frequency: "f" };
  var FIELD = { s: "sets", r: "reps", h: "hold", d: "duration", p: "rest", i: "side", l: "load", e: "effort", f: "frequency" };
  var SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;

  /** Text as typed, made safe to keep: no control characters, at most `max` characters. */
  function cleanText(s, max) {
    if (typeof s !== "string") return "";
    // eslint-disable-next-line no-control-regex
    s = s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "").replace(/\r\n?/g, "\n");
    return Array.from(s).slice(0, max).join("").trim();
  }

  function empty() {
    return { title: "", start: "", clinician: "", note: "", rows: [] };
  }

  /** A programme made valid, whatever `p` is. */
  function clean(p) {
    var out = empty();
    if (!p || typeof p !== "object") return out;
    out.title = cleanText(p.title, LIMIT.title);
    out.start = typeof p.start === "string" && DATE.test(p.start) ? p.start : "";
    out.clinician = cleanText(p.clinician, LIMIT.clinician);
    out.note = cleanText(p.note, LIMIT.note);
    (Array.isArray(p.rows) ? p.rows : []).slice(0, LIMIT.rows).forEach(function (r) {
      if (!r || typeof r !== "object") return;
      if (typeof r.section === "string") {
        out.rows.push({ section: cleanText(r.section, LIMIT.section) });
      } else if (typeof r.slug === "string" && SLUG.test(r.slug)) {
        out.rows.push({ slug: r.slug, over: D.cleanOver(r.over), note: cleanText(r.note, LIMIT.itemNote) });
      }
    });
    return out;
  }

  // ---- Text in the fragment -------------------------------------------

  function enc(s) {
    return encodeURIComponent(s).replace(/%20/g, "+").replace(/~/g, "%7E");
  }

  function dec(s) {
    try {
      return decodeURIComponent(s.replace(/\+/g, " "));
    } catch (e) {
      return "";
    }
  }

  // ---- Dosage changes as a code ------------------------------------------

  function rangeCode(r) { return r[0] === r[1] ? String(r[0]) : r[0] + "-" + r[1]; }
  var UNIT = { s: "s", min: "m", h: "h" }, UNIT_OF = { s: "s", m: "min", h: "h" };
  var SIDE_CODE = { both: "b", each: "e", leg: "l", arm: "m", alternating: "a" };
  var SIDE = { b: "both", e: "each", l: "leg", m: "arm", a: "alternating" };
  function timeCode(t) { return rangeCode(t) + UNIT[t[2]] + (t[3] ? t[3] + UNIT[t[4]] : ""); }

  /** The code of one field's value (not null). */
  function valueCode(f, v) {
    if (f === "sets") return rangeCode(v);
    if (f === "reps") return v === "amrap" ? "a" : rangeCode(v);
    if (f === "hold" || f === "duration" || f === "rest") return timeCode(v);
    if (f === "side") return SIDE_CODE[v];
    if (f === "load") {
      if (v[0] === "band") return "b" + D.BANDS.indexOf(v[1]);
      return (v[0] === "kg" ? "k" : v[0] === "lb" ? "p" : "v") + rangeCode([v[1], v[2]]);
    }
    if (f === "effort") return v[0] === "word" ? "w" + D.EFFORTS.indexOf(v[1]) : rangeCode([v[1], v[2]]);
    if (v[0] === "daily") return "d";
    if (v[0] === "other") return "o";
    if (v[0] === "days") return "x" + v[1];
    return rangeCode([v[1], v[2]]) + (v[0] === "day" ? "t" : "w");
  }

  /** The code of an override (or of a whole dosage), e.g. {sets:[2,2], hold:[5,5,"s"]} → "s2h5s". */
  function overCode(over) {
    var out = "";
    D.FIELDS.forEach(function (f) {
      if (!Object.prototype.hasOwnProperty.call(over, f)) return;
      out += LETTER[f] + (over[f] === null ? "_" : valueCode(f, over[f]));
    });
    return out;
  }

  var RANGE = "(\\d{1,4})(?:-(\\d{1,4}))?";
  var TIME = new RegExp("_|" + RANGE + "([smh])(?:(\\d{1,2})([smh]))?", "y");
  var VALUE = {
    s: new RegExp("_|" + RANGE, "y"),
    r: new RegExp("_|a|" + RANGE, "y"),
    h: TIME, d: TIME, p: TIME,
    i: /[_belma]/y,
    l: new RegExp("_|b(\\d{1,2})|([kpv])" + RANGE, "y"),
    e: new RegExp("_|w(\\d)|" + RANGE, "y"),
    f: new RegExp("_|d|o|x(\\d{1,3})|" + RANGE + "([tw])", "y")
  };

  /** The value of field letter `c` in its match `m`. */
  function readValue(c, m) {
    if (c === "i") return SIDE[m[0]];
    if (c === "r" && m[0] === "a") return "amrap";
    if (c === "s" || c === "r") return [+m[1], +(m[2] || m[1])];
    if (c === "h" || c === "d" || c === "p") {
      var t = [+m[1], +(m[2] || m[1]), UNIT_OF[m[3]]];
      return m[4] ? t.concat([+m[4], UNIT_OF[m[5]]]) : t;
    }
    if (c === "l") {
      if (m[1] !== undefined) return ["band", D.BANDS[+m[1]]];
      return [m[2] === "k" ? "kg" : m[2] === "p" ? "lb" : "level", +m[3], +(m[4] || m[3])];
    }
    if (c === "e") return m[1] !== undefined ? ["word", D.EFFORTS[+m[1]]] : ["rpe", +m[2], +(m[3] || m[2])];
    if (m[0] === "d") return ["daily"];
    if (m[0] === "o") return ["other"];
    if (m[1] !== undefined) return ["days", +m[1]];
    return [m[4] === "t" ? "day" : "week", +m[2], +(m[3] || m[2])];
  }

  /** The override of a code; what cannot be read is left out. */
  function readCode(code) {
    var over = {}, at = 0;
    code = String(code || "");
    while (at < code.length) {
      var letter = code.charAt(at), re = VALUE[letter];
      if (!re) break;
      re.lastIndex = at + 1;
      var m = re.exec(code);
      if (!m) break;
      at = re.lastIndex;
      over[FIELD[letter]] = m[0] === "_" ? null : readValue(letter, m);
    }
    return D.cleanOver(over);
  }

  // ---- The fragment ----------------------------------------------------

  /** The fragment (without "#") of a programme. */
  function toFragment(p) {
    var parts = ["v1"];
    if (p.title) parts.push("t=" + enc(p.title));
    if (p.start) parts.push("d=" + p.start);
    if (p.clinician) parts.push("c=" + enc(p.clinician));
    if (p.note) parts.push("n=" + enc(p.note));
    p.rows.forEach(function (r) {
      if (r.section !== undefined) return parts.push("s=" + enc(r.section));
      var e = r.slug, code = overCode(r.over || {});
      if (code || r.note) e += "~" + code;
      if (r.note) e += "~" + enc(r.note);
      parts.push("e=" + e);
    });
    return parts.join("&");
  }

  /** The programme in a fragment (with or without "#"), or null when it holds none. */
  function fromFragment(hash) {
    var text = String(hash || "").replace(/^#/, "");
    var parts = text.split("&");
    if (parts[0] !== "v1") return null;
    var p = empty();
    parts.slice(1).forEach(function (part) {
      var eq = part.indexOf("=");
      if (eq < 0) return;
      var key = part.slice(0, eq), value = part.slice(eq + 1);
      if (key === "t") p.title = dec(value);
      else if (key === "d") p.start = value;
      else if (key === "c") p.clinician = dec(value);
      else if (key === "n") p.note = dec(value);
      else if (key === "s") p.rows.push({ section: dec(value) });
      else if (key === "e") {
        var bits = value.split("~");
        p.rows.push({ slug: bits[0], over: readCode(bits[1] || ""), note: dec(bits[2] || "") });
      }
    });
    return clean(p);
  }

  // ---- The file ------------------------------------------------------

  var FILE_FORMAT = "handout-programme";
  var FILE_VERSION = 1;

  /** The programme as a file's JSON; `describe(row)` gives an exercise's title and wording, for reading. */
  function toFile(p, describe) {
    return JSON.stringify({
      format: FILE_FORMAT,
      version: FILE_VERSION,
      title: p.title,
      start: p.start,
      clinician: p.clinician,
      note: p.note,
      rows: p.rows.map(function (r) {
        if (r.section !== undefined) return { section: r.section };
        var d = describe ? describe(r) : {};
        return { exercise: r.slug, title: d.title || "", dosage: d.text || "", changes: r.over, note: r.note };
      })
    }, null, 2) + "\n";
  }

  /** The programme in a file's text, or null when it is not a saved programme of a version this reads. */
  function fromFile(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return null;
    }
    if (!data || data.format !== FILE_FORMAT || typeof data.version !== "number" || data.version > FILE_VERSION) return null;
    var rows = (Array.isArray(data.rows) ? data.rows : []).map(function (r) {
      if (r && typeof r.section === "string") return { section: r.section };
      return r && { slug: r.exercise, over: r.changes, note: r.note };
    });
    return clean({ title: data.title, start: data.start, clinician: data.clinician, note: data.note, rows: rows });
  }

  return {
    LIMIT: LIMIT,
    empty: empty,
    clean: clean,
    cleanText: cleanText,
    overCode: overCode,
    readCode: readCode,
    toFragment: toFragment,
    fromFragment: fromFragment,
    toFile: toFile,
    fromFile: fromFile
  };
});
