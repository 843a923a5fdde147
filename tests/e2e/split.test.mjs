// A dataset split by district (`spaces split`): the parts for the districts in the link are read
// first and painted, the others follow in the background.
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

test('a split dataset paints the linked district from its own part, then completes in the background', async () => {
  await session({ serve: { routes: splitRoutes() } }, async (page, server) => {
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        // The live list (body > main), not the prerendered first view (hidden under a link's query).
        if (document.querySelector('body > main .cards > li')) { obs.disconnect(); window.__firstCard = performance.now(); }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${server.url}?district=440113`);
    await page.locator('.cards > li').first().waitFor();
    assert.equal(await found(page), 100);
    const timing = await page.evaluate(() => {
      const started = (part) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(part))?.startTime;
      return { first: window.__firstCard, panyu: started('parts/440113.json'), tianhe: started('parts/440106.json') };
    });
    assert.ok(timing.panyu < timing.first, 'the Panyu part was read before the first card');
    assert.ok(timing.tianhe === undefined || timing.tianhe > timing.first, 'the other parts were read after the first card');
    // The whole city is there once the rest has arrived (Tianhe's facet counts its spaces):
    // clearing the district shows all 358.
    await page.waitForFunction(() => {
      const tianhe = [...document.querySelectorAll('.filter-panel label.check')].find((l) => l.textContent.includes('天河区'));
      return Number(tianhe?.querySelector('.count')?.textContent) > 0;
    });
    await page.locator('.chips .chip', { hasText: '番禺区' }).click();
    await page.waitForFunction(() => /共找到 358 /.test(document.querySelector('.results-bar .count')?.textContent ?? ''));
    assert.equal(await found(page), 358);
    // The finder built for the whole city has a working map (1280 px: on screen), showing all of it.
    await mapShows(page, 358);
    assert.equal(await page.locator('.map.leaflet-container').count(), 1);
    // The district boundaries were fetched once, not again for the rebuilt finder.
    const boundaries = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('districts.geojson')).length);
    assert.equal(boundaries, 1);
  });
});
