// Runs search queries on a built site's search page, as a patient would:
// opens search.html?q=… for each and reads the results it shows.
//
//   node search-queries.mjs BASE QUERIES.json
//
// BASE is the site folder's file:// or http:// address (ending in "/");
// QUERIES.json holds a list of query strings (the part after "?", e.g.
// "q=upper+trap"). Prints one JSON line: per query, the result links in
// order (up to 20), the number of results and the status line.
import { readFileSync } from "node:fs";
import { withBrowser, report } from "./lib.mjs";

const [base, file] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(file, "utf8"));

const results = await withBrowser(async (context) => {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const out = [];
  for (const query of queries) {
    await page.goto(base + "search.html?" + query, { waitUntil: "load" });
    const seen = await page.evaluate(() => ({
      links: [...document.querySelectorAll("#search-results a")].slice(0, 20).map((a) => a.getAttribute("href")),
      count: document.querySelectorAll("#search-results li").length,
      status: document.getElementById("search-status").textContent,
    }));
    out.push({ query, ...seen, errors: errors.splice(0) });
  }
  return out;
});
report(results);
