// The browser's stem of each word of a list, for a language the build
// stems with Snowball: static/search-words.js `indexStemmer` over the words
// and stems of a built index (search-index.js). A Rust test compares them
// with the build's own stems.
//
//   node search-stems.mjs SEARCH_WORDS_JS SEARCH_INDEX_JS WORDS_JSON
import { readFileSync } from "node:fs";
import vm from "node:vm";

const [wordsJs, indexJs, listFile] = process.argv.slice(2);
const sandbox = { window: {} };
vm.createContext(sandbox);
vm.runInContext(readFileSync(wordsJs, "utf8"), sandbox);
vm.runInContext(readFileSync(indexJs, "utf8"), sandbox);
const T = sandbox.window.HandoutSearchWords;
const data = sandbox.window.HANDOUT_SEARCH;
const t = data.terms;
const extra = [];
for (const g of data.synonyms) for (const p of g) extra.push(...T.words(p));
const stem = T.indexStemmer(t.words.split(" "), T.unpack(t.word_terms), t.stems.split(" "), extra);
const list = JSON.parse(readFileSync(listFile, "utf8"));
console.log(JSON.stringify(Object.fromEntries(list.map((w) => [w, stem(w)]))));
