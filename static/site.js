// handout: small progressive enhancements. Pages work without JavaScript.
(function () {
  "use strict";
  // Filter on the all-exercises page.
  var input = document.getElementById("exercise-filter");
  if (input) {
    var box = input.closest(".filter");
    if (box) box.hidden = false;
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
})();
