// The finder, used as a person would: filter, search, open details, share, go back.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, openPage, session, closeBrowser, screenshot, found, DIST, urlMatches, jsonRoute } from './harness.mjs';

after(closeBrowser);

const dataset = JSON.parse(readFileSync(join(DIST, 'data', 'spaces.json'), 'utf8'));
const panyu = dataset.spaces.filter((s) => s.district === '440113');
const panyuCertified = panyu.filter((s) => s.status === 'certified');
// Wednesday 2026-11-25, 12:00 in Guangzhou.
const NOON_WED = new Date('2026-11-25T04:00:00Z');

async function withApp(fn, { path = '', viewport, routes } = {}) {
  const server = await serve({ routes });
  const page = await openPage({ viewport });
  await page.clock.install({ time: NOON_WED });
  try {
    await page.goto(server.url + path);
    await page.getByRole('status').filter({ hasText: '共找到' }).waitFor();
    await fn(page, server);
    page.expectClean();
  } finally {
    await page.done();
    await server.close();
  }
}

const cardTitles = (page) => page.locator('.cards > li h3').allTextContents();

test('on a desktop screen the first results are in view, beside the map, and the map stays in view down the list', async () => {
  await withApp(async (page) => {
    const box = async (selector) => page.locator(selector).first().boundingBox();
    const [card, map] = [await box('.cards > li'), await box('.map')];
    assert.ok(card.y + 60 < 800, `the first card starts at ${card.y}px, below the 800px screen`);
    assert.ok(map.x >= card.x + card.width, 'the map is beside the list');
    // Down the list, the whole map stays on the screen.
    await page.evaluate(() => window.scrollTo(0, 900));
    const scrolled = await box('.map');
    assert.ok(scrolled.y >= 0 && scrolled.y + scrolled.height <= 800, `the map is at ${scrolled.y}–${scrolled.y + scrolled.height}px`);
  }, { viewport: { width: 1280, height: 800 } });
});

test('the list builds 12 cards at first and 24 more for each "show more"', async () => {
  await withApp(async (page) => {
    assert.equal(await page.locator('.cards > li').count(), 12);
    const more = page.getByRole('button', { name: '显示更多（还有 346 个）' });
    await more.click();
    assert.equal(await page.locator('.cards > li').count(), 36);
    await page.getByRole('button', { name: '显示更多（还有 322 个）' }).waitFor();
    // Thirty-six different spaces, none repeated.
    const titles = await cardTitles(page);
    assert.equal(new Set(titles).size, 36);
    // A new filter starts again at one window.
    await page.getByRole('checkbox', { name: /番禺区/ }).check();
    assert.equal(await page.locator('.cards > li').count(), 12);
  });
});

test('district, status and facets narrow the list; chips undo them', async () => {
  await withApp(async (page) => {
    assert.equal(await found(page), 358);
    const panyuBox = page.getByRole('checkbox', { name: /番禺区/ });
    assert.match(await page.locator('label.check', { has: panyuBox }).textContent(), /100/);
    await panyuBox.check();
    assert.equal(await found(page), 100);
    assert.match(await page.getByRole('status').first().textContent(), /共找到 100 个慈善空间（全部 358 个）/);
    // Faceted count: "certified only" shows what it would yield within Panyu (the counts follow
    // the list a frame later).
    const certified = page.getByRole('checkbox', { name: /只看已认证/ });
    await page.locator('label.check', { has: certified, hasText: `(${panyuCertified.length})` }).waitFor();
    assert.match(await page.locator('label.check', { has: certified }).textContent(), new RegExp(String(panyuCertified.length)));
    await certified.check();
    assert.equal(await found(page), panyuCertified.length);
    for (const place of await page.locator('.cards .card-place').allTextContents()) assert.match(place, /番禺区/);
    assert.equal(await page.locator('.cards .badge.registered').count(), 0);
    await screenshot(page, 'finder-filtered-1280');
    // Chips: remove one, then clear all.
    await page.getByRole('button', { name: '移除条件：只看已认证' }).click();
    assert.equal(await found(page), 100);
    await page.getByRole('button', { name: '清除全部条件' }).click();
    assert.equal(await found(page), 358);
  });
});

test('pinyin, initials and Chinese search find the matching cards', async () => {
  await withApp(async (page) => {
    const box = page.getByRole('searchbox', { name: /搜索名称/ });
    const shawan = dataset.spaces.filter((s) => s.street === '沙湾街道');
    // Exact queries find exactly the six spaces of 沙湾街道; a bare 'shawan' also finds 南沙区万顷沙
    // (nan-SHA-WAN-qing-sha), which is a correct pinyin reading, so there it only must include them.
    for (const [q, exact] of [['panyu shawan', true], ['pysw', true], ['沙湾', true], ['SHAWAN', false]]) {
      await box.fill(q);
      await page.waitForFunction(() => !document.querySelector('[role=status]').textContent.includes('358 个慈善空间（'));
      const titles = await cardTitles(page);
      for (const s of shawan) assert.ok(titles.includes(s.name), `${q}: ${s.name} missing`);
      if (exact) assert.equal(titles.length, shawan.length, `${q}: ${titles}`);
    }
    await box.fill('zzzzqqq');
    await page.getByText('没有符合条件的慈善空间').waitFor();
    await page.locator('.no-results').getByRole('button', { name: '清除全部条件' }).click();
    assert.equal(await found(page), 358);
    assert.equal(await box.inputValue(), '');
  });
});

test('open now keeps only spaces open at noon on a Wednesday', async () => {
  await withApp(async (page) => {
    const open = page.getByRole('checkbox', { name: /现在开放/ });
    const label = await page.locator('label.check', { has: open }).textContent();
    const expected = Number(/(\d+)/.exec(label.replace('现在开放', ''))[1]);
    assert.ok(expected > 0 && expected < 358, label);
    await open.check();
    assert.equal(await found(page), expected);
    await page.getByRole('button', { name: /显示更多/ }).click().catch(() => {});
    for (const s of await page.locator('.cards .state').allTextContents()) assert.match(s, /开放中|即将关闭/);
  });
});

test('a card opens its details with phone, hours and map links', async () => {
  await withApp(async (page) => {
    await page.getByRole('checkbox', { name: /番禺区/ }).check();
    const first = page.locator('.cards > li').first();
    const name = (await first.locator('h3').textContent()).trim();
    await first.getByRole('link', { name }).click();
    const details = page.getByRole('complementary', { name });
    await details.waitFor();
    await urlMatches(page, /space=gz-440113-/);
    const record = dataset.spaces.find((s) => s.name === name);
    assert.ok(record);
    assert.equal(await details.getByRole('link', { name: record.phone }).getAttribute('href'), `tel:${record.phone.replace(/[^0-9+]/g, '')}`);
    assert.ok((await details.textContent()).includes(record.address));
    // The pins (the routes are tested in routes.test.mjs).
    const pins = details.locator('.map-links');
    const amap = await pins.getByRole('link', { name: /高德地图/ }).getAttribute('href');
    assert.ok(amap.startsWith(`https://uri.amap.com/marker?position=${record.location.lng.toFixed(6)},${record.location.lat.toFixed(6)}`), amap);
    assert.match(await pins.getByRole('link', { name: /百度地图/ }).getAttribute('href'), /coord_type=wgs84/);
    assert.match(await pins.getByRole('link', { name: /腾讯地图/ }).getAttribute('href'), /coord_type=1/);
    assert.match(await pins.getByRole('link', { name: /Apple 地图/ }).getAttribute('href'), /maps\.apple\.com\/\?ll=/);
    if (record.opening_hours) {
      const today = details.locator('tr[aria-current=date]');
      assert.match(await today.textContent(), /星期三（今天）/);
    }
    await screenshot(page, 'details-1280');
    await page.keyboard.press('Escape');
    assert.equal(await details.count(), 0);
    await urlMatches(page, /space=/, { not: true });
  });
});

test('"copy address" puts the address on the clipboard and says so; a refused clipboard is explained', async () => {
  for (const [permissions, message] of [[['clipboard-read', 'clipboard-write'], '地址已复制'], [[], '无法自动复制']]) {
    await session({ page: { permissions } }, async (page, server) => {
      const record = panyu[0];
      await page.goto(`${server.url}?space=${record.id}`);
      const details = page.getByRole('complementary', { name: record.name });
      const copy = details.getByRole('button', { name: '复制地址' });
      await copy.focus();
      await page.keyboard.press('Enter');
      await details.getByRole('status').filter({ hasText: message }).waitFor();
      // The panel was not rebuilt under the keyboard: focus is still on the button.
      assert.equal(await page.evaluate(() => document.activeElement.textContent), '复制地址');
      if (permissions.length) assert.equal(await page.evaluate(() => navigator.clipboard.readText()), record.address);
    });
  }
});

test('the URL reproduces the view, and Back returns to the previous one', async () => {
  await withApp(async (page, server) => {
    await page.getByRole('checkbox', { name: /番禺区/ }).check();
    await page.getByRole('checkbox', { name: /只看已认证/ }).check();
    await page.getByRole('searchbox').fill('shawan');
    const n = await found(page);
    await urlMatches(page, /q=shawan/);
    const url = page.url();
    assert.match(url, /district=440113/);
    assert.match(url, /status=certified/);
    assert.match(url, /q=shawan/);
    // Copy the URL into a new page: the same view.
    const other = await openPage();
    await other.goto(url);
    await other.getByRole('status').filter({ hasText: '共找到' }).waitFor();
    assert.equal(await found(other), n);
    assert.equal(await other.getByRole('searchbox').inputValue(), 'shawan');
    assert.ok(await other.getByRole('checkbox', { name: /番禺区/ }).isChecked());
    other.expectClean();
    await other.done();
    // Back: each discrete change pushed an entry; the typing added one entry in all.
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('q='));
    assert.equal(await found(page), panyuCertified.length);
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('status='));
    assert.equal(await found(page), 100);
    await page.goForward();
    await page.waitForFunction(() => location.search.includes('status=certified'));
    assert.equal(await found(page), panyuCertified.length);
    assert.ok(server);
  });
});

test('malformed URL parameters are ignored with a notice, no error', async () => {
  await withApp(async (page) => {
    assert.equal(await found(page), 358);
    const note = await page.getByRole('note').first().textContent();
    assert.match(note, /district, near, q/);
    assert.doesNotMatch(note, /zzz|abc/, 'the notice names parameters, never their values');
    await urlMatches(page, /zzz/, { not: true });
  }, { path: '?district=zzz&near=abc&q=%E0%A4' });
});

test('a crafted link cannot make the page display a message of its own', async () => {
  const message = encodeURIComponent('官方通知：请致电 400-000-0000 领取补贴');
  await withApp(async (page) => {
    const note = await page.getByRole('note').first().textContent();
    assert.doesNotMatch(note, /补贴|400-000/);
    assert.match(note, /district, a, b, c, d$/, 'five names at most');
  }, { path: `?district=${message}&a=1&b=2&c=3&d=4&e=5&f=6` });
});

test('hostile text in the data renders as plain text without breaking the layout', async () => {
  const hostile = structuredClone(dataset);
  const long = '很长的名字'.repeat(60);
  hostile.spaces[0].name = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
  hostile.spaces[0].address = `<b>粗体</b>${'x'.repeat(400)}`;
  hostile.spaces[0].opening_hours = '<i>';
  hostile.spaces[1].name = long;
  hostile.spaces[1].organization = '"><svg onload=window.__xss=3>';
  const body = JSON.stringify(hostile);
  const routes = { 'data/spaces.json': jsonRoute(body) };
  await withApp(async (page) => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
      await page.setViewportSize(viewport);
      await page.getByRole('searchbox').fill('');
      await page.getByRole('searchbox').fill('<script>');
      await page.locator('.cards > li').first().waitFor();
      const title = await page.locator('.cards > li h3').first().textContent();
      assert.equal(title.trim(), hostile.spaces[0].name);
      assert.equal(await page.locator('.cards img, .cards script, .cards b').count(), 0);
      await page.getByRole('searchbox').fill('很长的名字');
      await page.locator('.cards > li').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px at ${viewport.width}px`);
    }
    await page.locator('.cards > li h3 a').first().click();
    await page.getByRole('complementary').waitFor();
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    await screenshot(page, 'hostile-360');
  }, { routes });
});

test('at 375 px the filters sit in a drawer and the list comes first', async () => {
  await withApp(async (page) => {
    const toggle = page.getByRole('button', { name: '显示筛选' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.getByRole('checkbox', { name: /番禺区/ }).isVisible(), false);
    await screenshot(page, 'finder-375');
    await toggle.click();
    await page.getByRole('checkbox', { name: /番禺区/ }).check();
    assert.equal(await found(page), 100);
    assert.match(await page.getByRole('button', { name: /收起筛选/ }).textContent(), /\(1\)/);
    await screenshot(page, 'finder-375-drawer');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `sideways scroll ${overflow}px`);
  }, { viewport: { width: 375, height: 667 } });
});
