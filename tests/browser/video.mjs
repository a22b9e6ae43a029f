// Videos on exercise pages: a file of the site plays in a <video> player;
// a YouTube or Vimeo video shows a preview that asks nothing of that site
// (every request of the page is recorded) until it is pressed, when its
// player loads in place; without JavaScript the preview is a plain link.
//
//   node video.mjs SITE_DIR HOSTED_PAGE FILE_PAGE
//
// Prints one JSON line: { problems: [...], figures: {...} }.
import { withBrowser, report } from "./lib.mjs";
import { serveDir } from "./serve.mjs";

const [dir, hosted, file] = process.argv.slice(2);
if (!dir || !hosted || !file) {
  console.error("usage: node video.mjs SITE_DIR HOSTED_PAGE FILE_PAGE");
  process.exit(2);
}
const problems = [];
const figures = {};
const server = await serveDir(dir);
const local = new URL(server.base).host;
const foreign = (url) => !/^(data|blob|about):/.test(url) && new URL(url).host !== local;

try {
  await withBrowser(async (context) => {
    const requests = [];
    context.on("request", (r) => requests.push(r.url()));
    // No network here: the player's own site answers with a stand-in page.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<title>player</title>" }));
    const page = await context.newPage();

    await page.goto(server.base + hosted, { waitUntil: "networkidle" });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState("networkidle");
    const before = requests.filter(foreign);
    figures.requestsBeforePlay = requests.length;
    figures.foreignBeforePlay = before;
    if (before.length) problems.push(`${hosted}: asked other sites before play was pressed: ${before.join(", ")}`);
    if (await page.locator("iframe").count()) problems.push(`${hosted}: a player frame is there before play was pressed`);
    const preview = page.locator(".video-embed .video-preview");
    if ((await preview.count()) !== 1) problems.push(`${hosted}: no video preview`);
    else {
      await preview.click();
      const frame = page.locator(".video-embed iframe");
      await frame.waitFor();
      const src = await frame.getAttribute("src");
      figures.player = src;
      await page.waitForLoadState("networkidle");
      if (!requests.some((u) => u.startsWith(src.split("?")[0]))) problems.push(`${hosted}: pressing play did not load the player (${src})`);
      if (!(await frame.getAttribute("title"))) problems.push(`${hosted}: the player frame has no title`);
    }

    await page.goto(server.base + file, { waitUntil: "networkidle" });
    const video = page.locator("video");
    if ((await video.count()) !== 1) problems.push(`${file}: no <video> player`);
    else {
      if ((await video.getAttribute("controls")) === null) problems.push(`${file}: the player has no controls`);
      const meta = await video.evaluate((v) => new Promise((done) => {
        if (v.readyState >= 1) return done({ width: v.videoWidth, error: null });
        v.addEventListener("loadedmetadata", () => done({ width: v.videoWidth, error: null }));
        v.addEventListener("error", () => done({ width: 0, error: v.error && v.error.code }));
        v.load();
      }));
      figures.fileVideo = meta;
      if (!meta.width) problems.push(`${file}: the video does not load (error ${meta.error})`);
      const played = await video.evaluate((v) => { v.muted = true; return v.play().then(() => !v.paused, (e) => String(e)); });
      if (played !== true) problems.push(`${file}: the video does not play: ${played}`);
    }
    const foreignAll = requests.filter(foreign).filter((u) => !u.startsWith(figures.player ? figures.player.split("?")[0] : "-"));
    if (foreignAll.length) problems.push(`asked other sites for: ${foreignAll.join(", ")}`);
  });

  // Without JavaScript, the preview is a link to the video's own page.
  await withBrowser(async (context) => {
    const page = await context.newPage();
    await page.goto(server.base + hosted, { waitUntil: "networkidle" });
    const href = await page.locator(".video-preview").getAttribute("href");
    figures.linkWithoutScript = href;
    if (!/^https:\/\//.test(href || "")) problems.push(`${hosted}: without JavaScript the preview is not a link to the video (${href})`);
  }, { javaScriptEnabled: false });
} finally {
  await server.close();
}
report({ problems, figures });
process.exit(0);
