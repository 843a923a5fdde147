// Returning visitors see today's data: the service worker fetches every data file (at any depth)
// and every unhashed file from the network first, keeps them for offline use, and names its cache
// after the build, deleting those of earlier builds.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { session, closeBrowser, found, DIST, ROOT } from './harness.mjs';

after(closeBrowser);

/** A route answering with whatever `files[rel]` holds at the moment of the request. */
const live = (files, rel) => (req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' }).end(files[rel]);
  return true;
};

/** Renames the first space of a dataset's text. */
function renamed(text, name) {
  const d = JSON.parse(text);
  d.spaces[0].name = name;
  d.spaces[0].keys = { py: 'xinkaide', ini: 'xkd' };
  return JSON.stringify(d);
}

/** Visits, waits for the worker, and loads once more under it so that its cache holds the page. */
async function visitTwice(page, url) {
  await page.goto(url);
  await page.getByRole('status').filter({ hasText: '共找到' }).waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  await page.reload();
  await page.getByRole('status').filter({ hasText: '共找到' }).waitFor();
}

/** Searches for the renamed space: the count of what is found. */
async function search(page, text) {
  await page.getByRole('searchbox').fill(text);
  await page.getByRole('status').filter({ hasText: /共找到 \d+ 个慈善空间/ }).first().waitFor();
  await page.waitForFunction(() => !/共找到 (100|358) /.test(document.querySelector('.results-bar .count')?.textContent ?? ''), null, { timeout: 5_000 }).catch(() => {});
  return found(page);
}

/** Renames a space in `files[rel]` on the server: the next visit shows it, and so does a visit offline after it. */
async function changedThenOffline(page, files, rel) {
  files[rel] = renamed(files[rel], '新开的慈善空间');
  await page.reload();
  assert.equal(await search(page, '新开的'), 1);
  await page.context().setOffline(true);
  await page.reload();
  await page.getByText('当前处于离线状态').waitFor();
  assert.equal(await search(page, '新开的'), 1);
  await page.context().setOffline(false);
}

test('a changed spaces.json is shown on the next visit, and offline after it; earlier builds\' caches are deleted', async () => {
  const files = { 'data/spaces.json': readFileSync(join(DIST, 'data', 'spaces.json'), 'utf8') };
  const routes = { 'data/spaces.json': live(files, 'data/spaces.json') };
  await session({ serve: { routes }, allow: ['Failed to load resource', 'ERR_INTERNET_DISCONNECTED'] }, async (page, server) => {
    // A cache left by an earlier build, there before this build's worker starts.
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        caches.open('gz-charity-finder-0123456789ab');
      }
    });
    await visitTwice(page, server.url);
    const names = await page.evaluate(() => caches.keys());
    assert.equal(names.length, 1, names.join());
    assert.match(names[0], /^gz-charity-finder-[0-9a-f]{12}$/);
    assert.notEqual(names[0], 'gz-charity-finder-0123456789ab');

    await changedThenOffline(page, files, 'data/spaces.json');
  });
});

test('a changed part of a split dataset under data/ is shown on the next visit, and offline after it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fresh-split-'));
  execFileSync('cargo', ['run', '--quiet', '--bin', 'spaces', '--', 'split', 'public/data/spaces.json', '--out', dir], { cwd: ROOT, stdio: 'pipe' });
  const files = { 'data/split/index.json': readFileSync(join(dir, 'index.json'), 'utf8') };
  for (const name of readdirSync(join(dir, 'parts'))) files[`data/split/parts/${name}`] = readFileSync(join(dir, 'parts', name), 'utf8');
  const routes = { 'config.json': live({ c: '{"dataset_index_url": "data/split/index.json"}' }, 'c') };
  for (const rel of Object.keys(files)) routes[rel] = live(files, rel);
  await session({ serve: { routes }, allow: ['Failed to load resource', 'ERR_INTERNET_DISCONNECTED'] }, async (page, server) => {
    await visitTwice(page, `${server.url}?district=440113`);
    assert.equal(await found(page), 100);

    await changedThenOffline(page, files, 'data/split/parts/440113.json');
  });
});
