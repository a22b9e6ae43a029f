// handout programme builder: the printed sheet. It is the built sheets'
// own markup (templates/partials/sheet_*.html) with their words, styled by
// the same sheet.css, drawn in a shadow tree so that the site's page styles
// and the sheet's do not mix. Every text is put in as text. It is fitted to
// one page by measuring the real layout in this browser: the most readable
// layout that fits is kept (bigger text and one column first, then two or
// three columns, then smaller text); beyond six exercises, the steps of each
// are cut to the first few when even the smallest layout is too long. Large
// print keeps 16 pt text and takes as many pages as it needs.
(function () {
  "use strict";

  var MM = 96 / 25.4;
  var PAPER = { A4: [210, 297], Letter: [215.9, 279.4] };
  /** Layouts, most readable first: [columns, density (sheet.css .density-N), notes box]. */
  var LAYOUTS = [
    [1, 1, true], [1, 1, false], [1, 2, false], [1, 3, false], [2, 2, false], [2, 3, false],
    [2, 4, false], [3, 3, false], [3, 4, false]
  ];
  /** Beyond this many exercises, steps may be cut (as on built sheets). */
  var ALL_STEPS_UP_TO = 6;
  /** Room left at the foot of the page (mm). */
  var SLACK_MM = 3;
  /** Steps kept per card, tried in turn. */
  var STEP_CUTS = [4, 3, 2, 1, 0];
  /** What the sheet needs beyond sheet.css in a page of its own (sheet.css shows large print only at #large). */
  var HOST_CSS =
    ":host { all: initial; display: block; --ink: #111; --muted: #444; --rule: #8a949e; --accent: #1f4e79;" +
    " --caution: #9a3412; --red: #b91c1c; color: var(--ink);" +
    " font-family: \"Atkinson Hyperlegible\", Arial, \"Liberation Sans\", Helvetica, sans-serif;" +
    " font-kerning: normal; font-synthesis: none; }" +
    ".sheet-mode.sheet-large { display: block; }" +
    ".sheet-patient .line { display: flex; align-items: flex-end; overflow: hidden; white-space: nowrap; padding-left: 1mm; }" +
    ".card-steps > li[hidden], .card-caution[hidden], .sheet-notes[hidden] { display: none; }" +
    "@media print { .sheet-page { min-height: 0; } }";

  function fill(pattern, vars) {
    return String(pattern || "").replace(/\{(\w+)\}/g, function (all, key) {
      return key in vars ? vars[key] : all;
    });
  }
  function plural(p, n) {
    return fill(p && typeof p === "object" ? (n === 1 ? p.one : p.other) : p, { n: n });
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function strong(text) { return el("strong", "", text); }

  // ---- QR codes, kept: the same address is encoded once ------------------

  var qrCache = { data: null, value: null };
  function qrPath(data) {
    if (qrCache.data === data) return qrCache.value;
    var value = null;
    if (typeof window.qrcode === "function") {
      var qr = window.qrcode(0, data.length > 300 ? "L" : "M");
      qr.addData(data, "Byte");
      qr.make();
      var n = qr.getModuleCount(), d = "";
      for (var y = 0; y < n; y++) {
        for (var x = 0; x < n; x++) {
          if (qr.isDark(y, x)) d += "M" + (x + 4) + " " + (y + 4) + "h1v1h-1z";
        }
      }
      value = { d: d, modules: n, version: (n - 17) / 4 };
    }
    qrCache = { data: data, value: value };
    return value;
  }
  function qrSvg(q, label) {
    var ns = "http://www.w3.org/2000/svg", size = q.modules + 8;
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    svg.setAttribute("shape-rendering", "crispEdges");
    var bg = document.createElementNS(ns, "rect");
    bg.setAttribute("width", size);
    bg.setAttribute("height", size);
    bg.setAttribute("fill", "#fff");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", q.d);
    path.setAttribute("fill", "#000");
    svg.appendChild(bg);
    svg.appendChild(path);
    return svg;
  }

  // ---- The markup of templates/partials/sheet_*.html ---------------------

  function head(t, m, qr) {
    var h = el("header", "sheet-head");
    if (t.logo) {
      var img = el("img", "sheet-logo");
      img.src = t.logo;
      img.alt = "";
      h.appendChild(img);
    }
    var main = el("div", "sheet-head-main");
    var clinic = el("p", "sheet-clinic");
    clinic.appendChild(strong(t.sheet.clinic_name));
    clinic.appendChild(document.createTextNode(t.sheet.clinic_rest));
    main.appendChild(clinic);
    main.appendChild(el("h1", "sheet-title", m.title));
    var goal = [];
    if (m.start) goal.push(fill(t.startLabel, { date: m.start }));
    goal.push(plural(t.words.exercise_count, m.cards.length));
    main.appendChild(el("p", "sheet-goal", goal.join(" \u00b7 ")));
    h.appendChild(main);
    if (qr) {
      h.appendChild(el("p", "sheet-scan", t.words.scan));
      var box = el("div", "sheet-qr");
      box.appendChild(qrSvg(qr, t.qrLabel));
      h.appendChild(box);
    }
    return h;
  }
  function patientLines(t, m) {
    var div = el("div", "sheet-patient");
    [[t.words.name, m.patient, ""], [t.words.date, "", "short"], [t.words.clinician, m.clinician, ""]].forEach(function (x) {
      var span = el("span", x[2]);
      span.appendChild(document.createTextNode(x[0] + " "));
      span.appendChild(el("span", "line", x[1]));
      div.appendChild(span);
    });
    return div;
  }
  function log(t, n) {
    var table = el("table", "card-log"), body = el("tbody"), tr = el("tr");
    table.setAttribute("aria-label", fill(t.words.log_label, { n: n }));
    t.words.days.forEach(function (d) { tr.appendChild(el("td", "day", d)); });
    var th = el("th", "pain-label", t.words.pain);
    th.scope = "row";
    tr.appendChild(th);
    tr.appendChild(el("td", "pain", t.words.pain_box));
    body.appendChild(tr);
    table.appendChild(body);
    return table;
  }
  function card(t, c, n, large) {
    var li = el("li", "card");
    if (c.section) li.appendChild(el("p", "card-section", c.section));
    var main = el("div", "card-main");
    var h2 = el("h2", "card-title");
    h2.appendChild(el("span", "card-num", String(n)));
    h2.appendChild(document.createTextNode(" "));
    h2.appendChild(el("span", "card-name", c.title));
    main.appendChild(h2);
    var dosage = el("p", "card-dosage", c.dosage + " ");
    dosage.appendChild(el("span", "card-equipment", "\u00b7 " + (c.equipment || t.words.no_equipment)));
    main.appendChild(dosage);
    if (c.note) main.appendChild(el("p", "card-note", c.note));
    if (large && c.intro) {
      var intro = el("p", "card-intro");
      intro.appendChild(strong(t.words.starting_position));
      intro.appendChild(document.createTextNode(" " + c.intro));
      main.appendChild(intro);
    }
    if (c.steps.length) {
      var ol = el("ol", "card-steps");
      ol.setAttribute("start", "1");
      c.steps.forEach(function (s) { ol.appendChild(el("li", "", s)); });
      main.appendChild(ol);
    }
    var more = el("p", "card-more");
    more.hidden = true;
    main.appendChild(more);
    li.appendChild(main);
    var cautions = el("div", "card-cautions");
    c.cautions.forEach(function (s) {
      var p = el("p", "card-caution");
      p.appendChild(strong(t.words.take_care));
      p.appendChild(document.createTextNode(" " + s));
      cautions.appendChild(p);
    });
    li.appendChild(cautions);
    li.appendChild(log(t, n));
    return li;
  }
  function redFlags(t, regions) {
    var flags = t.sheet.red_flags.slice();
    regions.forEach(function (r) {
      (t.sheet.region_flags[r] || []).forEach(function (f) { if (flags.indexOf(f) < 0) flags.push(f); });
    });
    var aside = el("aside", "sheet-redflags");
    aside.setAttribute("aria-label", t.sheet.red_call);
    aside.appendChild(strong(t.sheet.red_call));
    aside.appendChild(document.createTextNode(" " + (flags.length ? flags.join("; ") + "." : "") + " "));
    aside.appendChild(strong(t.sheet.emergency));
    return aside;
  }

  // ---- Fitting -----------------------------------------------------------

  /** The mode's classes for a layout, as the build writes them (src/sheet/style.rs). */
  function setLayout(mode, l) {
    mode.className = "sheet-mode density-" + l[1] + " sheet-regular cols-" + l[0];
    mode.style.setProperty("--cols", l[0]);
    var notes = mode.querySelector(".sheet-notes");
    if (notes) notes.hidden = !l[2];
  }
  /** The cards in `cols` columns, in order, the columns as even as can be. */
  function columns(mode, cards, cols) {
    var grid = mode.querySelector(".sheet-cards");
    var lists = grid.querySelectorAll(".sheet-col");
    var first = lists[0];
    cards.forEach(function (c) { first.appendChild(c); });
    for (var k = lists.length; k < cols; k++) grid.appendChild(el("ol", "sheet-col"));
    for (var j = lists.length - 1; j >= cols; j--) lists[j].remove();
    lists = grid.querySelectorAll(".sheet-col");
    if (cols === 1) return;
    var hs = cards.map(function (c) { return c.getBoundingClientRect().height; });
    var total = hs.reduce(function (a, b) { return a + b; }, 0);
    // Fill each column up to an even share, moving on when the next card goes further past it than it stays short.
    var col = 0, sum = 0, left = total;
    cards.forEach(function (c, i) {
      var share = left / (cols - col);
      if (col < cols - 1 && sum > 0 && sum + hs[i] / 2 > share && cards.length - i >= cols - col - 1) {
        col++;
        left -= sum;
        sum = 0;
      }
      lists[col].appendChild(c);
      sum += hs[i];
    });
  }
  function bodyHeight(mode) {
    return mode.querySelector(".sheet-page-body").getBoundingClientRect().height;
  }
  function fits(mode, cards, l, room) {
    setLayout(mode, l);
    columns(mode, cards, l[0]);
    return bodyHeight(mode) <= room;
  }
  /**
   * Fits the sheet: the most readable of every (steps cut, layout), in
   * that order, that fits, starting from the one that fitted last time (a
   * change usually keeps it or moves it by one, so few are measured);
   * steps are cut only beyond six exercises. Returns [cut index, layout
   * index], or null when nothing fits.
   */
  function search(mode, cards, room, n, more) {
    var cuts = n > ALL_STEPS_UP_TO ? STEP_CUTS.length + 1 : 1, total = cuts * LAYOUTS.length;
    var shown = -1;
    var at = function (k) {
      var c = Math.floor(k / LAYOUTS.length);
      if (c !== shown) cutSteps(mode, c === 0 ? null : STEP_CUTS[c - 1], more);
      shown = c;
      return fits(mode, cards, LAYOUTS[k % LAYOUTS.length], room);
    };
    var k;
    if (last < 0) {
      // The first time: a binary search (each is about as long as the one before or shorter).
      if (!at(total - 1)) return null;
      var lo = 0, hi = total - 1;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (at(mid)) hi = mid; else lo = mid + 1;
      }
      k = lo;
      at(k);
    } else {
      // Then from last time's: one more readable first, then that one, then on down.
      k = Math.max(0, Math.min(last - 1, total - 1));
      if (at(k)) {
        while (k > 0 && at(k - 1)) k--;
        if (k > 0) at(k);
      } else {
        do k++; while (k < total && !at(k));
        if (k === total) return null;
      }
    }
    last = k;
    return [Math.floor(k / LAYOUTS.length), k % LAYOUTS.length];
  }
  function cutSteps(mode, keep, more) {
    mode.querySelectorAll(".card").forEach(function (li) {
      var hidden = 0;
      li.querySelectorAll(".card-steps > li").forEach(function (s, i) {
        s.hidden = keep !== null && i >= keep;
        if (s.hidden) hidden++;
      });
      li.querySelectorAll(".card-caution").forEach(function (p, i) { p.hidden = keep !== null && i > 0; });
      var m = li.querySelector(".card-more");
      // With no step left, the header's "scan the code" says it once for all.
      m.hidden = hidden === 0 || keep === 0;
      m.textContent = plural(more, hidden);
    });
  }

  /**
   * How many pages large print takes: its blocks laid one after another,
   * a card that does not fit in what is left of a page starting the next
   * (cards are not split, as sheet.css says).
   */
  function largePages(mode, room) {
    var body = mode.querySelector(".sheet-page-body"), top = body.getBoundingClientRect().top;
    var blocks = body.querySelectorAll(".sheet-page-body > :not(.sheet-cards), .sheet-col > .card");
    var pages = 1, start = 0;
    Array.prototype.forEach.call(blocks, function (b) {
      var r = b.getBoundingClientRect();
      if (!r.height) return;
      var t = r.top - top, end = r.bottom - top;
      while (end - start > room) {
        // A block taller than a page is split; otherwise it moves to the next page whole.
        start = t > start && end - t <= room ? t : start + room;
        pages++;
      }
    });
    return pages;
  }

  // ---- The sheet ---------------------------------------------------------

  var shadow = null, styled = null, isReady = false, last = -1;
  /** The shadow tree of `host` with sheet.css in it, once sheet.css and the fonts are loaded. */
  function ready(host, t, done) {
    if (isReady) return done();
    if (styled) return styled.then(done);
    shadow = host.attachShadow({ mode: "open" });
    var style = el("style");
    style.textContent = HOST_CSS;
    var link = el("link");
    link.rel = "stylesheet";
    link.href = t.css;
    shadow.appendChild(style);
    shadow.appendChild(link);
    var css = new Promise(function (ok) { link.onload = link.onerror = ok; });
    var faces = ['400 1em "Atkinson Hyperlegible"', '700 1em "Atkinson Hyperlegible"', 'italic 400 1em "Atkinson Hyperlegible"'];
    var fonts = document.fonts && document.fonts.load
      ? Promise.all(faces.map(function (f) { return document.fonts.load(f).catch(function () {}); }))
      : Promise.resolve();
    styled = Promise.all([css, fonts]).then(function () { isReady = true; });
    styled.then(done);
  }

  /**
   * Draws the sheet of `m` into `host` and fits it. t: the sheet's words
   * and texts; m: { title, start, clinician, patient, note, regions,
   * cards: [{section, title, equipment, dosage, note, intro, steps,
   * cautions}], qr (text or ""), paper, large }. Returns { pages, cut
   * (steps kept per card, or null), layout [columns, density], qr, ms }.
   */
  function render(host, t, m) {
    var t0 = performance.now();
    var q0 = performance.now(), qr = null, pending = false;
    if (m.qr) {
      // A new address's code takes a while to make: unless asked for now, the sheet is first drawn and
      // fitted with a blank of the last code's size, and finishQr() puts the code in when the typing stops.
      if (qrCache.data === m.qr || m.qrNow || !qrCache.value) qr = qrPath(m.qr);
      else {
        qr = { d: "", modules: qrCache.value.modules, version: qrCache.value.version };
        pending = true;
      }
    }
    var qrMs = performance.now() - q0;
    var paper = PAPER[m.paper] ? m.paper : "A4";
    var wrap = el("div", "sheet-body paper-" + paper.toLowerCase());
    var mode = el("div", m.large ? "sheet-mode sheet-large" : "sheet-mode");
    if (m.large) mode.id = "large";
    mode.style.setProperty("--cols", 1);
    // A long address makes a dense code: it is printed big enough to scan (0.36 mm a module).
    if (qr) mode.style.setProperty("--qr", Math.min(42, Math.max(22, qr.modules * 0.36 + 3)).toFixed(1) + "mm");
    var page = el("section", "sheet-page"), body = el("div", "sheet-page-body");
    body.appendChild(head(t, m, qr));
    body.appendChild(patientLines(t, m));
    if (!m.large) body.appendChild(el("div", "sheet-notes", t.words.notes));
    if (m.note) body.appendChild(el("p", "sheet-intro", m.note));
    body.appendChild(el("p", "sheet-howto", t.words.how_to));
    var grid = el("div", "sheet-cards"), col = el("ol", "sheet-col");
    var cards = m.cards.map(function (c, i) { return card(t, c, i + 1, m.large); });
    cards.forEach(function (c) { col.appendChild(c); });
    grid.appendChild(col);
    body.appendChild(grid);
    body.appendChild(redFlags(t, m.regions || []));
    page.appendChild(body);
    mode.appendChild(page);
    wrap.appendChild(mode);
    var old = shadow.querySelector(".sheet-body");
    if (old) old.replaceWith(wrap); else shadow.appendChild(wrap);

    var margin = parseFloat(getComputedStyle(mode).getPropertyValue("--page-margin")) || t.sheet.margin_mm || 10;
    // Kept a little short of the page, as the build does (src/sheet/fit.rs): printing rounds differently.
    var room = (PAPER[paper][1] - 2 * margin - SLACK_MM) * MM;
    var result = { pages: 1, cut: null, layout: null, qr: qr && { modules: qr.modules, version: qr.version }, paper: paper, margin: margin,
      qrPending: pending ? m.qr : "" };
    if (m.large) {
      result.pages = largePages(mode, (PAPER[paper][1] - 2 * margin) * MM);
      result.layout = [1, 0];
    } else {
      var more = qr ? t.words.more_steps : t.words.more_steps_online;
      var found = search(mode, cards, room, m.cards.length, more);
      if (found) {
        result.cut = found[0] === 0 ? null : STEP_CUTS[found[0] - 1];
        result.layout = LAYOUTS[found[1]].slice(0, 2);
      } else {
        fits(mode, cards, LAYOUTS[LAYOUTS.length - 1], room);
        result.pages = Math.ceil(bodyHeight(mode) / room);
        result.layout = LAYOUTS[LAYOUTS.length - 1].slice(0, 2);
      }
    }
    var size = document.getElementById("builder-page-size");
    if (size) size.textContent = "@page { size: " + paper + "; margin: " + margin + "mm; }";
    result.ms = performance.now() - t0;
    result.qrMs = qrMs;
    return result;
  }

  /**
   * Puts the code of `data` into the sheet drawn with a blank for it: true
   * when it is the blank's size (nothing moves), false when the sheet must
   * be drawn again.
   */
  function finishQr(t, data) {
    var blank = shadow && shadow.querySelector(".sheet-qr");
    var q = qrPath(data);
    if (!blank || !q || blank.firstChild.getAttribute("viewBox") !== "0 0 " + (q.modules + 8) + " " + (q.modules + 8)) return false;
    blank.replaceChild(qrSvg(q, t.qrLabel), blank.firstChild);
    return true;
  }

  window.HandoutSheet = { ready: ready, render: render, finishQr: finishQr, fill: fill, plural: plural };
})();
