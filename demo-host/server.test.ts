import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { systemClock } from '../api/adapters/clock/system-clock.js';
import { httpWebhookTransport } from '../api/adapters/webhooks/http-transport.js';
import { seedDemoOffice } from '../api/db/seed/seed.js';
import { dispatchOutbox } from '../api/jobs/dispatch-outbox.js';
import { deliverDue } from '../api/services/webhooks/deliver.js';
import { createIdentityTestApp, type IdentityTestApp } from '../test/support/test-app.js';
import { createDemoHost, WEBHOOK_PATH } from './server.js';

// The demo drafting software against the real API (in-process, over real HTTP): deeds -> LeCoffre folders
// through the SDK, widget sessions for Caroline Pallut, and webhooks delivered by the real delivery code
// to the demo host's receiver on loopback.

let t: IdentityTestApp;
let apiKey: string;
const dirs: string[] = [];
const servers: Server[] = [];

before(async () => {
  t = await createIdentityTestApp({ listen: true, env: { LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK: 'true' } });
  const seedDir = await tempDir();
  apiKey = (await seedDemoOffice(t.db, seedDir)).apiKey;
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

interface RunningHost {
  url: string;
  startMs: number;
  get(path: string): Promise<Response>;
}

/** A demo host as main.ts starts one: its port first (its webhook URL names it), then createDemoHost. */
async function startHost(dataDir: string | undefined, api: IdentityTestApp = t, key = apiKey): Promise<RunningHost> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const started = performance.now();
  const app = await createDemoHost({ apiBaseUrl: api.baseUrl, apiKey: key, logger: pino({ level: 'silent' }), publicUrl: url, dataDir });
  const startMs = performance.now() - started;
  server.on('request', app);
  return { url, startMs, get: (p) => fetch(`${url}${p}`, { redirect: 'manual' }) };
}

const asOffice = (p: string, init: RequestInit = {}) =>
  fetch(`${t.baseUrl}${p}`, {
    ...init,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...init.headers },
  });

async function endpointsAt(url: string): Promise<Array<{ id: string; url: string }>> {
  const body = (await (await asOffice('/v1/webhook-endpoints?limit=100')).json()) as { data: Array<{ id: string; url: string }> };
  return body.data.filter((endpoint) => endpoint.url === `${url}${WEBHOOK_PATH}`);
}

/** One turn of the webhook workers: outbox -> messages -> every due delivery, over HTTP. */
async function pumpWebhooks(): Promise<void> {
  await dispatchOutbox({ db: t.db, clock: systemClock });
  await deliverDue({
    db: t.db,
    clock: systemClock,
    sealer: t.webhookSealer,
    transport: httpWebhookTransport({ allowLoopback: true, timeoutMs: 5000 }),
    random: () => 0.5,
  });
}

const deedLinks = (html: string) => [...html.matchAll(/href="\/actes\/([\w-]+)"/g)].map((match) => match[1]);

interface EmbeddedFolder {
  folderId: string;
  token: string;
  baseUrl: string;
}

function embeddedFolder(html: string): EmbeddedFolder {
  const tag = /<lecoffre-folder lang="fr" folder-id="([^"]+)" token="([^"]+)" base-url="([^"]+)">/.exec(html);
  assert.ok(tag, 'the deed page embeds <lecoffre-folder>');
  return { folderId: tag[1], token: tag[2], baseUrl: tag[3] };
}

describe('demo host', () => {
  let host: RunningHost;
  let dataDir: string;

  before(async () => {
    dataDir = await tempDir();
    host = await startHost(dataDir);
  });

  it('registers one webhook endpoint pointing at itself, and keeps it across restarts', async (ctx) => {
    ctx.diagnostic(`createDemoHost: ${host.startMs.toFixed(0)} ms (webhook endpoint registered)`);
    assert.equal((await endpointsAt(host.url)).length, 1, 'an endpoint at <demo host>/webhooks/lecoffre');

    // Restarts of another demo host (the one above keeps its endpoint and secret for the next tests).
    const ownDir = await tempDir();
    const restarting = await startHost(ownDir);
    const [endpoint] = await endpointsAt(restarting.url);
    const restart = (dir: string) =>
      createDemoHost({ apiBaseUrl: t.baseUrl, apiKey, logger: pino({ level: 'silent' }), publicUrl: restarting.url, dataDir: dir });

    // Same data dir, same URL (`npm start` again): the endpoint and its secret are reused.
    await restart(ownDir);
    assert.deepEqual(
      (await endpointsAt(restarting.url)).map((e) => e.id),
      [endpoint.id],
    );
    // The data dir lost (the secret with it): the old endpoint is replaced, not doubled.
    await restart(await tempDir());
    const now = await endpointsAt(restarting.url);
    assert.equal(now.length, 1);
    assert.notEqual(now[0].id, endpoint.id);
    // Back to the first data dir: its saved endpoint is gone, so it registers a new one and removes the other.
    await restart(ownDir);
    assert.equal((await endpointsAt(restarting.url)).length, 1);
    assert.equal((await endpointsAt(host.url)).length, 1, 'other URLs are left alone');
  });

  it('lists its deeds and opens one with <lecoffre-folder>: one LeCoffre folder per deed, a notary session bound to it', async () => {
    const list = await (await host.get('/')).text();
    assert.match(list, /Logiciel de rédaction — démo/);
    assert.match(list, /Vente Martin \/ Durand/);
    const [first, second] = deedLinks(list);

    // Two tabs opening the deed at once, then a reload: one folder.
    const pages = await Promise.all([host.get(`/actes/${first}`), host.get(`/actes/${first}`)]);
    for (const page of pages) assert.equal(page.status, 200);
    const [a, b] = await Promise.all(pages.map((page) => page.text()));
    const reloaded = await (await host.get(`/actes/${first}`)).text();
    const embedded = embeddedFolder(a);
    assert.equal(embeddedFolder(b).folderId, embedded.folderId);
    assert.equal(embeddedFolder(reloaded).folderId, embedded.folderId);
    assert.equal(embedded.baseUrl, t.baseUrl);
    assert.ok(a.includes(`<script type="module" src="${t.baseUrl}/assets/lecoffre-widgets.js"></script>`), 'the widgets come from the API');
    assert.ok(a.includes('<script type="module" src="/demo.js"></script>'));
    const csp = pages[0].headers.get('content-security-policy') ?? '';
    assert.match(csp, new RegExp(`script-src 'self' ${t.baseUrl.replace(/[.]/g, '\\.')}(;|$)`));
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.doesNotMatch(a, /lck_/, 'the API key never reaches the page');

    const folders = (await (await asOffice('/v1/folders?q=R-2025-001')).json()) as {
      data: Array<{ id: string; number: string; title: string }>;
    };
    assert.deepEqual(
      folders.data.map((f) => [f.id, f.number, f.title]),
      [[embedded.folderId, 'R-2025-001', 'Vente Martin / Durand']],
    );

    // The page's token: Caroline Pallut, this folder and nothing else.
    const asWidget = (p: string) => fetch(`${t.baseUrl}${p}`, { headers: { authorization: `Bearer ${embedded.token}` } });
    const me = (await (await asWidget('/v1/me')).json()) as { kind: string; member: { firstName: string; lastName: string } };
    assert.equal(me.kind, 'widget');
    assert.deepEqual([me.member.firstName, me.member.lastName], ['Caroline', 'Pallut']);
    assert.equal((await asWidget(`/v1/folders/${embedded.folderId}`)).status, 200);
    const other = embeddedFolder(await (await host.get(`/actes/${second}`)).text());
    assert.notEqual(other.folderId, embedded.folderId);
    assert.equal((await asWidget(`/v1/folders/${other.folderId}`)).status, 404);
  });

  it('finds the folder of a deed again by its number when its own records were lost', async () => {
    const original = embeddedFolder(await (await host.get(`/actes/${deedLinks(await (await host.get('/')).text())[0]}`)).text());
    const amnesic = await startHost(await tempDir());
    const [first] = deedLinks(await (await amnesic.get('/')).text());
    assert.equal(embeddedFolder(await (await amnesic.get(`/actes/${first}`)).text()).folderId, original.folderId);
  });

  it('creates a new deed from its form, with a LeCoffre deed type', async () => {
    const created = await fetch(`${host.url}/actes`, {
      method: 'POST',
      body: new URLSearchParams({ title: 'Vente Dupont / Leroy', deedType: 'vente' }),
      redirect: 'manual',
    });
    assert.equal(created.status, 303);
    const page = await (await host.get(created.headers.get('location') as string)).text();
    const { folderId } = embeddedFolder(page);
    const folder = (await (await asOffice(`/v1/folders/${folderId}`)).json()) as { title: string; number: string };
    assert.equal(folder.title, 'Vente Dupont / Leroy');
    assert.match(folder.number, /^R-\d{4}-004$/);
    const refused = await fetch(`${host.url}/actes`, { method: 'POST', body: new URLSearchParams({ title: '', deedType: 'vente' }) });
    assert.equal(refused.status, 422);
    const crossSite = await fetch(`${host.url}/actes`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: new URLSearchParams({ title: 'Acte forgé', deedType: 'vente' }),
    });
    assert.equal(crossSite.status, 403, 'another site’s page cannot post to the demo');
    const fromSandbox = await fetch(`${host.url}/actes`, {
      method: 'POST',
      headers: { origin: 'null', 'sec-fetch-site': 'cross-site' },
      body: new URLSearchParams({ title: 'Acte forgé', deedType: 'vente' }),
    });
    assert.equal(fromSandbox.status, 403);
    assert.doesNotMatch(await (await host.get('/')).text(), /Acte forgé/);
  });

  it('receives the webhooks: verified on the raw body, deduplicated on webhook-id, newest first', async () => {
    const [, second] = deedLinks(await (await host.get('/')).text());
    const { folderId } = embeddedFolder(await (await host.get(`/actes/${second}`)).text());
    const added = await asOffice(`/v1/folders/${folderId}/clients`, {
      method: 'POST',
      body: JSON.stringify({
        client: { lastName: 'Michou', firstName: 'Claire', mobile: '06 26 59 72 92', email: 'claire.michou@example.fr' },
      }),
    });
    assert.equal(added.status, 200);
    await pumpWebhooks();

    type Received = { webhookId: string; type: string; folderId: string; duplicates: number };
    const received = async () => (await (await host.get(`/webhooks.json?folderId=${folderId}`)).json()) as Received[];
    const first = await received();
    assert.deepEqual(
      first.map((w) => w.type),
      ['client.added', 'folder.created'],
    );
    const html = await (await host.get('/webhooks')).text();
    assert.ok(html.indexOf('client.added') < html.indexOf('folder.created'), 'newest first on the page too');

    // A forged delivery (signed with another secret) is refused and not shown.
    const forged = await fetch(`${host.url}${WEBHOOK_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': 'msg_forged',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': 'v1,ZmFrZS1zaWduYXR1cmUtZmFrZS1zaWduYXR1cmUtZmFrZSE=',
      },
      body: JSON.stringify({ type: 'folder.archived', data: { id: folderId } }),
    });
    assert.equal(forged.status, 400);

    // LeCoffre sends the same event again (a resend): acknowledged, counted, not shown twice.
    const [endpoint] = await endpointsAt(host.url);
    const attempts = (await (await asOffice(`/v1/webhook-endpoints/${endpoint.id}/attempts?limit=100`)).json()) as {
      data: Array<{ messageId: string; webhookId: string; eventType: string }>;
    };
    const clientAdded = attempts.data.find((a) => a.webhookId === first[0].webhookId);
    assert.ok(clientAdded, 'the attempt of client.added is listed');
    assert.equal((await asOffice(`/v1/webhook-messages/${clientAdded.messageId}/resend`, { method: 'POST' })).status < 300, true);
    await pumpWebhooks();
    const after = await received();
    assert.deepEqual(
      after.map((w) => [w.type, w.duplicates]),
      [
        ['client.added', 1],
        ['folder.created', 0],
      ],
    );
  });

  // Last of this describe: it moves the API's clock past the sessions' 15 minutes.
  it('mints, for the deed page’s tokenProvider, a working session for the same folder once the page’s one expired', async () => {
    const [first, second] = deedLinks(await (await host.get('/')).text());
    const page = embeddedFolder(await (await host.get(`/actes/${first}`)).text());
    const other = embeddedFolder(await (await host.get(`/actes/${second}`)).text());
    const script = await (await host.get('/demo.js')).text();
    assert.match(script, /folder\.tokenProvider = async/, 'the page script hands the element its provider');
    assert.match(script, /\/session`/, '…which calls the route below');
    const asWidget = (token: string, p: string) => fetch(`${t.baseUrl}${p}`, { headers: { authorization: `Bearer ${token}` } });

    t.clock.advance(16 * 60);
    assert.equal((await asWidget(page.token, `/v1/folders/${page.folderId}`)).status, 401, 'the page’s own session has expired');
    const minted = await fetch(`${host.url}/actes/${first}/session`, { method: 'POST' });
    assert.deepEqual([minted.status, minted.headers.get('cache-control')], [200, 'no-store']);
    const { token } = (await minted.json()) as { token: string };
    assert.match(token, /^lcw_/);
    assert.equal((await asWidget(token, `/v1/folders/${page.folderId}`)).status, 200, 'the new session works');
    const me = (await (await asWidget(token, '/v1/me')).json()) as { kind: string; member: { lastName: string } };
    assert.deepEqual([me.kind, me.member.lastName], ['widget', 'Pallut']);
    assert.equal((await asWidget(token, `/v1/folders/${other.folderId}`)).status, 404, 'bound to this folder only, like the first');
    assert.equal((await fetch(`${host.url}/actes/no-such-deed/session`, { method: 'POST' })).status, 404);
  });
});

describe('demo host, when the API refuses loopback webhook URLs', () => {
  it('still serves its deeds, and says on /webhooks why none arrive', async () => {
    const strict = await createIdentityTestApp({ listen: true });
    try {
      const key = (await seedDemoOffice(strict.db, await tempDir())).apiKey;
      const host = await startHost(undefined, strict, key);
      const page = await (await host.get('/webhooks')).text();
      assert.match(page, /Webhooks indisponibles/);
      assert.match(page, /LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK=true/);
      const [first] = deedLinks(await (await host.get('/')).text());
      assert.equal((await host.get(`/actes/${first}`)).status, 200);
    } finally {
      await strict.close();
    }
  });
});
