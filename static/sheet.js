// Printed sheets check themselves in the browser. The build lays out every
// sheet to fit its pages with the sheet font's measures; a site's own
// template or sheet.css, a missing font or a browser's own settings can
// still make a page longer. On screen and before printing, this measures
// each page of the mode shown (standard, or large print at #large): a
// one-page sheet that has grown too long is fitted again (notes box,
// pictures and notes left out, then smaller text, never below the sheet's
// smallest size), and what still overflows moves, a card
// at a time, to the next page, with the page numbers made right; the
// toolbar then says what happened. When done, <html data-sheet="ready">
// and data-fit="done" (or "overflow" when it prints on more pages).
(function () {
  "use strict";
  var MM = 96 / 25.4;
  var status = document.getElementById("sheet-status");

  function fill(pattern, vars) {
    return String(pattern || "").replace(/\{(\w+)\}/g, function (all, key) {
      return key in vars ? vars[key] : all;
    });
  }
  function shown() {
    var large = document.getElementById("large");
    if (large && location.hash === "#large") return large;
    return document.querySelector(".sheet-regular");
  }
  function pages(mode) {
    return Array.prototype.slice.call(mode.querySelectorAll(".sheet-page"));
  }
  function tooLong(mode, page) {
    var body = page.querySelector(".sheet-page-body");
    var room = parseFloat(mode.getAttribute("data-page-h")) * MM;
    return body.getBoundingClientRect().height > room + 0.3 * MM;
  }
  function anyTooLong(mode) {
    return pages(mode).some(function (p) { return tooLong(mode, p); });
  }

  // Fewer extras, smaller text, more columns: one step at a time.
  function refit(mode) {
    var steps = ["fit-lean", "fit-no-images", "fit-no-notes"];
    for (var i = 0; i < steps.length && anyTooLong(mode); i++) {
      mode.classList.add(steps[i]);
    }
    var min = parseInt(mode.getAttribute("data-min-density"), 10) || 2;
    var m = /density-(\d)/.exec(mode.className);
    var d = m ? parseInt(m[1], 10) : min;
    while (anyTooLong(mode) && d < min) {
      mode.classList.remove("density-" + d);
      d += 1;
      mode.classList.add("density-" + d);
    }
  }

  function newPage(mode, after, head) {
    var page = document.createElement("section");
    page.className = "sheet-page";
    var body = document.createElement("div");
    body.className = "sheet-page-body";
    var run = document.createElement("p");
    run.className = "sheet-runhead";
    run.setAttribute("data-head", head);
    var cards = document.createElement("div");
    cards.className = "sheet-cards";
    var list = document.createElement("ol");
    list.className = "sheet-col";
    cards.appendChild(list);
    body.appendChild(run);
    body.appendChild(cards);
    page.appendChild(body);
    after.parentNode.insertBefore(page, after.nextSibling);
    return page;
  }

  // Cards that do not fit move to the next page, a card at a time.
  function repaginate(mode) {
    var head = mode.getAttribute("data-head") || "";
    var all = pages(mode);
    for (var i = 0; i < all.length; i++) {
      var page = all[i];
      var guard = 200;
      while (tooLong(mode, page) && guard-- > 0) {
        var cards = page.querySelectorAll(".sheet-col > .card");
        var end = page.querySelectorAll(".sheet-redflags, .sheet-foot");
        var next = all[i + 1];
        if (!next) {
          next = newPage(mode, page, head);
          all.push(next);
          for (var e = 0; e < end.length; e++) next.querySelector(".sheet-page-body").appendChild(end[e]);
          if (!tooLong(mode, page)) break;
        }
        if (cards.length < 2) {
          if (!split(mode, page, cards[0], next)) break;
          continue;
        }
        var target = next.querySelector(".sheet-col");
        target.insertBefore(cards[cards.length - 1], target.firstChild);
      }
    }
    number(mode);
  }

  // A card alone on a page that is too long: its last steps, its cautions,
  // codes and log go on to a part of it on the next page ("… (continued)"),
  // a whole step at a time, never cut in the middle.
  function split(mode, page, card, next) {
    var list = card && card.querySelector(".card-steps");
    var steps = list ? list.children : [];
    if (steps.length < 2) return false;
    var part = document.createElement("li");
    part.className = "card card-continued";
    part.setAttribute("data-continued", card.getAttribute("data-continued") || "");
    var main = document.createElement("div");
    main.className = "card-main";
    var title = document.createElement("h2");
    title.className = "card-title";
    title.textContent = card.getAttribute("data-continued") || "";
    var rest = document.createElement("ol");
    rest.className = "card-steps";
    main.appendChild(title);
    main.appendChild(rest);
    part.appendChild(main);
    var more = card.querySelector(".card-more");
    if (more) main.appendChild(more);
    Array.prototype.slice.call(card.children).forEach(function (child) {
      if (!child.classList.contains("card-main") && !child.classList.contains("card-section")) {
        part.appendChild(child);
      }
    });
    if (card.classList.contains("has-codes")) {
      card.classList.remove("has-codes");
      part.classList.add("has-codes");
    }
    var target = next.querySelector(".sheet-col");
    target.insertBefore(part, target.firstChild);
    var start = parseInt(list.getAttribute("start"), 10) || 1;
    do {
      rest.insertBefore(steps[steps.length - 1], rest.firstChild);
    } while (steps.length > 1 && tooLong(mode, page));
    rest.setAttribute("start", String(start + steps.length));
    return true;
  }

  // "Page N of M" on every page.
  function number(mode) {
    var all = pages(mode);
    var pattern = status && status.getAttribute("data-page-of");
    var m = all.length;
    mode.setAttribute("data-pages", String(m));
    all.forEach(function (page, i) {
      var label = m > 1 ? fill(pattern, { n: i + 1, m: m }) : "";
      if (i === 0) {
        var no = page.querySelector(".sheet-pageno");
        if (!no && label) {
          no = document.createElement("p");
          no.className = "sheet-pageno";
          var goal = page.querySelector(".sheet-goal");
          if (goal) goal.parentNode.insertBefore(no, goal.nextSibling);
        }
        if (no) no.textContent = label;
      } else {
        var run = page.querySelector(".sheet-runhead");
        if (run) run.textContent = fill(run.getAttribute("data-head") || mode.getAttribute("data-head"), { page: label });
      }
    });
  }

  function say(text, warning) {
    if (!status || !text) return;
    status.textContent = text;
    status.classList.toggle("is-warning", !!warning);
  }

  function check() {
    var mode = shown();
    if (!mode) return;
    if (!anyTooLong(mode)) return;
    var one = pages(mode).length === 1;
    if (one && !mode.classList.contains("sheet-large")) {
      refit(mode);
      if (!anyTooLong(mode)) {
        say(status && status.getAttribute("data-refitted"), false);
        return;
      }
    }
    repaginate(mode);
    var n = pages(mode).length;
    if (n > 1 && status) {
      say(fill(status.getAttribute("data-overflow"), { n: n, paper: status.getAttribute("data-paper") }), true);
    }
  }

  function run() {
    try {
      check();
    } finally {
      var root = document.documentElement;
      // For `handout pdf` and other printers that wait for the check.
      root.setAttribute("data-fit", status && status.classList.contains("is-warning") ? "overflow" : "done");
      root.setAttribute("data-sheet", "ready");
    }
  }

  var faces = ['400 1em "Atkinson Hyperlegible"', '700 1em "Atkinson Hyperlegible"',
    'italic 400 1em "Atkinson Hyperlegible"', 'italic 700 1em "Atkinson Hyperlegible"'];
  var fonts = document.fonts && document.fonts.load
    ? Promise.all(faces.map(function (f) { return document.fonts.load(f).catch(function () {}); }))
        .then(function () { return document.fonts.ready; })
    : Promise.resolve();
  fonts.then(run, run);
  window.addEventListener("hashchange", run);
  window.addEventListener("beforeprint", check);
  if (window.matchMedia) {
    var print = window.matchMedia("print");
    var onPrint = function (e) { if (e.matches) check(); };
    if (print.addEventListener) print.addEventListener("change", onPrint);
    else if (print.addListener) print.addListener(onPrint);
  }
})();
