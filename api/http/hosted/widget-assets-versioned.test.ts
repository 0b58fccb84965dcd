import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import { pino } from 'pino';
import { type RollupOptions, rollup } from 'rollup';
import { PUBLISHED_ENTRIES, publishedHashes, sri, WIDGETS_README } from '../../../scripts/widget-sri.js';
import { allowAnyOrigin } from '../cors.js';
import { widgetAssets, widgetsVersion } from './widget-assets.js';

// The production build of the widgets (rollup.config.mjs, as `npm run build` makes it), served the way
// api/app.ts mounts /assets, over a real socket: what a vendor pinning a version gets, and whether the SRI
// hash widgets/README.md publishes matches those bytes (else: run `npm run build` and commit the README).

let dist: string;
let server: ReturnType<express.Express['listen']>;
let base: string;

async function buildWidgets(outDir: string): Promise<void> {
  // A plain JavaScript module without types: read as data (as bench/bundle-size.ts does).
  const configs = (await import(new URL('../../../rollup.config.mjs', import.meta.url).href)).default as RollupOptions[];
  const config = configs.find((candidate) => !Array.isArray(candidate.output) && candidate.output?.dir === 'dist/widgets');
  if (!config) throw new Error('rollup.config.mjs has no configuration writing dist/widgets');
  const build = await rollup({ ...config, onwarn: () => {} });
  try {
    // Exactly as configured: the sourcemap comment is part of the bytes the hash covers.
    await build.write({ ...(config.output as object), dir: outDir });
  } finally {
    await build.close();
  }
}

before(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'lecoffre-widgets-build-'));
  await buildWidgets(dist);
  const app = express().use('/assets', allowAnyOrigin, widgetAssets({ prebuilt: true, logger: pino({ level: 'silent' }), distDir: dist }));
  server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dist, { recursive: true, force: true });
});

describe('versioned widget assets', () => {
  it('serves the build under /assets/v<version>/, cached for good and readable from any origin', async () => {
    const version = widgetsVersion();
    const pinned = await fetch(`${base}/assets/v${version}/lecoffre-widgets.js`, { headers: { Origin: 'https://vendor.example' } });
    assert.equal(pinned.status, 200);
    assert.equal(pinned.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(pinned.headers.get('access-control-allow-origin'), '*');
    assert.match(pinned.headers.get('content-type') ?? '', /javascript/);
    const bytes = Buffer.from(await pinned.arrayBuffer());
    assert.deepEqual(bytes, await readFile(path.join(dist, 'lecoffre-widgets.js')));
    // The chunks it imports resolve under the same versioned path, immutable too.
    const chunk = /from"\.\/(chunks\/[^"]+\.js)"/.exec(bytes.toString('utf8'))?.[1];
    assert.ok(chunk, 'the entry imports a chunk');
    const chunkAnswer = await fetch(`${base}/assets/v${version}/${chunk}`);
    assert.equal(chunkAnswer.status, 200);
    assert.equal(chunkAnswer.headers.get('cache-control'), 'public, max-age=31536000, immutable');

    const current = await fetch(`${base}/assets/lecoffre-widgets.js`);
    assert.equal(current.headers.get('cache-control'), 'no-cache', 'the unversioned URL follows releases');
    assert.equal((await fetch(`${base}/assets/v0.0.0-other/lecoffre-widgets.js`)).status, 404, 'only this release is served');
  });

  it('matches the SRI hash widgets/README.md publishes for this version', async () => {
    const version = widgetsVersion();
    const readme = await readFile(WIDGETS_README, 'utf8');
    const published = publishedHashes(readme);
    assert.ok(published, 'the README has an SRI block');
    assert.ok(readme.includes(`/assets/v${version}/lecoffre-widgets.js`), `the README pins v${version}`);
    for (const entry of PUBLISHED_ENTRIES) {
      const served = Buffer.from(await (await fetch(`${base}/assets/v${version}/${entry}`)).arrayBuffer());
      assert.equal(published[entry], sri(served), `README stale for ${entry}: run \`npm run build\` and commit widgets/README.md`);
    }
  });
});
