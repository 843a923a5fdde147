#!/usr/bin/env node
// After `trunk build`: moves Trunk's inline start-up script into its own content-hashed file, so
// the page runs under a Content-Security-Policy without 'unsafe-inline' (see deploy/nginx.conf).
// Also names the service worker's cache after the build (public/sw.js), so that a new deployment
// replaces the old cache instead of adding to it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const DIST = new URL('../dist/', import.meta.url);

const swUrl = new URL('sw.js', DIST);
const hashed = readdirSync(DIST).filter((f) => /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css|svg)$/.test(f)).sort();
const build = createHash('sha256').update(hashed.join('\n')).digest('hex').slice(0, 12);
writeFileSync(swUrl, readFileSync(swUrl, 'utf8').replace(/const CACHE = PREFIX \+ '[^']*';/, `const CACHE = PREFIX + '${build}';`));
const indexUrl = new URL('index.html', DIST);
let html = readFileSync(indexUrl, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = inline.exec(html);
if (!match) {
  if (!/<script type="module" src="\.\/boot-/.test(html)) throw new Error('dist/index.html: no start-up script found');
  process.exit(0);
}
// Without top-level `await` (engines before Chromium 89 do not parse it), and a failed start is
// reported to the page (public/first-view.js shows what to do) instead of leaving it blank.
const startup = /const wasm = await (init\([^;]*\));([\s\S]*)$/;
const source = match[1].trim();
if (!startup.test(source)) throw new Error('dist/index.html: the start-up script is not in the expected form');
const body = source.replace(startup, (_, call, rest) =>
  `${call}.then((wasm) => {${rest.replace(/\n\s*\n/g, '\n')}\n}, (error) => {\n  console.error(error);\n  if (window.gzStartFailed) window.gzStartFailed();\n});\n`);
const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
const integrity = 'sha384-' + createHash('sha384').update(body).digest('base64');
const name = `boot-${hash}.js`;
writeFileSync(new URL(name, DIST), body);
html = html.replace(inline, `<script type="module" src="./${name}" integrity="${integrity}"></script>`);
writeFileSync(indexUrl, html);
console.log(`post-build: start-up script moved to ${name}`);
