// The programme builder words a dosage as the built pages do: for every
// exercise and every routine item of a built site, the builder's wording
// of the dosage in builder-data.js (after the routine's override, in
// JavaScript) must be the text the Rust renderer wrote beside it.
//
//   node builder-dosage.mjs SITE_DIR
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import vm from "node:vm";
import { report } from "./lib.mjs";

const require = createRequire(import.meta.url);
const site = process.argv[2];
const D = require(join(site, "builder-dosage.js"));
const C = require(join(site, "builder-code.js"));
const sandbox = { window: {} };
vm.runInNewContext(readFileSync(join(site, "builder-data.js"), "utf8"), sandbox);
const data = sandbox.window.HANDOUT_BUILDER;

const wrong = [];
let compared = 0;
const bySlug = new Map(data.exercises.map((e) => [e.slug, e]));
for (const e of data.exercises) {
  compared++;
  const mine = D.describe(e.dosage, data.words);
  if (mine !== e.text) wrong.push({ exercise: e.slug, rust: e.text, js: mine });
  // The dosage survives the address: coded as changes to nothing, read back.
  const back = D.merged({}, C.readCode(C.overCode(e.dosage)));
  if (JSON.stringify(back) !== JSON.stringify(D.merged({}, e.dosage))) {
    wrong.push({ exercise: e.slug, code: C.overCode(e.dosage), back });
  }
}
for (const r of data.routines) {
  for (const s of r.sections) {
    for (const item of s.items) {
      const e = bySlug.get(item.slug);
      if (!e || item.text === null) continue;
      compared++;
      const mine = D.describe(D.merged(e.dosage, item.over), data.words);
      if (mine !== item.text) wrong.push({ routine: r.slug, exercise: item.slug, rust: item.text, js: mine });
    }
  }
}
report({ compared, wrong });
process.exit(wrong.length ? 1 : 0);
