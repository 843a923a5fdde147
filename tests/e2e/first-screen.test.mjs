// The first screen is the answer: on a phone the search box, the count and two whole cards (one in
// elderly mode, whose large text and targets stay as they are); on a desktop three whole cards and
// the map. The same for the prerendered first view, before the app is live.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { session, closeBrowser, screenshot } from './harness.mjs';

after(closeBrowser);

const SCREENS = [
  { viewport: { width: 360, height: 740 }, elderly: false, cards: 2, map: false },
  { viewport: { width: 360, height: 740 }, elderly: true, cards: 1, map: false },
  { viewport: { width: 1280, height: 800 }, elderly: false, cards: 3, map: true },
];

/** What of `scope` is wholly on the first screen: the search box, the count and the cards. */
const firstScreen = (page, scope) => page.evaluate((scope) => {
  const whole = (el) => { const r = el.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth; };
  const one = (s) => { const el = document.querySelector(`${scope} ${s}`); return Boolean(el && whole(el)); };
  return {
    search: one('input[type=search]'),
    count: one('.results-bar .count'),
    cards: Array.from(document.querySelectorAll(`${scope} .cards > li`)).filter(whole).length,
    map: (() => { const m = document.querySelector(`${scope} .map`); return Boolean(m && m.getBoundingClientRect().top < innerHeight - 200); })(),
  };
}, scope);

for (const { viewport, elderly, cards, map } of SCREENS) {
  const label = `${viewport.width} × ${viewport.height}${elderly ? ', elderly mode' : ''}`;

  test(`${label}: the search, the count and ${cards} whole card(s)${map ? ' and the map' : ''} on the first screen`, async () => {
    await session({ page: { viewport } }, async (page, server) => {
      if (elderly) await page.addInitScript(() => localStorage.setItem('gz-charity-finder:elderly', '1'));
      await page.goto(server.url);
      await page.getByRole('status').filter({ hasText: '共找到' }).waitFor();
      await page.locator('body > main .cards > li').first().waitFor();
      const seen = await firstScreen(page, 'body > main');
      assert.ok(seen.search && seen.count, JSON.stringify(seen));
      assert.ok(seen.cards >= cards, `${seen.cards} whole cards on the first screen, ${cards} wanted`);
      if (map) assert.ok(seen.map, 'the map is on the first screen');
      await screenshot(page, `first-screen-${viewport.width}${elderly ? '-elderly' : ''}`);
      // "Or choose a place" opens the district, street and map choices, with the privacy line.
      await page.getByText('或选择地点').click();
      await page.getByRole('combobox', { name: '从区的中心计算距离' }).waitFor();
      await page.getByText('位置只在本设备上用于计算距离').waitFor();
      await screenshot(page, `first-screen-${viewport.width}${elderly ? '-elderly' : ''}-choose-place`);
    });
  });

  test(`${label}: the prerendered first view shows the same first screen before the app is live`, async () => {
    await session({ page: { viewport } }, async (page, server) => {
      if (elderly) await page.addInitScript(() => localStorage.setItem('gz-charity-finder:elderly', '1'));
      await page.route('**/*_bg.wasm', () => {}); // never answered: the app does not start
      await page.gotoFirstView(server.url);
      await page.locator('#first-view .cards > li').first().waitFor();
      const seen = await firstScreen(page, '#first-view');
      assert.ok(seen.search && seen.count, JSON.stringify(seen));
      assert.ok(seen.cards >= cards, `${seen.cards} whole cards in the prerendered first screen, ${cards} wanted`);
    });
  });
}
