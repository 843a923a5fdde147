// Strict hosting: the built dist/ behind a real nginx under a sub-path with the documented
// Content-Security-Policy (deploy/nginx.conf). The page must work with no CSP violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { openPage, closeBrowser, found, screenshot, DIST, ROOT } from './harness.mjs';

let nginx;
let base;

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

before(async () => {
  // nginx started as root serves as `nobody`, who may not enter the checkout (a clone in /root or
  // in a `mktemp -d` directory): it serves a copy of dist/ from a directory anyone can read.
  const prefix = mkdtempSync(join(tmpdir(), 'csmap-nginx-'));
  chmodSync(prefix, 0o755);
  mkdirSync(join(prefix, 'tmp'));
  const served = join(prefix, 'dist');
  cpSync(DIST, served, { recursive: true });
  const port = await freePort();
  const conf = readFileSync(join(ROOT, 'deploy', 'nginx.conf'), 'utf8')
    .replaceAll('__PREFIX__', prefix).replaceAll('__PORT__', String(port)).replaceAll('__DIST__', served)
    .replaceAll('__FRAME_ANCESTORS__', 'http://127.0.0.1:*');
  writeFileSync(join(prefix, 'nginx.conf'), conf);
  nginx = spawn('/usr/sbin/nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { stdio: ['ignore', 'inherit', 'inherit'] });
  base = `http://127.0.0.1:${port}/ztzl/csmap/`;
  for (let i = 0; i < 50; i += 1) {
    try { if ((await fetch(base)).ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('nginx did not start');
});

after(async () => {
  nginx?.kill('SIGTERM');
  await closeBrowser();
});

test('headers: CSP without unsafe-inline, nosniff, long caching for hashed assets only', async () => {
  const index = await fetch(base);
  const csp = index.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(index.headers.get('cache-control'), 'no-cache');
  const wasm = readdirSync(DIST).find((f) => f.endsWith('_bg.wasm'));
  const wasmResponse = await fetch(base + wasm, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(wasmResponse.headers.get('content-type'), 'application/wasm');
  // The build's zopfli file, sent as is (gzip_static), not nginx's own gzip.
  assert.equal(wasmResponse.headers.get('content-encoding'), 'gzip');
  assert.equal(Number(wasmResponse.headers.get('content-length')), statSync(join(DIST, `${wasm}.gz`)).size);
  // A browser that accepts brotli (every current one) gets the build's `.br` (brotli_static).
  const brotli = await fetch(base + wasm, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
  assert.equal(brotli.headers.get('content-encoding'), 'br');
  assert.equal(Number(brotli.headers.get('content-length')), statSync(join(DIST, `${wasm}.br`)).size);
  // Every hashed file, whatever the length of its (unpadded) hash.
  const hashed = readdirSync(DIST).filter((f) => /-[0-9a-f]+(_bg)?\.(js|wasm|css|svg)$/.test(f));
  assert.ok(hashed.length >= 4, hashed.join());
  for (const name of hashed) {
    const asset = await fetch(base + name);
    assert.equal(asset.status, 200, name);
    assert.match(asset.headers.get('cache-control'), /max-age=31536000, immutable/, name);
    assert.match(asset.headers.get('content-security-policy'), /default-src 'self'/, name);
  }
  const data = await fetch(base + 'data/spaces.json');
  assert.equal(data.headers.get('cache-control'), 'no-cache');
});

test('the finder works under /ztzl/csmap/ with the CSP in force and no violation', async () => {
  const page = await openPage();
  const violations = [];
  await page.exposeFunction('__cspViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  try {
    const response = await page.goto(base);
    assert.match(response.headers()['content-security-policy'], /default-src 'self'/);
    assert.equal(await found(page), 358);
    await page.getByRole('checkbox', { name: /番禺区/ }).check();
    assert.equal(await found(page), 100);
    await page.locator('.map .leaflet-marker-icon').first().waitFor();
    await page.locator('.cards > li h3 a').first().click();
    await page.getByRole('complementary').waitFor();
    await screenshot(page, 'nginx-csp-1280');
    assert.deepEqual(violations, []);
    page.expectClean();
  } finally {
    await page.done();
  }
});
