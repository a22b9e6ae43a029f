// Checks that the browser's search engine and the build agree on a built
// site: the engine reads every part of the index files and nothing the
// build does not write, and its stemmer gives every indexed word the stem
// the build gave it.
//
//   node search-index-check.mjs BASE     (the site folder's address, ending in "/")
//
// Prints one JSON line: { missing, unread, missingMore, unreadMore, words, stemsDiffer }.
import { withBrowser, report } from "./lib.mjs";

const [base] = process.argv.slice(2);

const result = await withBrowser(async (context) => {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(base + "search.html?q=neck", { waitUntil: "load" });
  await page.waitForFunction(() => window.HANDOUT_SEARCH_MORE !== undefined);
  const seen = await page.evaluate(() => {
    // Every path in an object, down to its leaves (arrays are leaves).
    const paths = (o, prefix) =>
      Object.keys(o).flatMap((k) => {
        const v = o[k];
        const p = prefix + k;
        return v && typeof v === "object" && !Array.isArray(v) ? [p, ...paths(v, p + ".")] : [p];
      });
    const S = window.HandoutSearch;
    const compare = (data, reads) => {
      const have = paths(data, "");
      const parents = new Set(reads.flatMap((r) => r.split(".").slice(0, -1).map((_, i, a) => a.slice(0, i + 1).join("."))));
      return {
        missing: reads.filter((r) => !have.includes(r)),
        unread: have.filter((p) => !reads.includes(p) && !parents.has(p)),
      };
    };
    const index = compare(window.HANDOUT_SEARCH, S.READS);
    const more = compare(window.HANDOUT_SEARCH_MORE, S.READS_MORE);
    const e = S.engine();
    const stemsDiffer = [];
    e.words.forEach((w, i) => {
      const built = e.stems[e.wordTerms[i]];
      if (e.stem(w) !== built) stemsDiffer.push(`${w}: build ${built}, browser ${e.stem(w)}`);
    });
    return {
      missing: index.missing, unread: index.unread, missingMore: more.missing, unreadMore: more.unread,
      words: e.words.length, stemsDiffer,
    };
  });
  return { ...seen, errors };
});
report(result);
