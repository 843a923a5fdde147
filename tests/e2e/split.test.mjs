// A dataset split by district (`spaces split`): the parts for the districts in the link are read
// and painted; another part is read when its district is chosen (all of them once none is).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { session, closeBrowser, found, ROOT, jsonRoute, mapShows } from './harness.mjs';

after(closeBrowser);

function splitRoutes() {
  const dir = mkdtempSync(join(tmpdir(), 'split-'));
  execFileSync('cargo', ['run', '--quiet', '--bin', 'spaces', '--', 'split', 'public/data/spaces.json', '--out', dir], { cwd: ROOT, stdio: 'pipe' });
  const routes = { 'config.json': jsonRoute('{"dataset_index_url": "split/index.json"}'), 'split/index.json': jsonRoute(readFileSync(join(dir, 'index.json'))) };
  for (const name of readdirSync(join(dir, 'parts'))) routes[`split/parts/${name}`] = jsonRoute(readFileSync(join(dir, 'parts', name)));
  return routes;
}

test('a split dataset reads the part of the linked district only, and another part when its district is chosen', async () => {
  await session({ serve: { routes: splitRoutes() } }, async (page, server) => {
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        // The live list (body > main), not the prerendered first view (hidden under a link's query).
        if (document.querySelector('body > main .cards > li')) { obs.disconnect(); window.__firstCard = performance.now(); }
      }).observe(document, { childList: true, subtree: true });
    });
    const parts = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => /parts\/(\d+)\.json$/.exec(e.name)?.[1]).filter(Boolean).sort());
    const district = (name) => page.locator('.filter-panel label.check', { hasText: name });
    await page.goto(`${server.url}?district=440113`);
    await page.locator('.cards > li').first().waitFor();
    assert.equal(await found(page), 100);
    const timing = await page.evaluate(() => ({
      first: window.__firstCard,
      panyu: performance.getEntriesByType('resource').find((e) => e.name.endsWith('parts/440113.json'))?.startTime,
    }));
    assert.ok(timing.panyu < timing.first, 'the Panyu part was read before the first card');
    // Nothing else is read while the view needs nothing else (a district embed stays this small),
    // and the districts not read show no count rather than a wrong one.
    await mapShows(page, 100);
    await page.waitForTimeout(1000);
    assert.deepEqual(await parts(), ['440113']);
    assert.equal(await district('天河区').locator('.count').textContent(), '');
    // Choosing Tianhe from the keyboard reads its part; the focus stays on its checkbox.
    await district('天河区').locator('input').focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => /共找到 130 /.test(document.querySelector('.results-bar .count')?.textContent ?? ''));
    assert.deepEqual(await parts(), ['440106', '440113']);
    assert.equal(await page.evaluate(() => document.activeElement?.closest('label')?.textContent.includes('天河区')), true);
    await district('天河区').locator('.count', { hasText: '30' }).waitFor();
    // No district chosen: the whole city.
    await page.getByRole('button', { name: '清除全部条件' }).first().click();
    await page.waitForFunction(() => /共找到 358 /.test(document.querySelector('.results-bar .count')?.textContent ?? ''));
    assert.equal(await found(page), 358);
    assert.equal((await parts()).length, 11);
    // The map (1280 px: on screen) shows all of it.
    await mapShows(page, 358);
    assert.equal(await page.locator('.map.leaflet-container').count(), 1);
    // The district boundaries were fetched once.
    const boundaries = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('districts.geojson')).length);
    assert.equal(boundaries, 1);
  });
});

test('a part that cannot be read is explained, the spaces shown stay, and retry reads it', async () => {
  const routes = splitRoutes();
  const tianhe = routes['split/parts/440106.json'];
  let refused = 0;
  routes['split/parts/440106.json'] = (req, res) => {
    if (refused++ === 0) { res.writeHead(503).end('busy'); return true; }
    return tianhe(req, res);
  };
  await session({ serve: { routes }, allow: ['Failed to load resource'] }, async (page, server) => {
    await page.goto(`${server.url}?district=440113`);
    assert.equal(await found(page), 100);
    await page.locator('.filter-panel label.check', { hasText: '天河区' }).locator('input').check();
    const alert = page.getByRole('alert').filter({ hasText: '慈善空间数据加载失败' });
    await alert.waitFor();
    assert.equal(await page.locator('.cards > li').count() > 0, true, 'the Panyu spaces stay listed');
    await alert.getByRole('button', { name: '重试' }).click();
    await page.waitForFunction(() => /共找到 130 /.test(document.querySelector('.results-bar .count')?.textContent ?? ''));
    assert.equal(await alert.count(), 0);
  });
});

test('a part arriving between a filter change and the map update: the markers are those of the list', async () => {
  // The map writes its markers a frame after the list. Frames are held here, so that a filter
  // change waits for its markers while a part of the dataset arrives and makes a new catalog:
  // markers computed against one catalog must never be read against another.
  const routes = splitRoutes();
  const panyu = routes['split/parts/440113.json'];
  let releasePart;
  const partHeld = new Promise((resolve) => { releasePart = resolve; });
  let asked = false;
  routes['split/parts/440113.json'] = (req, res) => {
    asked = true;
    partHeld.then(() => panyu(req, res));
    return true;
  };
  await session({ serve: { routes } }, async (page, server) => {
    await page.goto(`${server.url}?district=440104`);
    const yuexiu = await found(page);
    await mapShows(page, yuexiu);
    await page.locator('.filter-panel label.check', { hasText: '番禺区' }).locator('input').check();
    while (!asked) await page.waitForTimeout(20);
    await page.evaluate(() => {
      const raf = window.requestAnimationFrame.bind(window);
      const held = [];
      window.requestAnimationFrame = (cb) => { held.push(cb); return 0; };
      window.releaseFrames = () => { window.requestAnimationFrame = raf; held.splice(0).forEach((cb) => raf(cb)); };
    });
    // A change the list shows at once, under the old catalog; its markers wait for a frame.
    await page.locator('.filter-panel label.check', { hasText: '只看已认证' }).locator('input').check();
    const before = await found(page);
    releasePart();
    await page.waitForFunction((n) => Number(/(\d+)/.exec(document.querySelector('.results-bar .count')?.textContent ?? '')?.[1]) > n, before);
    await page.evaluate(() => window.releaseFrames());
    const after = await found(page);
    assert.ok(after > before, `${after} > ${before}`);
    await mapShows(page, after);
  });
});
