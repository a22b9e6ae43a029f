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
  if (!page || !D || !C || !S || !data || data.format !== 1) return;
  var W = document.getElementById("builder-words").dataset;
  var root = page.dataset.root || "";
  var assets = page.dataset.assets || root;
  var $ = function (id) { return document.getElementById(id); };
  var fill = S.fill;

  var bySlug = new Map();
  data.exercises.forEach(function (e, i) { bySlug.set(e.slug, i); });
  var equipment = data.facets.find(function (f) { return f.name === "equipment"; });
  var routines = new Map();
  data.routines.forEach(function (r) { routines.set(r.slug, r); });

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
  var loading = {};
  function details(slugs, done) {
    var want = {};
    slugs.forEach(function (s) {
      var i = bySlug.get(s);
      if (i !== undefined) want[Math.floor(i / data.part)] = true;
    });
    var missing = Object.keys(want).filter(function (n) { return !parts[n]; });
    var left = missing.length;
    if (!left) return done();
    missing.forEach(function (n) {
      var finish = function () { if (--left === 0) done(); };
      if (loading[n]) return loading[n].push(finish);
      loading[n] = [finish];
      var s = document.createElement("script");
      s.src = root + page.dataset.part.replace("{n}", n);
      s.onload = s.onerror = function () {
        var list = loading[n];
        delete loading[n];
        list.forEach(function (f) { f(); });
      };
      document.head.appendChild(s);
    });
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
        meta.textContent = e.text + " \u00b7 " + e.region.map(function (r) { return label("region", r); }).join(", ");
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
  function doseInputs(li, d) {
    li.querySelectorAll("[data-f]").forEach(function (input) {
      var v = d[input.dataset.f], i = +input.dataset.i || 0;
      if (input.dataset.f === "side") input.value = v || "";
      else if (input.dataset.f === "frequency") input.value = v ? (i === 0 ? v[0] : v[0] === "daily" ? "" : v[i]) : "";
      else if (input.tagName === "SELECT") input.value = v ? v[2] : "s";
      else input.value = v ? v[i] : "";
    });
  }
  function readDose(li) {
    var get = function (f, i) { return li.querySelector('[data-f="' + f + '"][data-i="' + i + '"]').value; };
    var want = {};
    ["sets", "reps"].forEach(function (f) { want[f] = D.cleanRange(get(f, 0), get(f, 1), D.MAX[f]); });
    ["hold", "duration"].forEach(function (f) {
      var r = D.cleanRange(get(f, 0), get(f, 1), D.MAX[f]);
      want[f] = r && [r[0], r[1], get(f, 2)];
    });
    want.side = D.cleanField("side", li.querySelector('[data-f="side"]').value);
    var kind = get("frequency", 0);
    want.frequency = kind === "daily" ? ["daily"] : kind ? D.cleanField("frequency", [kind, get("frequency", 1) || 1, get("frequency", 2)]) : null;
    return want;
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

  function sheetModel() {
    var cards = [], section = "";
    P.rows.forEach(function (r) {
      if (r.section !== undefined) return (section = r.section);
      var e = exercise(r.slug);
      if (!e) return;
      var x = detail(r.slug);
      cards.push({
        section: section,
        title: e.title,
        equipment: e.equipment.filter(function (t) { return !equipment || equipment.terms[t][0] !== "none"; })
          .map(function (t) { return label("equipment", t); }).join(", "),
        dosage: D.describe(D.merged(e.dosage, r.over)),
        note: r.note,
        intro: x.intro,
        steps: x.steps,
        cautions: x.cautions.slice(0, 1)
      });
      section = "";
    });
    return {
      title: P.title || W.untitled, start: P.start, clinician: P.clinician, patient: patient, note: P.note,
      cards: cards, qr: page.dataset.absoluteUrl ? address() : "",
      paper: $("builder-paper").value, large: $("builder-large").checked
    };
  }
  function drawSheet(done) {
    details(P.rows.filter(function (r) { return r.slug; }).map(function (r) { return r.slug; }), function () {
      lastFit = S.render($("builder-sheet"), sheetModel());
      var m = $("builder-fit"), paper = lastFit.paper;
      if ($("builder-large").checked) m.textContent = fill(W.fitsLarge, { pages: lastFit.pages });
      else if (lastFit.pages > 1) m.textContent = W.tooLong;
      else m.textContent = fill(lastFit.cut !== null ? W.fitsCut : W.fits, { paper: paper });
      if (!sheets) window.HandoutBuilder.firstSheetAt = performance.now();
      document.documentElement.dataset.builderSheet = String(++sheets);
      if (done) done();
    });
  }
  var sheets = 0, timer = 0;
  /** After every change: the list (unless only a text changed), the address, the sheet. */
  function changed(focus, textOnly) {
    if (!textOnly) drawList(focus);
    keepAddress();
    clearTimeout(timer);
    if (textOnly) timer = setTimeout(drawSheet, 150);
    else drawSheet();
  }

  // ---- Opening a programme -----------------------------------------------

  function use(p, msg) {
    P = C.clean(p);
    drawFields();
    changed();
    if (msg) status(msg);
  }
  function fromRoutine(slug) {
    var r = routines.get(slug);
    if (!r) return null;
    var p = C.empty();
    p.title = r.title;
    r.sections.forEach(function (s) {
      if (s.name) p.rows.push({ section: s.name });
      s.items.forEach(function (item) { p.rows.push({ slug: item.slug, over: item.over, note: item.note }); });
    });
    return p;
  }
  function fromAddress() {
    var h = location.hash, m;
    if ((m = /^#routine=([a-z0-9-]+)$/.exec(h))) {
      var p = fromRoutine(m[1]);
      if (p) return use(p, fill(W.loaded, { title: p.title, n: p.rows.filter(function (r) { return r.slug; }).length }));
    }
    if ((m = /^#add=([a-z0-9-]+)$/.exec(h))) {
      var draft = null;
      try { draft = C.fromFragment(sessionStorage.getItem("handout-builder-draft") || ""); } catch (e) { /* none */ }
      P = draft || C.empty();
      drawFields();
      return add(m[1]);
    }
    var q = C.fromFragment(h);
    if (q) return use(q);
    use(C.empty());
  }
  window.addEventListener("hashchange", function () {
    if (location.hash !== "#" + fragment()) fromAddress();
  });

  // ---- Wiring --------------------------------------------------------------

  var routineSelect = $("builder-routine");
  data.routines.forEach(function (r) {
    var o = document.createElement("option");
    o.value = r.slug;
    o.textContent = r.title;
    routineSelect.appendChild(o);
  });
  $("builder-load-routine").addEventListener("click", function () {
    var p = fromRoutine(routineSelect.value);
    if (p) use(p, fill(W.loaded, { title: p.title, n: p.rows.filter(function (r) { return r.slug; }).length }));
  });
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
  $("builder-print").addEventListener("click", function () {
    if (window.HandoutKeep) window.HandoutKeep.remember(P);
    drawSheet(function () { window.print(); });
  });

  /** For the page's own tests and the benchmark. */
  window.HandoutBuilder = {
    programme: function () { return C.clean(P); },
    fragment: fragment,
    address: address,
    lastFit: function () { return lastFit; },
    draw: drawSheet,
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
