// Ready for the government site: axe-core scans, keyboard-only use, English with no Chinese
// interface text, elderly mode, and embedding in an iframe on another origin.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { serve, openPage, session, closeBrowser, screenshot, found, axe } from './harness.mjs';

after(closeBrowser);


async function ready(page) {
  await page.getByRole('status').filter({ hasText: /共找到|charity spaces found/ }).waitFor();
}

for (const lang of ['zh-CN', 'en']) {
  for (const elderly of [false, true]) {
    test(`axe finds no violations (${lang}${elderly ? ', elderly mode' : ''}): start, filtered, details, map, overview`, async () => {
      const server = await serve();
      const page = await openPage();
      try {
        await page.goto(`${server.url}?lang=${lang}${elderly ? '&elderly=1' : ''}`);
        await ready(page);
        await page.locator('.map .leaflet-marker-icon').first().waitFor();
        await axe(page, 'start');
        await page.getByRole('checkbox', { name: lang === 'en' ? /Panyu/ : /番禺区/ }).check();
        await axe(page, 'filtered');
        await page.locator('.cards > li h3 a').first().click();
        await page.getByRole('complementary').waitFor();
        await axe(page, 'details');
        await page.keyboard.press('Escape');
        await page.getByRole('checkbox', { name: lang === 'en' ? 'Counts by district' : '按区显示数量' }).check();
        await axe(page, 'map');
        if (elderly) await screenshot(page, `elderly-${lang}-1280`);
        await page.getByRole('button', { name: lang === 'en' ? 'Overview' : '统计概览' }).click();
        await page.locator('.chart-table summary').first().click();
        await axe(page, 'overview');
        page.expectClean();
      } finally {
        await page.done();
        await server.close();
      }
    });
  }
}

test('keyboard only: filter to a district, open a space, read its phone number', async () => {
  await session({}, async (page, server) => {
  await page.goto(server.url);
  await ready(page);
  // The first Tab reaches the skip link.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '跳到搜索结果');
  // Tab on to the Panyu checkbox and tick it with Space.
  let guard = 0;
  while (!(await page.evaluate(() => document.activeElement?.closest('label')?.textContent.includes('番禺区'))) && guard < 80) {
    await page.keyboard.press('Tab');
    guard += 1;
  }
  assert.ok(guard < 80, 'the Panyu checkbox is reachable by Tab');
  const focusVisible = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle !== 'none');
  assert.ok(focusVisible, 'focus is visible');
  await page.keyboard.press('Space');
  assert.equal(await found(page), 100);
  // On to the first card's link, open it with Enter.
  guard = 0;
  while (!(await page.evaluate(() => !!document.activeElement?.closest('.cards'))) && guard < 80) {
    await page.keyboard.press('Tab');
    guard += 1;
  }
  const name = await page.evaluate(() => document.activeElement.textContent);
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name });
  await details.waitFor();
  // Focus moved to the details heading; Tab reaches the phone link.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'details-title');
  guard = 0;
  while (!(await page.evaluate(() => document.activeElement?.getAttribute('href')?.startsWith('tel:'))) && guard < 20) {
    await page.keyboard.press('Tab');
    guard += 1;
  }
  const phone = await page.evaluate(() => document.activeElement.textContent);
  assert.match(phone, /^020-\d{8}$/);
  await page.keyboard.press('Escape');
  assert.equal(await details.count(), 0);
  });
});

test('?lang=en shows no Chinese interface text (data aside)', async () => {
  await session({ page: { locale: 'zh-CN' } }, async (page, server) => {
  await page.goto(`${server.url}?lang=en`);
  await ready(page);
  await page.locator('.map .leaflet-marker-icon').first().waitFor();
  await page.locator('.cards > li h3 a').first().click();
  await page.getByRole('complementary').waitFor();
  // The selected space's name on the map (a tooltip, once the map has zoomed to it) is data too.
  await page.locator('.leaflet-tooltip').first().waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.title(), 'Guangzhou Charity Space Finder');
  const chinese = await page.evaluate(() => {
    const cjk = /[\u3400-\u9fff]/;
    const out = [];
    const inData = (el) => el && el.closest('[lang^="zh"]');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (cjk.test(n.textContent) && !inData(n.parentElement) && !n.parentElement.closest('script,noscript')) out.push(n.textContent.trim());
    }
    for (const el of document.querySelectorAll('[aria-label],[placeholder],[title]')) {
      for (const a of ['aria-label', 'placeholder']) if (cjk.test(el.getAttribute(a) ?? '') && !inData(el)) out.push(`${a}: ${el.getAttribute(a)}`);
    }
    return out;
  });
  assert.deepEqual(chinese, []);
  await screenshot(page, 'english-1280');
  });
});

test('elderly mode: large text and targets, remembered on the device', async () => {
  await session({ page: { viewport: { width: 375, height: 667 } } }, async (page, server) => {
  await page.goto(server.url);
  await ready(page);
  const toggle = page.getByRole('button', { name: '长者模式' });
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.card-place')).fontSize));
  assert.ok(size >= 18 * 4 / 3 - 0.5, `body text ${size}px (18 pt = 24 px)`);
  const small = await page.evaluate(() => [...document.querySelectorAll('button, select, input[type=search]')]
    .filter((el) => el.offsetParent && el.getBoundingClientRect().height < 59.5)
    .map((el) => `${el.tagName} ${el.textContent.trim().slice(0, 20)} ${el.getBoundingClientRect().height}`));
  assert.deepEqual(small, []);
  await screenshot(page, 'elderly-375');
  await page.reload();
  await ready(page);
  assert.equal(await page.getByRole('button', { name: '长者模式' }).getAttribute('aria-pressed'), 'true');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `sideways scroll ${overflow}px`);
  });
});

test('embedded in an iframe on another origin: compact view, height posted to the host', async () => {
  const app = await serve();
  const host = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>host</title>
      <iframe id="f" src="${app.url}?district=440113&embed=1" title="finder" style="width:100%;height:400px;border:0"></iframe>
      <script>window.heights = []; window.addEventListener('message', (e) => {
        if (e.origin === '${new URL(app.url).origin}' && e.data && e.data.type === 'gz-charity-finder:height') window.heights.push(e.data.height);
      });</script>`);
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  const page = await openPage();
  // Every target origin the finder posts to (the init script runs in the iframe too).
  // (`parent` is a replaceable attribute: in the iframe it becomes a recorder in front of the host.)
  await page.addInitScript(() => {
    if (window.top === window) return;
    const host = window.parent;
    window.__targets = [];
    window.parent = { postMessage: (message, target) => { window.__targets.push(target); host.postMessage(message, target); } };
  });
  try {
    await page.goto(`http://127.0.0.1:${host.address().port}/`);
    const frame = page.frameLocator('#f');
    await frame.getByRole('status').filter({ hasText: '共找到 100 ' }).waitFor();
    assert.equal(await frame.getByRole('banner').count(), 0);
    assert.equal(await frame.getByRole('contentinfo').count(), 0);
    await page.waitForFunction(() => window.heights.length > 0 && window.heights.at(-1) > 400);
    const height = await page.evaluate(() => window.heights.at(-1));
    assert.ok(height > 400, `height ${height}`);
    // Posted to the host page's own origin only, never to '*'.
    const targets = await page.frames().find((f) => f.url().includes('embed=1')).evaluate(() => window.__targets);
    assert.ok(targets.length > 0);
    assert.deepEqual([...new Set(targets)], [`http://127.0.0.1:${host.address().port}`]);
    await screenshot(page, 'embedded-host');
    page.expectClean();
  } finally {
    await page.done();
    host.close();
    await app.close();
  }
});

test('"embed this view" gives an iframe snippet for the current filters', async () => {
  await session({}, async (page, server) => {
  await page.goto(`${server.url}?district=440113&status=certified`);
  await ready(page);
  await page.getByText('嵌入此视图').click();
  const code = await page.getByRole('textbox', { name: '嵌入此视图' }).inputValue();
  assert.match(code, /<iframe id="gz-charity-finder" src="http:\/\/127\.0\.0\.1:\d+\/\?district=440113&amp;status=certified&amp;embed=1"/);
  assert.match(code, /gz-charity-finder:height/);
  });
});

test('the embed code an editor copies, pasted on another origin\'s page, shows the view and sizes its iframe', async () => {
  const app = await serve();
  let snippet;
  const host = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>host</title><h1>区政府网站</h1>${snippet}`);
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  const page = await openPage();
  try {
    await page.goto(`${app.url}?district=440113&status=certified`);
    await page.getByText('嵌入此视图').click();
    snippet = await page.locator('.embed-code textarea').inputValue();
    assert.match(snippet, /^<iframe id="gz-charity-finder" src="[^"]+\?district=440113&amp;status=certified&amp;embed=1"/);
    await page.goto(`http://127.0.0.1:${host.address().port}/`);
    const frame = page.frameLocator('#gz-charity-finder');
    await frame.getByRole('status').filter({ hasText: /共找到 \d+ / }).waitFor();
    await page.waitForFunction(() => document.getElementById('gz-charity-finder').style.height !== '800px');
    const height = await page.evaluate(() => parseFloat(document.getElementById('gz-charity-finder').style.height));
    assert.ok(height > 400, `height ${height}`);
    page.expectClean();
  } finally {
    await page.done();
    host.close();
    await app.close();
  }
});
