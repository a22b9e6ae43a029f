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
// a letter per field: s sets, r reps, h hold, d time, i side (b, e, a),
// f how often (d daily, 2t twice a day, 3w three times a week); ranges as
// 2-3, times end in s or m; "_" takes a field out. "wall-angels~s2r10h5s"
// is wall angels at 2 sets of 10 reps, holding 5 seconds.
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
  var LETTER = { sets: "s", reps: "r", hold: "h", duration: "d", side: "i", frequency: "f" };
  var FIELD = { s: "sets", r: "reps", h: "hold", d: "duration", i: "side", f: "frequency" };
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

  /** The code of an override, e.g. {sets:[2,2], hold:[5,5,"s"]} → "s2h5s". */
  function overCode(over) {
    var out = "";
    D.FIELDS.forEach(function (f) {
      if (!Object.prototype.hasOwnProperty.call(over, f)) return;
      var v = over[f], c = LETTER[f];
      if (v === null) return (out += c + "_");
      if (f === "sets" || f === "reps") out += c + rangeCode(v);
      else if (f === "hold" || f === "duration") out += c + rangeCode(v) + (v[2] === "min" ? "m" : "s");
      else if (f === "side") out += c + v.charAt(0);
      else if (v[0] === "daily") out += c + "d";
      else out += c + rangeCode([v[1], v[2]]) + (v[0] === "day" ? "t" : "w");
    });
    return out;
  }

  var VALUE = {
    s: /_|(\d{1,3})(?:-(\d{1,3}))?/y,
    r: /_|(\d{1,3})(?:-(\d{1,3}))?/y,
    h: /_|(\d{1,3})(?:-(\d{1,3}))?([sm])/y,
    d: /_|(\d{1,3})(?:-(\d{1,3}))?([sm])/y,
    i: /[_bea]/y,
    f: /_|d|(\d{1,2})(?:-(\d{1,2}))?([tw])/y
  };
  var SIDE = { b: "both", e: "each", a: "alternating" };

  /** The override of a code; what cannot be read is left out. */
  function readCode(code) {
    var over = {}, at = 0;
    while (at < code.length) {
      var letter = code.charAt(at), re = VALUE[letter];
      if (!re) break;
      re.lastIndex = at + 1;
      var m = re.exec(code);
      if (!m) break;
      at = re.lastIndex;
      var f = FIELD[letter], v;
      if (m[0] === "_") v = null;
      else if (letter === "i") v = SIDE[m[0]];
      else if (letter === "f") v = m[0] === "d" ? ["daily"] : [m[3] === "t" ? "day" : "week", +m[1], +(m[2] || m[1])];
      else if (letter === "h" || letter === "d") v = [+m[1], +(m[2] || m[1]), m[3] === "m" ? "min" : "s"];
      else v = [+m[1], +(m[2] || m[1])];
      over[f] = v;
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
