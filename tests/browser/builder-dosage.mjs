// The programme builder words a dosage as the built pages do: for every
// exercise and every routine item of a built site, the builder's wording
// of the dosage in builder-data.js (read from its code; after the routine's
// override, in JavaScript) must be the text the Rust renderer wrote for it
// (in builder/part-N.js, and beside each routine item).
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
const field = (name) => data.fields.indexOf(name);
for (let n = 0; n * data.part < data.exercises.length; n++) {
  vm.runInNewContext(readFileSync(join(site, "builder", `part-${n}.js`), "utf8"), sandbox);
}
for (let n = 0; n * data.part < data.routines.length; n++) {
  vm.runInNewContext(readFileSync(join(site, "builder", `routines-${n}.js`), "utf8"), sandbox);
}
const parts = sandbox.window.HANDOUT_BUILDER_PARTS;
const runs = sandbox.window.HANDOUT_BUILDER_ROUTINES;
const routines = data.routines.map((r, i) => runs[Math.floor(i / data.part)][i % data.part]);
const exercises = data.exercises.map((row, i) => ({
  slug: row[field("slug")],
  code: row[field("code")],
  dosage: D.merged({}, C.readCode(row[field("code")])),
  text: parts[Math.floor(i / data.part)][i % data.part].text,
}));

const wrong = [];
let compared = 0;
const bySlug = new Map(exercises.map((e) => [e.slug, e]));
for (const e of exercises) {
  compared++;
  // The build's code is the builder's code of the same dosage.
  if (C.overCode(e.dosage) !== e.code) wrong.push({ exercise: e.slug, rust: e.code, js: C.overCode(e.dosage) });
  const mine = D.describe(e.dosage, data.words);
  if (mine !== e.text) wrong.push({ exercise: e.slug, rust: e.text, js: mine });
  // The dosage survives the address: coded as changes to nothing, read back.
  const back = D.merged({}, C.readCode(C.overCode(e.dosage)));
  if (JSON.stringify(back) !== JSON.stringify(D.merged({}, e.dosage))) {
    wrong.push({ exercise: e.slug, code: C.overCode(e.dosage), back });
  }
}
for (const r of routines) {
  for (const s of r.sections) {
    for (const item of s.items) {
      const e = bySlug.get(item.slug);
      if (!e || item.text === null) continue;
      compared++;
      const mine = D.describe(D.merged(e.dosage, C.readCode(item.over)), data.words);
      if (mine !== item.text) wrong.push({ routine: r.slug, exercise: item.slug, rust: item.text, js: mine });
    }
  }
}
report({ compared, wrong });
process.exit(wrong.length ? 1 : 0);
