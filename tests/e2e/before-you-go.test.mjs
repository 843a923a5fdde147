// Know before you go: who may use a space, what it costs, what to bring and the languages spoken,
// in the details (three languages, elderly mode), in search, and in the three downloads; the HSDS
// download checked against the HSDS 3.0 rules (hsds-schema.mjs) with zero violations.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { session, closeBrowser, found, screenshot, DIST, ROOT } from './harness.mjs';
import { hsdsPackage } from './hsds-schema.mjs';

after(closeBrowser);

const require = createRequire(join(ROOT, 'package.json'));
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const dataset = JSON.parse(readFileSync(join(DIST, 'data', 'spaces.json'), 'utf8'));
// A space with all four, and with a fee that is not "free".
const full = dataset.spaces.find((s) => s.eligibility_description && s.required_documents?.length > 1 && s.languages?.includes('yue') && s.fees_description === '免费');
const paid = dataset.spaces.find((s) => s.fees_description && s.fees_description !== '免费');

const LANGS = [
  { query: '', close: '关闭', heads: ['适用对象', '收费', '所需材料', '服务语言'], free: '免费', yue: '粤语' },
  { query: '&lang=en', close: 'Close', heads: ['Who can use it', 'Fees', 'What to bring', 'Languages spoken'], free: 'Free', yue: 'Cantonese' },
  { query: '&lang=zh-TW', close: '關閉', heads: ['適用對象', '收費', '所需材料', '服務語言'], free: '免費', yue: '粵語' },
];

/** The details' facts as `heading → text` pairs. */
const facts = (panel) =>
  panel.locator('dl.facts').evaluate((dl) => Object.fromEntries([...dl.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling.textContent])));

for (const { query, heads, free, yue } of LANGS) {
  test(`the details say who may come, the fee, what to bring and the languages (${query || 'zh-CN'}, elderly mode)`, async () => {
    await session({ page: { viewport: { width: 360, height: 740 } } }, async (page, server) => {
      await page.addInitScript(() => localStorage.setItem('gz-charity-finder:elderly', '1'));
      await page.goto(`${server.url}?space=${full.id}${query}`);
      const panel = page.getByRole('complementary', { name: full.name });
      await panel.locator('dl.facts').waitFor();
      const shown = await facts(panel);
      const [who, fees, bring, languages] = heads;
      assert.equal(shown[who], full.eligibility_description);
      assert.equal(shown[fees], free);
      assert.deepEqual(await panel.locator('ul.documents li').allTextContents(), full.required_documents);
      assert.match(shown[languages], new RegExp(yue));
      assert.ok(bring in shown);
      // The fields come after the services, before the host: read in that order.
      const order = Object.keys(shown);
      assert.ok(order.indexOf(who) > order.findIndex((k) => /服务类型|Services|服務類型/.test(k)), order.join(' / '));
      await panel.locator('dd.eligibility').scrollIntoViewIfNeeded();
      await screenshot(page, `before-you-go-360-elderly${query.replace(/\W+/g, '-')}`);
      // A fee written as text is shown as written (in Chinese, marked so).
      await page.goto(`${server.url}?space=${paid.id}${query}`);
      const other = page.getByRole('complementary', { name: paid.name });
      await other.locator('dd.fees').waitFor();
      assert.equal(await other.locator('dd.fees').textContent(), paid.fees_description);
      assert.equal(await other.locator('dd.fees').getAttribute('lang'), 'zh-CN');
    });
  });
}

test('search finds words of who may come, what to bring and the languages', async () => {
  await session({}, async (page, server) => {
    const count = (word) => dataset.spaces.filter((s) => [s.eligibility_description, ...(s.required_documents ?? [])].some((t) => t?.includes(word))).length;
    await page.goto(`${server.url}?q=${encodeURIComponent('残疾人证')}`);
    assert.equal(await found(page), count('残疾人证'));
    assert.ok(count('残疾人证') > 0);
    await page.goto(`${server.url}?q=${encodeURIComponent('客家话')}`);
    assert.equal(await found(page), dataset.spaces.filter((s) => s.languages?.includes('hak')).length);
  });
});

/** Saves the download a button starts and returns its text. */
async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  const path = join(mkdtempSync(join(tmpdir(), 'csmap-download-')), file.suggestedFilename());
  await file.saveAs(path);
  return readFileSync(path, 'utf8');
}

test('the three downloads carry the fields; the HSDS one breaks no HSDS 3.0 rule, with stable UUIDs', async () => {
  await session({}, async (page, server) => {
    await page.goto(`${server.url}?district=${full.district}`);
    const inDistrict = dataset.spaces.filter((s) => s.district === full.district);
    assert.equal(await found(page), inDistrict.length);
    const csv = await download(page, 'CSV');
    const header = csv.split('\r\n')[0].split(',');
    for (const h of ['适用对象', '收费', '所需材料', '服务语言']) assert.ok(header.includes(h), h);
    const row = csv.split('\r\n').find((l) => l.startsWith(`${full.id},`));
    assert.ok(row.includes(full.required_documents.join('、')) && row.includes('粤语'), row);
    const geo = JSON.parse(await download(page, 'GeoJSON'));
    const feature = geo.features.find((f) => f.id === full.id);
    assert.deepEqual(feature.properties.required_documents, full.required_documents);
    assert.deepEqual(feature.properties.languages, full.languages);

    const text = await download(page, 'HSDS JSON');
    const hsds = JSON.parse(text);
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(hsdsPackage);
    const valid = validate(hsds);
    assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 1));
    const services = hsds.flatMap((o) => o.services);
    assert.equal(services.length, inDistrict.length);
    assert.ok(services.every((s) => s.status === 'active'));
    const service = services.find((s) => s.name === full.name);
    assert.equal(service.eligibility_description, full.eligibility_description);
    assert.deepEqual(service.required_documents.map((d) => d.document), full.required_documents);
    assert.ok(service.languages.some((l) => l.code === 'yue' && l.name === '粤语'));
    // The same data exports with the same ids.
    assert.equal(await download(page, 'HSDS JSON'), text);
    // The check can fail: a non-HSDS field, an id that is no UUID and a missing description.
    const broken = structuredClone(hsds);
    broken[0].services[0].certification = { status: 'certified' };
    broken[0].services[0].id = full.id;
    delete broken[0].description;
    assert.equal(validate(broken), false);
    assert.deepEqual(validate.errors.map((e) => e.keyword).sort(), ['additionalProperties', 'format', 'required']);
  });
});

const jsQR = require('jsqr');

/** Reads the QR code shown by `svg` as a camera would: its pixels on screen, decoded by jsQR. */
async function scan(page, svg) {
  const png = (await svg.screenshot()).toString('base64');
  // Decoded in a blank page of its own: the finder's content policy allows no data: images.
  const blank = await page.context().newPage();
  try {
    const { data, width, height } = await blank.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
      const context = canvas.getContext('2d');
      context.drawImage(img, 0, 0);
      return { data: [...context.getImageData(0, 0, img.width, img.height).data], width: img.width, height: img.height };
    }, png);
    return jsQR(Uint8ClampedArray.from(data), width, height)?.data;
  } finally {
    await blank.close();
  }
}

const QR_LABELS = [
  { query: '', label: '本空间链接的二维码' },
  { query: '&lang=en', label: "QR code of this space's link" },
  { query: '&lang=zh-TW', label: '本空間連結的二維碼' },
];
for (const { query, label } of QR_LABELS) {
  test(`the details' QR code reads back as the space's link (${query || 'zh-CN'}, and in elderly mode)`, async () => {
    await session({ page: { viewport: { width: 360, height: 740 } } }, async (page, server) => {
      await page.goto(`${server.url}?space=${full.id}${query}`);
      const code = page.getByRole('img', { name: label });
      await code.scrollIntoViewIfNeeded();
      assert.equal(await scan(page, code), `${server.url}?space=${full.id}${query}`);
      const side = (await code.boundingBox()).width;
      await page.evaluate(() => localStorage.setItem('gz-charity-finder:elderly', '1'));
      await page.reload();
      await page.waitForFunction(() => document.documentElement.classList.contains('elderly'));
      await code.scrollIntoViewIfNeeded();
      assert.ok((await code.boundingBox()).width > side, 'larger in elderly mode');
      assert.equal(await scan(page, code), `${server.url}?space=${full.id}${query}`);
      await screenshot(page, `qr-details-360${query.replace(/\W+/g, '-')}`);
    });
  });
}

test('the printed list carries a QR code of its own view, with the link written under it', async () => {
  await session({}, async (page, server) => {
    await page.goto(`${server.url}?district=440113&status=certified`);
    await page.evaluate(() => { window.print = () => {}; });
    await page.getByRole('button', { name: '打印列表' }).click();
    await page.emulateMedia({ media: 'print' });
    const code = page.getByRole('img', { name: '本列表链接的二维码' });
    await code.waitFor();
    const link = await page.evaluate(() => location.href);
    assert.equal(await scan(page, code), link);
    assert.match(await page.locator('.print-only .qr figcaption').textContent(), new RegExp(`用手机扫码，在手机上查看此列表：${link.replace(/[.?]/g, '\\$&')}`));
    // What to bring is on paper too, under each name that has documents.
    const certified = dataset.spaces.filter((s) => s.district === '440113' && s.status === 'certified' && s.required_documents?.length);
    const notes = await page.locator('.print-only .print-note').allTextContents();
    assert.equal(notes.length, certified.length);
    assert.ok(notes.includes(`所需材料：${certified[0].required_documents.join('、')}`), notes[0]);
    await screenshot(page, 'qr-print');
  });
});
