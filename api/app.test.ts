import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import supertest from 'supertest';
import { createTestApp, type TestApp } from '../test/support/test-app.js';
import { createApp } from './app.js';
import { openDatabase } from './db/database.js';
import { openDatabaseProbe } from './db/readiness-probe.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

describe('the service around the API', () => {
  it('answers /healthz and /readyz', async () => {
    assert.deepEqual((await t.request.get('/healthz').expect(200)).body, { status: 'ok' });
    assert.deepEqual((await t.request.get('/readyz').expect(200)).body, { status: 'ok', database: 'up' });
  });

  it('answers /readyz 503 not_ready until the process is ready, and again once it stops', async () => {
    const readiness = { ready: false };
    const app = createApp({ config: t.config, db: t.db, logger: pino({ level: 'silent' }), storage: t.storage, readiness });
    const starting = await supertest(app).get('/readyz').expect(503);
    assert.equal(starting.body.code, 'not_ready');
    assert.equal(starting.headers['retry-after'], '5');
    await supertest(app).get('/healthz').expect(200);

    readiness.ready = true;
    assert.deepEqual((await supertest(app).get('/readyz').expect(200)).body, { status: 'ok', database: 'up' });

    readiness.ready = false;
    assert.equal((await supertest(app).get('/readyz').expect(503)).body.code, 'not_ready');
  });

  it('stays ready while every request connection is busy: readiness checks PostgreSQL on a connection of its own', async () => {
    // A process whose 2 pooled connections are held by long requests, as under a burst.
    const db = openDatabase(t.databaseUrl, { poolMax: 2, acquireTimeoutMs: 300 });
    const probe = openDatabaseProbe(t.databaseUrl, 2_000);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let holding = 0;
    let allHeld = () => {};
    const bothHeld = new Promise<void>((resolve) => {
      allHeld = resolve;
    });
    const holders = [1, 2].map(() =>
      db.sequelize.transaction(async () => {
        if (++holding === 2) allHeld();
        await held;
      }),
    );
    try {
      await bothHeld;
      const busy = createApp({ config: t.config, db, logger: pino({ level: 'silent' }), storage: t.storage, readiness: { ready: true } });
      assert.equal((await supertest(busy).get('/readyz').expect(503)).body.code, 'database_unavailable', 'on the request pool it waits');
      const app = createApp({
        config: t.config,
        db,
        logger: pino({ level: 'silent' }),
        storage: t.storage,
        readiness: { ready: true, probe },
      });
      assert.deepEqual((await supertest(app).get('/readyz').expect(200)).body, { status: 'ok', database: 'up' });
    } finally {
      release();
      await Promise.all(holders);
      await probe.close();
      await db.close();
    }
  });

  it('serves the committed OpenAPI document and its reference page', async () => {
    const spec = await t.request.get('/openapi.json').expect(200);
    assert.equal(spec.body.openapi, '3.0.0');
    assert.ok(spec.body.paths['/v1/folders']);
    const docs = await t.request.get('/docs/').expect(200);
    assert.match(docs.text, /<main id="redoc">/);
    assert.match(docs.text, /href="\/docs\/guides\/quick-start"/);
  });

  it('answers unknown routes with a problem', async () => {
    const res = await t.request.get('/v1/nothing-here').expect(404);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(res.body.code, 'route_not_found');
  });

  it('echoes a sane X-Request-Id and replaces anything else', async () => {
    const echoed = await t.request.get('/healthz').set('X-Request-Id', 'vendor-42').expect(200);
    assert.equal(echoed.headers['x-request-id'], 'vendor-42');
    const replaced = await t.request.get('/healthz').set('X-Request-Id', 'bad id with spaces and /slashes').expect(200);
    assert.match(replaced.headers['x-request-id'], /^req_/);
  });

  it('sends security headers', async () => {
    const res = await t.request.get('/healthz').expect(200);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.ok(res.headers['content-security-policy']);
    assert.equal(res.headers['x-powered-by'], undefined);
  });

  it('lets widgets on any site call /v1 with a bearer token, never with cookies', async () => {
    const preflight = await t.request
      .options('/v1/folders')
      .set('Origin', 'https://logiciel-notaire.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type, idempotency-key')
      .expect(204);
    assert.equal(preflight.headers['access-control-allow-origin'], '*');
    assert.match(preflight.headers['access-control-allow-headers'], /Idempotency-Key/);
    assert.equal(preflight.headers['access-control-allow-credentials'], undefined);
    const res = await t.request
      .get('/v1/folders')
      .set('Origin', 'https://logiciel-notaire.example')
      .set('Authorization', t.office.auth)
      .expect(200);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.match(res.headers['access-control-expose-headers'], /X-Request-Id/);
  });

  it('serves every page an e-mail links to (client space, re-upload, the notary console)', async () => {
    const { links } = await import('./services/notifications/links.js');
    const folderId = 'fld_01m8c0000000000000000000aa';
    const requestId = 'req_01m8c0000000000000000000aa';
    for (const url of [
      links.clientSpace(''),
      links.reupload('', folderId, requestId),
      links.reupload('', folderId, null),
      links.staffFolder('', folderId),
    ]) {
      const res = await t.request.get(url);
      assert.ok(res.status === 200 || (res.status >= 300 && res.status < 400), `${url}: ${res.status}`);
    }
  });

  it("serves the widgets' script to pages of any origin", async () => {
    const res = await t.request.get('/assets/lecoffre-widgets.js').set('Origin', 'https://logiciel-notaire.example').expect(200);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.match(res.headers['content-type'], /javascript/);
  });

  it('never lets a browser reuse an API answer unchecked (live completion and anchoring state)', async () => {
    // A list may be kept only to be revalidated by its ETag; every other answer is not kept at all.
    const list = await t.request.get('/v1/folders').set('Authorization', t.office.auth).expect(200);
    assert.equal(list.headers['cache-control'], 'private, no-cache');
    assert.ok(list.headers.etag);
    const me = await t.request.get('/v1/me').set('Authorization', t.office.auth).expect(200);
    assert.equal(me.headers['cache-control'], 'no-store');
  });
});
