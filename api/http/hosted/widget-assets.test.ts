import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import { pino } from 'pino';
import supertest from 'supertest';
import { bundleWidgets, widgetAssets, widgetEntries } from './widget-assets.js';

// The in-memory path is exercised by client-space.test.ts (the page loads its script); here: what the
// production path serves from a build, and what the bundle holds.

let dist: string;
before(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'lecoffre-widgets-'));
  await mkdir(path.join(dist, 'chunks'));
  await writeFile(path.join(dist, 'lecoffre-widgets.js'), 'import "./chunks/lit-abc123.js";');
  await writeFile(path.join(dist, 'chunks', 'lit-abc123.js'), 'export {};');
});
after(() => rm(dist, { recursive: true, force: true }));

describe('widget assets', () => {
  it('serves a production build with long caching for hashed chunks only', async () => {
    const app = express().use('/assets', widgetAssets({ prebuilt: true, logger: pino({ level: 'silent' }), distDir: dist }));
    const entry = await supertest(app)
      .get('/assets/lecoffre-widgets.js')
      .expect(200)
      .expect('content-type', /javascript/);
    assert.equal(entry.headers['cache-control'], 'no-cache');
    const chunk = await supertest(app).get('/assets/chunks/lit-abc123.js').expect(200);
    assert.equal(chunk.headers['cache-control'], 'public, max-age=31536000, immutable');
    await supertest(app).get('/assets/').expect(404);
  });

  it('bundles every top-level page script, and loads hash-wasm only on demand', async () => {
    assert.ok(Object.keys(widgetEntries()).includes('pages/client-space'));
    const assets = await bundleWidgets();
    const entry = assets.get('/lecoffre-widgets.js')?.body.toString('utf8') ?? '';
    const containing = (text: string) => [...assets].filter(([, asset]) => asset.body.includes(text)).map(([name]) => name);
    assert.ok(containing('"lecoffre-upload"').length > 0, 'the upload element is in the bundle');
    // Base64 of the WebAssembly magic number: hash-wasm's embedded module.
    const hashWasm = containing('AGFzbQ');
    assert.ok(hashWasm.length > 0);
    for (const name of hashWasm) {
      const file = path.basename(name);
      assert.ok(name.startsWith('/chunks/'), `${name} is a chunk`);
      // Only ever imported with import(): a page that hashes no large file never downloads it.
      assert.deepEqual(containing(`from"./${file}"`), []);
      assert.ok(containing(`import("./${file}")`).length > 0, `${file} is imported on demand`);
    }
    assert.doesNotMatch(entry, /createSHA256/);
  });
});
