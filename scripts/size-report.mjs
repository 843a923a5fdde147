#!/usr/bin/env node
// Transfer sizes of the built app (dist/), gzip -9, with the budgets of BENCHMARKS.md.
// --check exits non-zero when a budget is exceeded.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = new URL('../dist/', import.meta.url).pathname;
const APP_BUDGET = 200 * 1024;
const DATA_BUDGET = 40 * 1024;
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

let app = 0;
const rows = [];
for (const name of readdirSync(DIST)) {
  const file = join(DIST, name);
  if (!statSync(file).isFile() || !['.html', '.js', '.wasm', '.css'].includes(extname(name))) continue;
  const size = gz(file);
  app += size;
  rows.push([name, statSync(file).size, size]);
}
const data = gz(join(DIST, 'data', 'spaces.json'));
for (const [name, raw, zipped] of rows) console.log(`${name.padEnd(40)} ${kb(raw).padStart(12)} ${kb(zipped).padStart(12)} gzip`);
console.log(`app (html+js+wasm+css) ${kb(app)} gzip, budget ${kb(APP_BUDGET)}`);
console.log(`dataset spaces.json    ${kb(data)} gzip, budget ${kb(DATA_BUDGET)}`);
if (process.argv.includes('--check') && (app > APP_BUDGET || data > DATA_BUDGET)) {
  console.error('size budget exceeded');
  process.exit(1);
}
