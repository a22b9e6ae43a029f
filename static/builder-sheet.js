// handout programme builder: the printed sheet. It is made from the
// page's <template>s (the words are the theme's, as on the built sheets,
// and styled by the same sheet.css), every text put in as text, then
// fitted to one page by measuring the real layout in this browser: the
// most readable layout that fits is kept (bigger text first, then two
// columns, then smaller text); beyond six exercises, the steps of each
// are cut to the first few when even the smallest layout is too long.
// Large print keeps 16 pt text and takes as many pages as it needs.
(function () {
  "use strict";

  var MM = 96 / 25.4;
  var MARGIN = 12; // mm, as @page in builder.html
  var PAPER = { A4: [210, 297], Letter: [215.9, 279.4] };
  /** Layouts, most readable first: columns and text size (pt). */
  var LAYOUTS = [
    [1, 12], [1, 11], [1, 10.5], [1, 10], [2, 11], [2, 10.5], [2, 10], [2, 9.5], [2, 9], [2, 8.5], [2, 8],
    [3, 9], [3, 8.5], [3, 8]
  ];
  /** Beyond this many exercises, steps may be cut (as on built sheets). */
  var ALL_STEPS_UP_TO = 6;
  /** Steps kept per card, and whether the starting position stays, tried in turn. */
  var STEP_CUTS = [[4, true], [3, true], [2, false], [1, false], [0, false]];

  function fill(pattern, vars) {
    return String(pattern || "").replace(/\{(\w+)\}/g, function (all, key) {
      return key in vars ? vars[key] : all;
    });
  }

  function slot(root, name) {
    return root.querySelector('[data-slot="' + name + '"]');
  }

  /** Puts `text` into the slot, or takes the slot (or `wrap`) out when it is empty. */
  function text(root, name, value, wrap) {
    var el = slot(root, name);
    if (!el) return null;
    if (value) el.textContent = value;
    else (wrap ? slot(root, wrap) || el : el).remove();
    return el;
  }

  /** An SVG QR code of `data` (vendored qrcode-generator), and its size in modules. */
  function qrSvg(data) {
    if (typeof window.qrcode !== "function") return null;
    var qr = window.qrcode(0, data.length > 300 ? "L" : "M");
    qr.addData(data, "Byte");
    qr.make();
    var n = qr.getModuleCount(), quiet = 4, size = n + 2 * quiet, d = "";
    for (var y = 0; y < n; y++) {
      for (var x = 0; x < n; x++) {
        if (qr.isDark(y, x)) d += "M" + (x + quiet) + " " + (y + quiet) + "h1v1h-1z";
      }
    }
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "QR code of this programme's address");
    svg.setAttribute("shape-rendering", "crispEdges");
    var bg = document.createElementNS(ns, "rect");
    bg.setAttribute("width", size);
    bg.setAttribute("height", size);
    bg.setAttribute("fill", "#fff");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", d);
    path.setAttribute("fill", "#000");
    svg.appendChild(bg);
    svg.appendChild(path);
    return { svg: svg, modules: n, version: (n - 17) / 4 };
  }

  /** One exercise's card. */
  function card(tpl, c, number) {
    var li = tpl.content.firstElementChild.cloneNode(true);
    text(li, "section", c.section);
    text(li, "num", String(number));
    text(li, "title", c.title);
    text(li, "equipment", c.equipment, "equipment-wrap");
    text(li, "dosage", c.dosage);
    text(li, "note", c.note);
    text(li, "intro", c.intro, "intro-wrap");
    var steps = slot(li, "steps");
    c.steps.forEach(function (s) {
      var item = document.createElement("li");
      item.textContent = s;
      steps.appendChild(item);
    });
    if (!c.steps.length) steps.remove();
    var more = slot(li, "more");
    more.hidden = true;
    var cautions = slot(li, "cautions");
    c.cautions.forEach(function (s) {
      var p = document.createElement("p");
      p.className = "card-caution";
      var b = document.createElement("strong");
      b.textContent = cautions.getAttribute("data-label");
      p.appendChild(b);
      p.appendChild(document.createTextNode(" " + s));
      cautions.appendChild(p);
    });
    var log = li.querySelector(".card-log");
    log.setAttribute("aria-label", fill(log.getAttribute("data-label"), { n: number }));
    log.removeAttribute("data-label");
    return li;
  }

  /** Shows the first `keep` steps of each card (all when keep is null), and the starting position or not. */
  function cutSteps(sheet, keep, intro) {
    sheet.querySelectorAll(".card").forEach(function (li) {
      var start = li.querySelector(".card-intro");
      if (start) start.hidden = !intro;
      var steps = li.querySelectorAll(".card-steps > li"), more = slot(li, "more"), hidden = 0;
      steps.forEach(function (s, i) {
        s.hidden = keep !== null && i >= keep;
        if (s.hidden) hidden++;
      });
      if (more) {
        more.hidden = hidden === 0;
        more.textContent = fill(more.getAttribute("data-label"), { n: hidden });
      }
    });
  }

  function layout(sheet, cols, pt) {
    sheet.className = "sheet cols-" + cols + " density-" + (pt >= 12 ? 1 : pt >= 11 ? 2 : pt >= 10 ? 3 : 4);
    sheet.style.setProperty("--cols", cols);
    sheet.style.setProperty("--fs", pt + "pt");
    sheet.style.setProperty("--title", Math.max(14, pt + 6) + "pt");
  }

  /** The sheet's content height in px (the padding is the page margin). */
  function contentHeight(sheet) {
    return sheet.scrollHeight - 2 * MARGIN * MM;
  }

  /**
   * The index of the first layout that fits in `room`, assuming each is
   * shorter than the one before: the smallest is tried first (when even it
   * is too long, nothing fits), then a binary search.
   */
  function firstFit(sheet, room) {
    var last = LAYOUTS.length - 1;
    layout(sheet, LAYOUTS[last][0], LAYOUTS[last][1]);
    if (contentHeight(sheet) > room) return -1;
    var lo = 0, hi = last - 1, found = last;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      layout(sheet, LAYOUTS[mid][0], LAYOUTS[mid][1]);
      if (contentHeight(sheet) <= room) {
        found = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    layout(sheet, LAYOUTS[found][0], LAYOUTS[found][1]);
    return found;
  }

  /**
   * Draws the sheet of `m` into `host` and fits it. m: { title, start,
   * clinician, patient, note, cards: [{section, title, equipment, dosage,
   * note, intro, steps, cautions}], qr (text or ""), paper, large }.
   * Returns { pages, cut (steps kept per card, or null), layout, qr, ms }.
   */
  function render(host, m) {
    var t0 = performance.now();
    var tpl = document.getElementById("builder-sheet-template");
    var cardTpl = document.getElementById("builder-card-template");
    var sheet = tpl.content.firstElementChild.cloneNode(true);
    text(sheet, "title", m.title);
    var start = slot(sheet, "start");
    if (m.start) start.textContent = fill(start.getAttribute("data-label"), { date: m.start });
    else start.remove();
    text(sheet, "note", m.note);
    // The lines are there to be written on; what was typed is printed on them.
    if (m.patient) slot(sheet, "patient").textContent = m.patient;
    if (m.clinician) slot(sheet, "clinician").textContent = m.clinician;
    var q0 = performance.now();
    var qr = m.qr ? qrSvg(m.qr) : null;
    var qrMs = performance.now() - q0;
    if (qr) {
      slot(sheet, "qr").appendChild(qr.svg);
      sheet.style.setProperty("--qr", Math.min(42, Math.max(22, qr.modules * 0.36 + 3)).toFixed(1) + "mm");
    } else {
      slot(sheet, "qr").remove();
      slot(sheet, "scan").remove();
    }
    var cards = slot(sheet, "cards");
    m.cards.forEach(function (c, i) { cards.appendChild(card(cardTpl, c, i + 1)); });
    var paper = PAPER[m.paper] ? m.paper : "A4";
    host.className = "paper-" + paper.toLowerCase();
    host.textContent = "";
    host.appendChild(sheet);
    var room = (PAPER[paper][1] - 2 * MARGIN) * MM;
    var result = { pages: 1, cut: null, layout: null, qr: qr && { modules: qr.modules, version: qr.version }, paper: paper };
    if (m.large) {
      sheet.className = "sheet sheet-large density-0 cols-1";
      sheet.style.setProperty("--cols", 1);
      result.pages = Math.max(1, Math.ceil((contentHeight(sheet) - 1) / room));
      result.layout = [1, 16];
    } else {
      var found = firstFit(sheet, room);
      if (found < 0 && m.cards.length > ALL_STEPS_UP_TO) {
        for (var k = 0; k < STEP_CUTS.length && found < 0; k++) {
          cutSteps(sheet, STEP_CUTS[k][0], STEP_CUTS[k][1]);
          found = firstFit(sheet, room);
          if (found >= 0) result.cut = STEP_CUTS[k][0];
        }
      }
      if (found < 0) {
        found = LAYOUTS.length - 1;
        layout(sheet, LAYOUTS[found][0], LAYOUTS[found][1]);
        result.pages = Math.ceil(contentHeight(sheet) / room);
      }
      result.layout = LAYOUTS[found];
    }
    document.getElementById("builder-page-size").textContent =
      "@page { size: " + paper + "; margin: " + MARGIN + "mm; }";
    result.ms = performance.now() - t0;
    result.qrMs = qrMs;
    return result;
  }

  window.HandoutSheet = { render: render, fill: fill };
})();
