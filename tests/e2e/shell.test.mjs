// The walking skeleton: the shell loads the dataset and shows how many spaces there are; a
// broken dataset shows a plain error with a retry that works.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, openPage, session, closeBrowser, screenshot, found, DIST } from './harness.mjs';

after(closeBrowser);

test('the shell shows its title, landmarks and the number of spaces', async () => {
  await session({}, async (page, server) => {
  await page.goto(server.url);
  assert.equal(await page.title(), '广州慈善空间地图');
  await page.getByRole('heading', { level: 1, name: '广州慈善空间地图' }).waitFor();
  assert.equal(await found(page), 358);
  assert.match(await page.getByRole('status').first().textContent(), /共找到 358 个慈善空间$/);
  for (const role of ['banner', 'main', 'contentinfo']) assert.equal(await page.getByRole(role).count(), 1, role);
  assert.match(await page.getByRole('note').first().textContent(), /示例数据/);
  // The footer says, in words for residents and in the interface language, what the data is and
  // how current; the generator's provenance stays in the file.
  const { meta } = JSON.parse(readFileSync(join(DIST, 'data', 'spaces.json'), 'utf8'));
  const footer = await page.getByRole('contentinfo').textContent();
  assert.match(footer, new RegExp(`关于数据：这里显示的是示例数据.*2021 年统计.*示例生成于 ${meta.as_of}`));
  assert.doesNotMatch(footer, /spaces generate|Sample records/);
  // The one-line notice above the list opens to the same explanation.
  await page.locator('.sample-notice summary').click();
  assert.match(await page.locator('.sample-notice').textContent(), /并非真实的慈善空间/);
  await screenshot(page, 'shell-1280');
  });
});

test('a broken dataset shows an error with a retry that recovers', async () => {
  const good = readFileSync(join(DIST, 'data', 'spaces.json'));
  let broken = true;
  const server = await serve({
    routes: {
      'data/spaces.json': (req, res) => {
        if (!broken) return false;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"meta": {"schema_version": 1}, "spaces": [');
        return true;
      },
    },
  });
  const page = await openPage();
  try {
    await page.goto(server.url);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /慈善空间数据加载失败/);
    await screenshot(page, 'shell-error');
    broken = false;
    await alert.getByRole('button', { name: '重试' }).click();
    assert.equal(await found(page), 358);
    assert.equal(await page.getByRole('alert').filter({ hasText: '加载失败' }).count(), 0);
    assert.ok(good.length > 0);
    page.expectClean(['dataset:']);
  } finally {
    await page.done();
    await server.close();
  }
});

test('a missing dataset (HTTP 404) shows the error, never a blank page', async () => {
  const server = await serve({ routes: { 'data/spaces.json': (req, res) => { res.writeHead(404).end(); return true; } } });
  const page = await openPage();
  try {
    await page.goto(server.url);
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').textContent(), /HTTP status 404/);
    page.expectClean(['dataset:', 'Failed to load resource']);
  } finally {
    await page.done();
    await server.close();
  }
});
