// The keyboard focus goes back where it came from: closing the details returns it to the card
// that opened them; removing a chip leaves it on the chip that takes its place. Keyboard only:
// Tab, Enter and Escape, as a person without a mouse moves through the page.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { session, closeBrowser, found } from './harness.mjs';

after(closeBrowser);

/** What has the focus: its tag, id, accessible text, and the card it is in. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el?.tagName, id: el?.id, label: el?.getAttribute('aria-label') ?? el?.textContent.trim(), card: el?.closest('.card')?.dataset.id ?? null };
});

/** Presses Tab until `wanted(focus)` holds (at most `max` times). */
async function tabTo(page, wanted, max = 120) {
  for (let k = 0; k < max; k += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (wanted(now)) return now;
  }
  throw new Error('never reached by Tab');
}

test('closing the details (Escape or the close button) returns the focus to the card that opened them', async () => {
  await session({}, async (page, server) => {
    await page.goto(`${server.url}?district=440113`);
    await page.locator('body > main .cards > li').first().waitFor();
    // The second card's link.
    const second = await page.locator('body > main .cards > li').nth(1).getAttribute('data-id');
    const link = await tabTo(page, (f) => f.card === second && f.tag === 'A');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'details-title');
    await page.keyboard.press('Escape');
    await page.waitForFunction((id) => document.activeElement?.closest('.card')?.dataset.id === id, second);
    assert.deepEqual(await focused(page), link);
    // Again, closing with the close button (the next stop after the heading).
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'details-title');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).label, '关闭');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.activeElement?.closest('.card')?.dataset.id === id, second);
    assert.equal(await page.locator('.details').count(), 0);
    assert.deepEqual(await focused(page), link);
  });
});

test('removing a chip leaves the focus on the next chip, then the last, then the results', async () => {
  await session({}, async (page, server) => {
    await page.goto(`${server.url}?district=440113,440106&status=certified`);
    await page.locator('body > main .cards > li').first().waitFor();
    const all = await found(page);
    await tabTo(page, (f) => f.label === '移除条件：番禺区');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '移除条件：天河区');
    assert.ok((await found(page)) < all);
    // The last chip: the focus stays on the one that is now last.
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).label, '移除条件：只看已认证');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '移除条件：天河区');
    // No chip left: the results (their count is read out).
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'results');
    assert.equal(await found(page), 358);
    assert.equal(await page.locator('.chips').count(), 0);
  });
});
