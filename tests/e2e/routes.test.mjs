// Walking and public-transport routes in the details: each map app's link in its own coordinate
// system, from where the app finds the person, or from a place chosen on this page — never from
// the device's own position, which stays in the page.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { session, closeBrowser, DIST } from './harness.mjs';

after(closeBrowser);

const dataset = JSON.parse(readFileSync(join(DIST, 'data', 'spaces.json'), 'utf8'));
const space = dataset.spaces.find((s) => s.district === '440106');

/** The routes' links in the open details: service, way to travel (its row's label) and URL. */
const routes = (page) => page.evaluate(() => [...document.querySelectorAll('.details .routes li')].flatMap((row) => {
  const kind = row.querySelector('.route-kind').textContent;
  return [...row.querySelectorAll('a')].map((a) => ({ kind, service: a.className.split(' ').pop(), href: a.href, target: a.target, rel: a.rel }));
}));

test('routes from where the map app finds the person: AMap and Apple in GCJ-02, Tencent in WGS-84, no Baidu', async () => {
  await session({}, async (page, server) => {
    await page.goto(`${server.url}?space=${space.id}`);
    await page.getByRole('heading', { name: '怎么去' }).waitFor();
    const links = await routes(page);
    assert.deepEqual(links.map((l) => `${l.kind} ${l.service}`), ['步行 amap', '步行 tencent', '步行 apple', '公交地铁 amap', '公交地铁 tencent', '公交地铁 apple']);
    assert.ok(links.every((l) => l.target === '_blank' && l.rel.includes('noopener')));
    const amap = new URL(links[0].href);
    assert.equal(amap.origin + amap.pathname, 'https://uri.amap.com/navigation');
    assert.equal(amap.searchParams.get('mode'), 'walk');
    assert.equal(amap.searchParams.get('from'), null);
    const [lng, lat, name] = amap.searchParams.get('to').split(',');
    // GCJ-02 lies a few hundred metres east and south of WGS-84 in Guangzhou.
    assert.ok(Number(lng) - space.location.lng > 0.004 && Number(lng) - space.location.lng < 0.007, lng);
    assert.ok(space.location.lat - Number(lat) > 0.001 && space.location.lat - Number(lat) < 0.004, lat);
    assert.equal(name, space.name);
    const tencent = new URL(links[4].href);
    assert.equal(tencent.searchParams.get('type'), 'bus');
    assert.equal(tencent.searchParams.get('tocoord'), `${space.location.lat.toFixed(6)},${space.location.lng.toFixed(6)}`);
    assert.equal(tencent.searchParams.get('coord_type'), '1');
    assert.equal(new URL(links[5].href).searchParams.get('dirflg'), 'r');
  });
});

test('from a district chosen on the page: every app starts there, Baidu too; in English', async () => {
  await session({}, async (page, server) => {
    await page.goto(`${server.url}?lang=en`);
    await page.getByText('Or choose a place').click();
    await page.getByLabel("Measure from a district's centre").selectOption('440106');
    await page.locator('.origin').waitFor();
    const near = new URL(page.url()).searchParams.get('near').split(',').map(Number);
    await page.locator('.cards .card-title a').first().click();
    await page.getByRole('heading', { name: 'How to get there' }).waitFor();
    const links = await routes(page);
    assert.equal(links.length, 8);
    assert.deepEqual([...new Set(links.map((l) => l.kind))], ['Walking', 'Public transport']);
    const baidu = new URL(links.find((l) => l.service === 'baidu' && l.kind === 'Public transport').href);
    assert.equal(baidu.searchParams.get('mode'), 'transit');
    assert.equal(baidu.searchParams.get('coord_type'), 'wgs84');
    const [, lat, lng] = /^latlng:([\d.]+),([\d.]+)\|name:Starting point$/.exec(baidu.searchParams.get('origin'));
    assert.ok(Math.abs(lat - near[0]) < 1e-5 && Math.abs(lng - near[1]) < 1e-5, `${lat},${lng} against ${near}`);
    assert.ok(links.filter((l) => l.service === 'amap').every((l) => new URL(l.href).searchParams.get('from')));
  });
});

test('after "use my location", the routes still start from the map app: the position is in no link', async () => {
  await session({ page: { geolocation: { latitude: 23.1291, longitude: 113.2644 }, permissions: ['geolocation'] } }, async (page, server) => {
    await page.goto(server.url);
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await page.locator('.origin', { hasText: '您的位置' }).waitFor();
    await page.locator('.cards .card-title a').first().click();
    await page.getByRole('heading', { name: '怎么去' }).waitFor();
    const links = await routes(page);
    assert.equal(links.length, 6);
    const hrefs = await page.evaluate(() => [...document.querySelectorAll('a')].map((a) => a.href).join(' '));
    assert.ok(!/23\.129|113\.264/.test(hrefs), 'the device position is in a link');
  });
});

test('"share this place": the system share sheet gets the space\'s link; without one the link is copied', async () => {
  const link = (server) => `${server.url}?space=${space.id}`;
  // A browser with a share sheet (recorded here: a real one would open the system's).
  await session({}, async (page, server) => {
    await page.addInitScript(() => {
      window.__shared = [];
      Object.defineProperty(Navigator.prototype, 'share', { configurable: true, value: (data) => { window.__shared.push(data); return Promise.resolve(); } });
    });
    await page.goto(`${server.url}?district=440106&space=${space.id}`);
    await page.getByRole('button', { name: '分享这个地点' }).click();
    await page.waitForFunction(() => window.__shared.length === 1);
    assert.deepEqual(await page.evaluate(() => window.__shared[0]), { title: '广州慈善空间地图', url: link(server) });
  });
  // Without one (desktop Chromium on Linux): copied, and said so in the panel.
  await session({ page: { permissions: ['clipboard-read', 'clipboard-write'] } }, async (page, server) => {
    await page.addInitScript(() => { delete Navigator.prototype.share; });
    await page.goto(`${server.url}?space=${space.id}&lang=en`);
    await page.getByRole('button', { name: 'Share this place' }).click();
    await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${link(server)}&lang=en`);
  });
});

test('routes in Traditional Chinese, in elderly mode at 360 px: the same links under its words', async () => {
  await session({ page: { viewport: { width: 360, height: 740 } } }, async (page, server) => {
    await page.addInitScript(() => localStorage.setItem('gz-charity-finder:elderly', '1'));
    await page.goto(`${server.url}?space=${space.id}&lang=zh-TW`);
    await page.getByRole('heading', { name: '怎麼去' }).waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('elderly')));
    const links = await routes(page);
    assert.deepEqual(links.map((l) => `${l.kind} ${l.service}`), ['步行 amap', '步行 tencent', '步行 apple', '公交地鐵 amap', '公交地鐵 tencent', '公交地鐵 apple']);
    assert.equal(new URL(links[3].href).searchParams.get('mode'), 'bus');
  });
});
