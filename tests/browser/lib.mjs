// Shared by the browser checks: starts the system Chromium through
// playwright-core (never a downloaded browser) with the flags every
// headless run here needs and a fresh profile folder.
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];

/** The Chromium program: $CHROMIUM, else the Debian one. */
export function chromePath() {
  return process.env.CHROMIUM || "/usr/bin/chromium";
}

/**
 * Runs `fn(context)` in a fresh browser context (own profile folder),
 * then closes the browser and deletes the profile.
 * `options` go to launchPersistentContext (viewport, colorScheme, …).
 */
export async function withBrowser(fn, options = {}) {
  const profile = mkdtempSync(join(tmpdir(), "handout-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath(),
    headless: true,
    args: FLAGS,
    ...options,
  });
  try {
    return await fn(context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** axe-core's violations on the page as loaded (WCAG 2.x A and AA). */
export async function axe(page) {
  const source = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.addScriptTag({ content: source });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
    }));
  });
}

/** Prints one JSON line for the Rust side and exits 0; failures exit 1. */
export function report(value) {
  process.stdout.write(JSON.stringify(value) + "\n");
}
