import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as oauth from 'openid-client';
import { QueryTypes } from 'sequelize';
import { sessionCookieName } from '../../api/http/hosted/session-cookie.js';
import {
  consentHeadless,
  exchangeCode,
  registerTestVendor,
  startAuthorization,
  type TestVendor,
  VENDOR_CALLBACK,
  vendorConfig,
} from '../support/oauth-vendor.js';
import { eventually } from '../support/patience.js';
import { createIdentityTestApp, createMemberSession, type IdentityTestApp } from '../support/test-app.js';

let t: IdentityTestApp;
let vendor: TestVendor;

before(async () => {
  t = await createIdentityTestApp({ listen: true });
  vendor = await registerTestVendor(t);
});
after(async () => {
  await t.close();
});

const sessionOf = async (officeId: string, member: Parameters<typeof createMemberSession>[2] = {}) => {
  const { token, auth } = await createMemberSession(t.db, officeId, member);
  return { cookieName: sessionCookieName(t.config), token, auth };
};

/** Connects `officeId` to the vendor's app through the consent of one of its notaries; returns the tokens. */
async function connect(officeId: string, scope?: string) {
  const start = await startAuthorization(vendor, scope);
  const { callback } = await consentHeadless(start, await sessionOf(officeId));
  assert.ok(callback, 'the consent led back to the app');
  return exchangeCode(vendor, callback, start);
}

const bearer = (token: string | undefined) => `Bearer ${token}`;

/** Everything the authorization server and the connections hold: bad input must change none of it. */
async function oauthState(): Promise<string> {
  const rows = await t.db.sequelize.query<{ state: string }>(
    `SELECT (SELECT count(*) FROM app_connections WHERE revoked_at IS NULL) || '/' ||
            (SELECT count(*) FROM oauth_records WHERE model IN ('Grant', 'AccessToken', 'RefreshToken')) || '/' ||
            (SELECT count(*) FROM outbox_events) AS state`,
    { type: QueryTypes.SELECT },
  );
  return rows[0]?.state ?? '';
}

async function newFolder(token: string | undefined, number: string) {
  const res = await t.request
    .post('/v1/folders')
    .set('Authorization', bearer(token))
    .send({ number, title: `Vente ${number}`, deedType: 'vente' })
    .expect(201);
  return res.body as { id: string };
}

describe('an app connected to two offices', () => {
  it('reads and writes each office’s folders with that office’s token, and is refused the other’s', async () => {
    const a = await connect(t.office.id);
    const b = await connect(t.otherOffice.id);
    const folderA = await newFolder(a.access_token, 'APP-A-1');
    const folderB = await newFolder(b.access_token, 'APP-B-1');

    await t.request.get(`/v1/folders/${folderA.id}`).set('Authorization', bearer(a.access_token)).expect(200);
    await t.request.get(`/v1/folders/${folderB.id}`).set('Authorization', bearer(b.access_token)).expect(200);
    // A token of office A on office B's data: not found, like any foreign id (and the reverse).
    const foreign = await t.request.get(`/v1/folders/${folderB.id}`).set('Authorization', bearer(a.access_token)).expect(404);
    assert.equal(foreign.body.code, 'folder_not_found');
    await t.request.get(`/v1/folders/${folderA.id}`).set('Authorization', bearer(b.access_token)).expect(404);
    await t.request.post(`/v1/folders/${folderB.id}/archive`).set('Authorization', bearer(a.access_token)).expect(404);
    await t.request.patch(`/v1/folders/${folderB.id}`).set('Authorization', bearer(a.access_token)).send({ title: 'Volé' }).expect(404);
    // …and nothing of office B changed.
    const untouched = await t.request.get(`/v1/folders/${folderB.id}`).set('Authorization', bearer(b.access_token)).expect(200);
    assert.equal(untouched.body.status, 'open');
    assert.equal(untouched.body.title, 'Vente APP-B-1');
    const listA = await t.request.get('/v1/folders').set('Authorization', bearer(a.access_token)).expect(200);
    assert.deepEqual(
      listA.body.data.map((f: { id: string }) => f.id),
      [folderA.id],
    );

    // Writes are attributed to the app in the office's audit trail and in the outbox (webhook payloads).
    const [audit] = await t.db.sequelize.query<{ actor_kind: string; actor_id: string; credential_id: string }>(
      `SELECT actor_kind, actor_id, credential_id FROM audit_events WHERE folder_id = :folderId AND action = 'folder.created'`,
      { replacements: { folderId: folderA.id }, type: QueryTypes.SELECT },
    );
    assert.equal(audit?.actor_kind, 'app');
    assert.equal(audit?.actor_id, vendor.appId);
    assert.match(audit?.credential_id ?? '', /^apc_/);
    const [event] = await t.db.sequelize.query<{ app_id: string }>(
      `SELECT app_id FROM outbox_events WHERE folder_id = :folderId AND type = 'folder.created'`,
      { replacements: { folderId: folderA.id }, type: QueryTypes.SELECT },
    );
    assert.equal(event?.app_id, vendor.appId);

    // The office sees the app, its scopes and its last use.
    const notary = await sessionOf(t.office.id);
    const connections = await t.request.get('/v1/app-connections').set('Authorization', notary.auth).expect(200);
    assert.equal(connections.body.data.length, 1);
    assert.equal(connections.body.data[0].app.name, 'Rédacto');
    assert.deepEqual(connections.body.data[0].scopes, ['folders:read', 'folders:create', 'folders:write']);
    assert.ok(connections.body.data[0].lastUsedAt);
  });

  it('refuses what the office did not grant (deny by default), and what no app may do', async () => {
    const tokens = await connect(t.office.id, 'folders:read');
    const res = await t.request
      .post('/v1/folders')
      .set('Authorization', bearer(tokens.access_token))
      .send({ number: 'APP-NOPE', title: 'Vente', deedType: 'vente' })
      .expect(403);
    assert.equal(res.body.code, 'insufficient_scope');
    const keys = await t.request.get('/v1/api-keys').set('Authorization', bearer(tokens.access_token)).expect(403);
    assert.equal(keys.body.code, 'operation_not_allowed');
    const me = await t.request.get('/v1/me').set('Authorization', bearer(tokens.access_token)).expect(200);
    assert.equal(me.body.kind, 'app');
    assert.deepEqual(me.body.permissions, ['me:read', 'folders:read']);
  });

  it('mints widget sessions for its office only', async () => {
    const tokens = await connect(t.office.id, 'folders:read widget_sessions:create');
    const notaryA = await createMemberSession(t.db, t.office.id);
    const notaryB = await createMemberSession(t.db, t.otherOffice.id);
    const minted = await t.request
      .post('/v1/widget-sessions')
      .set('Authorization', bearer(tokens.access_token))
      .send({ memberId: notaryA.memberId })
      .expect(201);
    const me = await t.request.get('/v1/me').set('Authorization', bearer(minted.body.token)).expect(200);
    assert.equal(me.body.office.id, t.office.id);
    const foreign = await t.request
      .post('/v1/widget-sessions')
      .set('Authorization', bearer(tokens.access_token))
      .send({ memberId: notaryB.memberId })
      .expect(404);
    assert.equal(foreign.body.code, 'member_not_found');
  });
});

describe('tokens', () => {
  it('rotates the refresh token on use; a reused one revokes the whole grant', async () => {
    const first = await connect(t.office.id);
    const second = await oauth.refreshTokenGrant(vendor.config, first.refresh_token as string);
    assert.notEqual(second.refresh_token, first.refresh_token);
    assert.notEqual(second.access_token, first.access_token);
    await t.request.get('/v1/folders').set('Authorization', bearer(second.access_token)).expect(200);

    const before = await t.db.sequelize.query('SELECT 1 FROM app_connections WHERE revoked_at IS NULL', { type: QueryTypes.SELECT });
    await assert.rejects(oauth.refreshTokenGrant(vendor.config, first.refresh_token as string), (error: oauth.ResponseBodyError) => {
      assert.equal(error.error, 'invalid_grant');
      return true;
    });
    // The thief's copy and the app's own tokens die together.
    await t.request.get('/v1/folders').set('Authorization', bearer(second.access_token)).expect(401);
    await assert.rejects(
      oauth.refreshTokenGrant(vendor.config, second.refresh_token as string),
      (error: oauth.ResponseBodyError) => error.error === 'invalid_grant',
    );
    const ended = await eventually('the connection to end', async () => {
      const rows = await t.db.sequelize.query<{ revoked_reason: string }>(
        `SELECT revoked_reason FROM app_connections WHERE revoked_reason = 'token_reuse_detected'`,
        { type: QueryTypes.SELECT },
      );
      return rows[0];
    });
    assert.equal(ended.revoked_reason, 'token_reuse_detected');
    const after = await t.db.sequelize.query('SELECT 1 FROM app_connections WHERE revoked_at IS NULL', { type: QueryTypes.SELECT });
    assert.equal(after.length, before.length - 1);
  });

  it('refuses an expired refresh token', async () => {
    const tokens = await connect(t.office.id);
    await t.db.sequelize.query(`UPDATE oauth_records SET expires_at = now() - interval '1 second' WHERE model = 'RefreshToken'`);
    await assert.rejects(oauth.refreshTokenGrant(vendor.config, tokens.refresh_token as string), (error: oauth.ResponseBodyError) => {
      assert.equal(error.error, 'invalid_grant');
      return true;
    });
  });

  it('is revoked by the app (RFC 7009): its access ends and the office is told', async () => {
    const tokens = await connect(t.otherOffice.id);
    const introspected = await oauth.tokenIntrospection(vendor.config, tokens.access_token);
    assert.equal(introspected.active, true);
    assert.equal(introspected.sub, t.otherOffice.id);
    await oauth.tokenRevocation(vendor.config, tokens.refresh_token as string);
    await t.request.get('/v1/folders').set('Authorization', bearer(tokens.access_token)).expect(401);
    assert.equal((await oauth.tokenIntrospection(vendor.config, tokens.access_token)).active, false);
    await eventually('app.deauthorized', async () => {
      const rows = await t.db.sequelize.query(
        `SELECT 1 FROM outbox_events WHERE type = 'app.deauthorized' AND office_id = :officeId AND payload->>'revokedReason' = 'revoked_by_app'`,
        { replacements: { officeId: t.otherOffice.id }, type: QueryTypes.SELECT },
      );
      return rows.length > 0;
    });
  });

  it('is revoked by the office ("Déconnecter"): every token of the app for that office stops', async () => {
    const tokens = await connect(t.office.id);
    const notary = await sessionOf(t.office.id);
    const collaborator = await sessionOf(t.office.id, { role: 'collaborator' });
    const list = await t.request.get('/v1/app-connections').set('Authorization', notary.auth).expect(200);
    const id = list.body.data[0].id as string;
    await t.request.delete(`/v1/app-connections/${id}`).set('Authorization', collaborator.auth).expect(403);
    await t.request.delete(`/v1/app-connections/${id}`).set('Authorization', bearer(tokens.access_token)).expect(403);
    const otherNotary = await sessionOf(t.otherOffice.id);
    await t.request.delete(`/v1/app-connections/${id}`).set('Authorization', otherNotary.auth).expect(404);
    await t.request.delete(`/v1/app-connections/${id}`).set('Authorization', notary.auth).expect(204);
    await t.request.get('/v1/folders').set('Authorization', bearer(tokens.access_token)).expect(401);
    await assert.rejects(
      oauth.refreshTokenGrant(vendor.config, tokens.refresh_token as string),
      (error: oauth.ResponseBodyError) => error.error === 'invalid_grant',
    );
    const after = await t.request.get('/v1/app-connections').set('Authorization', notary.auth).expect(200);
    assert.equal(after.body.data.length, 0);
    const [event] = await t.db.sequelize.query<{ payload: { revokedReason: string } }>(
      `SELECT payload FROM outbox_events WHERE type = 'app.deauthorized' AND office_id = :officeId ORDER BY seq DESC LIMIT 1`,
      { replacements: { officeId: t.office.id }, type: QueryTypes.SELECT },
    );
    assert.equal(event?.payload.revokedReason, 'disconnected_by_office');
  });
});

describe('/app/applications', () => {
  it('lists the connected apps with their scopes and last use; a notary disconnects one', async () => {
    const tokens = await connect(t.otherOffice.id);
    await t.request.get('/v1/me').set('Authorization', bearer(tokens.access_token)).expect(200);
    const notary = await sessionOf(t.otherOffice.id);
    const cookie = `${notary.cookieName}=${notary.token}`;
    const page = await t.request.get('/app/applications').set('Cookie', cookie).expect(200);
    assert.match(page.text, /<h2>Rédacto<\/h2>/);
    assert.match(page.text, /Consulter les dossiers de l’office/);
    assert.doesNotMatch(page.text, /dernière utilisation : jamais/);
    const action = /action="(\/app\/applications\/apc_[^"]+\/deconnecter)"/.exec(page.text)?.[1];
    assert.ok(action);
    const collaborator = await sessionOf(t.otherOffice.id, { role: 'collaborator' });
    const asCollaborator = await t.request
      .get('/app/applications')
      .set('Cookie', `${collaborator.cookieName}=${collaborator.token}`)
      .expect(200);
    assert.doesNotMatch(asCollaborator.text, /Déconnecter/);
    await t.request.post(action).set('Cookie', `${collaborator.cookieName}=${collaborator.token}`).expect(403);
    await t.request.post(action).set('Cookie', cookie).set('Origin', 'https://evil.example').expect(403);
    await t.request.get('/v1/me').set('Authorization', bearer(tokens.access_token)).expect(200);
    await t.request.post(action).set('Cookie', cookie).expect(303);
    await t.request.get('/v1/me').set('Authorization', bearer(tokens.access_token)).expect(401);
    const after = await t.request.get('/app/applications').set('Cookie', cookie).expect(200);
    assert.match(after.text, /Aucune application n’est connectée/);
  });
});

describe('bad input changes nothing', () => {
  it('unknown client and unregistered redirect URI: an error page, never a redirect', async () => {
    const state = await oauthState();
    const start = await startAuthorization(vendor);
    const unknown = new URL(start.url);
    unknown.searchParams.set('client_id', 'lcapp_unknown');
    const res = await fetch(unknown, { redirect: 'manual' });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /invalid_client/);
    const wrongRedirect = new URL(start.url);
    wrongRedirect.searchParams.set('redirect_uri', `${VENDOR_CALLBACK}/other`);
    const res2 = await fetch(wrongRedirect, { redirect: 'manual' });
    assert.equal(res2.status, 400);
    assert.match(await res2.text(), /invalid_redirect_uri/);
    assert.equal(await oauthState(), state);
  });

  it('missing or plain PKCE, and a scope the app did not register: the RFC error back at the app', async () => {
    const state = await oauthState();
    const errorOf = async (change: (url: URL) => void) => {
      const url = new URL((await startAuthorization(vendor)).url);
      change(url);
      // Unknown scopes are caught at the interaction step, one redirect later.
      let res = await fetch(url, { redirect: 'manual' });
      const cookies: string[] = [];
      const ours = (location: string | null) => location !== null && new URL(location, t.baseUrl).origin === new URL(t.baseUrl).origin;
      for (let hops = 0; hops < 4 && ours(res.headers.get('location')); hops++) {
        cookies.push(...res.headers.getSetCookie().map((cookie) => cookie.split(';')[0] as string));
        const next = new URL(res.headers.get('location') as string, t.baseUrl);
        res = await fetch(next, { redirect: 'manual', headers: { cookie: cookies.join('; ') } });
      }
      assert.equal(res.status, 303);
      const location = new URL(res.headers.get('location') as string);
      assert.equal(location.origin + location.pathname, VENDOR_CALLBACK);
      assert.equal(location.searchParams.get('state'), url.searchParams.get('state'));
      return location.searchParams.get('error');
    };
    assert.equal(
      await errorOf((url) => {
        url.searchParams.delete('code_challenge');
        url.searchParams.delete('code_challenge_method');
      }),
      'invalid_request',
    );
    assert.equal(await errorOf((url) => url.searchParams.set('code_challenge_method', 'plain')), 'invalid_request');
    assert.equal(await errorOf((url) => url.searchParams.set('scope', 'folders:read clients:read')), 'invalid_scope');
    assert.equal(await errorOf((url) => url.searchParams.set('scope', 'api_keys:manage')), 'invalid_scope');
    assert.equal(await errorOf((url) => url.searchParams.set('scope', 'folders:read admin')), 'invalid_scope');
    assert.equal(await oauthState(), state);
  });

  it('a wrong PKCE verifier, then the replayed code: invalid_grant, and the replay revokes the grant', async () => {
    const start = await startAuthorization(vendor);
    const { callback } = await consentHeadless(start, await sessionOf(t.office.id));
    assert.ok(callback);
    const stateBefore = await oauthState();
    await assert.rejects(
      oauth.authorizationCodeGrant(vendor.config, callback, {
        pkceCodeVerifier: oauth.randomPKCECodeVerifier(),
        expectedState: start.state,
      }),
      (error: oauth.ResponseBodyError) => error.error === 'invalid_grant',
    );
    await assert.rejects(
      oauth.authorizationCodeGrant(vendor.config, callback, { expectedState: start.state }),
      (error: oauth.ResponseBodyError) => error.error === 'invalid_grant' || error.error === 'invalid_request',
    );
    assert.equal(await oauthState(), stateBefore);

    // An earlier test ended another connection of this office the same way: count, do not just look for one.
    const reuseEnded = async () => {
      const rows = await t.db.sequelize.query<{ count: string }>(
        `SELECT count(*) FROM app_connections WHERE revoked_reason = 'token_reuse_detected' AND office_id = :officeId`,
        { replacements: { officeId: t.office.id }, type: QueryTypes.SELECT },
      );
      return Number(rows[0]?.count);
    };
    const endedBefore = await reuseEnded();
    const tokens = await exchangeCode(vendor, callback, start);
    await t.request.get('/v1/folders').set('Authorization', bearer(tokens.access_token)).expect(200);
    await assert.rejects(exchangeCode(vendor, callback, start), (error: oauth.ResponseBodyError) => error.error === 'invalid_grant');
    await t.request.get('/v1/folders').set('Authorization', bearer(tokens.access_token)).expect(401);
    await eventually('the replay to end the connection', async () => (await reuseEnded()) > endedBefore);
  });

  it('a wrong client secret: invalid_client', async () => {
    const wrong = await vendorConfig(vendor.issuer, vendor.clientId, 'lcapp_secret_wrong');
    await assert.rejects(oauth.refreshTokenGrant(wrong, 'whatever'), (error: oauth.WWWAuthenticateChallengeError) => {
      assert.equal(error.response.status, 401);
      assert.equal(error.cause[0]?.parameters.error, 'invalid_client');
      return true;
    });
  });

  it('a collaborator or a pending member cannot consent', async () => {
    const state = await oauthState();
    for (const member of [{ role: 'collaborator' as const }, { status: 'pending' as const }]) {
      const start = await startAuthorization(vendor);
      const { callback, consentStatus, consentHtml } = await consentHeadless(start, await sessionOf(t.office.id, member));
      assert.equal(callback, null);
      assert.equal(consentStatus, 403);
      assert.match(consentHtml, /Seul un notaire de l’office/);
    }
    assert.equal(await oauthState(), state);
  });

  it('an unknown or forged bearer token: 401', async () => {
    await t.request.get('/v1/folders').set('Authorization', 'Bearer aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa').expect(401);
  });
});
