// Nothing a person does on the first view is lost (issue 22). Under the slow profile (4× CPU,
// slow 4G: 150 ms, 1.6 Mbit/s down) the prerendered list is painted long before the app is live;
// what is ticked, typed or pressed on it then is taken when the app is live, exactly once, and
// stays visible meanwhile. These tests check behaviour, not time: the app's wasm is held until the
// person has acted, so that "before the app is live" holds however fast the machine is that hour.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { session, closeBrowser, found } from './harness.mjs';

after(closeBrowser);

const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/**
 * Opens the page under the slow profile, the app's wasm held, and returns as soon as the first
 * view is painted, with the function that lets the app start.
 */
async function openSlow(page, url) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  let release;
  const released = new Promise((r) => { release = r; });
  await page.route('**/*_bg.wasm', async (route) => { await released; await route.continue(); });
  await page.gotoFirstView(url, { waitUntil: 'commit' });
  await page.locator('#first-view .cards > li').first().waitFor();
  return release;
}

const live = (page) => page.waitForFunction(() => !document.getElementById('first-view'), null, { timeout: 60_000 });
const stillFirstView = async (page) => assert.equal(await page.locator('#first-view').count(), 1, 'acted before the app was live');

test('slow 4G: Panyu ticked at the first paint → its list of 100 follows without a second click', async () => {
  await session({}, async (page, server) => {
    const release = await openSlow(page, server.url);
    const entries = await page.evaluate(() => history.length);
    const early = page.locator('#first-view .filter-panel input[value="440113"]');
    await early.check();
    await stillFirstView(page);
    assert.equal(await early.isChecked(), true, 'the box stays ticked');
    release();
    await live(page);
    await page.waitForFunction(() => /共找到 100 /.test(document.querySelector('.results-bar .count')?.textContent ?? ''));
    assert.equal(await page.getByRole('checkbox', { name: /番禺区/ }).isChecked(), true);
    assert.match(page.url(), /[?&]district=440113(&|$)/);
    // Exactly once: one new history entry, and Back returns to the whole city.
    assert.equal(await page.evaluate(() => history.length), entries + 1);
    await page.goBack();
    await page.waitForFunction(() => /共找到 358 /.test(document.querySelector('.results-bar .count')?.textContent ?? ''));
  });
});

test('slow 4G: "沙湾" typed at the first paint → the filtered list follows, the text intact, typing goes on', async () => {
  await session({}, async (page, server) => {
    const release = await openSlow(page, server.url);
    const early = page.locator('#first-view .search input');
    await early.click();
    await page.keyboard.type('沙湾');
    await stillFirstView(page);
    assert.equal(await early.inputValue(), '沙湾');
    release();
    await live(page);
    const box = page.getByRole('searchbox');
    await page.waitForFunction(() => Number(/共找到 (\d+) /.exec(document.querySelector('.results-bar .count')?.textContent ?? '')?.[1]) < 358);
    assert.equal(await box.inputValue(), '沙湾');
    const n = await found(page);
    // The focus followed into the live box: the next keystroke lands there.
    await page.waitForFunction(() => document.activeElement?.id === 'q');
    await page.keyboard.type('街');
    assert.equal(await box.inputValue(), '沙湾街');
    await page.waitForFunction((before) => Number(/共找到 (\d+) /.exec(document.querySelector('.results-bar .count')?.textContent ?? '')?.[1]) <= before, n);
    assert.match(decodeURIComponent(page.url()), /q=沙湾街/);
  });
});

test('slow 4G, 360 px: "show filters", a status and the map tab pressed early are all taken', async () => {
  await session({ page: { viewport: { width: 360, height: 740 } } }, async (page, server) => {
    const release = await openSlow(page, server.url);
    const toggle = page.locator('#first-view .filters-toggle');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.locator('#first-view .filter-panel input[value="certified"]').check();
    await page.locator('#first-view .view-toggle .pane-map').click();
    assert.equal(await page.locator('#first-view .view-toggle .pane-map').getAttribute('aria-pressed'), 'true');
    // "Use my location" cannot act yet: it says it is getting ready.
    const locate = page.locator('#first-view .near-row > button');
    await stillFirstView(page);
    release();
    await live(page);
    await page.waitForFunction(() => /共找到 165 /.test(document.querySelector('.results-bar .count')?.textContent ?? ''));
    assert.equal(await page.locator('main .filters-toggle').getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator('main .view-toggle .pane-map').getAttribute('aria-pressed'), 'true');
    assert.match(page.url(), /status=certified/);
    assert.match(page.url(), /view=map/);
    assert.equal(await locate.count(), 0);
  });
});

test('slow 4G: "use my location" pressed early says it is getting ready, then asks once the app is live', async () => {
  await session({ page: { permissions: ['geolocation'], geolocation: { latitude: 23.1064, longitude: 113.3245 } } }, async (page, server) => {
    const release = await openSlow(page, server.url);
    const early = page.locator('#first-view .near-row > button');
    await early.click();
    await stillFirstView(page);
    assert.equal(await early.getAttribute('aria-busy'), 'true');
    assert.match(await early.textContent(), /正在准备/);
    release();
    await live(page);
    await page.locator('.origin').filter({ hasText: '您的位置' }).waitFor();
    assert.doesNotMatch(page.url(), /near=/, 'the device position stays out of the URL');
  });
});
