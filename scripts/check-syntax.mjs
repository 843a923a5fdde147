#!/usr/bin/env node
// Every script the page runs must parse on the support floor (README: Chromium 80, Safari 15,
// Firefox ESR 115): ECMAScript 2020 — no top-level `await`, no `??=`/`||=`, no class fields.
// Parses each file of dist/ with acorn at that level; exits non-zero naming the file, line and
// construct of the first that does not parse.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'acorn';

const DIST = new URL('../dist/', import.meta.url).pathname;
const ECMA = 2020;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.js') ? [path] : [];
  });
}

// Classic scripts: the first view's, the service worker, the map library; the rest are modules.
const classic = (rel) => /^(first-view-[0-9a-f]+\.js|sw\.js|vendor\/.*)$/.test(rel);
let failed = 0;
const checked = files(DIST);
for (const path of checked) {
  const rel = relative(DIST, path);
  try {
    parse(readFileSync(path, 'utf8'), { ecmaVersion: ECMA, sourceType: classic(rel) ? 'script' : 'module' });
  } catch (e) {
    failed += 1;
    console.error(`${rel}: does not parse as ECMAScript ${ECMA} (${e.message})`);
  }
}
if (failed) process.exit(1);
console.log(`check-syntax: ${checked.length} scripts parse as ECMAScript ${ECMA}`);
