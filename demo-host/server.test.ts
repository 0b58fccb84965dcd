import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { QueryTypes } from 'sequelize';
import { Webhook } from 'standardwebhooks';
import { demoOffice, secondDemoOffice } from '../api/db/seed/catalogue.js';
import { DEMO_APP_NAME, seedDemoApp } from '../api/db/seed/demo-app.js';
import { seedDemoOffice } from '../api/db/seed/seed.js';
import { appWebhookDeps } from '../test/support/oauth-vendor.js';
import { eventually } from '../test/support/patience.js';
import { createIdentityTestApp, createMemberSession, type IdentityTestApp } from '../test/support/test-app.js';
import { connectOffice, officeIdOf, pumpWebhooks, type RunningHost, startDemoHost } from './demo-host.test-support.js';
import { WEBHOOK_PATH } from './server.js';

// The demo drafting software as a vendor serving many offices, against the real API (in-process, over real
// HTTP): two offices connect it through LeCoffre's consent screen, its deeds are filed per office, and one
// endpoint receives both offices' webhooks, delivered by the real delivery code on loopback.

let t: IdentityTestApp;
let officeA: string;
let officeB: string;
const dirs: string[] = [];
const servers: Server[] = [];

before(async () => {
  t = await createIdentityTestApp({ listen: true, env: { LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK: 'true' } });
  await seedDemoOffice(t.db, await tempDir());
  officeA = await officeIdOf(t, demoOffice.crpcen);
  officeB = await officeIdOf(t, secondDemoOffice.crpcen);
});
after(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await t?.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lecoffre-demo-host-'));
  dirs.push(dir);
  return dir;
}

const deedLinks = (html: string, officeId?: string) =>
  [...html.matchAll(/<tr data-office-id="([^"]+)">[\s\S]*?href="\/actes\/([\w-]+)"/g)]
    .filter((match) => !officeId || match[1] === officeId)
    .map((match) => match[2] as string);

function embeddedFolder(html: string): { folderId: string; token: string; baseUrl: string } {
  const tag = /<lecoffre-folder lang="fr" folder-id="([^"]+)" token="([^"]+)" base-url="([^"]+)">/.exec(html);
  assert.ok(tag, 'the deed page embeds <lecoffre-folder>');
  return { folderId: tag[1] as string, token: tag[2] as string, baseUrl: tag[3] as string };
}

const asToken = (token: string, p: string, init: RequestInit = {}) =>
  fetch(`${t.baseUrl}${p}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
  });

interface SavedOffice {
  officeId: string;
  tokens: { accessToken: string; refreshToken: string };
}
const savedOffices = async (dataDir: string) =>
  (JSON.parse(await readFile(path.join(dataDir, 'demo-host.json'), 'utf8')) as { offices: SavedOffice[] }).offices;

describe('the demo host, a vendor app two offices connect', () => {
  let host: RunningHost;
  let dataDir: string;

  before(async () => {
    dataDir = await tempDir();
    host = await startDemoHost(t, { appDir: await tempDir(), dataDir, servers });
  });

  it('connects two offices through the consent screen; each office’s deeds open its own folder, for its own notary', async () => {
    assert.match(await (await host.get('/')).text(), /Aucun office connecté/);
    const a = await connectOffice(t, host, officeA);
    assert.match(a.consentHtml, /Logiciel de rédaction — démo demande l’accès à votre office/);
    assert.equal(a.landedAt, `${host.url}/?notice=connected`);
    assert.match(await a.landed.text(), /SELAS AP NOTAIRES/);
    await connectOffice(t, host, officeB);
    const list = await (await host.get('/')).text();
    assert.match(list, /SCP CAROLINE BRISSON ET VINCENT VILLECOURT/);

    const [deedA] = deedLinks(list, officeA);
    const [deedB] = deedLinks(list, officeB);
    assert.ok(deedA && deedB, 'sample deeds for each office');
    const folderA = embeddedFolder(await (await host.get(`/actes/${deedA}`)).text());
    const folderB = embeddedFolder(await (await host.get(`/actes/${deedB}`)).text());
    // Each page's widget session: the notary of the deed's office, that folder and nothing else.
    const meA = (await (await asToken(folderA.token, '/v1/me')).json()) as { office: { id: string }; member: { role: string } };
    const meB = (await (await asToken(folderB.token, '/v1/me')).json()) as { office: { id: string }; member: { role: string } };
    assert.deepEqual([meA.office.id, meA.member.role], [officeA, 'notary']);
    assert.deepEqual([meB.office.id, meB.member.role], [officeB, 'notary']);
    assert.equal((await asToken(folderA.token, `/v1/folders/${folderB.folderId}`)).status, 404);

    // The app's tokens: each reaches its own office's folder, never the other's (404, and nothing changes).
    const [savedA, savedB] = [officeA, officeB].map(async (id) => (await savedOffices(dataDir)).find((o) => o.officeId === id));
    const tokenA = (await savedA)?.tokens.accessToken as string;
    const tokenB = (await savedB)?.tokens.accessToken as string;
    assert.equal((await asToken(tokenA, `/v1/folders/${folderA.folderId}`)).status, 200);
    assert.equal((await asToken(tokenB, `/v1/folders/${folderB.folderId}`)).status, 200);
    assert.equal((await asToken(tokenA, `/v1/folders/${folderB.folderId}`)).status, 404);
    const patched = await asToken(tokenA, `/v1/folders/${folderB.folderId}`, {
      method: 'PATCH',
      body: JSON.stringify({ title: 'Détourné' }),
    });
    assert.equal(patched.status, 403, 'editing is not among the demo’s scopes; reading the other office’s folder is out of reach (404)');
    assert.notEqual((await t.db.models.Folder.findByPk(folderB.folderId, { rejectOnEmpty: true })).title, 'Détourné');
    const html = await (await host.get(`/actes/${deedA}`)).text();
    assert.doesNotMatch(html, new RegExp(tokenA), 'the app token never reaches the page');
  });

  it('files a new deed under the office chosen, numbered per office; refuses an office not connected', async () => {
    const created = await fetch(`${host.url}/actes`, {
      method: 'POST',
      body: new URLSearchParams({ officeId: officeB, title: 'Vente Dupont / Leroy', deedType: 'vente' }),
      redirect: 'manual',
    });
    assert.equal(created.status, 303);
    const { folderId } = embeddedFolder(await (await host.get(created.headers.get('location') as string)).text());
    const folder = await t.db.models.Folder.findByPk(folderId, { rejectOnEmpty: true });
    assert.deepEqual([folder.officeId, folder.title], [officeB, 'Vente Dupont / Leroy']);
    assert.match(folder.number, /^R-\d{4}-004$/);
    const elsewhere = await fetch(`${host.url}/actes`, {
      method: 'POST',
      body: new URLSearchParams({ officeId: 'off_unknown', title: 'Acte forgé', deedType: 'vente' }),
    });
    assert.equal(elsewhere.status, 422);
    const crossSite = await fetch(`${host.url}/actes`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: new URLSearchParams({ officeId: officeA, title: 'Acte forgé', deedType: 'vente' }),
    });
    assert.equal(crossSite.status, 403, 'another site’s page cannot post to the demo');
    assert.doesNotMatch(await (await host.get('/')).text(), /Acte forgé/);
  });

  it('hears both offices on one endpoint: checked with the app’s secret, with officeId, deduplicated', async () => {
    await pumpWebhooks(t);
    type Received = { webhookId: string; type: string; officeId: string; duplicates: number };
    const received = (await (await host.get('/webhooks.json')).json()) as Received[];
    const authorized = received.filter((w) => w.type === 'app.authorized').map((w) => w.officeId);
    assert.deepEqual(authorized.sort(), [officeA, officeB].sort());
    assert.ok(received.some((w) => w.type === 'folder.created' && w.officeId === officeA));
    assert.ok(received.some((w) => w.type === 'folder.created' && w.officeId === officeB));
    const page = await (await host.get('/webhooks')).text();
    assert.match(page, /app\.authorized<\/strong> — [^<]+ — SELAS AP NOTAIRES/);

    const forged = await fetch(`${host.url}${WEBHOOK_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': 'msg_forged',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': 'v1,ZmFrZS1zaWduYXR1cmUtZmFrZS1zaWduYXR1cmUtZmFrZSE=',
      },
      body: JSON.stringify({ type: 'app.deauthorized', officeId: officeA, data: {} }),
    });
    assert.equal(forged.status, 400);
    assert.ok(
      (await savedOffices(dataDir)).some((o) => o.officeId === officeA),
      'a forged event changes nothing',
    );

    // A delivery made again (a retry, a resend): acknowledged, counted, not processed twice.
    const body = JSON.stringify({ type: 'folder.updated', timestamp: new Date().toISOString(), officeId: officeA, data: { id: 'fld_x' } });
    const deliver = () => {
      const at = new Date();
      return fetch(`${host.url}${WEBHOOK_PATH}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': 'msg_again',
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': new Webhook(host.app.webhookSecret).sign('msg_again', at, body),
        },
        body,
      });
    };
    assert.deepEqual([(await deliver()).status, (await deliver()).status], [204, 204]);
    const again = ((await (await host.get('/webhooks.json')).json()) as Received[]).filter((w) => w.webhookId === 'msg_again');
    assert.deepEqual(
      again.map((w) => [w.type, w.officeId, w.duplicates]),
      [['folder.updated', officeA, 1]],
    );
  });

  it('keeps each office’s tokens across restarts, and saves a refreshed pair before using it', async () => {
    const before = (await savedOffices(dataDir)).find((o) => o.officeId === officeA) as SavedOffice;
    // Restarted with an access token LeCoffre no longer honours (as after its ten minutes): the SDK asks for
    // a new pair with the refresh token, the demo saves it, and the page opens.
    const file = path.join(dataDir, 'demo-host.json');
    const state = JSON.parse(await readFile(file, 'utf8')) as { offices: SavedOffice[] };
    for (const office of state.offices) if (office.officeId === officeA) office.tokens.accessToken = 'lcapp_at_expired';
    await writeFile(file, JSON.stringify(state));
    const restarted = await startDemoHost(t, { appDir: '', dataDir, servers, app: host.app });
    const [deedA] = deedLinks(await (await restarted.get('/')).text(), officeA);
    const opened = await restarted.get(`/actes/${deedA}`);
    assert.equal(opened.status, 200, `the deed opened with a refreshed token: ${opened.status === 200 ? '' : await opened.text()}`);
    const after = (await savedOffices(dataDir)).find((o) => o.officeId === officeA) as SavedOffice;
    assert.notEqual(after.tokens.refreshToken, before.tokens.refreshToken, 'the rotated refresh token is saved');
    assert.notEqual(after.tokens.accessToken, 'lcapp_at_expired');
    // The old refresh token is spent: used again, LeCoffre would end the whole connection (reuse detection).
    assert.equal((await asToken(after.tokens.accessToken, '/v1/me')).status, 200);
  });

  it('"Déconnecter" revokes the office’s grant: its tokens stop working, the app hears app.deauthorized', async () => {
    const saved = (await savedOffices(dataDir)).find((o) => o.officeId === officeB) as SavedOffice;
    const disconnected = await fetch(`${host.url}/offices/${officeB}/deconnecter`, { method: 'POST', redirect: 'manual' });
    assert.deepEqual([disconnected.status, disconnected.headers.get('location')], [303, '/?notice=disconnected']);
    assert.equal((await asToken(saved.tokens.accessToken, '/v1/folders')).status, 401);
    // The authorization server ends the connection once the grant's tokens are gone, just after answering.
    await eventually('LeCoffre to end the connection', async () => {
      const [connection] = await t.db.sequelize.query<{ revoked_at: Date | null }>(
        'SELECT revoked_at FROM app_connections WHERE office_id = :officeB ORDER BY authorized_at DESC LIMIT 1',
        { replacements: { officeB }, type: QueryTypes.SELECT },
      );
      return connection?.revoked_at;
    });
    await pumpWebhooks(t);
    const received = (await (await host.get('/webhooks.json')).json()) as Array<{ type: string; officeId: string }>;
    assert.ok(received.some((w) => w.type === 'app.deauthorized' && w.officeId === officeB));
    const list = await (await host.get('/')).text();
    assert.doesNotMatch(list, /<li data-office-id="[^"]*">[\s\S]*?SCP CAROLINE BRISSON/, 'no longer listed as connected');
    assert.match(list, /Office déconnecté/);
  });

  it('forgets an office that disconnects the app from LeCoffre: app.deauthorized is heard', async () => {
    const notary = await createMemberSession(t.db, officeA, { role: 'notary' });
    const connections = (await (await asToken(notary.token, '/v1/app-connections')).json()) as { data: Array<{ id: string }> };
    assert.equal(connections.data.length, 1, 'office A is connected to the demo app');
    assert.equal((await asToken(notary.token, `/v1/app-connections/${connections.data[0]?.id}`, { method: 'DELETE' })).status, 204);
    await pumpWebhooks(t);
    // Forgotten once the event is processed, after the demo's 204.
    await eventually('the demo to forget the office', async () => (await savedOffices(dataDir)).length === 0);
    assert.match(await (await host.get('/')).text(), /Aucun office connecté/);
  });
});

describe('the demo host’s connection flow, refused', () => {
  it('says so when the notary refuses, and when the callback comes from no attempt of its own', async () => {
    const host = await startDemoHost(t, { appDir: await tempDir(), servers });
    const refused = await connectOffice(t, host, officeA, 'refuse');
    assert.equal(refused.landed.status, 400);
    assert.match(await refused.landed.text(), /Le notaire a refusé l’accès/);
    const forged = await host.get('/oauth/callback?code=stolen&state=guessed');
    assert.equal(forged.status, 400);
    assert.match(await forged.text(), /n’a pas été commencée ici/);
    assert.match(await (await host.get('/')).text(), /Aucun office connecté/);
  });

  it('registers its app once: a restart with the same data dir and address reuses it', async () => {
    const appDir = await tempDir();
    const first = await seedDemoApp(t.db, appWebhookDeps(t), { dataDir: appDir, demoUrl: 'http://localhost:4999' });
    const again = await seedDemoApp(t.db, appWebhookDeps(t), { dataDir: appDir, demoUrl: 'http://localhost:4999' });
    assert.equal(again.clientId, first.clientId);
    const moved = await seedDemoApp(t.db, appWebhookDeps(t), { dataDir: appDir, demoUrl: 'http://localhost:5999' });
    assert.notEqual(moved.clientId, first.clientId, 'another address, another app');
    const [row] = await t.db.sequelize.query<{ name: string; redirect_uris: string[] }>(
      'SELECT name, redirect_uris FROM oauth_apps WHERE client_id = :clientId',
      { replacements: { clientId: moved.clientId }, type: QueryTypes.SELECT },
    );
    assert.deepEqual([row?.name, row?.redirect_uris], [DEMO_APP_NAME, ['http://localhost:5999/oauth/callback']]);
  });
});
