// The prerendered first view (scripts/prerender.mjs): a first visit paints the list from the HTML
// while the app still loads, read-only, and the app's own page replaces it with the same list.
// Visits the copy does not fit (a link with filters, another language) never see it; with elderly
// mode kept on the device it shows in large text, as the live page will.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { session, closeBrowser, screenshot } from './harness.mjs';

after(closeBrowser);

/** Holds the app's wasm until `release()` is called: the page as it is before the app runs. */
async function holdApp(page) {
  let release;
  const released = new Promise((r) => { release = r; });
  await page.route('**/*_bg.wasm', async (route) => { await released; await route.continue(); });
  return release;
}

const names = (page, scope) => page.locator(`${scope} .cards > li .card-title`).allTextContents();
const firstViewShown = (page) => page.locator('#first-view').isVisible();

const ELDERLY = () => localStorage.setItem('gz-charity-finder:elderly', '1');

for (const [viewport, elderly] of [[{ width: 360, height: 740 }, false], [{ width: 1280, height: 800 }, false], [{ width: 360, height: 740 }, true]]) {
  const label = `${viewport.width} px${elderly ? ', elderly mode kept on the device' : ''}`;
  test(`a first visit at ${label} reads the list from the page itself, then the live app takes over with the same list`, async () => {
    await session({ page: { viewport } }, async (page, server) => {
      if (elderly) await page.addInitScript(ELDERLY);
      const release = await holdApp(page);
      await page.gotoFirstView(server.url);
      // Before any app code has run: the heading, the search box and twelve cards are on screen.
      await page.getByRole('heading', { name: '广州慈善空间地图' }).waitFor({ state: 'attached' });
      assert.equal(await firstViewShown(page), true);
      const prerendered = await names(page, '#first-view');
      assert.equal(prerendered.length, 12);
      // The browser waits for the whole copy before its first frame: the hint names its last element.
      assert.equal(await page.evaluate(() => {
        const hint = document.querySelector('link[rel=expect][blocking=render]');
        return hint && document.querySelector(hint.getAttribute('href')) === document.querySelector('#first-view').lastElementChild;
      }), true);
      const places = (scope) => page.evaluate((scope) => ['input[type=search]', '.results-bar .count', '.cards > li .card-title'].map((s) => {
        const box = document.querySelector(`${scope} ${s}`).getBoundingClientRect();
        return [s, Math.round(box.x), Math.round(box.y + scrollY), Math.round(box.width)];
      }), scope);
      const before = await places('#first-view');
      await page.locator('#first-view .cards > li').first().scrollIntoViewIfNeeded();
      assert.equal(await page.locator('#first-view .cards > li').first().isVisible(), true);
      await screenshot(page, `first-view-${viewport.width}${elderly ? '-elderly' : ''}`);
      // Elderly mode is on before the app runs: large text, and its toggle shows pressed.
      const looks = await page.evaluate(() => ({
        elderly: document.documentElement.classList.contains('elderly'),
        text: parseFloat(getComputedStyle(document.querySelector('#first-view .card-title')).fontSize),
        toggle: getComputedStyle(document.querySelector('#first-view .pref-toggle')).fontWeight,
      }));
      assert.equal(looks.elderly, elderly);
      assert.equal(looks.toggle === '700', elderly);
      // Nothing that depends on the hour: the app adds open/closed when it runs.
      assert.equal(await page.locator('#first-view .card .state').count(), 0);
      // Live to the touch (what it takes is kept for the app: no-lost-input.test.mjs).
      assert.equal(await page.evaluate(() => document.getElementById('first-view').inert), false);

      release();
      await page.waitForFunction(() => !document.getElementById('first-view'), null, { timeout: 30_000 });
      await page.locator('body > main .cards > li').first().waitFor();
      assert.deepEqual(await names(page, 'body > main'), prerendered, 'the live list starts with the same spaces');
      assert.deepEqual(await places('body > main'), before, 'nothing moves when the live page takes over');
      assert.equal(await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('body > main .card-title')).fontSize)), looks.text);
      assert.equal(await page.locator('body > main .pref-toggle, body > header .pref-toggle').first().getAttribute('aria-pressed'), String(elderly));
      assert.ok(await page.locator('body > main .card .state').first().isVisible(), 'the live cards say whether each is open');
      // The live page answers: a search narrows the list.
      await page.getByRole('searchbox').fill('沙湾');
      await page.waitForFunction(() => Number(/共找到 (\d+) /.exec(document.querySelector('.results-bar .count')?.textContent ?? '')?.[1]) < 358);
    });
  });
}

for (const [what, path, pageOptions] of [
  ['a link with filters', '?district=440113', {}],
  ['an English browser', '', { locale: 'en-US' }],
]) {
  test(`${what} never shows the first view, which was made for another visit`, async () => {
    await session({ page: pageOptions }, async (page, server) => {
      const release = await holdApp(page);
      await page.gotoFirstView(server.url + path);
      await page.locator('#first-view').waitFor({ state: 'attached' });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal(await firstViewShown(page), false);
      release();
      await page.locator('body > main .cards > li').first().waitFor({ timeout: 30_000 });
      assert.equal(await page.locator('#first-view').count(), 0);
    });
  });
}
