// Overview, export, print and offline: the views that editors and caseworkers ask for.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, openPage, session, closeBrowser, screenshot, found, DIST, ROOT, urlMatches } from './harness.mjs';

after(closeBrowser);

const dataset = JSON.parse(readFileSync(join(DIST, 'data', 'spaces.json'), 'utf8'));
const panyuCertified = dataset.spaces.filter((s) => s.district === '440113' && s.status === 'certified');

const totals = (page) => page.locator('.totals dd').allTextContents();

test('the overview shows the dataset totals, follows the filters, and a bar applies its filter', async () => {
  await session({}, async (page, server) => {
  await page.goto(`${server.url}?view=stats`);
  await page.getByRole('heading', { name: '统计概览' }).waitFor();
  assert.deepEqual(await totals(page), ['358', '165', '46%']);
  const panyuBar = page.getByRole('link', { name: /^番禺区：100（已认证 41）$/ });
  await panyuBar.waitFor();
  await screenshot(page, 'overview-1280');
  await page.getByRole('checkbox', { name: /只看已认证/ }).check();
  assert.deepEqual(await totals(page), ['165', '165', '100%']);
  await page.getByRole('link', { name: new RegExp(`^番禺区：${panyuCertified.length}`) }).click();
  await page.waitForFunction(() => location.search.includes('district=440113'));
  assert.deepEqual((await totals(page)).slice(0, 2), [String(panyuCertified.length), String(panyuCertified.length)]);
  await urlMatches(page, /view=stats/);
  // From the keyboard: Enter on a bar applies it, and the focus stays on that bar.
  await page.getByRole('link', { name: /^花都区：/ }).focus();
  await page.keyboard.press('Enter');
  await urlMatches(page, /district=440113(,|%2C)440114/);
  await page.waitForFunction(() => /^花都区：/.test(document.activeElement?.getAttribute('aria-label') ?? ''));
  // The numbers are also a table.
  await page.locator('.chart-table summary').first().click();
  assert.match(await page.locator('.chart-table table').first().textContent(), /番禺区/);
  });
});

test('CSV export of 番禺区 + certified has exactly those rows and re-imports cleanly', async () => {
  await session({}, async (page, server) => {
  await page.goto(`${server.url}?district=440113&status=certified`);
  assert.equal(await found(page), panyuCertified.length);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
  const dir = mkdtempSync(join(tmpdir(), 'csmap-export-'));
  const csvPath = join(dir, 'export.csv');
  await download.saveAs(csvPath);
  const csv = readFileSync(csvPath, 'utf8');
  assert.ok(csv.startsWith('\ufeff编号,名称,'), 'UTF-8 with BOM and the importer headers');
  const lines = csv.trim().split(/\r\n/);
  assert.equal(lines.length - 1, panyuCertified.length);
  for (const s of panyuCertified) assert.ok(lines.some((l) => l.startsWith(`${s.id},`)), s.id);
  // Round trip through the data tool.
  const out = join(dir, 'reimported.json');
  execFileSync('cargo', ['run', '--quiet', '--bin', 'spaces', '--', 'import', csvPath, '--out', out], { cwd: ROOT, stdio: 'pipe' });
  const back = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(back.spaces.map((s) => s.id).sort(), panyuCertified.map((s) => s.id).sort());
  for (const s of back.spaces) {
    const original = dataset.spaces.find((o) => o.id === s.id);
    assert.deepEqual(s, original);
  }
  // GeoJSON and HSDS downloads parse.
  const [geo] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'GeoJSON' }).click()]);
  const geoPath = join(dir, 'x.geojson');
  await geo.saveAs(geoPath);
  assert.equal(JSON.parse(readFileSync(geoPath, 'utf8')).features.length, panyuCertified.length);
  const [hsds] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'HSDS JSON' }).click()]);
  const hsdsPath = join(dir, 'x.json');
  await hsds.saveAs(hsdsPath);
  const orgs = JSON.parse(readFileSync(hsdsPath, 'utf8'));
  assert.equal(orgs.reduce((n, o) => n + o.services.length, 0), panyuCertified.length);
  });
});

test('the printed list (Chromium PDF) holds every filtered space, with the filters and the date', async () => {
  await session({}, async (page, server) => {
  await page.goto(`${server.url}?district=440113&status=certified`);
  assert.equal(await found(page), panyuCertified.length);
  // The print dialog cannot be driven headless: record that the button opens it, and print to PDF.
  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await page.getByRole('button', { name: '打印列表' }).click();
  await page.waitForFunction(() => window.__printed === true);
  await page.locator('.print-table').waitFor({ state: 'attached' });
  const dir = mkdtempSync(join(tmpdir(), 'csmap-print-'));
  const pdf = join(dir, 'list.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4' }));
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  assert.match(text, /番禺区/);
  assert.match(text, /只看已认证/);
  assert.match(text, /打印日期\d{4}-\d{2}-\d{2}/);
  for (const s of panyuCertified) assert.ok(text.includes(s.name.replace(/\s+/g, '')), `${s.name} missing from the PDF`);
  assert.doesNotMatch(text, /使用我的位置/);
  });
});

test('after a first visit the finder opens with no network, and says it is offline', async () => {
  await session({ allow: ['Failed to load resource', 'ERR_INTERNET_DISCONNECTED'] }, async (page, server) => {
  await page.goto(server.url);
  assert.equal(await found(page), 358);
  await page.locator('.map .leaflet-marker-icon').first().waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  // Load once more under the worker so everything the page uses is in its cache.
  await page.reload();
  assert.equal(await found(page), 358);
  await page.locator('.map .leaflet-marker-icon').first().waitFor();
  await page.context().setOffline(true);
  await page.reload();
  assert.equal(await found(page), 358);
  await page.getByText('当前处于离线状态').waitFor();
  await page.getByRole('checkbox', { name: /番禺区/ }).check();
  assert.equal(await found(page), 100);
  await page.context().setOffline(false);
  });
});
