// handout programme builder: keeping programmes. A file to save and open
// again (JSON with a format and a version), the link to copy, and a list of
// recent programmes on this computer (localStorage) that holds only each
// one's title, date and exercises with their dosage: never a name or a note.
(function () {
  "use strict";

  var B = window.HandoutBuilder, C = window.HandoutProgramme;
  if (!B || !C) return;
  var W = B.words;
  var $ = function (id) { return document.getElementById(id); };
  var fill = window.HandoutSheet.fill;
  var KEY = "handout-builder-recent", MAX = 12;

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function recent() {
    try {
      var list = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(list) ? list.filter(function (r) { return r && typeof r.code === "string"; }) : [];
    } catch (e) {
      return [];
    }
  }

  /** Adds `p` to the recent list: its title, today's date and its exercises and dosages. */
  function remember(p) {
    var bare = C.clean(p);
    bare.clinician = "";
    bare.note = "";
    bare.rows.forEach(function (r) { if (r.slug) r.note = ""; });
    if (!bare.rows.length) return;
    var code = C.toFragment(bare);
    var list = recent().filter(function (r) { return r.code !== code; });
    list.unshift({ title: C.cleanText(bare.title, C.LIMIT.title), date: today(), code: code });
    try { localStorage.setItem(KEY, JSON.stringify(list.slice(0, MAX))); } catch (e) { /* storage off: nothing kept */ }
    draw();
  }

  function draw() {
    var ul = $("builder-recent");
    ul.textContent = "";
    var list = recent();
    if (!list.length) {
      var li = document.createElement("li");
      li.textContent = W.noRecent;
      ul.appendChild(li);
    }
    list.forEach(function (r) {
      var li = document.createElement("li"), b = document.createElement("button");
      var title = C.cleanText(r.title, C.LIMIT.title) || W.untitled;
      b.type = "button";
      b.className = "link";
      b.textContent = title + " \u00b7 " + C.cleanText(String(r.date || ""), 10);
      b.addEventListener("click", function () {
        var p = C.fromFragment(r.code);
        if (p) B.use(p, fill(W.opened, { title: title }));
      });
      li.appendChild(b);
      ul.appendChild(li);
    });
    $("builder-forget").hidden = !list.length;
  }

  $("builder-forget").addEventListener("click", function () {
    try { localStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
    draw();
    B.status(W.forgotten);
  });

  $("builder-save").addEventListener("click", function () {
    var p = B.programme();
    var blob = new Blob([C.toFile(p, B.describe)], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = (p.title || "programme").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") + ".json";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    remember(p);
    B.status(W.saved);
  });

  $("builder-open").addEventListener("change", function () {
    var file = this.files && this.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      var p = C.fromFile(String(reader.result));
      if (!p) return B.status(W.badFile);
      B.use(p, fill(W.opened, { title: p.title || W.untitled }));
    };
    reader.readAsText(file);
    this.value = "";
  });

  $("builder-copy").addEventListener("click", function () {
    var input = $("builder-link"), text = input.value;
    var done = function () { B.status(W.copied); remember(B.programme()); };
    var fallback = function () {
      input.select();
      try {
        if (document.execCommand("copy")) return done();
      } catch (e) { /* not allowed */ }
      B.status(W.copyFailed);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  });

  $("builder-new").addEventListener("click", function () { B.use(C.empty()); });

  window.HandoutKeep = { remember: remember, recent: recent };
  draw();
})();
