import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createFolderWithClient,
  createIdentityTestApp,
  createMemberSession,
  type IdentityTestApp,
  mintWidgetToken,
} from '../../../test/support/test-app.js';
import { mintApiKey } from '../../services/api-keys/mint-api-key.js';
import { openSession } from '../../services/auth/sessions.js';

// Every kind of credential against folders it may and may not reach. Office A holds folders X, Y (one
// client each) and W (restricted to listed members); office B holds Z. Expected: 200 where allowed, 404
// for anything outside the credential's reach (never 403: existence is not revealed), 401 for dead
// credentials, 403 for a kind of caller a route refuses.

let t: IdentityTestApp;
const folders: Record<'X' | 'Y' | 'W' | 'Z', string> = { X: '', Y: '', W: '', Z: '' };
const titles = new Map<string, string>();
const auth: Record<string, string> = {};

before(async () => {
  t = await createIdentityTestApp();
  const { db } = t;
  const x = await createFolderWithClient(db, t.office.id);
  const y = await createFolderWithClient(db, t.office.id);
  const w = await createFolderWithClient(db, t.office.id);
  const z = await createFolderWithClient(db, t.otherOffice.id);
  Object.assign(folders, { X: x.folderId, Y: y.folderId, W: w.folderId, Z: z.folderId });
  await db.models.Folder.update({ access: 'members' }, { where: { id: w.folderId } });
  for (const row of await db.models.Folder.findAll()) titles.set(row.id, row.title);

  const notary = await createMemberSession(db, t.office.id, { role: 'notary' });
  const collaborator = await createMemberSession(db, t.office.id, { role: 'collaborator' });
  const pending = await createMemberSession(db, t.office.id, { role: 'collaborator', status: 'pending' });
  const clientSession = async (clientId: string, officeId: string) =>
    `Bearer ${(await openSession(db, { kind: 'client', officeId, clientId }, 'sms_code', { ip: null, userAgent: null }, t.config.sessions, t.clock.now())).token}`;

  Object.assign(auth, {
    apiKeyA: t.office.auth,
    apiKeyB: t.otherOffice.auth,
    notaryA: notary.auth,
    collaboratorA: collaborator.auth,
    pendingA: pending.auth,
    clientX: await clientSession(x.clientId, t.office.id),
    clientY: await clientSession(y.clientId, t.office.id),
    widgetMemberX: `Bearer ${await mintWidgetToken(t.request, t.office.auth, { memberId: notary.memberId, folderId: x.folderId })}`,
    widgetMemberAnyFolder: `Bearer ${await mintWidgetToken(t.request, t.office.auth, { memberId: notary.memberId })}`,
    widgetClientX: `Bearer ${await mintWidgetToken(t.request, t.office.auth, { clientId: x.clientId, folderId: x.folderId })}`,
    widgetClientB: `Bearer ${await mintWidgetToken(t.request, t.otherOffice.auth, { clientId: z.clientId })}`,
  });

  // Dead credentials: an expired widget session, a revoked API key and the widget session it minted,
  // a logged-out session, a made-up token.
  auth.widgetExpired = `Bearer ${await mintWidgetToken(t.request, t.office.auth, { memberId: notary.memberId, expiresInMinutes: 1 })}`;
  const doomed = await mintApiKey(db, { officeId: t.office.id, name: 'doomed', mode: 'live' });
  auth.widgetOfRevokedKey = `Bearer ${await mintWidgetToken(t.request, `Bearer ${doomed.secret}`, { memberId: notary.memberId })}`;
  auth.revokedKey = `Bearer ${doomed.secret}`;
  await t.request.get('/v1/me').set('Authorization', auth.revokedKey).expect(200);
  await t.request.delete(`/v1/api-keys/${doomed.id}`).set('Authorization', notary.auth).expect(204);
  const loggedOut = await createMemberSession(db, t.office.id);
  await t.request.post('/auth/logout').set('Authorization', loggedOut.auth).set('Accept', 'application/json').expect(204);
  auth.loggedOut = loggedOut.auth;
  auth.madeUp = 'Bearer lcs_dGhpcyBpcyBub3QgYSByZWFsIHRva2VuIGF0IGFsbCAhIQ';
  t.clock.advance(61);
});
after(() => t.close());

type Outcome = 200 | 401 | 403 | 404;
// Expected answer of GET /v1/folders/{id} per credential and folder.
const matrix: Record<string, Record<keyof typeof folders, Outcome>> = {
  apiKeyA: { X: 200, Y: 200, W: 200, Z: 404 },
  apiKeyB: { X: 404, Y: 404, W: 404, Z: 200 },
  notaryA: { X: 200, Y: 200, W: 200, Z: 404 },
  collaboratorA: { X: 200, Y: 200, W: 404, Z: 404 },
  pendingA: { X: 403, Y: 403, W: 403, Z: 403 },
  clientX: { X: 200, Y: 404, W: 404, Z: 404 },
  clientY: { X: 404, Y: 200, W: 404, Z: 404 },
  widgetMemberX: { X: 200, Y: 404, W: 404, Z: 404 },
  widgetMemberAnyFolder: { X: 200, Y: 200, W: 200, Z: 404 },
  widgetClientX: { X: 200, Y: 404, W: 404, Z: 404 },
  widgetClientB: { X: 404, Y: 404, W: 404, Z: 200 },
  widgetExpired: { X: 401, Y: 401, W: 401, Z: 401 },
  widgetOfRevokedKey: { X: 401, Y: 401, W: 401, Z: 401 },
  revokedKey: { X: 401, Y: 401, W: 401, Z: 401 },
  loggedOut: { X: 401, Y: 401, W: 401, Z: 401 },
  madeUp: { X: 401, Y: 401, W: 401, Z: 401 },
};

describe('token scope matrix', () => {
  for (const [credential, row] of Object.entries(matrix)) {
    it(`${credential}: GET /v1/folders/{id} -> ${Object.entries(row)
      .map(([f, s]) => `${f} ${s}`)
      .join(', ')}`, async () => {
      for (const [folder, expected] of Object.entries(row) as Array<[keyof typeof folders, Outcome]>) {
        const res = await t.request.get(`/v1/folders/${folders[folder]}`).set('Authorization', auth[credential]);
        assert.equal(res.status, expected, `${credential} -> folder ${folder}: ${JSON.stringify(res.body)}`);
        if (expected !== 200) {
          const text = JSON.stringify(res.body);
          assert.ok(!text.includes(titles.get(folders[folder]) as string), 'a refusal says nothing of the folder');
        }
      }
      // The folder list shows exactly the folders this credential may open.
      const list = await t.request.get('/v1/folders?limit=100').set('Authorization', auth[credential]);
      const reachable = Object.entries(row)
        .filter(([, s]) => s === 200)
        .map(([f]) => folders[f as keyof typeof folders]);
      if (Object.values(row).every((s) => s === 401 || s === 403)) {
        assert.equal(list.status, Object.values(row)[0]);
      } else {
        assert.equal(list.status, 200);
        assert.deepEqual((list.body.data as Array<{ id: string }>).map((f) => f.id).sort(), reachable.sort());
      }
    });
  }

  it('answers 401 with WWW-Authenticate, and 401 for a malformed header', async () => {
    const dead = await t.request.get('/v1/me').set('Authorization', auth.madeUp).expect(401);
    assert.match(dead.headers['www-authenticate'], /^Bearer realm="lecoffre"/);
    assert.equal(dead.body.code, 'unauthenticated');
    await t.request.get('/v1/me').set('Authorization', 'Basic Zm9vOmJhcg==').expect(401);
    await t.request.get('/v1/me').expect(401);
  });

  const routes: Array<[string, 'get' | 'post', string, object | undefined]> = [
    ['list members', 'get', '/v1/members', undefined],
    ['approve a member', 'post', '/v1/members/mbr_x/approve', undefined],
    ['list API keys', 'get', '/v1/api-keys', undefined],
    ['create an API key', 'post', '/v1/api-keys', { name: 'k', mode: 'test' }],
    ['mint a widget session', 'post', '/v1/widget-sessions', { clientId: 'cli_x' }],
  ];
  const allowed: Record<string, string[]> = {
    'list members': ['apiKeyA', 'notaryA', 'collaboratorA', 'widgetMemberX'],
    'approve a member': ['apiKeyA', 'notaryA'],
    'list API keys': ['notaryA'],
    'create an API key': ['notaryA'],
    'mint a widget session': ['apiKeyA'],
  };
  for (const [name, method, url, body] of routes) {
    it(`${name}: only ${allowed[name].join(', ')}`, async () => {
      for (const credential of ['apiKeyA', 'notaryA', 'collaboratorA', 'pendingA', 'clientX', 'widgetMemberX', 'widgetClientX']) {
        const req = t.request[method](url).set('Authorization', auth[credential]);
        const res = await (body ? req.send(body) : req);
        if (allowed[name].includes(credential)) assert.notEqual(res.status, 403, `${credential}: ${JSON.stringify(res.body)}`);
        else assert.equal(res.status, 403, `${credential} may not ${name}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    });
  }
});
