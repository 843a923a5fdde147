#!/usr/bin/env node
// Browser benchmarks (make bench): headless Chromium on 127.0.0.1, each figure the median (and
// p95) of repeated runs, printed beside its budget. Needs a built dist/ and, for the 20 000-space
// figures, the generated bench-data/spaces-20000.json (make bench creates it).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, closeBrowser, ROOT, jsonRoute } from '../tests/e2e/harness.mjs';

const RUNS = 5;
const INTERACTIONS = 40;
console.log('what | median | p95 | budget | verdict');
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const rows = [];
// The verdict is on the median, or on the worst value for a budget that no run may exceed.
const report = (what, values, budget, unit = fmt, worst = false) => {
  const median = quantile(values, 0.5);
  const p95 = quantile(values, 0.95);
  const judged = worst ? Math.max(...values) : median;
  const ok = budget === undefined ? '' : judged <= budget ? 'ok' : 'OVER';
  const row = [what, unit(median), unit(p95), budget === undefined ? '' : unit(budget), ok];
  rows.push(row);
  console.log(row.join(' | '));
};

// Records when a result list is first painted (the frame after a visible card enters the DOM:
// the prerendered first view on a plain first visit), when the live app's own list is painted
// (its cards in, the first view gone), and keeps the wasm exports for the memory figure.
const INIT = () => {
  window.addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  // A frame callback runs before that frame's style, layout and paint; the task it queues runs
  // after them, when the frame is on its way to the screen.
  const frameAfter = (key) => requestAnimationFrame(() => setTimeout(() => { window[key] ??= performance.now(); }, 0));
  new MutationObserver((_, obs) => {
    // The first view shows when first-view.js marked the page for it; the live page otherwise.
    const firstView = document.getElementById('first-view');
    const shown = firstView && document.documentElement.classList.contains('first-view') ? firstView : document.querySelector('body > main');
    if (!window.__seen && shown?.querySelector('.cards > li')) {
      window.__seen = true;
      frameAfter('__listPainted');
    }
    if (document.querySelector('body > main .cards > li') && !document.getElementById('first-view')) {
      obs.disconnect();
      frameAfter('__livePainted');
    }
  }).observe(document, { childList: true, subtree: true });
};

async function page(routes, cpu = 1, network, viewport = { width: 1280, height: 800 }) {
  const server = await serve({ routes });
  const context = await (await browser()).newContext({ viewport, locale: 'zh-CN' });
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  await p.addInitScript(INIT);
  return { p, cdp, close: async () => { await context.close(); await server.close(); }, url: server.url };
}

/** V8's used heap after a forced collection, plus the wasm memory (which only grows: its peak). */
async function memory(p, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize + await p.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? NaN);
}

async function firstPaint(cpu, network) {
  const contentful = [];
  const painted = [];
  const live = [];
  for (let i = 0; i < RUNS; i += 1) {
    const { p, close, url } = await page({}, cpu, network);
    await p.goto(url);
    await p.waitForFunction(() => window.__livePainted !== undefined, null, { timeout: 60_000 });
    contentful.push(await p.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
    painted.push(await p.evaluate(() => window.__listPainted));
    live.push(await p.evaluate(() => window.__livePainted));
    await close();
  }
  return { contentful, painted, live };
}

/**
 * A district ticked on the first view as soon as it is painted (no-lost-input): navigation start
 * → the end of the frame that paints the live list of that district (100 spaces in Panyu).
 */
async function tickedEarly(cpu, network) {
  const times = [];
  for (let i = 0; i < RUNS; i += 1) {
    const { p, close, url } = await page({}, cpu, network);
    await p.goto(url, { waitUntil: 'commit' });
    const early = p.locator('#first-view .filter-panel input[value="440113"]');
    await early.waitFor({ timeout: 60_000 });
    await p.evaluate(() => {
      new MutationObserver((_, obs) => {
        if (!document.getElementById('first-view') && /共找到 100 /.test(document.querySelector('body > main .results-bar .count')?.textContent ?? '')) {
          obs.disconnect();
          requestAnimationFrame(() => setTimeout(() => { window.__tickedPainted = performance.now(); }, 0));
        }
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await early.check();
    await p.waitForFunction(() => window.__tickedPainted !== undefined, null, { timeout: 60_000 });
    times.push(await p.evaluate(() => window.__tickedPainted));
    await close();
  }
  return times;
}

/**
 * Time from an input (a click on the 番禺区 filter, or a keystroke in the search box) to the end
 * of the frame that paints the new list: a frame callback registered before the input runs first
 * in that frame, and the task it queues runs once the frame is painted.
 */
async function interactions(routes, viewport) {
  const { p, cdp, close, url } = await page(routes, 1, undefined, viewport);
  await p.goto(url);
  await p.waitForFunction(() => window.__livePainted !== undefined, null, { timeout: 60_000 });
  if (viewport.width > 900) await p.locator('.leaflet-marker-icon, .marker-cluster').first().waitFor({ timeout: 30_000 });
  await p.waitForTimeout(500);
  const measure = (kind) => p.evaluate(async (kind) => {
    const count = () => document.querySelector('.results-bar .count').textContent;
    const before = count();
    // Every main-thread task over 50 ms from the input until the next one (the map included).
    const long = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => long.push(e.duration)));
    observer.observe({ type: 'longtask' });
    const t0 = performance.now();
    const painted = new Promise((r) => { requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)); });
    if (kind === 'click') {
      [...document.querySelectorAll('.filter-panel label.check')].find((l) => l.textContent.includes('番禺区')).querySelector('input').click();
    } else {
      const box = document.querySelector('#q');
      box.value = box.value ? '' : '沙湾';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    const t1 = await painted;
    if (count() === before) throw new Error(`${kind}: the list did not change`);
    // Let the map (drawn after the list, with its zoom animation) settle before the next input.
    await new Promise((r) => setTimeout(r, 600));
    observer.takeRecords().forEach((e) => long.push(e.duration));
    observer.disconnect();
    return [t1 - t0, Math.max(0, ...long)];
  }, kind);
  const clicks = [];
  const keys = [];
  const longest = [];
  for (let i = 0; i < INTERACTIONS; i += 1) {
    const [painted, task] = await measure('click');
    clicks.push(painted);
    longest.push(task);
  }
  for (let i = 0; i < INTERACTIONS; i += 1) {
    const [painted, task] = await measure('key');
    keys.push(painted);
    longest.push(task);
  }
  const used = await memory(p, cdp);
  await close();
  return { clicks, keys, longest, memory: used };
}

const slow4g = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
// `--only paint|input|huge` runs one part.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const wants = (part) => only === undefined || only === part;
// Budgets of issue 22: the slow profile is 4× CPU + slow 4G, a fresh context each load.
if (wants('paint')) {
  for (const [label, cpu, network, budgets] of [
    ['unthrottled', 1, undefined, { painted: 170 }],
    ['4x CPU slowdown', 4, undefined, { painted: 1000 }],
    ['4x CPU + slow 4G', 4, slow4g, { contentful: 500, painted: 800, live: 1500 }],
  ]) {
    const { contentful, painted, live } = await firstPaint(cpu, network);
    report(`first contentful paint, ${label}`, contentful, budgets.contentful);
    report(`first list painted, ${label}`, painted, budgets.painted);
    report(`app live (its own list painted, controls answer), ${label}`, live, budgets.live);
  }
  report('district ticked at the first paint → its list painted, 4x CPU + slow 4G', await tickedEarly(4, slow4g), 1600);
}
const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
for (const [label, viewport] of wants('input') ? [['360 px', PHONE], ['1280 px with map', DESKTOP]] : []) {
  const small = await interactions({}, viewport);
  report(`filter click → list painted, 358, ${label}`, small.clicks, 16);
  report(`keystroke → list painted, 358, ${label}`, small.keys, 16);
  report(`JS heap + wasm memory, 358, ${label}`, [small.memory], 8 * 1024 * 1024, mb);
}
const big = join(ROOT, 'bench-data', 'spaces-20000.json');
if (wants('input') && existsSync(big)) {
  const routes = { 'data/spaces.json': jsonRoute(readFileSync(big)) };
  for (const [label, viewport] of [['360 px', PHONE], ['1280 px with map', DESKTOP]]) {
    const large = await interactions(routes, viewport);
    report(`filter click → list painted, 20 000, ${label}`, large.clicks, 50);
    report(`keystroke → list painted, 20 000, ${label}`, large.keys, 50);
    report(`longest main-thread task after a click or keystroke, 20 000, ${label}`, large.longest, 50, fmt, true);
    report(`JS heap + wasm memory, 20 000, ${label}`, [large.memory], undefined, mb);
  }
} else if (wants('input')) {
  console.log('bench-data/spaces-20000.json missing: make bench generates it');
}
// 100 000 spaces in one file: time to the first list and the memory it takes (phone width).
const huge = join(ROOT, 'bench-data', 'spaces-100000.json');
if (wants('huge') && existsSync(huge)) {
  const routes = { 'data/spaces.json': jsonRoute(readFileSync(huge)) };
  const { p, cdp, close, url } = await page(routes, 1, undefined, PHONE);
  await p.goto(url);
  await p.waitForFunction(() => window.__livePainted !== undefined, null, { timeout: 120_000 });
  report('first list painted, 100 000 in one file, 360 px', [await p.evaluate(() => window.__livePainted)], undefined);
  report('JS heap + wasm memory, 100 000, 360 px', [await memory(p, cdp)], 150 * 1024 * 1024, mb);
  await close();
}
await closeBrowser();
console.log(`\n${rows.length} figures (what | median | p95 | budget | verdict)`);
