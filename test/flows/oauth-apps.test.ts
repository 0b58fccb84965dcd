import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as oauth from 'openid-client';
import { sessionCookieName } from '../../api/http/hosted/session-cookie.js';
import { consentHeadless, exchangeCode, registerTestVendor, startAuthorization, type TestVendor } from '../support/oauth-vendor.js';
import { createIdentityTestApp, createMemberSession, type IdentityTestApp } from '../support/test-app.js';

let t: IdentityTestApp;
let vendor: TestVendor;

before(async () => {
  t = await createIdentityTestApp({ listen: true });
  vendor = await registerTestVendor(t.db, t.baseUrl);
});
after(async () => {
  await t.close();
});

const sessionOf = async (officeId: string, member: Parameters<typeof createMemberSession>[2] = {}) => {
  const { token } = await createMemberSession(t.db, officeId, member);
  return { cookieName: sessionCookieName(t.config), token };
};

describe('apps connected by OAuth 2.0 (headless)', () => {
  it('connects an office and calls the API with the access token', async () => {
    const start = await startAuthorization(vendor);
    const { callback, consentHtml } = await consentHeadless(start, await sessionOf(t.office.id));
    assert.match(consentHtml, /Rédacto demande l’accès à votre office/);
    assert.match(consentHtml, /Consulter les dossiers de l’office/);
    assert.ok(callback);
    const tokens = await exchangeCode(vendor, callback, start);
    assert.ok(tokens.access_token);
    assert.ok(tokens.refresh_token);
    const me = await t.request.get('/v1/me').set('Authorization', `Bearer ${tokens.access_token}`).expect(200);
    assert.equal(me.body.kind, 'app');
    assert.equal(me.body.office.id, t.office.id);
  });
});
