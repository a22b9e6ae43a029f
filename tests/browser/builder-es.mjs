// The programme builder in Spanish, in headless Chromium from file://: a
// Spanish routine loaded, its status line, the rows' buttons, the fit line
// on Letter paper, the patient's view and the recent list, all in the
// page's words, with no script error.
//
//   node builder-es.mjs SITE_DIR
import { withBrowser, report } from "./lib.mjs";

const [site] = process.argv.slice(2);
const out = {};

function check(ok, what, detail) {
  if (!ok) throw new Error(what + (detail === undefined ? "" : ": " + JSON.stringify(detail)));
}
const text = (page, sel) => page.$eval(sel, (e) => e.textContent.replace(/\s+/g, " ").trim());

await withBrowser(async (ctx) => {
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto("file://" + site + "/es/builder.html");
  await page.waitForSelector("html[data-builder=ready]");
  out.heading = await text(page, "#builder h1");
  check(out.heading === "Hacer una hoja para un paciente", "the heading", out.heading);
  out.empty = await text(page, "#builder-empty");
  check(/^Todavía no hay ejercicios/.test(out.empty), "the empty line", out.empty);

  // A routine loaded: the status line and the rows' buttons.
  const routine = await page.$$eval("#builder-routine option", (o) => o.map((x) => x.value).filter(Boolean)[0]);
  await page.selectOption("#builder-routine", routine);
  await page.click("#builder-load-routine");
  await page.waitForSelector("#builder-list li");
  await page.waitForFunction(() => /Se ha cargado/.test(document.getElementById("builder-status").textContent));
  out.status = await text(page, "#builder-status");
  check(/\. Ejercicios: \d+\.$/.test(out.status), "the loaded line", out.status);
  out.up = await text(page, '#builder-list li [data-act="up"]');
  check(out.up === "Subir", "the move-up button", out.up);

  // Letter paper: the fit line names it in Spanish.
  await page.selectOption("#builder-paper", "Letter");
  await page.waitForFunction(() => /Carta/.test(document.getElementById("builder-fit").textContent));
  out.fit = await text(page, "#builder-fit");
  check(/^(Cabe en una página Carta|Ocupa más)/.test(out.fit), "the fit line", out.fit);

  // The search's count.
  await page.fill("#builder-q", "hombro");
  await page.waitForFunction(() => document.getElementById("builder-results").dataset.q === "hombro");
  out.found = await text(page, "#builder-found");
  check(/^Encontrados: \d+$/.test(out.found), "the search's count", out.found);
  // The Spanish index, with its stems and accents folded: "cuello" (neck), "omoplatos" without its accent.
  for (const q of ["cuello", "omoplatos"]) {
    await page.fill("#builder-q", q);
    await page.waitForFunction((q) => document.getElementById("builder-results").dataset.q === q, q);
    const n = await page.$$eval("#builder-results li", (l) => l.length);
    check(n > 0, "the Spanish search finds " + q, n);
  }
  await page.fill("#builder-q", "zzz");
  await page.waitForFunction(() => document.getElementById("builder-results").dataset.q === "zzz");
  out.none = await text(page, "#builder-found");
  check(out.none === "No se encontró nada para «zzz».", "nothing found", out.none);

  // The patient's view: the address opened on its own, its start date in Spanish.
  await page.fill("#builder-start", "2026-12-07");
  const link = await page.$eval("#builder-link", (e) => e.value);
  const view = await ctx.newPage();
  view.on("pageerror", (e) => errors.push(String(e)));
  await view.goto("file://" + site + "/es/builder.html#" + link.split("#")[1]);
  await view.waitForSelector("#builder-view:not([hidden])");
  out.view = await text(view, "#view-meta");
  check(/ejercicios?$/.test(out.view), "the patient's view", out.view);
  check(out.view.includes("7 de diciembre de 2026"), "the start date in Spanish", out.view);
  out.view_edit = await text(view, "#view-edit");
  check(out.view_edit === "Cambiar este programa", "the view's button", out.view_edit);
  check(errors.length === 0, "no script error", errors);
});
report(out);
