import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import { pino } from 'pino';
import supertest from 'supertest';
import { referenceRoutes } from './reference-routes.js';

// Production and the compiled server serve what `npm run build` wrote to dist/reference/ and build nothing:
// the page, its script and the guides from that folder, each guide under the guides' policy.

let dist: string;
before(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'lecoffre-reference-'));
  await mkdir(path.join(dist, 'guides'));
  await writeFile(path.join(dist, 'reference.js'), 'console.log("built");\n');
  await writeFile(path.join(dist, 'guides', 'webhooks.html'), '<!doctype html><title>Webhooks</title>');
});
after(() => rm(dist, { recursive: true, force: true }));

describe('/docs from dist/reference (npm run build)', () => {
  const request = () => supertest(express().use(referenceRoutes({ prebuilt: true, logger: pino({ level: 'silent' }), distDir: dist })));

  it('serves the page, with a nonce for its styles, and the built script', async () => {
    const page = await request().get('/docs').expect(200);
    const nonce = /'nonce-([^']+)'/.exec(page.headers['content-security-policy'])?.[1];
    assert.ok(nonce && page.text.includes(`<meta property="csp-nonce" nonce="${nonce}">`));
    assert.doesNotMatch(page.headers['content-security-policy'], /unsafe-inline/);
    const script = await request().get('/docs/reference.js').expect(200);
    assert.equal(script.text, 'console.log("built");\n');
    assert.match(script.headers['content-type'], /javascript/);
  });

  it('serves a built guide under the guides policy, and nothing for an unknown one', async () => {
    const guide = await request().get('/docs/guides/webhooks').expect(200);
    assert.match(guide.text, /<title>Webhooks<\/title>/);
    assert.match(guide.headers['content-security-policy'], /^default-src 'none'/);
    assert.doesNotMatch(guide.headers['content-security-policy'], /script-src/);
    await request().get('/docs/guides/quick-start').expect(404); // listed, but not in this build
    await request().get('/docs/guides/..%2Freference.js').expect(404);
  });
});
