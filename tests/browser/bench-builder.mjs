// Timings of the programme builder (scripts/bench-builder runs this).
//   node bench-builder.mjs SITE_DIR RUNS
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { withBrowser } from "./lib.mjs";

const [site, runs] = [process.argv[2], +(process.argv[3] || 7)];
const sandbox = { window: {} };
vm.runInNewContext(readFileSync(join(site, "builder-data.js"), "utf8"), sandbox);
const data = sandbox.window.HANDOUT_BUILDER;
// Twelve exercises spread over the handbook (so several parts load), each with a note.
const step = Math.floor(data.exercises.length / 12);
const rows = Array.from({ length: 12 }, (_, i) => "e=" + data.exercises[i * step].slug + "~s3r" + (8 + i) + "~Go+slowly+and+stop+if+it+hurts.");
const url = "file://" + site + "/builder.html#v1&t=Bench&" + rows.join("&");
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await withBrowser(async (ctx) => {
  const ready = [], sheet = [], refit = [], qr = [];
  for (let r = 0; r < runs; r++) {
    const page = await ctx.newPage();
    await page.goto(url);
    await page.waitForSelector("html[data-builder-sheet]");
    const t = await page.evaluate(() => ({ ready: window.HandoutBuilder.readyAt, sheet: window.HandoutBuilder.firstSheetAt }));
    ready.push(t.ready);
    sheet.push(t.sheet);
    // A dosage change: the list, the address and the sheet (QR code, fitting) are redone.
    const f = await page.evaluate(() => new Promise((done) => {
      const li = document.querySelector('#builder-list li[data-row="3"]');
      const input = li.querySelector('[data-f="reps"][data-i="0"]');
      input.value = "20";
      input.dispatchEvent(new Event("change", { bubbles: true }));
      const wait = () => {
        const fit = window.HandoutBuilder.lastFit();
        if (fit && document.documentElement.dataset.builderSheet === "2") done(fit);
        else setTimeout(wait, 5);
      };
      wait();
    }));
    refit.push(f.ms - f.qrMs);
    qr.push(f.qrMs);
    await page.close();
  }
  const kb = (p) => Math.round(readFileSync(join(site, p)).length / 1024);
  console.log(`exercises: ${data.exercises.length}, builder-data.js: ${kb("builder-data.js")} KB, builder/part-0.js: ${kb("builder/part-0.js")} KB`);
  console.log(`usable (ms after navigation start): median ${median(ready).toFixed(0)}, runs ${ready.map((x) => x.toFixed(0)).join(" ")}`);
  console.log(`first sheet drawn (ms): median ${median(sheet).toFixed(0)}`);
  console.log(`re-fit after a dosage change (ms, without the QR code): median ${median(refit).toFixed(1)}, runs ${refit.map((x) => x.toFixed(1)).join(" ")}`);
  console.log(`QR code of the new address (ms): median ${median(qr).toFixed(1)}`);
});
