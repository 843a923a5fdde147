// A district office's spreadsheet, through `spaces import`, to what a resident reads in the finder.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, openPage, closeBrowser, screenshot, found, jsonRoute } from './harness.mjs';

after(closeBrowser);

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Runs the importer on a fixture of tests/fixtures/offices/ and returns the dataset's text. */
function imported(fixture) {
  const dir = mkdtempSync(join(tmpdir(), 'import-e2e-'));
  try {
    const out = join(dir, 'spaces.json');
    execFileSync('cargo', ['run', '--quiet', '--bin', 'spaces', '--', 'import', join(ROOT, 'tests/fixtures/offices', fixture), '--out', out],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    return readFileSync(out, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a GBK spreadsheet from Excel reaches residents: hours as written, unreadable hours said plainly, extensions dialled', async () => {
  const server = await serve({ routes: { 'data/spaces.json': jsonRoute(imported('03-forms-gbk.csv')) } });
  const page = await openPage({ viewport: { width: 360, height: 740 } });
  // Wednesday 2026-11-25, 12:00 in Guangzhou.
  await page.clock.install({ time: new Date('2026-11-25T04:00:00Z') });
  try {
    await page.goto(server.url);
    await page.getByRole('status').filter({ hasText: '共找到 7' }).waitFor();
    assert.equal(await found(page), 7);

    // Hours the office wrote as 预约开放: the card says they are not known, the details keep the words.
    await page.getByRole('searchbox').fill('凤凰');
    await page.getByRole('status').filter({ hasText: '共找到 1' }).waitFor();
    assert.match(await page.locator('.cards > li').first().textContent(), /开放时间未知/);
    await page.locator('.cards > li h3 a').first().click();
    const details = page.getByRole('complementary');
    await details.waitFor();
    assert.match(await details.textContent(), /开放时间未知/);
    assert.match(await details.textContent(), /登记的开放时间：预约开放/);
    await page.keyboard.press('Escape');

    // Converted hours: the weekly table, and the office's words beside it; a phone with an extension.
    await page.getByRole('searchbox').fill('东山');
    await page.getByRole('status').filter({ hasText: '共找到 1' }).waitFor();
    await page.locator('.cards > li h3 a').first().click();
    await details.waitFor();
    const text = await details.textContent();
    assert.match(text, /08:30–20:00/);
    assert.match(text, /登记的开放时间：每天 8:30-20:00/);
    assert.equal(await details.getByRole('link', { name: '020-83000003转123' }).getAttribute('href'), 'tel:02083000003,123');
    await screenshot(page, 'imported-details-360');
    page.expectClean();
  } finally {
    await page.done();
    await server.close();
  }
});
