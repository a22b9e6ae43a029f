// Prints sheets to PDF in one browser, as a person would from Chromium's
// print dialog (paper size and margins from the sheet's own @page rule),
// after the sheet's own check (sheet.js) has run.
//
//   node print-sheets.mjs LIST.json [--axe]
//
// LIST.json: [{ "html": "/abs/sheet.html", "pdf": "/abs/out.pdf", "large": false }, …]
// Prints one JSON line: per sheet { html, large, status, refitted, pages,
// classes } and, with --axe, axe-core's violations on screen.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { withBrowser, axe, report } from "./lib.mjs";

const [list, ...flags] = process.argv.slice(2);
const sheets = JSON.parse(readFileSync(list, "utf8"));
const withAxe = flags.includes("--axe");

const results = await withBrowser(async (context) => {
  const out = [];
  const page = await context.newPage();
  for (const s of sheets) {
    const url = pathToFileURL(s.html).href + (s.large ? "#large" : "");
    await page.goto("about:blank");
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(() => document.documentElement.dataset.sheet === "ready", null, { timeout: 20000 });
    const info = await page.evaluate(() => {
      const mode = location.hash === "#large" ? document.getElementById("large") : document.querySelector(".sheet-regular");
      const status = document.getElementById("sheet-status");
      return {
        status: status ? status.textContent : "",
        warning: status ? status.classList.contains("is-warning") : false,
        classes: mode ? mode.className : "",
        pages: mode ? mode.querySelectorAll(".sheet-page").length : 0,
        fonts: [...document.fonts].filter((f) => f.status === "loaded").length,
        // Labels of the tick-box log wider than their box ("Sem. 1" running into Monday's box).
        cut: mode ? [...mode.querySelectorAll(".card-log th")].filter((th) => th.scrollWidth > th.clientWidth + 1)
          .map((th) => th.textContent.trim()).slice(0, 3) : [],
      };
    });
    const r = { html: s.html, large: !!s.large, ...info };
    r.refitted = /fit-|density-\d.*density-\d/.test(info.classes) || info.warning;
    if (withAxe) r.axe = await axe(page);
    if (s.pdf) {
      // What a person printing sees: the check runs again before printing.
      await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
      await page.pdf({ path: s.pdf, preferCSSPageSize: true, printBackground: true });
    }
    out.push(r);
  }
  return out;
});
report(results);
const cut = results.filter((r) => r.cut.length);
if (cut.length) {
  console.error("log labels wider than their boxes:", JSON.stringify(cut.map((r) => [r.html, r.large, r.cut])));
  process.exitCode = 1;
}
