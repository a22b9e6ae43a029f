// handout: small progressive enhancements. Pages work without JavaScript.
(function () {
  "use strict";
  // Filter on the all-exercises page.
  var input = document.getElementById("exercise-filter");
  if (input) {
    var cards = Array.prototype.slice.call(document.querySelectorAll(".exercise-groups .card"));
    var count = document.querySelector(".filter-count");
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase();
      var shown = 0;
      cards.forEach(function (c) {
        var hit = !q || c.textContent.toLowerCase().indexOf(q) !== -1 || (c.dataset.equipment + " " + c.dataset.region).indexOf(q) !== -1;
        c.hidden = !hit;
        if (hit) shown++;
      });
      document.querySelectorAll(".exercise-groups .group").forEach(function (g) {
        g.hidden = !g.querySelector(".card:not([hidden])");
      });
      if (count) count.textContent = q ? shown + " shown" : "";
    });
  }

  // Text size: three steps, kept in this browser (localStorage) and applied
  // before the page is drawn by a line in the page head, which also marks
  // the page `js` so that controls that need JavaScript show from the start.
  var KEY = "handout-text-size", MAX = 3;
  var sizes = document.querySelector(".text-size");
  if (sizes) {
    var root = document.documentElement;
    var level = function () { return parseInt(root.getAttribute("data-text-size"), 10) || 1; };
    var buttons = sizes.querySelectorAll("button[data-step]");
    var mark = function () {
      buttons.forEach(function (b) {
        var step = parseInt(b.getAttribute("data-step"), 10);
        var end = step < 0 ? level() <= 1 : level() >= MAX;
        if (end) b.setAttribute("aria-disabled", "true");
        else b.removeAttribute("aria-disabled");
      });
    };
    buttons.forEach(function (b) {
      b.addEventListener("click", function () {
        var v = Math.min(MAX, Math.max(1, level() + parseInt(b.getAttribute("data-step"), 10)));
        if (v === 1) root.removeAttribute("data-text-size");
        else root.setAttribute("data-text-size", String(v));
        try {
          if (v === 1) localStorage.removeItem(KEY);
          else localStorage.setItem(KEY, String(v));
        } catch (e) { /* storage refused: the size holds for this page */ }
        mark();
      });
    });
    mark();
  }

  // A YouTube or Vimeo video loads its player only when the preview is
  // pressed; until then nothing is asked of that site.
  document.querySelectorAll(".video-embed[data-embed]").forEach(function (frame) {
    var link = frame.querySelector(".video-preview");
    if (!link) return;
    link.addEventListener("click", function (e) {
      e.preventDefault();
      var player = document.createElement("iframe");
      player.src = frame.getAttribute("data-embed");
      player.title = frame.getAttribute("data-title") || "Video";
      player.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
      player.allowFullscreen = true;
      player.referrerPolicy = "strict-origin-when-cross-origin";
      frame.replaceChild(player, link);
      player.focus();
    });
  });

  // Search page: the filters stand open on wide screens, and the "Filter"
  // button says how many are chosen.
  var filters = document.querySelector(".search-filters");
  if (filters) {
    var wide = window.matchMedia && matchMedia("(min-width: 48rem)");
    if (wide && wide.addEventListener) {
      wide.addEventListener("change", function () { filters.open = wide.matches; });
    }
    var chosen = filters.querySelector(".search-filters-count");
    var showChosen = function () {
      var n = filters.querySelectorAll("input[type=checkbox]:checked").length;
      if (chosen) chosen.textContent = n ? "(" + n + " chosen)" : "";
    };
    filters.addEventListener("change", showChosen);
    filters.addEventListener("click", function (e) {
      if (e.target && e.target.classList && e.target.classList.contains("search-clear")) setTimeout(showChosen, 0);
    });
    document.addEventListener("DOMContentLoaded", showChosen);
    window.addEventListener("load", showChosen);
  }
})();
