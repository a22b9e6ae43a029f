// The programme builder words a dosage as the build does, in every
// language: a file made by a Rust test holds, per language, the words the
// builder reads (HANDOUT_BUILDER.words) and dosages in the builder's form
// with the text the Rust wording gave; the builder's `describe` must give
// the same text from the same words.
//
//   node builder-dosage-langs.mjs CASES_JSON BUILDER_DOSAGE_JS
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const [file, script] = process.argv.slice(2);
const D = require(script);
// Each case's dosage comes as its code (src/render/builder_code.rs), read as the builder reads an address.
const C = require(script.replace(/builder-dosage\.js$/, "builder-code.js"));
const input = JSON.parse(readFileSync(file, "utf8"));
const counts = {};
const wrong = [];
for (const lang of input.languages) {
  counts[lang.words.lang] = 0;
  for (const c of lang.cases) {
    const dosage = D.merged({}, C.readCode(c.code));
    const mine = D.describe(dosage, lang.words);
    if (mine === c.text) counts[lang.words.lang]++;
    else wrong.push({ lang: lang.words.lang, code: c.code, dosage, rust: c.text, js: mine });
  }
}
console.log(JSON.stringify({ counts, wrong: wrong.slice(0, 20), wrong_count: wrong.length }));
process.exit(wrong.length ? 1 : 0);
