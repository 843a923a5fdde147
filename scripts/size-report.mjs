#!/usr/bin/env node
// Transfer sizes of a first visit to the built app (dist/): HTML, JS (with wasm-bindgen snippets
// and the service worker), wasm and CSS, gzip: each file's precompressed `.gz` (zopfli, written by
// scripts/precompress.mjs and sent as is by the host) when it is there and current, else gzip -9;
// the dataset on its own; the map library (dist/vendor/, loaded only when a map is shown) left out.
// Budgets are those of BENCHMARKS.md.
//
// --check exits non-zero when the dataset is over its budget or the app is over CEILING: the app
// budget (200 KB) is not met yet, and the ceiling keeps the app from growing while the work
// towards the budget goes on: it goes down with each cut, and up only for a feature an issue asks
// for, with the figure recorded in BENCHMARKS.md.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = new URL('../dist/', import.meta.url).pathname;
const APP_BUDGET = 200_000;
const APP_CEILING = 263_500;
const DATA_BUDGET = 40_000;
const gz = (file) => {
  try {
    const pre = statSync(`${file}.gz`);
    if (pre.mtimeMs >= statSync(file).mtimeMs) return pre.size;
  } catch {
    // none: compressed here
  }
  return gzipSync(readFileSync(file), { level: 9 }).length;
};
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) {
      if (name !== 'vendor' && name !== 'data') yield* files(file);
    } else if (['.html', '.js', '.wasm', '.css'].includes(extname(name)) && !/^list(-.*)?\.(html|css)$/.test(name)) {
      // (The text lists, list*.html, are pages of their own, not part of the app's first visit.)
      yield file;
    }
  }
}

let app = 0;
for (const file of files(DIST)) {
  const size = gz(file);
  app += size;
  console.log(`${relative(DIST, file).slice(0, 60).padEnd(60)} ${kb(statSync(file).size).padStart(10)} ${kb(size).padStart(10)} gzip`);
}
const data = gz(join(DIST, 'data', 'spaces.json'));
const verdict = (n, budget) => (n <= budget ? 'ok' : 'OVER');
console.log(`app (html+js+wasm+css) ${kb(app)} gzip | budget ${kb(APP_BUDGET)} ${verdict(app, APP_BUDGET)} | ceiling ${kb(APP_CEILING)} ${verdict(app, APP_CEILING)}`);
console.log(`dataset spaces.json    ${kb(data)} gzip | budget ${kb(DATA_BUDGET)} ${verdict(data, DATA_BUDGET)}`);
if (process.argv.includes('--check') && (app > APP_CEILING || data > DATA_BUDGET)) {
  console.error(app > APP_CEILING ? `the app grew past its ceiling of ${kb(APP_CEILING)} gzip` : `the dataset is over ${kb(DATA_BUDGET)} gzip`);
  process.exit(1);
}
