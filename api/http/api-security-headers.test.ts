import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';

const API_HEADERS = {
  'content-security-policy': /default-src 'none'.*frame-ancestors 'none'/,
  'strict-transport-security': /^max-age=31536000; includeSubDomains$/,
  'x-content-type-options': /^nosniff$/,
  'x-frame-options': /^DENY$/,
  'cross-origin-resource-policy': /^same-origin$/,
};
/** Helmet's headers for documents a browser renders: pages send them, JSON answers need none of them. */
const PAGE_ONLY_HEADERS = ['x-dns-prefetch-control', 'x-download-options', 'x-xss-protection', 'origin-agent-cluster', 'referrer-policy'];

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

describe('security headers', () => {
  it('every /v1 answer carries the API set: a read, a problem from a route, a problem before any route, a 404', async () => {
    const folder = await t.request
      .post('/v1/folders')
      .set('Authorization', t.office.auth)
      .send({ number: 'H-1', title: 'Vente Quintavalle', deedType: 'vente' })
      .expect(201);
    const answers = {
      'a folder': await t.request.get(`/v1/folders/${folder.body.id}`).set('Authorization', t.office.auth).expect(200),
      'a folder not found': await t.request.get('/v1/folders/fld_missing').set('Authorization', t.office.auth).expect(404),
      'a body refused before any route': await t.request
        .post('/v1/folders')
        .set('Authorization', t.office.auth)
        .set('Content-Type', 'text/plain')
        .send('x')
        .expect(415),
      'an unknown API path': await t.request.get('/v1/no-such-route').set('Authorization', t.office.auth).expect(404),
      'the API root': await t.request.get('/v1').expect(404),
    };
    for (const [label, res] of Object.entries(answers)) {
      for (const [name, value] of Object.entries(API_HEADERS)) assert.match(String(res.headers[name]), value, `${label}: ${name}`);
      for (const name of PAGE_ONLY_HEADERS) assert.equal(res.headers[name], undefined, `${label}: ${name}`);
    }
  });

  it('pages keep the whole set for documents', async () => {
    const res = await t.request.get('/healthz').expect(200);
    for (const name of ['content-security-policy', 'x-content-type-options', 'strict-transport-security', ...PAGE_ONLY_HEADERS]) {
      assert.ok(res.headers[name], name);
    }
  });
});
