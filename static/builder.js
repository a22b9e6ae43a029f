// handout programme builder: the page. Pick exercises (the site's own
// search, filters by vocabulary, or a routine to start from), set each
// dosage and note, and print a one-page sheet. Everything stays in this
// page: the programme is kept in the address fragment (builder-code.js),
// the sheet is drawn and fitted here (builder-sheet.js); the patient's
// name is only ever printed. Nothing typed is put into the page as HTML.
(function () {
  "use strict";

  var D = window.HandoutDosage, C = window.HandoutProgramme, S = window.HandoutSheet;
  var page = document.getElementById("builder");
  var data = window.HANDOUT_BUILDER;
  if (!page || !D || !C || !S || !data || data.format !== 2) return;
  var W = document.getElementById("builder-words").dataset;
  var root = page.dataset.root || "";
  var assets = page.dataset.assets || root;
  var $ = function (id) { return document.getElementById(id); };
  var fill = S.fill;

  // Each exercise comes as a short array (builder-data.js `fields`); its dosage is read from its code when first needed.
  function Exercise(row) {
    this.slug = row[0];
    this.title = row[1];
    this.code = row[2];
    this.region = row[3];
    this.equipment = row[4];
    this.category = row[5];
    this.position = row[6];
  }
  Object.defineProperty(Exercise.prototype, "dosage", {
    get: function () { return this._dosage || (this._dosage = D.merged({}, C.readCode(this.code))); }
  });
  var bySlug = new Map();
  data.exercises = data.exercises.map(function (row, i) {
    bySlug.set(row[0], i);
    return Array.isArray(row) ? new Exercise(row) : row;
  });
  var equipment = data.facets.find(function (f) { return f.name === "equipment"; });
  // Routines come as [slug, title]; their sections in runs, loaded when one is opened.
  var routines = new Map();
  data.routines.forEach(function (r, i) { routines.set(r[0], { slug: r[0], title: r[1], at: i }); });

  var P = C.empty();
  var patient = "";
  var lastFit = null;

  function status(msg) { $("builder-status").textContent = msg; }
  function exercise(slug) { var i = bySlug.get(slug); return i === undefined ? null : data.exercises[i]; }
  function exerciseUrl(slug) { return root + page.dataset.exerciseUrl.replace("{slug}", slug); }
  function label(facet, i) {
    var f = data.facets.find(function (x) { return x.name === facet; });
    return f && f.terms[i] ? f.terms[i][1] : "";
  }

  // ---- Details (steps, cautions) come in parts, loaded when needed ------

  var parts = window.HANDOUT_BUILDER_PARTS = window.HANDOUT_BUILDER_PARTS || {};
  var runs = window.HANDOUT_BUILDER_ROUTINES = window.HANDOUT_BUILDER_ROUTINES || {};
  var loading = {};
  /** Loads the files `pattern` names for numbers `ns` (plain scripts: this works from file://), then `done`. */
  function load(pattern, have, ns, done) {
    var missing = ns.filter(function (n, i) { return !have[n] && ns.indexOf(n) === i; });
    var left = missing.length;
    if (!left) return done();
    missing.forEach(function (n) {
      var src = root + pattern.replace("{n}", n);
      var finish = function () { if (--left === 0) done(); };
      if (loading[src]) return loading[src].push(finish);
      loading[src] = [finish];
      var s = document.createElement("script");
      s.src = src;
      s.onload = s.onerror = function () {
        var list = loading[src];
        delete loading[src];
        list.forEach(function (f) { f(); });
      };
      document.head.appendChild(s);
    });
  }
  function details(slugs, done) {
    var ns = [];
    slugs.forEach(function (s) {
      var i = bySlug.get(s);
      if (i !== undefined) ns.push(Math.floor(i / data.part));
    });
    load(page.dataset.part, parts, ns, done);
  }
  function detail(slug) {
    var i = bySlug.get(slug);
    var part = i === undefined ? null : parts[Math.floor(i / data.part)];
    return (part && part[i % data.part]) || { summary: "", intro: "", steps: [], cautions: [] };
  }

  // ---- Search: an adapter to the site's engine, whichever it is ----------

  var Search = (function () {
    var state = "", waiting = [];
    var pattern = page.dataset.exerciseUrl.split("{slug}");
    function engine() {
      try { return window.HandoutSearch && window.HandoutSearch.engine(); } catch (e) { return null; }
    }
    function load(cb) {
      if (state === "done") return cb();
      waiting.push(cb);
      if (state) return;
      state = "loading";
      var srcs = page.dataset.searchScripts.split(" ").filter(Boolean), left = srcs.length;
      var finish = function () {
        if (--left > 0) return;
        state = "done";
        waiting.splice(0).forEach(function (f) { f(); });
        // The rest of the index (summaries, passing mentions) for the next searches.
        try { if (engine()) window.HandoutSearch.more(root, function () {}); } catch (e) { /* the first part serves */ }
      };
      srcs.forEach(function (src) {
        var s = document.createElement("script");
        s.src = (src === "search-index.js" ? root : assets) + src;
        s.async = false;
        s.onload = s.onerror = finish;
        document.head.appendChild(s);
      });
    }
    function slugOf(url) {
      if (url.indexOf(pattern[0]) !== 0 || url.slice(-pattern[1].length) !== pattern[1]) return null;
      return url.slice(pattern[0].length, url.length - pattern[1].length);
    }
    /** Exercise slugs for query q, best first. */
    function find(q) {
      var eng = engine();
      if (eng) {
        var r = eng.search(q, {}, { counts: false });
        return r.hits.map(function (h) { return h.doc.kind === "exercise" ? slugOf(h.doc.url) : null; })
          .filter(function (s) { return s && bySlug.has(s); });
      }
      var words = q.toLowerCase().split(/\s+/).filter(Boolean);
      return data.exercises.filter(function (e) {
        var t = e.title.toLowerCase();
        return words.every(function (w) { return t.indexOf(w) >= 0; });
      }).map(function (e) { return e.slug; });
    }
    return { load: load, find: find };
  })();

  // ---- Finding and adding ------------------------------------------------

  var results = [];
  function filters() {
    var out = {};
    document.querySelectorAll("#builder-search select[data-facet]").forEach(function (s) {
      if (!s.value) return;
      var f = data.facets.find(function (x) { return x.name === s.dataset.facet; });
      var i = f ? f.terms.findIndex(function (t) { return t[0] === s.value; }) : -1;
      if (i >= 0) out[s.dataset.facet] = i;
    });
    return out;
  }
  function passes(e, chosen) {
    return Object.keys(chosen).every(function (f) {
      var v = e[f];
      return Array.isArray(v) ? v.indexOf(chosen[f]) >= 0 : v === chosen[f];
    });
  }
  function showResults() {
    var q = $("builder-q").value.trim(), chosen = filters();
    var list = $("builder-results");
    var draw = function () {
      var slugs = q.length >= 2 ? Search.find(q) : Object.keys(chosen).length ? data.exercises.map(function (e) { return e.slug; }) : [];
      results = slugs.filter(function (s) { return passes(exercise(s), chosen); });
      list.textContent = "";
      list.dataset.q = q;
      results.slice(0, 30).forEach(function (slug, i) {
        var e = exercise(slug), li = document.createElement("li");
        var b = document.createElement("button");
        b.type = "button";
        b.className = "small";
        b.textContent = W.add;
        b.setAttribute("aria-label", fill(W.addLabel, { title: e.title }));
        b.dataset.slug = slug;
        b.dataset.i = i;
        var t = document.createElement("span");
        t.className = "builder-result-title";
        t.textContent = e.title;
        var meta = document.createElement("span");
        meta.className = "builder-result-meta";
        meta.textContent = D.describe(e.dosage) + " \u00b7 " + e.region.map(function (r) { return label("region", r); }).join(", ");
        li.appendChild(b);
        li.appendChild(t);
        li.appendChild(meta);
        list.appendChild(li);
      });
      $("builder-found").textContent = q.length < 2 && !Object.keys(chosen).length ? "" :
        results.length ? fill(W.found, { n: results.length }) : fill(W.none, { q: q });
    };
    if (q.length >= 2) Search.load(draw); else draw();
  }
  function add(slug, quiet) {
    var e = exercise(slug);
    if (!e) return;
    P.rows.push({ slug: slug, over: {}, note: "" });
    changed();
    if (!quiet) status(fill(W.addedStatus, { title: e.title, n: count() }));
  }
  function count() { return P.rows.filter(function (r) { return r.slug; }).length; }

  // ---- The list of rows ---------------------------------------------------

  function move(i, by) {
    var j = i + by;
    if (j < 0 || j >= P.rows.length) return false;
    var row = P.rows.splice(i, 1)[0];
    P.rows.splice(j, 0, row);
    return true;
  }
  function rowTitle(r) {
    if (r.section !== undefined) return r.section || W.section;
    var e = exercise(r.slug);
    return e ? e.title : r.slug;
  }
  var TIMES = ["hold", "duration", "rest"];
  function input(li, f, i) { return li.querySelector('[data-f="' + f + '"][data-i="' + i + '"]'); }
  /** Shows dosage `d` in a row's inputs; what a choice makes pointless is switched off. */
  function doseInputs(li, d) {
    var set = function (f, i, v) { var x = input(li, f, i); if (x) x.value = v == null ? "" : v; };
    var pair = function (f, r, at) { set(f, at, r ? r[0] : ""); set(f, at + 1, r ? r[1] : ""); };
    pair("sets", d.sets, 0);
    var amrap = d.reps === "amrap";
    input(li, "reps", "amrap").checked = amrap;
    pair("reps", amrap ? null : d.reps, 0);
    TIMES.forEach(function (f) {
      var t = d[f];
      pair(f, t, 0);
      set(f, 2, t ? t[2] : "s");
      set(f, 3, t && t[3] ? t[3] : "");
      set(f, 4, t && t[4] ? t[4] : "s");
    });
    li.querySelector('[data-f="side"]').value = d.side || "";
    var l = d.load, weight = l && (l[0] === "kg" || l[0] === "lb");
    set("load", 0, l ? l[0] : "");
    set("load", 1, weight ? l[1] / 10 : l && l[0] === "level" ? l[1] : "");
    set("load", 2, weight ? l[2] / 10 : l && l[0] === "level" ? l[2] : "");
    set("load", 3, l && l[0] === "band" ? l[1] : D.BANDS[0]);
    var e = d.effort;
    set("effort", 0, e ? e[0] : "");
    set("effort", 1, e && e[0] === "rpe" ? e[1] : "");
    set("effort", 2, e && e[0] === "rpe" ? e[2] : "");
    set("effort", 3, e && e[0] === "word" ? e[1] : D.EFFORTS[2]);
    var f = d.frequency;
    set("frequency", 0, f ? f[0] : "");
    set("frequency", 1, f && (f[0] === "day" || f[0] === "week") ? f[1] : "");
    set("frequency", 2, f && (f[0] === "day" || f[0] === "week") ? f[2] : "");
    for (var k = 0; k < 7; k++) input(li, "frequency", "d" + k).checked = !!(f && f[0] === "days" && f[1] & (1 << k));
    // Inputs a choice has no use for are switched off.
    var off = function (f, i, yes) { var x = input(li, f, i); if (x) x.disabled = yes; };
    off("reps", 0, amrap);
    off("reps", 1, amrap);
    TIMES.forEach(function (t) { var one = !d[t] || d[t][0] === d[t][1]; off(t, 3, !one); off(t, 4, !one); });
    var kind = l ? l[0] : "";
    off("load", 1, kind !== "kg" && kind !== "lb" && kind !== "level");
    off("load", 2, kind !== "kg" && kind !== "lb" && kind !== "level");
    off("load", 3, kind !== "band");
    off("effort", 1, !e || e[0] !== "rpe");
    off("effort", 2, !e || e[0] !== "rpe");
    off("effort", 3, !e || e[0] !== "word");
    var often = f ? f[0] : "";
    off("frequency", 1, often !== "day" && often !== "week");
    off("frequency", 2, often !== "day" && often !== "week");
    for (k = 0; k < 7; k++) off("frequency", "d" + k, often !== "days");
  }
  /**
   * The dosage a row's inputs say, every field made valid (D.cleanField):
   * whatever is typed, the result can be worded (a kind of load, effort or
   * frequency chosen before its number starts from one that makes sense).
   */
  function readDose(li) {
    var get = function (f, i) { return input(li, f, i).value; };
    var want = {};
    want.sets = D.cleanRange(get("sets", 0), get("sets", 1), D.MAX.sets);
    want.reps = input(li, "reps", "amrap").checked ? "amrap" : D.cleanRange(get("reps", 0), get("reps", 1), D.MAX.reps);
    TIMES.forEach(function (f) {
      var r = D.cleanRange(get(f, 0), get(f, 1), D.MAX[f]);
      want[f] = r && D.cleanField(f, [r[0], r[1], get(f, 2), get(f, 3) || null, get(f, 4)]);
    });
    want.side = D.cleanField("side", li.querySelector('[data-f="side"]').value);
    var kind = get("load", 0), tenths = function (v) { return v === "" ? null : Math.round(parseFloat(v) * 10); };
    if (kind === "band") want.load = ["band", get("load", 3)];
    else if (kind === "kg" || kind === "lb") want.load = D.cleanField("load", [kind, tenths(get("load", 1)) || 10, tenths(get("load", 2))]);
    else if (kind === "level") want.load = D.cleanField("load", [kind, get("load", 1) || 1, get("load", 2)]);
    else want.load = null;
    var effort = get("effort", 0);
    if (effort === "word") want.effort = ["word", get("effort", 3)];
    else if (effort === "rpe") want.effort = D.cleanField("effort", ["rpe", get("effort", 1) === "" ? 5 : get("effort", 1), get("effort", 2)]);
    else want.effort = null;
    var often = get("frequency", 0);
    if (often === "daily" || often === "other") want.frequency = [often];
    else if (often === "days") {
      var bits = 0;
      for (var k = 0; k < 7; k++) if (input(li, "frequency", "d" + k).checked) bits |= 1 << k;
      want.frequency = ["days", bits || 1];
    } else if (often) want.frequency = D.cleanField("frequency", [often, get("frequency", 1) || 1, get("frequency", 2)]);
    else want.frequency = null;
    D.FIELDS.forEach(function (f) { want[f] = D.cleanField(f, want[f]); });
    return want;
  }
  /** The band colours and effort words, from the list the dosage code uses. */
  function options(li) {
    li.querySelectorAll("select[data-options]").forEach(function (sel) {
      (sel.dataset.options === "bands" ? D.BANDS : D.EFFORTS).forEach(function (w) {
        var o = document.createElement("option");
        o.value = o.textContent = w;
        sel.appendChild(o);
      });
    });
  }
  function drawList(focus) {
    var list = $("builder-list");
    list.textContent = "";
    var n = 0;
    P.rows.forEach(function (r, i) {
      var tpl = $(r.section !== undefined ? "builder-section-item" : "builder-item");
      var li = tpl.content.firstElementChild.cloneNode(true);
      li.dataset.row = i;
      var title = rowTitle(r);
      li.querySelectorAll("[data-act]").forEach(function (b) {
        b.textContent = W[b.dataset.act];
        b.setAttribute("aria-label", fill(W[b.dataset.act + "Label"], { title: title }));
      });
      if (r.section !== undefined) {
        li.querySelector("input").value = r.section;
      } else {
        var e = exercise(r.slug);
        li.querySelector(".builder-item-num").textContent = e ? ++n + "." : "";
        var a = li.querySelector(".builder-item-title");
        var dose = li.querySelector(".builder-dose");
        if (e) {
          a.textContent = e.title;
          a.href = exerciseUrl(r.slug);
          var d = D.merged(e.dosage, r.over);
          li.querySelector(".builder-item-dosage").textContent = D.describe(d);
          dose.querySelector("summary").textContent = W.change;
          options(dose);
          dose.querySelectorAll("input, select").forEach(function (input, k) {
            input.id = "b-" + i + "-" + k;
          });
          doseInputs(li, d);
        } else {
          var mark = document.createElement("strong");
          mark.className = "builder-missing";
          mark.textContent = fill(W.missing, { slug: r.slug });
          a.replaceWith(mark);
          dose.remove();
          li.classList.add("is-missing");
        }
        li.querySelector(".builder-item-note input").value = r.note;
      }
      list.appendChild(li);
    });
    $("builder-empty").hidden = P.rows.length > 0;
    if (focus) {
      var target = list.querySelector('[data-row="' + focus.row + '"] [data-act="' + focus.act + '"]') ||
        list.querySelector('[data-row="' + focus.row + '"] [data-act]');
      if (target) target.focus();
    }
  }

  $("builder-list").addEventListener("click", function (ev) {
    var b = ev.target.closest("[data-act]");
    if (!b) return;
    var i = +b.closest("[data-row]").dataset.row, title = rowTitle(P.rows[i]);
    if (b.dataset.act === "remove") {
      P.rows.splice(i, 1);
      changed({ row: Math.min(i, P.rows.length - 1), act: "remove" });
      status(fill(W.removed, { title: title }));
      if (!P.rows.length) $("builder-q").focus();
      return;
    }
    var by = b.dataset.act === "up" ? -1 : 1;
    if (move(i, by)) {
      changed({ row: i + by, act: b.dataset.act });
      status(fill(W.moved, { title: title, n: i + by + 1, total: P.rows.length }));
    }
  });
  $("builder-list").addEventListener("keydown", function (ev) {
    if (!ev.altKey || (ev.key !== "ArrowUp" && ev.key !== "ArrowDown")) return;
    var row = ev.target.closest("[data-row]");
    if (!row) return;
    ev.preventDefault();
    var i = +row.dataset.row, by = ev.key === "ArrowUp" ? -1 : 1, title = rowTitle(P.rows[i]);
    if (move(i, by)) {
      changed({ row: i + by, act: by < 0 ? "up" : "down" });
      status(fill(W.moved, { title: title, n: i + by + 1, total: P.rows.length }));
    }
  });
  // Dragging a row by its handle (pointer: mouse, pen or touch); the move is announced as the buttons' are.
  var drag = null;
  function dropTarget(ev) {
    var over = document.elementFromPoint(ev.clientX, ev.clientY);
    var li = over && over.closest("#builder-list > [data-row]");
    if (!li) return null;
    var box = li.getBoundingClientRect();
    return { li: li, row: +li.dataset.row, after: ev.clientY > box.top + box.height / 2 };
  }
  function clearDrop() {
    $("builder-list").querySelectorAll(".is-drop-before, .is-drop-after").forEach(function (x) {
      x.classList.remove("is-drop-before", "is-drop-after");
    });
  }
  $("builder-list").addEventListener("pointerdown", function (ev) {
    var handle = ev.target.closest(".builder-drag");
    if (!handle || ev.button !== 0) return;
    ev.preventDefault();
    var li = handle.closest("[data-row]");
    drag = { from: +li.dataset.row, li: li, id: ev.pointerId, to: null };
    try { handle.setPointerCapture(ev.pointerId); } catch (e) { /* not captured: moves still reach the list */ }
    li.classList.add("is-dragging");
    document.body.classList.add("is-dragging-row");
  });
  $("builder-list").addEventListener("pointermove", function (ev) {
    if (!drag || ev.pointerId !== drag.id) return;
    var t = dropTarget(ev);
    clearDrop();
    if (!t) return (drag.to = null);
    t.li.classList.add(t.after ? "is-drop-after" : "is-drop-before");
    // Where the row lands once the others close up behind it.
    var to = t.row + (t.after ? 1 : 0);
    drag.to = to > drag.from ? to - 1 : to;
  });
  function endDrag(ev) {
    if (!drag || ev.pointerId !== drag.id) return;
    var d = drag;
    drag = null;
    clearDrop();
    d.li.classList.remove("is-dragging");
    document.body.classList.remove("is-dragging-row");
    if (ev.type !== "pointerup" || d.to === null || d.to === d.from) return;
    var row = P.rows.splice(d.from, 1)[0], title = rowTitle(row);
    P.rows.splice(d.to, 0, row);
    changed({ row: d.to, act: d.to < d.from ? "up" : "down" });
    status(fill(W.moved, { title: title, n: d.to + 1, total: P.rows.length }));
  }
  $("builder-list").addEventListener("pointerup", endDrag);
  $("builder-list").addEventListener("pointercancel", endDrag);
  $("builder-list").addEventListener("change", function (ev) {
    var li = ev.target.closest("[data-row]");
    if (!li || !ev.target.dataset.f) return;
    var i = +li.dataset.row, r = P.rows[i], e = exercise(r.slug);
    if (!e) return;
    var want = readDose(li);
    if (!D.hasAmount(want)) {
      doseInputs(li, D.merged(e.dosage, r.over));
      return status(W.needAmount);
    }
    r.over = D.diff(e.dosage, want);
    var d = D.merged(e.dosage, r.over);
    doseInputs(li, d);
    li.querySelector(".builder-item-dosage").textContent = D.describe(d);
    changed(null, true);
  });
  $("builder-list").addEventListener("input", function (ev) {
    var li = ev.target.closest("[data-row]");
    if (!li || ev.target.dataset.f) return;
    var r = P.rows[+li.dataset.row];
    if (r.section !== undefined) r.section = C.cleanText(ev.target.value, C.LIMIT.section);
    else r.note = C.cleanText(ev.target.value, C.LIMIT.itemNote);
    changed(null, true);
  });

  // ---- The programme's own fields ------------------------------------------

  var FIELDS = { "builder-title": "title", "builder-start": "start", "builder-clinician": "clinician", "builder-note": "note" };
  function drawFields() {
    Object.keys(FIELDS).forEach(function (id) { $(id).value = P[FIELDS[id]]; });
  }
  Object.keys(FIELDS).forEach(function (id) {
    $(id).addEventListener("input", function () {
      var f = FIELDS[id];
      P[f] = f === "start" ? ($(id).value || "") : C.cleanText($(id).value, C.LIMIT[f]);
      changed(null, true);
    });
  });
  $("builder-patient").addEventListener("input", function () {
    patient = C.cleanText($("builder-patient").value, 80);
    drawSheet();
  });

  // ---- Address, sheet ----------------------------------------------------

  function fragment() { return C.toFragment(P); }
  function address() {
    var abs = page.dataset.absoluteUrl;
    return (abs || location.href.split("#")[0]) + "#" + fragment();
  }
  function keepAddress() {
    var f = "#" + fragment();
    if (location.hash !== f) {
      try { history.replaceState(null, "", f); } catch (e) { location.replace(f); }
    }
    try { sessionStorage.setItem("handout-builder-draft", f); } catch (e) { /* private mode: the address has it */ }
    $("builder-link").value = address();
  }

  var texts = $("builder-sheet-texts").dataset, T = null;
  try {
    T = { words: JSON.parse(texts.words), sheet: JSON.parse(texts.sheet), css: texts.css, logo: texts.logo || "",
      startLabel: texts.start, qrLabel: texts.qrLabel };
  } catch (e) { return; }
  function sheetModel() {
    var cards = [], section = "", regions = {};
    P.rows.forEach(function (r) {
      if (r.section !== undefined) return (section = r.section);
      var e = exercise(r.slug);
      if (!e) return;
      var x = detail(r.slug);
      e.region.forEach(function (i) { regions[i] = true; });
      cards.push({
        section: section,
        title: e.title,
        equipment: e.equipment.filter(function (t) { return !equipment || equipment.terms[t][0] !== "none"; })
          .map(function (t) { return label("equipment", t); }).join(", "),
        dosage: D.describe(D.merged(e.dosage, r.over)),
        note: r.note,
        intro: x.intro,
        steps: x.steps,
        cautions: x.cautions
      });
      section = "";
    });
    var region = data.facets.find(function (f) { return f.name === "region"; });
    return {
      title: P.title || W.untitled, start: localDate(P.start), clinician: P.clinician, patient: patient, note: P.note,
      cards: cards, qr: page.dataset.absoluteUrl ? address() : "",
      regions: Object.keys(regions).map(Number).sort(function (a, b) { return a - b; })
        .map(function (i) { return region ? region.terms[i][0] : ""; }),
      paper: $("builder-paper").value, large: $("builder-large").checked
    };
  }
  var qrTimer = 0;
  /** Draws and fits the sheet; `now`: with its QR code made at once (to print), else a moment after the last change. */
  function drawSheet(done, now) {
    details(P.rows.filter(function (r) { return r.slug; }).map(function (r) { return r.slug; }), function () {
      S.ready($("builder-sheet"), T, function () {
        var model = sheetModel();
        model.qrNow = !!now;
        lastFit = S.render($("builder-sheet"), T, model);
        clearTimeout(qrTimer);
        if (lastFit.qrPending) {
          var want = lastFit.qrPending;
          qrTimer = setTimeout(function () {
            var t0 = performance.now(), same = S.finishQr(T, want);
            window.HandoutBuilder.lastQrMs = performance.now() - t0;
            if (!same) drawSheet();
            else document.documentElement.dataset.builderQr = String(++codes);
          }, 400);
        } else document.documentElement.dataset.builderQr = String(++codes);
        var m = $("builder-fit"), named = $("builder-paper").querySelector("option[value=\"" + lastFit.paper + "\"]");
        // The paper as the page's language names it ("Letter", "Carta").
        var paper = named ? named.textContent : lastFit.paper;
        if ($("builder-large").checked) m.textContent = fill(W.fitsLarge, { pages: lastFit.pages });
        else if (lastFit.pages > 1) m.textContent = W.tooLong;
        else m.textContent = fill(lastFit.cut !== null ? W.fitsCut : W.fits, { paper: paper });
        if (!sheets) window.HandoutBuilder.firstSheetAt = performance.now();
        document.documentElement.dataset.builderSheet = String(++sheets);
        if (done) done();
      });
    });
  }
  var sheets = 0, codes = 0, timer = 0;
  /** After every change: the list (unless only a text changed), the address, the sheet. */
  function changed(focus, textOnly) {
    if (!textOnly) drawList(focus);
    if (viewing) drawView();
    keepAddress();
    clearTimeout(timer);
    if (textOnly) timer = setTimeout(drawSheet, 150);
    else drawSheet();
  }

  // ---- The patient's view -------------------------------------------------
  //
  // A programme's address opened anew (its QR code on a phone, a link in an
  // email) shows the programme as a page to read, with the sheet maker out of
  // the way; "Change this programme" opens the sheet maker, and from then on
  // this tab edits (sessionStorage), as it does when the builder is opened
  // empty, from a routine or by "Add to a sheet".

  var EDITING = "handout-builder-editing", viewing = false;
  function isEditing() {
    try { return sessionStorage.getItem(EDITING) === "1"; } catch (e) { return true; }
  }
  function startEditing() {
    try { sessionStorage.setItem(EDITING, "1"); } catch (e) { /* private mode: this page edits until closed */ }
  }
  function showView(on) {
    viewing = on;
    $("builder-view").hidden = !on;
    page.hidden = on;
    document.body.classList.toggle("is-viewing", on);
    if (on) drawView();
  }
  /** A start date (YYYY-MM-DD) as the page's language writes it ("7 de diciembre de 2026"); as given without Intl. */
  function localDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m) return iso || "";
    try {
      return new Intl.DateTimeFormat(document.documentElement.lang || "en",
        { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    } catch (e) {
      return iso;
    }
  }

  function drawView() {
    var V = $("view-meta").dataset, list = $("view-list"), n = count();
    $("view-title").textContent = P.title || W.untitled;
    var meta = [];
    if (P.start) meta.push(fill(V.start, { date: localDate(P.start) }));
    if (P.clinician) meta.push(fill(V.from, { clinician: P.clinician }));
    meta.push(n === 1 ? V.one : fill(V.count, { n: n }));
    $("view-meta").textContent = meta.join(" \u00b7 ");
    $("view-note").textContent = P.note;
    $("view-note").hidden = !P.note;
    list.textContent = "";
    P.rows.forEach(function (r) {
      var li = document.createElement("li"), h = document.createElement("h2");
      if (r.section !== undefined) {
        li.className = "builder-view-section";
        h.className = "builder-view-heading";
        h.textContent = r.section || W.section;
        li.appendChild(h);
        return list.appendChild(li);
      }
      var e = exercise(r.slug);
      if (!e) {
        h.textContent = list.dataset.missing + ": " + r.slug;
        li.appendChild(h);
        return list.appendChild(li);
      }
      var a = document.createElement("a");
      a.href = exerciseUrl(r.slug);
      a.textContent = e.title;
      h.appendChild(a);
      li.appendChild(h);
      var d = document.createElement("p");
      d.className = "builder-view-dosage";
      d.textContent = D.describe(D.merged(e.dosage, r.over));
      li.appendChild(d);
      if (r.note) {
        var note = document.createElement("p");
        note.className = "builder-view-item-note";
        note.textContent = r.note;
        li.appendChild(note);
      }
      list.appendChild(li);
    });
    var stop = $("view-stop");
    stop.textContent = "";
    var b = document.createElement("strong");
    b.textContent = T.sheet.red_call;
    stop.appendChild(b);
    stop.appendChild(document.createTextNode(" " + T.sheet.red_flags.join("; ") + ". "));
    var em = document.createElement("strong");
    em.textContent = T.sheet.emergency;
    stop.appendChild(em);
  }
  $("view-edit").addEventListener("click", function () {
    startEditing();
    showView(false);
    $("builder-title").focus();
  });
  $("view-print").addEventListener("click", function () { drawSheet(function () { window.print(); }, true); });

  // ---- Opening a programme -----------------------------------------------

  function use(p, msg) {
    P = C.clean(p);
    drawFields();
    changed();
    if (msg) status(msg);
  }
  /** Opens routine `slug` as a programme, once its sections are loaded; false when there is no such routine. */
  function fromRoutine(slug) {
    var r = routines.get(slug);
    if (!r) return false;
    var n = Math.floor(r.at / data.part);
    load(page.dataset.routines, runs, [n], function () {
      var run = runs[n], found = run && run[r.at % data.part];
      if (!found) return;
      var p = C.empty();
      p.title = r.title;
      found.sections.forEach(function (s) {
        if (s.name) p.rows.push({ section: s.name });
        s.items.forEach(function (item) { p.rows.push({ slug: item.slug, over: C.readCode(item.over), note: item.note }); });
      });
      use(p, fill(W.loaded, { title: p.title, n: p.rows.filter(function (x) { return x.slug; }).length }));
    });
    return true;
  }
  function fromAddress() {
    var h = location.hash, m;
    var programme = C.fromFragment(h);
    if (!programme || isEditing()) startEditing();
    showView(!!programme && !isEditing());
    if ((m = /^#routine=([a-z0-9-]+)$/.exec(h))) {
      if (fromRoutine(m[1])) return;
    }
    if ((m = /^#add=([a-z0-9-]+)$/.exec(h))) {
      var draft = null;
      try { draft = C.fromFragment(sessionStorage.getItem("handout-builder-draft") || ""); } catch (e) { /* none */ }
      P = draft || C.empty();
      drawFields();
      return add(m[1]);
    }
    if (programme) return use(programme);
    use(C.empty());
  }
  window.addEventListener("hashchange", function () {
    if (location.hash !== "#" + fragment()) fromAddress();
  });

  // ---- Wiring --------------------------------------------------------------

  var routineSelect = $("builder-routine");
  routines.forEach(function (r) {
    var o = document.createElement("option");
    o.value = r.slug;
    o.textContent = r.title;
    routineSelect.appendChild(o);
  });
  $("builder-load-routine").addEventListener("click", function () { fromRoutine(routineSelect.value); });
  var typing = 0;
  $("builder-q").addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(showResults, 80);
  });
  $("builder-q").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      ev.preventDefault();
      clearTimeout(typing);
      showResults();
      if (results.length) add(results[0]);
    } else if (ev.key === "ArrowDown") {
      var first = $("builder-results").querySelector("button");
      if (first) { ev.preventDefault(); first.focus(); }
    }
  });
  document.querySelectorAll("#builder-search select").forEach(function (s) { s.addEventListener("change", showResults); });
  $("builder-results").addEventListener("click", function (ev) {
    var b = ev.target.closest("button[data-slug]");
    if (b) add(b.dataset.slug);
  });
  $("builder-results").addEventListener("keydown", function (ev) {
    var b = ev.target.closest("button[data-slug]");
    if (!b || (ev.key !== "ArrowDown" && ev.key !== "ArrowUp")) return;
    ev.preventDefault();
    var all = $("builder-results").querySelectorAll("button"), i = +b.dataset.i + (ev.key === "ArrowDown" ? 1 : -1);
    if (i < 0) $("builder-q").focus(); else if (all[i]) all[i].focus();
  });
  $("builder-add-section").addEventListener("click", function () {
    P.rows.push({ section: C.cleanText($("builder-section-name").value, C.LIMIT.section) });
    $("builder-section-name").value = "";
    changed();
  });
  $("builder-paper").value = page.dataset.paper === "Letter" ? "Letter" : "A4";
  $("builder-paper").addEventListener("change", function () { drawSheet(); });
  $("builder-large").addEventListener("change", function () { drawSheet(); });
  // The browser's own Print: the sheet with its QR code made now.
  window.addEventListener("beforeprint", function () { if (lastFit && lastFit.qrPending) drawSheet(null, true); });
  $("builder-print").addEventListener("click", function () {
    if (window.HandoutKeep) window.HandoutKeep.remember(P);
    drawSheet(function () { window.print(); }, true);
  });

  /** For the page's own tests and the benchmark. */
  window.HandoutBuilder = {
    programme: function () { return C.clean(P); },
    fragment: fragment,
    address: address,
    lastFit: function () { return lastFit; },
    draw: function (done) { drawSheet(done, true); },
    use: use,
    describe: function (r) {
      var e = exercise(r.slug);
      return e ? { title: e.title, text: D.describe(D.merged(e.dosage, r.over)) } : {};
    },
    status: status,
    words: W
  };
  fromAddress();
  window.HandoutBuilder.readyAt = performance.now();
  document.documentElement.dataset.builder = "ready";
})();
