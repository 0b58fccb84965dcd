// The SDK as a vendor's app uses it: the authorize URL and the code exchange, then a client on the access
// token that renews it itself (rotated refresh token handed to onTokens) when the API refuses it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { QueryTypes } from 'sequelize';
import { sessionCookieName } from '../api/http/hosted/session-cookie.js';
import { registerApp } from '../api/services/apps/register-app.js';
import { appWebhookDeps, consentHeadless, VENDOR_CALLBACK } from '../test/support/oauth-vendor.js';
import { eventually } from '../test/support/patience.js';
import { createIdentityTestApp, createMemberSession, type IdentityTestApp } from '../test/support/test-app.js';
import { authorizeUrl, exchangeCode, LeCoffre, OAuthError, type OAuthTokens, refreshTokens, revokeToken } from './index.js';

let t: IdentityTestApp;
let app: { clientId: string; clientSecret: string };

before(async () => {
  t = await createIdentityTestApp({ listen: true });
  app = await registerApp(t.db, appWebhookDeps(t), {
    name: 'Rédacto',
    redirectUris: [VENDOR_CALLBACK],
    scopes: ['folders:read', 'folders:create'],
  });
});
after(async () => {
  await t.close();
});

async function connectWithSdk(): Promise<OAuthTokens> {
  const start = await authorizeUrl({
    baseUrl: t.baseUrl,
    clientId: app.clientId,
    redirectUri: VENDOR_CALLBACK,
    scopes: ['folders:read', 'folders:create'],
  });
  const { token } = await createMemberSession(t.db, t.office.id);
  const { callback } = await consentHeadless(
    { url: new URL(start.url), verifier: start.codeVerifier, state: start.state },
    { cookieName: sessionCookieName(t.config), token },
  );
  assert.ok(callback);
  return exchangeCode(
    { baseUrl: t.baseUrl, ...app },
    { callbackUrl: callback.href, redirectUri: VENDOR_CALLBACK, codeVerifier: start.codeVerifier, state: start.state },
  );
}

describe('the SDK for a vendor’s app', () => {
  it('connects an office, then renews its access token when refused, handing the rotated tokens to onTokens', async () => {
    const tokens = await connectWithSdk();
    const saved: OAuthTokens[] = [];
    const lecoffre = new LeCoffre({
      baseUrl: t.baseUrl,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      onTokens: (fresh) => {
        saved.push(fresh);
      },
    });
    const folder = await lecoffre.folders.create({ number: 'SDK-1', title: 'Vente', deedType: 'vente' });
    assert.equal(saved.length, 0);
    // The access token expires (its record goes): the next call is refused once, renewed, and replayed.
    await t.db.sequelize.query(`DELETE FROM oauth_records WHERE model = 'AccessToken'`);
    assert.equal((await lecoffre.folders.retrieve(folder.id)).id, folder.id);
    assert.equal(saved.length, 1);
    assert.notEqual(saved[0]?.refreshToken, tokens.refreshToken);
    // The old refresh token is spent: using it again is refused (and ends the connection).
    await assert.rejects(
      refreshTokens({ baseUrl: t.baseUrl, ...app }, tokens.refreshToken),
      (error: OAuthError) => error.error === 'invalid_grant',
    );
  });

  it('revokes: the app disconnects itself from the office', async () => {
    const tokens = await connectWithSdk();
    const lecoffre = new LeCoffre({ baseUrl: t.baseUrl, accessToken: tokens.accessToken });
    assert.equal((await lecoffre.me.retrieve()).kind, 'app');
    await revokeToken({ baseUrl: t.baseUrl, ...app }, tokens.refreshToken);
    await assert.rejects(lecoffre.me.retrieve(), { name: 'AuthenticationError' });
    await eventually('the connection to end', async () => {
      const rows = await t.db.sequelize.query(`SELECT 1 FROM app_connections WHERE revoked_reason = 'revoked_by_app'`, {
        type: QueryTypes.SELECT,
      });
      return rows.length === 1;
    });
  });
});
