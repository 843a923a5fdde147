#!/usr/bin/env node
// After `trunk build` and post-build.mjs: writes the app's own first screen into dist/index.html,
// so a first visit paints the list from the HTML while the wasm still downloads and compiles.
//
// The page is the app itself, rendered in headless Chromium at phone width from dist/ and this
// build's dataset, then copied: ids dropped (the live page has them), the open/closed state of
// each card and the filter counts left out (they depend on the hour, and the app fills them in),
// the whole wrapped in <div id="first-view">. Its controls work before the app does: what a person
// ticks, types or presses there is taken over by the app (src/components/first_view.rs; decision
// 0020). public/first-view.js decides before the first paint whether this copy fits the
// visit; the app removes it once its own list is built (src/components/app.rs). Decision 0008.
import { readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { serve, browser, closeBrowser, DIST } from '../tests/e2e/harness.mjs';

const indexPath = `${DIST}/index.html`;
const START = '<div id="first-view"';
const END = '<!-- /first-view -->';
const SCRIPT = /<script src="[^"]*first-view-[0-9a-f]+\.js"[^>]*><\/script>\n?(\s*<link rel="expect"[^>]*>\n)?/;

// Idempotent: a second run replaces what the first wrote.
let html = readFileSync(indexPath, 'utf8').replace(SCRIPT, '');
if (html.includes(START)) html = html.slice(0, html.indexOf(START)) + html.slice(html.indexOf(END) + END.length);
writeFileSync(indexPath, html);
rmSync(`${indexPath}.gz`, { force: true }); // precompress.mjs makes it again from the new page
for (const f of readdirSync(DIST)) if (/^first-view-[0-9a-f]+\.js$/.test(f)) rmSync(`${DIST}/${f}`);

// Built for an absolute prefix (make build PUBLIC_URL=/sub/path/), the page asks for its files
// there: serve dist/ under the same prefix, and name the new script the same way.
const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1] ?? './';
const prefix = stylesheet.startsWith('/') ? stylesheet.slice(0, stylesheet.lastIndexOf('/') + 1) : './';
const server = await serve({ base: prefix === './' ? '/' : prefix });
let snapshot;
try {
  const context = await (await browser()).newContext({ viewport: { width: 360, height: 800 }, locale: 'zh-CN', serviceWorkers: 'block' });
  await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(server.url);
  await page.locator('.cards > li').first().waitFor({ timeout: 60_000 });
  // Two frames: whatever follows the list by a frame (facet counts, the address bar) is in.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  if (errors.length) throw new Error(`the app reported errors while prerendering:\n${errors.join('\n')}`);
  snapshot = await page.evaluate(() => {
    const parts = [];
    for (const element of document.body.children) {
      if (['SCRIPT', 'NOSCRIPT', 'TEMPLATE'].includes(element.tagName)) continue;
      const copy = element.cloneNode(true);
      const all = [copy, ...copy.querySelectorAll('*')];
      for (const e of all) e.removeAttribute('id');
      // The framework's placeholder comments mean nothing in a static copy.
      const comments = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
      const dropped = [];
      while (comments.nextNode()) dropped.push(comments.currentNode);
      dropped.forEach((c) => c.remove());
      copy.querySelectorAll('.card .state, .check .count, .check .visually-hidden').forEach((e) => e.remove());
      // The street and district pickers (hundreds of options, folded away) keep the option they
      // show; short lists keep theirs, which set the box's width.
      for (const select of [...copy.querySelectorAll('select')].filter((s) => s.options.length > 20)) {
        const shown = select.options[Math.max(select.selectedIndex, 0)]?.cloneNode(true);
        select.replaceChildren(...(shown ? [shown] : []));
      }
      parts.push(copy.outerHTML);
    }
    return parts.join('');
  });
  await context.close();
} finally {
  await closeBrowser();
  await server.close();
}

// Shipped without its comment lines: they are for the reader of public/first-view.js.
const script = readFileSync(new URL('../public/first-view.js', import.meta.url), 'utf8').split('\n').filter((l) => !/^\s*\/\//.test(l)).join('\n');
const hash = createHash('sha256').update(script).digest('hex').slice(0, 16);
const name = `first-view-${hash}.js`;
writeFileSync(`${DIST}/${name}`, script);
const integrity = 'sha384-' + createHash('sha384').update(script).digest('base64');
// The browser is asked not to render before the copy is parsed to its end: left alone it paints
// the half-parsed page and lays it out again for each further piece (at 4x CPU, 3-4 layouts
// of ~50-200 ms before the list).
const tag = `<script src="${prefix}${name}" integrity="${integrity}"></script>\n    <link rel="expect" href="#first-view-end" blocking="render">\n`;
const block = `${START}>${snapshot}<i id="first-view-end"></i></div>${END}`;
html = html.replace(/(<title>[^<]*<\/title>\n)/, `$1    ${tag}`).replace(/(<\/noscript>)/, `$1\n    ${block}`);
if (!html.includes(name) || !html.includes(START)) throw new Error('dist/index.html: could not place the first view');
writeFileSync(indexPath, html);
const cards = (snapshot.match(/<li class="card/g) ?? []).length;
console.log(`prerender: first view of ${cards} cards written into dist/index.html (${(Buffer.byteLength(block) / 1000).toFixed(1)} KB), ${name}`);
