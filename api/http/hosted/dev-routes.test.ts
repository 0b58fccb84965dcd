import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import { pino } from 'pino';
import supertest from 'supertest';
import { createIdentityTestApp, type IdentityTestApp } from '../../../test/support/test-app.js';
import { writeDevOutbox } from '../../adapters/sms/dev-outbox.js';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { setSessionCookie } from './session-cookie.js';

let t: IdentityTestApp;
before(async () => {
  t = await createIdentityTestApp();
});
after(() => t.close());

describe('/dev/outbox', () => {
  it('lists the messages "sent", newest first, as JSON or as a page', async () => {
    await writeDevOutbox(t.db, { kind: 'sms', to: '+33600000001', text: 'premier' });
    await writeDevOutbox(t.db, {
      kind: 'email',
      to: 'estelle@example.fr',
      subject: 'Documents',
      text: 'deuxième <b>',
      html: '<p>deuxième</p>',
    });
    const json = await t.request.get('/dev/outbox').expect(200);
    assert.deepEqual(
      json.body.data.map((m: { text: string }) => m.text),
      ['deuxième <b>', 'premier'],
    );
    assert.equal(json.body.data[0].kind, 'email');
    // The shape the README documents for scripts reading the outbox.
    assert.deepEqual(Object.keys(json.body.data[0]).sort(), ['createdAt', 'html', 'id', 'kind', 'subject', 'text', 'to']);
    assert.equal(json.body.data[0].subject, 'Documents');
    const one = await t.request.get('/dev/outbox?to=%2B33600000001').expect(200);
    assert.equal(one.body.data.length, 1);
    const page = await t.request.get('/dev/outbox').set('Accept', 'text/html').expect(200);
    assert.match(page.headers['content-type'], /text\/html/);
    assert.match(page.text, /deuxième &lt;b&gt;/, 'escaped');
  });
});

describe('production mode', () => {
  it('has no dev identity provider and no dev outbox', async () => {
    // A production Config built from the test one (what loadConfig requires in production is its own test's
    // business): what matters here is what createApp mounts when devMode is off.
    const base = loadConfig({ NODE_ENV: 'test' });
    const config = {
      ...base,
      env: 'production' as const,
      devMode: false,
      baseUrl: 'https://lecoffre.example',
      idnot: {
        issuer: 'https://idnot.example/oidc',
        clientId: 'lecoffre',
        clientSecret: 'secret',
        redirectUri: 'https://lecoffre.example/auth/idnot/callback',
        dev: false,
      },
      sms: { kind: 'http' as const, url: 'https://sms.example/send', token: undefined },
      sessions: { ...base.sessions, cookieSecure: true },
    };
    const app = createApp({ config, db: t.db, logger: pino({ level: 'silent' }) });
    for (const path of ['/dev/idnot/.well-known/openid-configuration', '/dev/idnot/auth', '/dev/outbox']) {
      const res = await supertest(app).get(path).expect(404);
      assert.equal(res.body.code, 'route_not_found', path);
    }
  });

  it('makes the session cookie __Host- prefixed and Secure', async () => {
    const app = express();
    app.get('/', (_req, res) => {
      setSessionCookie(res, { sessions: { cookieSecure: true, idleMinutes: 30, absoluteHours: 12 } }, 'lcs_x');
      res.end();
    });
    const res = await supertest(app).get('/');
    assert.deepEqual(res.headers['set-cookie'], ['__Host-lecoffre_session=lcs_x; Path=/; HttpOnly; Secure; SameSite=Lax']);
  });
});
