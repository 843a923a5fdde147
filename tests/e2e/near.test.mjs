// Near me: emulated geolocation at Canton Tower, denied permission with the fallbacks, a shared
// ?near=&radius= link, and a position outside Guangzhou.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, openPage, closeBrowser, screenshot, found, DIST, urlMatches } from './harness.mjs';

after(closeBrowser);

const dataset = JSON.parse(readFileSync(join(DIST, 'data', 'spaces.json'), 'utf8'));
const TOWER = { latitude: 23.1064, longitude: 113.3245 };

/** Haversine metres: the oracle's ordering (the app uses geodesic; ties within 0.5 % are allowed). */
function metres(a, b) {
  const r = (d) => (d * Math.PI) / 180;
  const h = Math.sin(r(b.lat - a.lat) / 2) ** 2 + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lng - a.lng) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

/** "距离 850 米" / "距离 3.2 公里" → metres. */
function shown(text) {
  const m = /([\d.]+)\s*(米|公里)/.exec(text);
  return Number(m[1]) * (m[2] === '公里' ? 1000 : 1);
}

async function start(options = {}, path = '') {
  const server = await serve();
  const page = await openPage(options);
  await page.goto(server.url + path);
  await page.getByRole('status').filter({ hasText: '共找到' }).waitFor();
  return { server, page };
}

async function cardNames(page) {
  return (await page.locator('.cards > li h3').allTextContents()).map((s) => s.trim());
}

test('at Canton Tower the nearest space comes first, distances ascend, the radius narrows', async () => {
  const { server, page } = await start({ geolocation: TOWER, permissions: ['geolocation'] });
  try {
    // Nothing is asked on load.
    await urlMatches(page, /near=/, { not: true });
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await page.locator('.cards .distance').first().waitFor();
    const here = { lat: TOWER.latitude, lng: TOWER.longitude };
    const byDistance = dataset.spaces.map((s) => ({ s, d: metres(here, s.location) })).sort((a, b) => a.d - b.d);
    const names = await cardNames(page);
    const first = byDistance.find((x) => x.s.name === names[0]);
    assert.ok(first.d <= byDistance[0].d * 1.005, `${names[0]} is ${first.d} m; nearest is ${byDistance[0].s.name} at ${byDistance[0].d} m`);
    const distances = (await page.locator('.cards .distance').allTextContents()).map(shown);
    for (let i = 1; i < distances.length; i += 1) assert.ok(distances[i] >= distances[i - 1], `${distances[i - 1]} then ${distances[i]}`);
    assert.match(await page.locator('.origin').textContent(), /您的位置/);
    await page.locator('.map .position-marker').waitFor();
    // Radius 3 km: exactly the spaces within 3 km (oracle within 0.5 %).
    await page.getByRole('combobox', { name: '范围' }).selectOption('3000');
    await page.getByRole('status').filter({ hasText: /共找到 (?!358 )/ }).waitFor();
    const n = await found(page);
    const inside = byDistance.filter((x) => x.d <= 3000 * 0.995).length;
    const maybe = byDistance.filter((x) => x.d <= 3000 * 1.005).length;
    assert.ok(n >= inside && n <= maybe && n < 358, `${n} within 3 km (oracle ${inside}–${maybe})`);
    for (const d of (await page.locator('.cards .distance').allTextContents()).map(shown)) assert.ok(d <= 3000);
    await page.getByRole('combobox', { name: '范围' }).selectOption('1000');
    assert.ok((await found(page)) <= n);
    await screenshot(page, 'near-tower-1280');
    page.expectClean();
  } finally {
    await page.done();
    await server.close();
  }
});

test('the position from "use my location" never leaves the page: not in the address, links, history or the embed snippet', async () => {
  const { server, page } = await start({ geolocation: TOWER, permissions: ['geolocation'] }, '?district=440105');
  const position = /23\.106|113\.324/;
  try {
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await page.locator('.cards .distance').first().waitFor();
    await page.getByRole('combobox', { name: '范围' }).selectOption('3000');
    // A filter change after it still writes the URL, without the position.
    await page.getByRole('checkbox', { name: /只看已认证/ }).check();
    await page.waitForFunction(() => location.search.includes('status=certified'));
    assert.doesNotMatch(await page.evaluate(() => location.href), position);
    const hrefs = await page.evaluate(() => Array.from(document.querySelectorAll('[href]'), (a) => a.getAttribute('href')));
    assert.ok(hrefs.length > 10);
    for (const href of hrefs) assert.doesNotMatch(href, position, href);
    // Open a card: the address it writes has no position either, and Back keeps none.
    await page.locator('.cards > li h3 a').first().click();
    await page.getByRole('complementary').waitFor();
    assert.doesNotMatch(await page.evaluate(() => location.href), position);
    await page.keyboard.press('Escape');
    await page.getByText('嵌入此视图').click();
    const code = await page.getByRole('textbox', { name: '嵌入此视图' }).inputValue();
    assert.match(code, /district=440105/);
    assert.doesNotMatch(code, position);
    assert.doesNotMatch(code, /near=|radius=/);
    // Distances are still shown, measured from the position held in the page.
    assert.ok((await page.locator('.cards .distance').count()) > 0);
    assert.equal(await page.evaluate(() => JSON.stringify(localStorage).match(/23\.106|113\.324/)), null);
    // A reload forgets it.
    await page.reload();
    await page.getByRole('status').filter({ hasText: '共找到' }).waitFor();
    assert.equal(await page.locator('.cards .distance').count(), 0);
    page.expectClean();
  } finally {
    await page.done();
    await server.close();
  }
});

test('denied permission explains and offers a street or a district to measure from', async () => {
  const { server, page } = await start({ permissions: [] });
  try {
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await page.getByRole('alert').filter({ hasText: '没有获得定位权限' }).waitFor();
    // A street: distances from the centre of its spaces.
    await page.getByRole('combobox', { name: '从街道/镇计算距离' }).selectOption('440113|沙湾街道');
    await page.waitForFunction(() => location.search.includes('near='));
    const shawan = dataset.spaces.filter((s) => s.street === '沙湾街道');
    const centre = { lat: shawan.reduce((a, s) => a + s.location.lat, 0) / shawan.length, lng: shawan.reduce((a, s) => a + s.location.lng, 0) / shawan.length };
    const nearest = dataset.spaces.map((s) => ({ s, d: metres(centre, s.location) })).sort((a, b) => a.d - b.d);
    const names = await cardNames(page);
    const first = nearest.find((x) => x.s.name === names[0]);
    assert.ok(first.d <= nearest[0].d * 1.005, `${names[0]} vs ${nearest[0].s.name}`);
    assert.match(await page.locator('.origin').textContent(), /沙湾街道/);
    // A district: distances from a point inside it.
    await page.getByRole('combobox', { name: '从区的中心计算距离' }).selectOption('440117');
    await page.waitForFunction(() => document.querySelector('.origin').textContent.includes('从化区'));
    const first2 = (await cardNames(page))[0];
    assert.equal(dataset.spaces.find((s) => s.name === first2).district, '440117');
    await screenshot(page, 'near-denied-1280');
    page.expectClean();
  } finally {
    await page.done();
    await server.close();
  }
});

test('a shared ?near=&radius= link reproduces the nearby view', async () => {
  const { server, page } = await start({}, '?near=23.1064,113.3245&radius=3000');
  try {
    const here = { lat: 23.1064, lng: 113.3245 };
    const n = await found(page);
    const inside = dataset.spaces.filter((s) => metres(here, s.location) <= 3000 * 0.995).length;
    const maybe = dataset.spaces.filter((s) => metres(here, s.location) <= 3000 * 1.005).length;
    assert.ok(n >= inside && n <= maybe, `${n} vs ${inside}–${maybe}`);
    assert.match(await page.locator('.origin').textContent(), /链接中的位置/);
    assert.equal(await page.getByRole('combobox', { name: '范围' }).inputValue(), '3000');
    assert.match(await page.locator('.chips').textContent(), /≤ 3\.0 公里/);
    page.expectClean();
  } finally {
    await page.done();
    await server.close();
  }
});

test('a position outside Guangzhou says so and changes nothing', async () => {
  const { server, page } = await start({ geolocation: { latitude: 39.9, longitude: 116.4 }, permissions: ['geolocation'] });
  try {
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await page.getByRole('alert').filter({ hasText: '不在广州市范围内' }).waitFor();
    await urlMatches(page, /near=/, { not: true });
    assert.equal(await found(page), 358);
    page.expectClean();
  } finally {
    await page.done();
    await server.close();
  }
});
