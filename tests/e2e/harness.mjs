// Test harness: a small static server for dist/ on 127.0.0.1 that each test starts and stops,
// and a headless Debian Chromium driven by playwright-core. Any console error or page error
// fails the test; any request that leaves 127.0.0.1 is blocked and fails the test.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, mkdir, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'tests', 'output');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml', '.md': 'text/markdown; charset=utf-8',
};

/**
 * Serves `dist/` under `base` (default `/`). `routes` maps a path below base to a handler
 * `(req, res) => boolean` that may answer instead of the file (e.g. a broken dataset).
 */
export async function serve({ base = '/', routes = {} } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(base)) { res.writeHead(404).end('not found'); return; }
    let rel = url.pathname.slice(base.length) || 'index.html';
    if (routes[rel] && routes[rel](req, res) !== false) return;
    rel = normalize(rel).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(DIST, rel));
      const type = TYPES[extname(rel)] ?? 'application/octet-stream';
      // Compressed like the production host (deploy/nginx.conf): the build's precompressed `.br`
      // to a browser that accepts brotli (brotli_static), else its `.gz` (gzip_static), else gzip
      // on the fly. Transfer figures are real.
      const accepts = req.headers['accept-encoding'] ?? '';
      const br = compressible(type) && /\bbr\b/.test(accepts) ? await precompressed(join(DIST, rel), 'br') : undefined;
      if (br) {
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'br', vary: 'accept-encoding' }).end(br);
      } else if (compressible(type) && /\bgzip\b/.test(accepts)) {
        const gz = await precompressed(join(DIST, rel), 'gz') ?? gzipped(rel, body);
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' }).end(gz);
      } else {
        res.writeHead(200, { 'content-type': type }).end(body);
      }
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${base}`, port, close: () => new Promise((r) => server.close(r)) };
}

/** `file.gz` or `file.br` written by scripts/precompress.mjs, unless the file changed after it. */
async function precompressed(file, ext) {
  try {
    const [packed, source] = await Promise.all([stat(`${file}.${ext}`), stat(file)]);
    return packed.mtimeMs >= source.mtimeMs ? await readFile(`${file}.${ext}`) : undefined;
  } catch {
    return undefined;
  }
}

const compressible = (type) => !type.startsWith('image/') || type.includes('svg');
const gzipCache = new Map();
function gzipped(rel, body) {
  const hit = gzipCache.get(rel);
  if (hit && hit.source.equals(body)) return hit.gz;
  const gz = gzipSync(body, { level: 6 });
  gzipCache.set(rel, { source: body, gz });
  return gz;
}

/** A route handler for `serve` that answers with `body` as JSON. */
export const jsonRoute = (body) => (req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  return true;
};

let browserPromise;
export function browser() {
  browserPromise ??= chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  return browserPromise;
}

export async function closeBrowser() {
  if (browserPromise) await (await browserPromise).close();
  browserPromise = undefined;
}

/** A new page that records console errors and blocks any request off 127.0.0.1. */
export async function openPage({ viewport = { width: 1280, height: 800 }, locale = 'zh-CN', ...options } = {}) {
  const context = await (await browser()).newContext({ viewport, locale, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === '127.0.0.1' || host === 'localhost') return route.continue();
    problems.push(`off-host request: ${route.request().url()}`);
    return route.abort();
  });
  // A first visit paints the prerendered first view (scripts/prerender.mjs) until the app has built
  // its own page; tests act on the live page (first-view.test.mjs and no-lost-input.test.mjs test
  // the copy, with `gotoFirstView`).
  page.gotoFirstView = page.goto.bind(page);
  for (const method of ['goto', 'reload']) {
    const original = page[method].bind(page);
    page[method] = async (...args) => {
      const response = await original(...args);
      await page.waitForFunction(() => !document.getElementById('first-view'), null, { timeout: 30_000 });
      return response;
    };
  }
  page.problems = problems;
  page.expectClean = (allowed = []) => {
    const left = problems.filter((p) => !allowed.some((a) => p.includes(a)));
    if (left.length) throw new Error(`browser reported:\n${left.join('\n')}`);
  };
  page.done = () => context.close();
  return page;
}

/** Runs axe-core (WCAG 2.1 A/AA and best practices) on the page; fails on any violation. */
export async function axe(page, label) {
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
  assert.ok(result.passes.length > 20, `${label}: axe ran ${result.passes.length} passing rules`);
  const problems = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(problems, [], `${label}: axe violations`);
}

export async function screenshot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

/**
 * Waits until the address bar matches (or, with `not`, stops matching) a pattern: the app writes
 * history just after painting, so the URL follows the view by a frame.
 */
export async function urlMatches(page, pattern, { not = false } = {}) {
  await page.waitForFunction(([source, flags, negate]) => new RegExp(source, flags).test(location.href) !== negate,
    [pattern.source, pattern.flags, not], { timeout: 5_000 });
}

/** The spaces the map shows: its single markers plus the counts on its clusters (runs in the page). */
function spacesOnMap() {
  const singles = document.querySelectorAll('.map .space-marker').length;
  const clustered = [...document.querySelectorAll('.map .marker-cluster')].reduce((n, c) => n + Number(c.textContent), 0);
  return singles + clustered;
}

/** How many spaces the map shows now. */
export const markerTotal = (page) => page.evaluate(spacesOnMap);

/** Waits until the map shows `n` spaces (its markers follow the list by a frame or more). */
export const mapShows = (page, n) => page.waitForFunction(`(${spacesOnMap})() === ${Number(n)}`);

/** The results-count text once the list is there. */
export async function countText(page) {
  return (await page.getByRole('status').filter({ hasText: /共找到|charity spaces found/ }).first().textContent()).trim();
}

/** The number N in 「共找到 N 个…」. */
export async function found(page) {
  const text = await countText(page);
  return Number(/(\d+)/.exec(text)[1]);
}

/**
 * Serves dist/, opens a page, runs `fn(page, server)`, fails on browser problems (except messages
 * containing one of `allow`), and always closes both.
 */
export async function session({ serve: serveOptions, page: pageOptions, allow = [] } = {}, fn) {
  const server = await serve(serveOptions);
  const page = await openPage(pageOptions);
  try {
    await fn(page, server);
    page.expectClean(allow);
  } finally {
    await page.done();
    await server.close();
  }
}
