#!/usr/bin/env node
// Prints the criterion medians of `cargo bench --bench core` (target/criterion/*/new/estimates.json)
// beside the budgets of the performance issue.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../target/criterion/', import.meta.url).pathname;
const MS = 1e6; // criterion reports nanoseconds
const BUDGETS = {
  'filter+search+sort_100k': 5 * MS,
  'spatial_100k/nearest-20': 0.1 * MS,
  'spatial_358/nearest-20': 0.1 * MS,
  'parse+index/100k': 300 * MS,
  // An editor's import feels immediate for a district's list, and a province's stays in seconds.
  'import/office-xlsx': 100 * MS,
  'import/csv-20k': 5000 * MS,
};
const show = (ns) => (ns >= MS ? `${(ns / MS).toFixed(2)} ms` : `${(ns / 1e3).toFixed(1)} µs`);
console.log('benchmark | median | budget | verdict');
for (const group of readdirSync(ROOT).filter((g) => g !== 'report').sort()) {
  for (const bench of readdirSync(join(ROOT, group)).filter((b) => b !== 'report').sort()) {
    const file = join(ROOT, group, bench, 'new', 'estimates.json');
    if (!existsSync(file)) continue;
    const median = JSON.parse(readFileSync(file, 'utf8')).median.point_estimate;
    const budget = BUDGETS[`${group}/${bench}`] ?? BUDGETS[group];
    const verdict = budget === undefined ? '' : median <= budget ? 'ok' : 'OVER';
    console.log(`${group}/${bench} | ${show(median)} | ${budget === undefined ? '' : show(budget)} | ${verdict}`);
  }
}
