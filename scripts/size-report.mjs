#!/usr/bin/env node
// Transfer sizes of a first visit to the built app (dist/) as a current browser receives them:
// HTML, JS (with wasm-bindgen snippets and the service worker), wasm and CSS, each file's brotli
// `.br` (quality 11, written by scripts/precompress.mjs and sent as is by the host to every
// browser that accepts brotli); the gzip `.gz` beside it for the rest. The dataset on its own;
// the map library (dist/vendor/, loaded only when a map is shown) and the text lists left out.
// Budgets are those of BENCHMARKS.md.
//
// --check exits non-zero when the dataset is over its budget or the app (brotli) is over CEILING:
// the 200 KB budget is not met yet, and the ceiling keeps the app from growing while the work
// towards it goes on. It only goes down, except for new features a resident sees, by what they
// cost, recorded in BENCHMARKS.md. (It went up by 4.2 KB for the architecture rework, decision
// 0019; then by 2.9 KB for the first view that loses no input, decision 0020, 5.1 KB for
// holidays in "open now", 0.3 KB for the map's markers in slices and 2.8 KB for walking and
// transit routes with the map's lighter filter updates, 0.8 KB for "share this place"; then 5.8 KB
// for who may come, fees, documents and languages with the schema-valid HSDS export, decision 0021,
// and 4.9 KB for the QR codes, decision 0022, with 0.2 KB of the wasm's layout shifting; 0.5 KB
// for the printed list's hours in words and what to bring.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = new URL('../dist/', import.meta.url).pathname;
const APP_BUDGET = 200_000;
const APP_CEILING = 249_550;
const DATA_BUDGET = 40_000;

/** The size of `file` as `ext` (`br` or `gz`): the build's file when current, else made here. */
const packed = (file, ext) => {
  try {
    const pre = statSync(`${file}.${ext}`);
    if (pre.mtimeMs >= statSync(file).mtimeMs) return pre.size;
  } catch {
    // none: compressed here
  }
  const body = readFileSync(file);
  return ext === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
    : gzipSync(body, { level: 9 }).length;
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
let appGzip = 0;
console.log(`${'file'.padEnd(60)} ${'raw'.padStart(10)} ${'brotli'.padStart(10)} ${'gzip'.padStart(10)}`);
for (const file of files(DIST)) {
  const [br, gz] = [packed(file, 'br'), packed(file, 'gz')];
  app += br;
  appGzip += gz;
  console.log(`${relative(DIST, file).slice(0, 60).padEnd(60)} ${kb(statSync(file).size).padStart(10)} ${kb(br).padStart(10)} ${kb(gz).padStart(10)}`);
}
const dataFile = join(DIST, 'data', 'spaces.json');
const data = packed(dataFile, 'br');
const verdict = (n, budget) => (n <= budget ? 'ok' : 'OVER');
console.log(`app (html+js+wasm+css) ${kb(app)} brotli (${kb(appGzip)} gzip) | budget ${kb(APP_BUDGET)} ${verdict(app, APP_BUDGET)} | ceiling ${kb(APP_CEILING)} ${verdict(app, APP_CEILING)}`);
console.log(`dataset spaces.json    ${kb(data)} brotli (${kb(packed(dataFile, 'gz'))} gzip) | budget ${kb(DATA_BUDGET)} ${verdict(data, DATA_BUDGET)}`);
if (process.argv.includes('--check') && (app > APP_CEILING || data > DATA_BUDGET)) {
  console.error(app > APP_CEILING ? `the app grew past its ceiling of ${kb(APP_CEILING)} brotli` : `the dataset is over ${kb(DATA_BUDGET)} brotli`);
  process.exit(1);
}
