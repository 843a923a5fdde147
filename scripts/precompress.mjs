#!/usr/bin/env node
// The last step of `make build`: writes `<file>.br` (brotli, quality 11, Node's own zlib) and
// `<file>.gz` beside every compressible file in dist/, the gzip made by zopfli (Debian's `zopfli`, installed by scripts/setup.sh): gzip that any browser reads, 4–5 %
// smaller than `gzip -9`. A host that serves precompressed files sends them instead of compressing
// on the fly (nginx: `gzip_static on`, deploy/nginx.conf); the test server does the same
// (tests/e2e/harness.mjs) and size-report.mjs counts them. Without zopfli on the PATH (a build
// outside scripts/setup.sh) the files are gzip -9, with a warning. Decision 0011.
import { readdirSync, readFileSync, writeFileSync, statSync, rmSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { join, extname } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { availableParallelism } from 'node:os';

const run = promisify(execFile);
const DIST = new URL('../dist/', import.meta.url).pathname;
const COMPRESSIBLE = ['.html', '.js', '.wasm', '.css', '.json', '.geojson', '.svg', '.md'];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) yield* files(file);
    else if (name.endsWith('.gz') || name.endsWith('.br')) rmSync(file); // from an earlier run: every one is made again
    else if (COMPRESSIBLE.includes(extname(name)) && statSync(file).size > 256) yield file;
  }
}

// Largest first, one zopfli per core: the wasm alone takes seconds.
const queue = [...files(DIST)].sort((a, b) => statSync(b).size - statSync(a).size);
const count = queue.length;
const started = Date.now();
const zopfli = await run('zopfli', ['-h']).then(() => true, (e) => e.code !== 'ENOENT');
if (!zopfli) console.warn('precompress: zopfli not found (scripts/setup.sh installs it); writing gzip -9 instead');
const gzip = zopfli
  ? (file) => run('zopfli', ['--gzip', file])
  : async (file) => writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
const brotli = (file) => {
  const body = readFileSync(file);
  const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length };
  writeFileSync(`${file}.br`, brotliCompressSync(body, { params }));
};
const compress = async (file) => {
  brotli(file);
  await gzip(file);
};
await Promise.all(Array.from({ length: availableParallelism() }, async () => {
  for (let file = queue.shift(); file; file = queue.shift()) await compress(file);
}));
console.log(`precompress: ${count} files, each with its .br (brotli 11) and .gz (${zopfli ? 'zopfli' : 'gzip -9'}), in ${((Date.now() - started) / 1000).toFixed(1)} s`);
