// Phone layout of a built site: no page kind scrolls sideways at 320, 360
// or 390 px; pictures stay inside the page with their shape; the header
// is at most 20 % of a 390 × 844 screen; the printable sheet is reachable
// on the first screen; the search page shows results before its filters
// on a phone (filters folded) and beside them on a wide screen; nothing
// shifts while pages load.
//
//   node layout.mjs SITE_DIR PAGE...        (PAGE: a path such as exercises/cat-cow.html)
//
// Prints one JSON line: { problems: [...], figures: {...} }.
import { withBrowser, report } from "./lib.mjs";
import { serveDir } from "./serve.mjs";

const [dir, ...pages] = process.argv.slice(2);
if (!dir || !pages.length) {
  console.error("usage: node layout.mjs SITE_DIR PAGE...");
  process.exit(2);
}

const problems = [];
const figures = { header: {}, firstResult: {}, layoutShift: {}, sheetLink: {} };
const PHONES = [320, 360, 390];
const HEIGHT = 844;

const CLS = () => {
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
  }).observe({ type: "layout-shift", buffered: true });
};

/** Elements reaching past the right edge, outside any scrolling box of their own. */
function tooWide() {
  const vw = document.documentElement.clientWidth;
  const scrolls = (e) => {
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") return true;
    }
    return false;
  };
  const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.classList.length ? "." + [...e.classList].join(".") : "");
  const wide = [];
  for (const e of document.querySelectorAll("body *")) {
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > vw + 0.5 && !scrolls(e)) wide.push(`${name(e)} (right edge ${Math.round(r.right)})`);
  }
  return { width: document.documentElement.scrollWidth, viewport: vw, wide: wide.slice(0, 4) };
}

/** Pictures wider than the page or drawn out of shape, and pictures without a size. */
function badPictures() {
  const vw = document.documentElement.clientWidth;
  const out = [];
  for (const img of document.querySelectorAll("main img")) {
    const r = img.getBoundingClientRect();
    if (!r.width) continue;
    const src = img.getAttribute("src");
    if (r.left < -0.5 || r.right > vw + 0.5) out.push(`${src} reaches ${Math.round(r.left)}..${Math.round(r.right)} of ${vw}`);
    const w = +img.getAttribute("width"), h = +img.getAttribute("height");
    if (img.closest(".picture") && !(w && h)) out.push(`${src} has no width and height`);
    if (w && h && r.height && Math.abs(r.width / r.height - w / h) > 0.02 && getComputedStyle(img).objectFit !== "contain") {
      out.push(`${src} is drawn ${Math.round(r.width)}×${Math.round(r.height)}, not in its ${w}:${h} shape`);
    }
  }
  return out;
}

const server = await serveDir(dir);
try {
  for (const width of [...PHONES, 1280]) {
    const phone = width < 600;
    await withBrowser(async (context) => {
      await context.addInitScript(CLS);
      const page = await context.newPage();
      for (const path of pages) {
        const where = `${width}px ${path}`;
        await page.goto(server.base + path, { waitUntil: "networkidle" });
        if (path.startsWith("search.html")) await page.waitForSelector("#search-results li");
        const wide = await page.evaluate(tooWide);
        if (wide.width > wide.viewport) {
          problems.push(`${where}: the page is ${wide.width}px wide on a ${wide.viewport}px screen; too wide: ${wide.wide.join(", ")}`);
        }
        for (const p of await page.evaluate(badPictures)) problems.push(`${where}: picture ${p}`);
        const shift = await page.evaluate(() => window.__shift);
        figures.layoutShift[where] = Math.round(shift * 1000) / 1000;
        if (shift >= 0.1) problems.push(`${where}: layout shift ${shift.toFixed(3)} while loading (must stay under 0.1)`);
        if (width === 390) {
          const header = await page.evaluate(() => document.querySelector("header").getBoundingClientRect().height);
          figures.header[path] = Math.round(header);
          if (header > 0.2 * HEIGHT) problems.push(`${where}: the header is ${Math.round(header)}px tall, more than 20 % of ${HEIGHT}px`);
        }
        if (phone && /^(exercises|routines)\/(?!index)/.test(path)) {
          const link = await page.evaluate(() => {
            const a = [...document.querySelectorAll("main a")].find((a) => /print\//.test(a.getAttribute("href")));
            return a ? a.getBoundingClientRect().bottom : null;
          });
          figures.sheetLink[where] = link && Math.round(link);
          if (link === null || link > HEIGHT) problems.push(`${where}: the printable-sheet link is not on the first screen (bottom at ${link})`);
        }
        if (path.startsWith("search.html")) await checkSearch(page, where, phone);
        if (path === "index.html") await checkHome(page, where);
      }
    }, { viewport: { width, height: phone ? HEIGHT : 900 }, isMobile: phone, hasTouch: phone, deviceScaleFactor: phone ? 2 : 1 });
  }
} finally {
  await server.close();
}
report({ problems, figures });
process.exit(0);

async function checkSearch(page, where, phone) {
  const s = await page.evaluate(() => {
    const first = document.querySelector("#search-results li").getBoundingClientRect();
    const boxes = [...document.querySelectorAll("#search-facets input[type=checkbox]")];
    const shown = boxes.filter((b) => b.checkVisibility());
    const above = shown.filter((b) => b.getBoundingClientRect().top < first.top).length;
    return { first: first.top + scrollY, boxes: boxes.length, shown: shown.length, above, open: document.querySelector(".search-filters").open };
  });
  figures.firstResult[where] = Math.round(s.first);
  if (!s.boxes) problems.push(`${where}: the search page has no filters`);
  if (phone) {
    if (s.open || s.shown) problems.push(`${where}: the filters are not folded on a phone (${s.shown} shown)`);
    if (s.first > HEIGHT * 0.75) problems.push(`${where}: the first result starts at ${Math.round(s.first)}px, below the first screen`);
    await page.click(".search-filters > summary");
    const shown = await page.evaluate(() => [...document.querySelectorAll("#search-facets input[type=checkbox]")].filter((b) => b.checkVisibility()).length);
    if (!shown) problems.push(`${where}: pressing "Filter" does not show the filters`);
  } else {
    if (!s.open || !s.shown) problems.push(`${where}: the filters are not shown beside the results on a wide screen`);
    if (s.first > 900) problems.push(`${where}: the first result starts at ${Math.round(s.first)}px, below the first screen`);
  }
  if (phone && s.above) problems.push(`${where}: ${s.above} filters stand above the first result`);
}

async function checkHome(page, where) {
  const shown = await page.evaluate(() => {
    const title = document.querySelector(".site-title").textContent.trim();
    return [...document.querySelectorAll("body *")].filter((e) =>
      e.children.length === 0 && e.textContent.trim() === title && e.checkVisibility() && e.getBoundingClientRect().width > 1).length;
  });
  if (shown !== 1) problems.push(`${where}: the site title is shown ${shown} times on the home page`);
  const h1 = await page.evaluate(() => document.querySelectorAll("h1").length);
  if (h1 !== 1) problems.push(`${where}: the home page has ${h1} h1 headings`);
}
