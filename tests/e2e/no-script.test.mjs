// Every browser gets the list: when the app cannot start (an engine that refuses the wasm), the
// page says so at once in its language and leads to the text list of every space, which needs no
// script, as it does for a browser with script turned off.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, openPage, closeBrowser, screenshot, axe, DIST } from './harness.mjs';

after(closeBrowser);

const dataset = JSON.parse(readFileSync(join(DIST, 'data', 'spaces.json'), 'utf8'));

/** An engine that cannot compile the app's wasm (as one without reference types fails it). */
function refuseWasm() {
  const refuse = () => Promise.reject(new WebAssembly.CompileError('this engine cannot compile the module'));
  WebAssembly.instantiateStreaming = refuse;
  WebAssembly.compileStreaming = refuse;
  WebAssembly.instantiate = refuse;
  WebAssembly.compile = refuse;
  new MutationObserver((_, observer) => {
    if (document.querySelector('[role=alert]')) { window.__alertAt = performance.now(); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
}

for (const [locale, alert, link, list] of [
  ['zh-CN', '地图版无法在这个浏览器中启动', '查看全部慈善空间的文字版列表', 'list.html'],
  ['en-US', 'The map version could not start in this browser', 'See the text list of all charity spaces', 'list-en.html'],
]) {
  test(`${locale}: when the wasm cannot be compiled, the page says so at once and leads to the text list`, async () => {
    const server = await serve();
    const page = await openPage({ locale, viewport: { width: 360, height: 740 } });
    try {
      await page.addInitScript(refuseWasm);
      await page.gotoFirstView(server.url);
      const box = page.getByRole('alert').filter({ hasText: alert });
      await box.waitFor();
      assert.match(await box.textContent(), /Chrome, Edge, Safari|Chrome、Edge、Safari/);
      const at = await page.evaluate(() => window.__alertAt);
      assert.ok(at < 3000, `the message came ${Math.round(at)} ms after navigation`);
      await screenshot(page, `start-failed-${locale}`);
      await box.getByRole('link', { name: link }).click();
      await page.waitForURL(new RegExp(`${list}$`));
      assert.equal(await page.locator('.spaces > li').count(), dataset.spaces.length);
      page.expectClean(['CompileError', 'cannot compile']);
    } finally {
      await page.done();
      await server.close();
    }
  });
}

for (const [what, pattern] of [['the app\'s script', /\/app-[0-9a-f]+\.js$/], ['the wasm', /_bg\.wasm$/]]) {
  test(`a proxy that blocks ${what}: the page says the map cannot start and leads to the text list`, async () => {
    const server = await serve();
    const page = await openPage();
    try {
      await page.route(pattern, (route) => route.abort('blockedbyclient'));
      await page.gotoFirstView(server.url);
      const box = page.getByRole('alert').filter({ hasText: '地图版无法在这个浏览器中启动' });
      await box.waitFor();
      assert.equal(await box.getByRole('link', { name: '查看全部慈善空间的文字版列表' }).getAttribute('href'), 'list.html');
      page.expectClean(['Failed to load resource', 'ERR_BLOCKED_BY_CLIENT', 'Failed to fetch', 'TypeError']);
    } finally {
      await page.done();
      await server.close();
    }
  });
}

test('with JavaScript turned off the page offers the text list, which holds every space', async () => {
  const server = await serve();
  const page = await openPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  try {
    await page.gotoFirstView(server.url);
    await page.getByRole('link', { name: '全部慈善空间的文字版列表' }).click();
    await page.waitForURL(/list\.html$/);
    const names = await page.locator('.spaces > li h3').allTextContents();
    assert.deepEqual(names.sort(), dataset.spaces.map((s) => s.name).sort());
    // Each space: its address, a phone to call, its hours in words, and the way into the app.
    const first = page.locator('.spaces > li').first();
    assert.match(await first.textContent(), /地址.*开放时间/);
    assert.match(await first.getByRole('link').first().getAttribute('href'), /^\.\/\?space=/);
    page.expectClean();
  } finally {
    await page.done();
    await server.close();
  }
});

for (const file of ['list.html', 'list-en.html', 'list-zh-TW.html']) {
  test(`${file}: passes axe, no sideways scroll at 360 px, links to the app and the other languages`, async () => {
    const server = await serve();
    const page = await openPage({ viewport: { width: 360, height: 740 } });
    try {
      await page.goto(server.url + file);
      await axe(page, file);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `sideways scroll ${overflow}px`);
      assert.equal(await page.locator('a[href^="./"]').first().count(), 1);
      assert.equal(await page.locator('a[hreflang]').count(), 2);
      await screenshot(page, `text-list-${file.replace('.html', '')}-360`);
      page.expectClean();
    } finally {
      await page.done();
      await server.close();
    }
  });
}
