#!/usr/bin/env node
// Browser benchmarks (make bench): headless Chromium on 127.0.0.1, each figure the median (and
// p95) of repeated runs, printed beside its budget. Needs a built dist/ and, for the 20 000-space
// figures, the generated bench-data/spaces-20000.json (make bench creates it).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, closeBrowser, ROOT } from '../tests/e2e/harness.mjs';

const RUNS = 5;
const INTERACTIONS = 30;
console.log('what | median | p95 | budget | verdict');
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const rows = [];
const report = (what, values, budget, unit = fmt) => {
  const median = quantile(values, 0.5);
  const p95 = quantile(values, 0.95);
  const ok = budget === undefined ? '' : median <= budget ? 'ok' : 'OVER';
  const row = [what, unit(median), unit(p95), budget === undefined ? '' : unit(budget), ok];
  rows.push(row);
  console.log(row.join(' | '));
};

// Records when the first result card is painted (the frame after it enters the DOM) and keeps the
// wasm exports for the memory figure.
const INIT = () => {
  window.addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  new MutationObserver((_, obs) => {
    if (document.querySelector('.cards > li')) {
      obs.disconnect();
      requestAnimationFrame(() => { window.__listPainted = performance.now(); });
    }
  }).observe(document, { childList: true, subtree: true });
};

async function page(routes, cpu = 1, network) {
  const server = await serve({ routes });
  const context = await (await browser()).newContext({ viewport: { width: 1280, height: 800 } });
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  await p.addInitScript(INIT);
  return { p, close: async () => { await context.close(); await server.close(); }, url: server.url };
}

async function firstPaint(cpu, network) {
  const times = [];
  for (let i = 0; i < RUNS; i += 1) {
    const { p, close, url } = await page({}, cpu, network);
    await p.goto(url);
    await p.waitForFunction(() => window.__listPainted !== undefined, null, { timeout: 60_000 });
    times.push(await p.evaluate(() => window.__listPainted));
    await close();
  }
  return times;
}

/** Time from an input (a filter click or a keystroke) to the next painted frame with the new count. */
async function interactions(routes) {
  const { p, close, url } = await page(routes);
  await p.goto(url);
  await p.waitForFunction(() => window.__listPainted !== undefined, null, { timeout: 60_000 });
  const measure = (kind) => p.evaluate(async (kind) => {
    const status = document.querySelector('.results-bar [role=status]');
    const before = status.textContent;
    const t0 = performance.now();
    if (kind === 'click') {
      document.querySelectorAll('.filter-panel input[type=checkbox]')[8].click(); // 番禺区
    } else {
      const box = document.querySelector('#q');
      box.value = box.value ? '' : 'sha';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    while (status.textContent === before) await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - t0;
  }, kind);
  const clicks = [];
  const keys = [];
  for (let i = 0; i < INTERACTIONS; i += 1) clicks.push(await measure('click'));
  for (let i = 0; i < INTERACTIONS; i += 1) keys.push(await measure('key'));
  const memory = await p.evaluate(() => (performance.memory?.usedJSHeapSize ?? 0) + (window.__wasm?.memory?.buffer.byteLength ?? 0));
  await close();
  return { clicks, keys, memory };
}

const slow4g = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
report('first list painted, unthrottled', await firstPaint(1), 300);
report('first list painted, 4x CPU slowdown', await firstPaint(4), 1000);
report('first list painted, 4x CPU + slow 4G', await firstPaint(4, slow4g), 3000);
const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const small = await interactions({});
report('filter click → list painted, 358', small.clicks, 16);
report('keystroke → list painted, 358', small.keys, 16);
report('JS heap + wasm memory, 358', [small.memory], 8 * 1024 * 1024, mb);
const big = join(ROOT, 'bench-data', 'spaces-20000.json');
if (existsSync(big)) {
  const body = readFileSync(big);
  const routes = { 'data/spaces.json': (req, res) => { res.writeHead(200, { 'content-type': 'application/json' }).end(body); return true; } };
  try {
    const large = await interactions(routes);
    report('filter click → list painted, 20 000', large.clicks, 50);
    report('keystroke → list painted, 20 000', large.keys, 50);
    report('JS heap + wasm memory, 20 000', [large.memory], undefined, mb);
  } catch (e) {
    console.log(`20 000 spaces: failed (${e.message.split('\n')[0]})`);
  }
}
await closeBrowser();
console.log(`\n${rows.length} figures (what | median | p95 | budget | verdict)`);
