// The map: offline district basemap, markers and clusters in sync with the filters, marker →
// details, tile failures falling back to the vector basemap. No request leaves 127.0.0.1.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, openPage, session, closeBrowser, screenshot, found, DIST, urlMatches, jsonRoute, markerTotal, mapShows } from './harness.mjs';

after(closeBrowser);

const dataset = JSON.parse(readFileSync(join(DIST, 'data', 'spaces.json'), 'utf8'));
const panyu = dataset.spaces.filter((s) => s.district === '440113');

async function mapView(page) {
  return JSON.parse(await page.locator('.map').getAttribute('data-view'));
}

async function open(page, server, path = '') {
  await page.goto(server.url + path);
  await page.getByRole('status').filter({ hasText: '共找到' }).waitFor();
  await page.locator('.map .leaflet-marker-icon').first().waitFor();
}

test('all 358 spaces are on the map; filtering to Panyu keeps only Panyu and fits the view', async () => {
  await session({}, async (page, server) => {
  await open(page, server);
  await page.waitForFunction(() => document.querySelectorAll('.map path.leaflet-interactive').length >= 11);
  assert.equal(await markerTotal(page), 358);
  assert.ok(await page.locator('.map .district-label-text', { hasText: '番禺区' }).count() === 1);
  await screenshot(page, 'map-1280');
  const before = await mapView(page);
  await page.getByRole('checkbox', { name: /番禺区/ }).check();
  assert.equal(await found(page), 100);
  await mapShows(page, 100);
  const after = await mapView(page);
  // Fitted: every Panyu space is in view, and the view is smaller than the whole city's.
  for (const s of panyu) {
    assert.ok(s.location.lat >= after.south && s.location.lat <= after.north && s.location.lng >= after.west && s.location.lng <= after.east, s.id);
  }
  assert.ok(after.zoom > before.zoom, `zoom ${before.zoom} → ${after.zoom}`);
  await screenshot(page, 'map-panyu-1280');
  });
});

test('clicking a marker opens its details; a certified marker differs by shape', async () => {
  await session({}, async (page, server) => {
  await open(page, server, '?district=440117');
  // Zoom in until single markers show, then click one.
  const marker = page.locator('.map .space-marker').first();
  for (let i = 0; i < 6 && !(await marker.count()); i += 1) await page.locator('.leaflet-control-zoom-in').click();
  await marker.waitFor();
  const name = await marker.getAttribute('title');
  await marker.click();
  await page.getByRole('complementary', { name }).waitFor();
  // The details panel is on top of the map, not under its panes.
  const box = await page.getByRole('complementary').boundingBox();
  const topmost = await page.evaluate(([x, y]) => !!document.elementFromPoint(x, y)?.closest('.details'), [box.x + box.width / 2, box.y + 40]);
  assert.ok(topmost, 'details panel is the topmost element');
  await urlMatches(page, /space=gz-440117-/);
  assert.ok((await page.locator('.map .space-marker.certified rect').count()) + (await page.locator('.map .space-marker.registered circle').count()) > 0);
  });
});

test('choropleth: districts show their counts, a click filters by district; a chosen card highlights its marker', async () => {
  await session({}, async (page, server) => {
  await open(page, server);
  await page.getByRole('checkbox', { name: '按区显示数量' }).check();
  const label = page.locator('.map .district-label-text', { hasText: '番禺区 100' });
  await label.waitFor();
  // Click Panyu's shape (a synthetic click: the point under a pointer may hold a cluster marker).
  await page.locator('.map path.district-440113').dispatchEvent('click');
  await page.waitForFunction(() => location.search.includes('district=440113'));
  assert.equal(await found(page), 100);
  assert.ok(await page.getByRole('checkbox', { name: /番禺区/ }).isChecked());
  await screenshot(page, 'map-choropleth-1280');
  // Choosing a card highlights its marker on the map.
  await page.locator('.cards > li h3 a').first().click();
  await page.locator('.map .space-marker.selected').waitFor();
  });
});

test('a space chosen while the filters change: the map shows its name, with no script error', async () => {
  await session({}, async (page, server) => {
  await open(page, server);
  // Pick a Baiyun space in the list, and check Baiyun in the same moment: the map starts bringing
  // the marker into view, then its markers are replaced by Baiyun's and the view fits them.
  const name = await page.evaluate(() => {
    const link = document.querySelector('.cards > li[data-id^="gz-440111-"] h3 a');
    link.click();
    [...document.querySelectorAll('.filter-panel label.check')].find((l) => l.textContent.includes('白云区')).querySelector('input').click();
    return link.textContent.trim();
  });
  await page.waitForFunction(() => location.search.includes('district=440111'));
  assert.equal(await found(page), dataset.spaces.filter((s) => s.district === '440111').length);
  await page.locator('.map .space-marker.selected').waitFor();
  await page.locator('.map .leaflet-tooltip', { hasText: name }).waitFor();
  });
});

test('a tile server that fails leaves the vector basemap and says so', async () => {
  const config = JSON.stringify({ tiles: { url: 'http://127.0.0.1:9/{z}/{x}/{y}.png', attribution: '测试底图', approval: 'GS(2099)0000号', crs: 'gcj02' } });
  const server = await serve({ routes: { 'config.json': jsonRoute(config) } });
  const page = await openPage();
  try {
    await open(page, server);
    await page.getByText('底图无法加载，已改用区界底图。').waitFor();
    assert.ok((await page.locator('.map path.leaflet-interactive').count()) >= 11);
    assert.equal(await markerTotal(page), 358);
    page.expectClean(['Failed to load resource', 'ERR_CONNECTION_REFUSED']);
  } finally {
    await page.done();
    await server.close();
  }
});

test('tile credits from config.json are shown as text, never as markup', async () => {
  // A one-pixel PNG for every tile, from the test server.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=', 'base64');
  const config = JSON.stringify({ tiles: { url: 'tile.png?z={z}&x={x}&y={y}', attribution: '<img src=x onerror="window.__xss=1">测试底图', approval: '<b>GS(2099)0000号</b>' } });
  const routes = {
    'config.json': jsonRoute(config),
    'tile.png': (req, res) => { res.writeHead(200, { 'content-type': 'image/png' }).end(png); return true; },
  };
  const server = await serve({ routes });
  const page = await openPage();
  try {
    await open(page, server);
    const credit = page.locator('.leaflet-control-attribution');
    await credit.filter({ hasText: '测试底图' }).waitFor();
    assert.match(await credit.textContent(), /<img src=x onerror="window.__xss=1">测试底图 · <b>GS\(2099\)0000号<\/b>/);
    assert.equal(await credit.locator('img, b').count(), 0);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    page.expectClean();
  } finally {
    await page.done();
    await server.close();
  }
});

test('on a phone the map is a view of its own (?view=map)', async () => {
  await session({ page: { viewport: { width: 375, height: 667 } } }, async (page, server) => {
  await page.goto(server.url);
  await page.getByRole('status').filter({ hasText: '共找到' }).waitFor();
  assert.equal(await page.locator('.map').isVisible(), false);
  await page.getByRole('button', { name: '地图', exact: true }).click();
  await page.locator('.map .leaflet-marker-icon').first().waitFor();
  await urlMatches(page, /view=map/);
  assert.equal(await page.locator('.cards').isVisible(), false);
  await screenshot(page, 'map-375');
  await page.goBack();
  await page.locator('.cards').waitFor({ state: 'visible' });
  });
});
