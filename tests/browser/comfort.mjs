// Patient comfort on a built site: the colours follow the device's light or
// dark setting (and keep their contrast: axe-core's WCAG checks); the
// text-size control makes text larger, and the choice holds on reload and on
// other pages; pages at 200 % zoom and at the largest text size on a phone
// lose nothing sideways.
//
//   node comfort.mjs SITE_DIR PAGE...
//
// Prints one JSON line: { problems: [...], figures: {...} }.
import { withBrowser, axe, report } from "./lib.mjs";
import { serveDir } from "./serve.mjs";

const [dir, ...pages] = process.argv.slice(2);
if (!dir || !pages.length) {
  console.error("usage: node comfort.mjs SITE_DIR PAGE...");
  process.exit(2);
}
const problems = [];
const figures = { colours: {}, fontSize: {} };

/** Relative luminance of a CSS rgb() colour. */
const LUMINANCE = `(function (css) {
  const [r, g, b] = css.match(/[\\d.]+/g).slice(0, 3).map((v) => {
    v = v / 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
})`;

const colours = (page) => page.evaluate(`(() => {
  const lum = ${LUMINANCE};
  const s = getComputedStyle(document.body);
  return { background: lum(s.backgroundColor), text: lum(s.color) };
})()`);

const wide = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const rootPx = (page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

const server = await serveDir(dir);
try {
  // Light and dark, as the device asks.
  for (const scheme of ["light", "dark"]) {
    await withBrowser(async (context) => {
      const page = await context.newPage();
      for (const path of pages) {
        await page.goto(server.base + path, { waitUntil: "networkidle" });
        if (path.startsWith("search.html")) await page.waitForSelector("#search-results li");
        const c = await colours(page);
        figures.colours[`${scheme} ${path}`] = { background: +c.background.toFixed(3), text: +c.text.toFixed(3) };
        const dark = c.background < 0.05 && c.text > 0.6;
        const light = c.background > 0.9 && c.text < 0.05;
        if (scheme === "dark" ? !dark : !light) {
          problems.push(`${scheme} ${path}: the page is not ${scheme} (background luminance ${c.background.toFixed(2)}, text ${c.text.toFixed(2)})`);
        }
        for (const v of await axe(page)) problems.push(`${scheme} ${path}: axe ${v.id}: ${v.help} (${v.nodes.join(", ")})`);
      }
    }, { colorScheme: scheme, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  }

  // The text-size control, kept across reloads and pages.
  await withBrowser(async (context) => {
    const page = await context.newPage();
    const [first, second] = [pages[0], pages[1] || pages[0]];
    await page.goto(server.base + first, { waitUntil: "networkidle" });
    const base = await rootPx(page);
    const larger = page.locator(".text-size button[data-step='1']");
    const smaller = page.locator(".text-size button[data-step='-1']");
    if (!(await larger.isVisible())) problems.push(`${first}: no visible text-size control`);
    await larger.click();
    const one = await rootPx(page);
    await larger.click();
    const two = await rootPx(page);
    figures.fontSize = { standard: base, larger: one, largest: two };
    if (!(one > base && two > one)) problems.push(`text size: A+ does not make the text larger (${base} → ${one} → ${two}px)`);
    if ((await larger.getAttribute("aria-disabled")) !== "true") problems.push("text size: A+ is not marked unavailable at the largest size");
    await page.reload({ waitUntil: "networkidle" });
    if ((await rootPx(page)) !== two) problems.push(`text size: not kept on reload (${await rootPx(page)}px, chosen ${two}px)`);
    await page.goto(server.base + second, { waitUntil: "networkidle" });
    if ((await rootPx(page)) !== two) problems.push(`text size: not kept on ${second} (${await rootPx(page)}px, chosen ${two}px)`);
    // The largest text on the smallest phone: nothing lost sideways.
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of pages) {
      await page.goto(server.base + path, { waitUntil: "networkidle" });
      const over = await wide(page);
      if (over > 0) problems.push(`largest text at 320px ${path}: the page scrolls ${over}px sideways`);
      // The skip link stays out of sight until it has the keyboard focus.
      const skip = () => page.evaluate(() => document.querySelector(".skip-link").getBoundingClientRect().toJSON());
      const hidden = await skip();
      if (hidden.bottom > 0) problems.push(`largest text at 320px ${path}: the skip link shows ${Math.round(hidden.bottom)}px over the header`);
      await page.keyboard.press("Tab");
      const shown = await skip();
      if (shown.top < 0) problems.push(`largest text at 320px ${path}: the skip link stays above the screen when focused`);
    }
    await smaller.click();
    await smaller.click();
    if ((await rootPx(page)) !== base) problems.push(`text size: A− twice does not come back to ${base}px`);
    const kept = await page.evaluate(() => localStorage.getItem("handout-text-size"));
    if (kept !== null) problems.push(`text size: the standard size leaves "${kept}" in storage`);
  }, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  // 200 % zoom of a 1280 × 800 window: a 640 × 400 page at twice the pixels.
  await withBrowser(async (context) => {
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(server.base + path, { waitUntil: "networkidle" });
      const over = await wide(page);
      if (over > 0) problems.push(`200 % zoom ${path}: the page scrolls ${over}px sideways`);
      const clipped = await page.evaluate(() => [...document.querySelectorAll("main *, header *")].filter((e) => {
        const s = getComputedStyle(e);
        return (s.overflow === "hidden" || s.textOverflow === "ellipsis") && e.scrollWidth > e.clientWidth + 1 && !e.classList.contains("visually-hidden");
      }).length);
      if (clipped) problems.push(`200 % zoom ${path}: ${clipped} boxes cut their text off`);
    }
  }, { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
} finally {
  await server.close();
}
report({ problems, figures });
process.exit(0);
