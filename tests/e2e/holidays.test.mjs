// Holidays and adjusted working days in "open now" (data/holidays.json), with the page's clock
// fixed on given moments in Guangzhou: National Day 2026, the Saturday worked after it, and a date
// beyond the calendar.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { session, closeBrowser, found, DIST } from './harness.mjs';

after(closeBrowser);

const dataset = JSON.parse(readFileSync(join(DIST, 'data', 'spaces.json'), 'utf8'));
const withHours = (hours) => dataset.spaces.find((s) => s.opening_hours === hours);
const phOff = withHours('Tu-Su 09:00-17:00; PH off');
const weekdays = withHours('Mo-Fr 09:00-17:30');
const all = (hours) => dataset.spaces.filter((s) => s.opening_hours === hours).length;

/** Opens `query` with the clock fixed at `isoCst` (a local time in Guangzhou, UTC+8). */
async function at(page, server, isoCst, query) {
  await page.clock.setFixedTime(new Date(`${isoCst}+08:00`));
  await page.goto(`${server.url}${query}`);
}

const details = (page, space) => page.getByRole('complementary', { name: space.name });

test('National Day 2026: "PH off" is closed and says why; hours without a holiday rule are flagged', async () => {
  await session({}, async (page, server) => {
    await at(page, server, '2026-10-01T10:00:00', `?space=${phOff.id}`);
    const panel = details(page, phOff);
    await panel.locator('.state', { hasText: '已关闭' }).waitFor();
    assert.equal(await panel.locator('.card-meta .day-note').textContent(), '国庆节（节假日时间）');
    // The week's table: Thursday (today) and the days off after it show the holiday's hours.
    const today = panel.locator('tr[aria-current=date]');
    assert.match(await today.textContent(), /星期四（今天）国庆节（节假日时间）不开放/);
    await page.keyboard.press('Escape');
    // "Open now" leaves out every space closed for the holiday.
    const before = await found(page);
    await page.getByRole('checkbox', { name: /现在开放/ }).check();
    await page.waitForFunction((n) => Number(/共找到 (\d+) /.exec(document.querySelector('.results-bar .count')?.textContent ?? '')?.[1]) < n, before);
    const open = await page.evaluate(() => [...document.querySelectorAll('.cards .card-title a')].map((a) => a.textContent));
    assert.ok(!open.includes(phOff.name));
    await page.goto(`${server.url}?space=${weekdays.id}`);
    const flagged = details(page, weekdays);
    await flagged.locator('.state', { hasText: '开放中' }).waitFor();
    assert.equal(await flagged.locator('.card-meta .day-note').textContent(), '国庆节，时间可能不同，请先致电');
  });
});

test('2026-10-10, a Saturday worked (调休): weekday hours apply and the card says so, in English too', async () => {
  await session({}, async (page, server) => {
    await at(page, server, '2026-10-10T10:00:00', `?space=${weekdays.id}`);
    const panel = details(page, weekdays);
    await panel.locator('.state', { hasText: '开放中' }).waitFor();
    assert.equal(await panel.locator('.card-meta .day-note').textContent(), '调休上班日');
    assert.match(await panel.locator('tr[aria-current=date]').textContent(), /星期六（今天）调休上班日09:00–17:30/);
    await page.goto(`${server.url}?space=${weekdays.id}&lang=en`);
    const english = details(page, weekdays);
    await english.locator('.card-meta .day-note', { hasText: 'Adjusted working day' }).waitFor();
    assert.match(await english.locator('.state').textContent(), /^Open/);
  });
});

test('beyond the calendar (2027-10-01): the weekday hours hold and the details say holiday hours may differ', async () => {
  await session({}, async (page, server) => {
    await at(page, server, '2027-10-01T10:00:00', `?space=${phOff.id}`);
    const panel = details(page, phOff);
    await panel.locator('.state', { hasText: '开放中' }).waitFor();
    assert.equal(await panel.locator('.day-note').count(), 0);
    await panel.getByText('法定节假日开放时间可能不同').waitFor();
    assert.ok(all('Tu-Su 09:00-17:00; PH off') > 1);
  });
});

test('National Day and the Saturday worked in Traditional Chinese, in elderly mode at 360 px', async () => {
  await session({ page: { viewport: { width: 360, height: 740 } } }, async (page, server) => {
    await page.addInitScript(() => localStorage.setItem('gz-charity-finder:elderly', '1'));
    await at(page, server, '2026-10-01T10:00:00', `?space=${phOff.id}&lang=zh-TW`);
    const panel = details(page, phOff);
    await panel.locator('.state', { hasText: '已關閉' }).waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('elderly')));
    assert.equal(await panel.locator('.card-meta .day-note').textContent(), '國慶節（節假日時間）');
    await at(page, server, '2026-10-10T10:00:00', `?space=${weekdays.id}&lang=zh-TW`);
    const worked = details(page, weekdays);
    await worked.locator('.state', { hasText: '開放中' }).waitFor();
    assert.equal(await worked.locator('.card-meta .day-note').textContent(), '調休上班日');
  });
});
