// The programme builder, as a clinician uses it, in headless Chromium from
// file:// (no server): search and add, change a dosage, reorder, write a
// note, print to PDF (one page, every title, step and the changed dosage
// in the text), open the address again, decode the sheet's QR code, start
// from every routine, a 12-exercise programme's QR code, a crafted
// address, a missing exercise, the file and the recent list, keyboard
// only, axe-core, and no request beyond the site's own files.
//
//   node builder.mjs SITE_DIR WORK_DIR
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withBrowser, axe, report } from "./lib.mjs";

const [site, work] = process.argv.slice(2);
const base = "file://" + site + "/builder.html";
const out = {};

function check(ok, what, detail) {
  if (!ok) {
    throw new Error(what + (detail === undefined ? "" : ": " + JSON.stringify(detail)));
  }
}
const squash = (s) => s.replace(/\s+/g, " ").trim();
const run = (cmd, args) => execFileSync(cmd, args, { encoding: "utf8" });

/** Prints the page to PDF; its page count, text and the QR code's content (or ""). */
async function print(page, name) {
  const file = join(work, name + ".pdf");
  await page.pdf({ path: file, preferCSSPageSize: true });
  const pages = +/Pages:\s+(\d+)/.exec(run("pdfinfo", [file]))[1];
  const text = run("pdftotext", [file, "-"]);
  run("pdftoppm", ["-r", "300", "-gray", "-png", "-singlefile", file, join(work, name)]);
  let qr = "";
  try {
    qr = run("zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", join(work, name + ".png")]).trim();
  } catch (e) { /* none found */ }
  return { pages, text, qr, file };
}

async function sheetDrawn(page, after) {
  await page.waitForFunction((n) => +(document.documentElement.dataset.builderSheet || 0) > n, after);
}
const sheetCount = (page) => page.evaluate(() => +(document.documentElement.dataset.builderSheet || 0));

await withBrowser(async (ctx) => {
  const requests = [];
  ctx.on("request", (r) => requests.push(r.url()));
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("dialog", (d) => { errors.push("dialog: " + d.message()); d.dismiss(); });
  await page.goto(base);
  await page.waitForSelector("html[data-builder=ready]");
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed++; }; });

  // Keyboard only: the search box by Tab from the page's top, a search, Enter adds the first result.
  await page.focus("#builder-q");
  await page.keyboard.type("shoulder blade");
  await page.waitForSelector("#builder-results li");
  const first = await page.$eval("#builder-results .builder-result-title", (e) => e.textContent);
  out.first = first;
  await page.keyboard.press("Enter");
  await page.waitForSelector("#builder-list li");
  // Four more by search, with the mouse.
  for (const q of ["neck", "thoracic", "doorway", "wall"]) {
    await page.fill("#builder-q", q);
    await page.waitForFunction((q) => document.getElementById("builder-results").dataset.q === q, q);
    const added = await page.$$eval("#builder-list li", (l) => l.length);
    // The first result not in the programme yet.
    const slugs = await page.$$eval("#builder-results button", (bs) => bs.map((b) => b.dataset.slug));
    const have = (await page.evaluate(() => window.HandoutBuilder.programme().rows.map((r) => r.slug)));
    const pick = slugs.find((s) => !have.includes(s));
    await page.click(`#builder-results button[data-slug="${pick}"]`);
    await page.waitForFunction((n) => document.querySelectorAll("#builder-list li").length > n, added);
  }
  let p = await page.evaluate(() => window.HandoutBuilder.programme());
  check(p.rows.length === 5, "five exercises added", p.rows);
  // The site's own search, not a match on titles: a typo and a synonym still find.
  check(await page.evaluate(() => !!(window.HandoutSearch && window.HandoutSearch.engine())), "the site's search engine in the builder");
  for (const [q, want] of [["sholder blade", /shoulder blade/i], ["scapula", /shoulder blade/i]]) {
    await page.fill("#builder-q", q);
    await page.waitForFunction((q) => document.getElementById("builder-results").dataset.q === q, q);
    const titles = await page.$$eval("#builder-results .builder-result-title", (l) => l.map((e) => e.textContent));
    check(titles.some((t) => want.test(t)), "the builder's search finds " + q, titles.slice(0, 5));
  }

  // Change the third exercise's dosage: 4 sets of 12 reps, each side.
  await page.click('#builder-list li[data-row="2"] summary');
  const row = '#builder-list li[data-row="2"]';
  // A number typed, then the field left (which is when it is taken).
  const setField = async (sel, v) => { await page.fill(sel, v); await page.dispatchEvent(sel, "change"); };
  await setField(row + ' [data-f="sets"][data-i="0"]', "4");
  await setField(row + ' [data-f="sets"][data-i="1"]', "");
  await setField(row + ' [data-f="reps"][data-i="0"]', "12");
  await setField(row + ' [data-f="reps"][data-i="1"]', "");
  await page.selectOption(row + ' [data-f="side"]', "each");
  const changed = await page.$eval(row + " .builder-item-dosage", (e) => e.textContent);
  check(/^4 sets of 12 reps, each side/.test(changed), "the changed dosage is worded", changed);
  out.changed = changed;
  // An impossible entry is made valid: "to" below "from" becomes "from".
  await setField(row + ' [data-f="sets"][data-i="1"]', "2");
  check((await page.$eval(row + ' [data-f="sets"][data-i="1"]', (e) => e.value)) === "4", "to ≥ from");
  // Clearing every amount is refused.
  for (const f of ["reps", "hold", "duration"]) await setField(row + ` [data-f="${f}"][data-i="0"]`, "");
  check((await page.$eval(row + " .builder-item-dosage", (e) => e.textContent)) === changed, "an amount stays");
  await setField(row + ' [data-f="reps"][data-i="0"]', "12");

  // Reorder by keyboard: the changed exercise moves up to second with the Move up button, then
  // the fifth goes up with Alt+Up.
  const moved = p.rows[2].slug;
  await page.focus(row + ' [data-act="up"]');
  await page.keyboard.press("Enter");
  await page.focus('#builder-list li[data-row="4"] [data-act="up"]');
  await page.keyboard.press("Alt+ArrowUp");
  p = await page.evaluate(() => window.HandoutBuilder.programme());
  check(p.rows[1].slug === moved, "moved up", p.rows.map((r) => r.slug));
  check(await page.evaluate(() => document.activeElement.closest("[data-row]").dataset.row) === "3", "focus follows the row");

  // Drag with the pointer: the fifth row by its handle to above the first; the move is announced.
  const order = (await page.evaluate(() => window.HandoutBuilder.programme())).rows.map((r) => r.slug);
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.$eval("#builder-list", (e) => e.scrollIntoView());
  const handle = await page.$('#builder-list li[data-row="4"] .builder-drag');
  const hb = await handle.boundingBox();
  const top = await (await page.$('#builder-list li[data-row="0"]')).boundingBox();
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await page.mouse.down();
  await page.mouse.move(top.x + 40, top.y + top.height * 0.6, { steps: 6 });
  await page.mouse.move(top.x + 40, top.y + 4, { steps: 4 });
  await page.mouse.up();
  const dragged = (await page.evaluate(() => window.HandoutBuilder.programme())).rows.map((r) => r.slug);
  check(dragged[0] === order[4] && dragged.slice(1).join() === order.slice(0, 4).join(), "dragged to the top", { order, dragged });
  const said = await page.$eval("#builder-status", (e) => e.textContent);
  check(/now 1 of 5/.test(said), "the drag is announced", said);
  out.drag = said;

  // A note on the first exercise, the programme's title and note.
  await page.fill('#builder-list li[data-row="0"] .builder-item-note input', "Keep your chin level and breathe out as you squeeze.");
  await page.fill("#builder-title", "Shoulder blades at home");
  await page.fill("#builder-patient", "Pat Example");
  await page.fill("#builder-start", "2026-12-07");
  await page.fill("#builder-clinician", "Sam Physio");
  const before = await sheetCount(page);
  await page.fill("#builder-note", "Do the whole set once a day, slowly.");
  await sheetDrawn(page, before);

  // Print by keyboard.
  await page.focus("#builder-print");
  const n = await sheetCount(page);
  await page.keyboard.press("Enter");
  await sheetDrawn(page, n);
  check(await page.evaluate(() => window.printed) === 1, "the Print button prints");
  const address = await page.evaluate(() => window.HandoutBuilder.address());
  p = await page.evaluate(() => window.HandoutBuilder.programme());
  check(!address.includes("Pat"), "no patient name in the address", address);
  const sheet = await print(page, "programme");
  check(sheet.pages === 1, "one page", sheet.pages);
  const text = squash(sheet.text);
  const data = await page.evaluate(() => {
    const d = window.HANDOUT_BUILDER, parts = window.HANDOUT_BUILDER_PARTS;
    return window.HandoutBuilder.programme().rows.map((r) => {
      const i = d.exercises.findIndex((e) => e.slug === r.slug);
      return { title: d.exercises[i].title, steps: parts[Math.floor(i / d.part)][i % d.part].steps };
    });
  });
  for (const e of data) {
    check(text.includes(squash(e.title)), "title printed", e.title);
    for (const s of e.steps) check(text.includes(squash(s)), "step printed", s);
  }
  check(text.includes(changed), "changed dosage printed", changed);
  check(text.includes("Pat Example"), "the patient's name printed");
  check(sheet.qr === address, "the QR code is the address", { qr: sheet.qr, address });
  out.programme = { pages: 1, layout: await page.evaluate(() => window.HandoutBuilder.lastFit().layout), qr: sheet.qr.length };

  await page.locator("#builder-sheet-wrap").screenshot({ path: join(work, "builder-sheet.png") });

  // The same programme from its address in a new page, as a patient opens it on a phone: a page
  // to read, the sheet maker out of the way, with a link to each exercise's page.
  const again = await ctx.newPage();
  await again.setViewportSize({ width: 390, height: 844 });
  await again.goto(base + "#" + address.split("#")[1]);
  await again.waitForSelector("html[data-builder-sheet]");
  const p2 = await again.evaluate(() => window.HandoutBuilder.programme());
  check(JSON.stringify(p2) === JSON.stringify(p), "same programme from the address", { p, p2 });
  check(await again.$eval("#builder-patient", (e) => e.value) === "", "the name is not carried");
  const view = await again.evaluate(() => ({
    shown: !document.getElementById("builder-view").hidden && document.getElementById("builder").hidden,
    title: document.getElementById("view-title").textContent,
    meta: document.getElementById("view-meta").textContent,
    items: Array.from(document.querySelectorAll("#view-list > li:not(.builder-view-section)")).map((li) => ({
      href: li.querySelector("a").getAttribute("href"), text: li.textContent })),
    width: document.documentElement.scrollWidth
  }));
  check(view.shown && view.title === "Shoulder blades at home", "the patient's view", view);
  // The start date as the page's language writes it (not 2026-12-07).
  check(view.meta.startsWith("Start on December 7, 2026"), "the start date in words", view.meta);
  check(view.items.length === 5 && view.items.every((x, i) => x.href.endsWith("exercises/" + p.rows[i].slug + ".html")), "a link to each exercise", view.items);
  check(view.items.some((x) => x.text.includes(changed)) && view.items[0].text.includes("chin level"), "dosage and note shown", view.items);
  check(view.width <= 390, "fits a phone's width", view.width);
  await again.screenshot({ path: join(work, "patient-view.png"), fullPage: true });
  const viewAxe = await axe(again);
  check(viewAxe.length === 0, "axe on the patient's view", viewAxe);
  await again.click("#view-edit");
  check(await again.evaluate(() => !document.getElementById("builder").hidden && document.getElementById("builder-view").hidden), "the clinician can edit");
  await again.reload();
  await again.waitForSelector("html[data-builder-sheet]");
  check(await again.evaluate(() => !document.getElementById("builder").hidden), "and this tab keeps editing");
  out.view = { items: view.items.length, width: view.width };

  // The recent list keeps titles, dates and exercises, never a name or a note.
  const recent = await page.evaluate(() => localStorage.getItem("handout-builder-recent"));
  check(recent && recent.includes("Shoulder") && !recent.includes("Pat") && !recent.includes("chin+level") &&
    !recent.includes("Sam"), "recent list without name or notes", recent);
  await page.click("#builder-forget");
  check(await page.evaluate(() => localStorage.getItem("handout-builder-recent")) === null, "forget all");

  // The file: saved, then opened again.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#builder-save")]);
  const saved = join(work, "programme.json");
  await download.saveAs(saved);
  const file = JSON.parse(readFileSync(saved, "utf8"));
  check(file.version === 1 && file.format === "handout-programme" && !JSON.stringify(file).includes("Pat"), "file", file);
  await page.click("#builder-new");
  await page.setInputFiles("#builder-open", saved);
  await page.waitForFunction(() => window.HandoutBuilder.programme().rows.length === 5);
  check(JSON.stringify(await page.evaluate(() => window.HandoutBuilder.programme())) === JSON.stringify(p), "file opens");

  // axe-core on the builder with its sheet.
  const violations = await axe(page);
  check(violations.length === 0, "axe", violations);

  // Every routine of the site: "Make a sheet from this routine" prints one page.
  const routines = await page.evaluate(() => window.HANDOUT_BUILDER.routines.map((r) => r[0]));
  out.routines = {};
  for (const slug of routines) {
    const rp = await ctx.newPage();
    await rp.goto("file://" + site + "/routines/" + slug + ".html");
    await rp.click("text=Make a sheet from this routine");
    await rp.waitForSelector("html[data-builder-sheet]");
    const r = await rp.evaluate(() => window.HandoutBuilder.programme());
    check(r.rows.some((x) => x.slug), "routine loaded", slug);
    const printed = await print(rp, "routine-" + slug);
    check(printed.pages === 1, "routine sheet on one page", { slug, pages: printed.pages });
    out.routines[slug] = await rp.evaluate(() => window.HandoutBuilder.lastFit().layout);
    if (slug === routines[0]) {
      // The paper switch and large print: Letter on one Letter page; large print on as many pages as it says.
      out.paper = {};
      for (const [paper, large] of [["Letter", false], ["A4", true], ["Letter", true]]) {
        await rp.selectOption("#builder-paper", paper);
        await rp.setChecked("#builder-large", large);
        await rp.evaluate(() => new Promise((ok) => window.HandoutBuilder.draw(ok)));
        const said = await rp.evaluate(() => window.HandoutBuilder.lastFit().pages);
        const name = "routine-" + paper + (large ? "-large" : "");
        const pdf = await print(rp, name);
        const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(run("pdfinfo", [pdf.file]));
        check(Math.round(+size[1]) === (paper === "A4" ? 595 : 612), "paper size", { paper, size: size[0] });
        check(large ? pdf.pages === said : pdf.pages === 1, "pages as fitted", { paper, large, said, pages: pdf.pages });
        out.paper[name] = pdf.pages;
      }
    }
    await rp.close();
  }

  // "Add to a sheet" on an exercise page adds to the programme of this tab.
  const ep = await ctx.newPage();
  const [one, two] = await page.evaluate(() => window.HANDOUT_BUILDER.exercises.slice(0, 2).map((e) => e.slug));
  await ep.goto(base + "#v1&t=Draft&e=" + one);
  await ep.waitForSelector("html[data-builder-sheet]");
  await ep.goto("file://" + site + "/exercises/" + two + ".html");
  await ep.click("text=Add to a sheet");
  await ep.waitForSelector("html[data-builder-sheet]");
  const added = await ep.evaluate(() => window.HandoutBuilder.programme());
  check(added.title === "Draft" && added.rows.map((r) => r.slug).join() === one + "," + two, "added", added);

  // A crafted address: shown as text, nothing runs, nothing is added to the page.
  const evil = "<img src=x onerror=\"window.hacked=1\"><script>window.hacked=2</script>";
  const bad = await ctx.newPage();
  bad.on("dialog", (d) => { errors.push("dialog: " + d.message()); d.dismiss(); });
  const code = "#v1&t=" + encodeURIComponent(evil) + "&c=" + encodeURIComponent(evil) + "&s=" + encodeURIComponent(evil) +
    "&e=" + one + "~s999999r0h5q~" + encodeURIComponent(evil) + "&e=../../etc&e=no-such-exercise&d=" + encodeURIComponent("<b>");
  await bad.goto(base + code);
  await bad.waitForSelector("html[data-builder-sheet]");
  const safety = await bad.evaluate(() => ({
    hacked: window.hacked,
    imgs: document.getElementById("builder-sheet").shadowRoot.querySelectorAll("img:not(.sheet-logo), script").length +
      document.querySelectorAll("#builder-list img").length,
    title: document.getElementById("builder-sheet").shadowRoot.querySelector(".sheet-title").textContent,
    missing: document.querySelectorAll("#builder-list .is-missing").length,
    cards: document.getElementById("builder-sheet").shadowRoot.querySelectorAll(".card").length,
    dosage: document.getElementById("builder-sheet").shadowRoot.querySelector(".card-dosage").textContent,
    rows: window.HandoutBuilder.programme().rows.length,
    start: window.HandoutBuilder.programme().start
  }));
  check(safety.hacked === undefined && safety.imgs === 0 && safety.title === evil, "crafted address is text", safety);
  check(safety.missing === 1 && safety.cards === 1 && safety.rows === 3 && safety.start === "", "missing exercise marked", safety);
  check(/^99 sets of /.test(safety.dosage), "a crafted dosage is made valid", safety.dosage);

  // The other dosage fields: as many reps as they can, a compound hold, rest, load, effort, weekdays;
  // the inputs only let through what can be worded, and the address carries it all.
  const dose = await ctx.newPage();
  await dose.goto(base + "#v1&t=Fields&e=" + one);
  await dose.waitForSelector("html[data-builder-sheet]");
  await dose.click("#view-edit");
  const r0 = '#builder-list li[data-row="0"]';
  await dose.click(r0 + " summary");
  const put = async (f, i, v) => {
    const sel = `${r0} [data-f="${f}"][data-i="${i}"]`;
    const tag = await dose.$eval(sel, (e) => e.tagName + (e.type === "checkbox" ? ":box" : ""));
    if (tag === "SELECT") await dose.selectOption(sel, v);
    else if (tag.endsWith(":box")) await dose.setChecked(sel, v);
    else { await dose.fill(sel, v); await dose.dispatchEvent(sel, "change"); }
  };
  const words = () => dose.$eval(r0 + " .builder-item-dosage", (e) => e.textContent);
  await put("sets", 0, "3"); await put("sets", 1, "");
  await put("reps", "amrap", true);
  for (const f of ["hold", "duration"]) await put(f, 0, "");
  await put("rest", 0, "90"); await put("rest", 2, "s");
  await put("load", 0, "kg"); await put("load", 1, "2.5"); await put("load", 2, "5");
  await put("effort", 0, "word"); await put("effort", 3, "moderate");
  await put("frequency", 0, "days");
  for (const d of [0, 2, 4]) await put("frequency", "d" + d, true);
  const amrap = await words();
  check(/^3 sets of as many reps as you can/.test(amrap) && amrap.includes("using 2.5\u20135 kg") &&
    amrap.includes("moderate effort") && amrap.includes("rest 90 seconds between sets") && amrap.endsWith("Mon, Wed and Fri"),
  "AMRAP, load, effort, rest and weekdays worded", amrap);
  // Nonsense is made valid: effort 14 out of 10 becomes 10, a weight below zero is refused.
  await put("effort", 0, "rpe"); await put("effort", 1, "14");
  check((await words()).includes("effort 10 out of 10"), "effort at most 10", await words());
  await put("hold", 0, "1"); await put("hold", 2, "min"); await put("hold", 3, "30"); await put("hold", 4, "s");
  await put("reps", "amrap", false); await put("reps", 0, "8");
  await put("frequency", 0, "other");
  const compound = await words();
  check(compound.startsWith("3 sets of 8 reps") && compound.includes("hold 1 minute 30 seconds") && compound.endsWith("every other day"),
    "compound hold and every other day", compound);
  const fieldsAddress = await dose.evaluate(() => window.HandoutBuilder.address());
  const back = await ctx.newPage();
  await back.goto(base + "#" + fieldsAddress.split("#")[1]);
  await back.waitForSelector("html[data-builder-sheet]");
  check(await back.$eval(r0 + " .builder-item-dosage", (e) => e.textContent) === compound, "the address carries every field");
  out.fields = { amrap, compound, code: fieldsAddress.split("&e=")[1] };
  await back.close();
  await dose.close();

  // Twelve exercises, each with its own dosage and a sentence of notes: the QR code still scans.
  const twelve = await ctx.newPage();
  await twelve.goto(base);
  await twelve.waitForSelector("html[data-builder-sheet]");
  await twelve.evaluate(() => {
    const d = window.HANDOUT_BUILDER;
    const notes = ["Go slowly and stop if the pain spreads.", "Breathe out as you lift and keep your neck long.",
      "Do these before work and again after lunch.", "Keep the movement small on the sore side."];
    const rows = d.exercises.slice(0, 12).map((e, i) => ({
      slug: e.slug,
      over: { sets: [2 + (i % 3), 3 + (i % 3)], reps: [8 + i, 12 + i], side: "each", frequency: ["day", 2, 2] },
      note: notes[i % 4] + " Week " + (i + 1) + "."
    }));
    window.HandoutBuilder.use({ title: "Twelve for the week", start: "2026-12-07", clinician: "Sam Physio",
      note: "Call the clinic if anything gets worse.", rows });
  });
  await twelve.waitForFunction(() => window.HandoutBuilder.lastFit() && window.HandoutBuilder.programme().rows.length === 12);
  await twelve.evaluate(() => window.HandoutBuilder.draw());
  const twelveAddress = await twelve.evaluate(() => window.HandoutBuilder.address());
  const t = await print(twelve, "twelve");
  const fit = await twelve.evaluate(() => window.HandoutBuilder.lastFit());
  const qrSize = await twelve.evaluate(() => getComputedStyle(document.getElementById("builder-sheet").shadowRoot.querySelector(".sheet-mode")).getPropertyValue("--qr"));
  check(t.pages === 1, "twelve on one page", { pages: t.pages, fit, qrSize });
  check(t.qr === twelveAddress, "twelve: the QR code scans from the printed page", { qr: t.qr, twelveAddress });
  out.twelve = { address: twelveAddress.length, qr: fit.qr, size: qrSize.trim(), cut: fit.cut, layout: fit.layout };

  // No request beyond the site's own files.
  const foreign = requests.filter((u) => !u.startsWith("file://" + site + "/") && !u.startsWith("blob:"));
  check(foreign.length === 0, "no network requests", foreign);
  check(errors.length === 0, "no errors", errors);
  out.requests = requests.length;
});
writeFileSync(join(work, "report.json"), JSON.stringify(out, null, 2));
report(out);
