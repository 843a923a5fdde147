#!/usr/bin/env node
// Extracts China's public holidays and adjusted working days (调休) into public/data/holidays.json.
//
// Source: the npm package chinese-days 1.5.7 (MIT, © 2024 Yawei sun), file dist/chinese-days.json,
// which transcribes the State Council's yearly notices (国务院办公厅关于节假日安排的通知). Its
// `holidays` are the days off of each holiday period (weekends inside it included), its
// `workdays` the weekend days worked in exchange. Each entry reads "English name,中文名,n";
// here it becomes the festival's code, which the app names in each language.
//
// Usage: node scripts/data/extract_holidays.mjs [--from 2024]
//   (the package is a devDependency: npm ci installs it). When the State Council publishes the
//   next year's notice, update the package (or add the days by hand in the same form) and run
//   this again; `spaces validate` warns while the file does not cover the next 60 days.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const source = JSON.parse(readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8'));
const version = JSON.parse(readFileSync(require.resolve('chinese-days/package.json'), 'utf8')).version;
const from = Number(process.argv.includes('--from') ? process.argv[process.argv.indexOf('--from') + 1] : 2024);

const CODES = {
  "New Year's Day": 'new_year',
  'Spring Festival': 'spring_festival',
  'Tomb-sweeping Day': 'qingming',
  'Labour Day': 'labour_day',
  'Dragon Boat Festival': 'dragon_boat',
  'Mid-autumn Festival': 'mid_autumn',
  'National Day': 'national_day',
  // 2023's Mid-autumn and National Day were one period: the app names it National Day.
  'National Day、Mid-autumn Festival': 'national_day',
  'Mid-autumn Festival、National Day': 'national_day',
};

function pick(days) {
  const out = {};
  for (const [date, entry] of Object.entries(days).sort()) {
    if (Number(date.slice(0, 4)) < from) continue;
    const name = entry.split(',')[0];
    if (!CODES[name]) throw new Error(`${date}: unknown holiday "${entry}" — add it to CODES and to domain::holidays::Festival`);
    out[date] = CODES[name];
  }
  return out;
}

const holidays = pick(source.holidays);
const workdays = pick(source.workdays);
const years = [...new Set(Object.keys(holidays).map((d) => d.slice(0, 4)))].sort();
const calendar = {
  source: `国务院办公厅关于节假日安排的通知, as transcribed by the npm package chinese-days ${version} (scripts/data/extract_holidays.mjs)`,
  licence: 'MIT (chinese-days, © 2024 Yawei sun); the notices themselves are public government documents',
  first: `${years[0]}-01-01`,
  last: `${years.at(-1)}-12-31`,
  holidays,
  workdays,
};
const out = new URL('../../public/data/holidays.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(calendar, null, 1)}\n`);
console.log(`holidays.json: ${Object.keys(holidays).length} days off and ${Object.keys(workdays).length} working days, ${calendar.first} to ${calendar.last}`);
