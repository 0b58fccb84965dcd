/**
 * The real API for the browser tests (`*.browser.test.ts`): started in the @web/test-runner process on
 * its own embedded-PostgreSQL test database, listening on loopback behind a switchable TCP relay (so a
 * test can cut the network), plus dev-only fixture routes served by the test runner's server (never by
 * the product API) under `/__lecoffre/`:
 *
 *   GET  /__lecoffre/api           -> { baseUrl, maxUploadBytes }
 *   POST /__lecoffre/office-api    { method, path, json? } -> { status, body }  (the test office's API key)
 *   POST /__lecoffre/network       { online: boolean, hold? } -> { online, hold }  (offline: sockets reset, new ones
 *                                  refused; hold: a request carrying that text is held until the hold is lifted)
 *   POST /__lecoffre/client-folder { requests?: string[], rib?: boolean } -> ClientFolderFixture
 *   POST /__lecoffre/expire-widget-session { token } -> { expired }  (the session's minutes run out now)
 *   POST /__lecoffre/notary-session { role? } -> { memberId, token }   (widgets/folder/folder.fixture.ts)
 *   POST /__lecoffre/anchor-cycle  -> AnchorCycleOutcome              (widgets/folder/folder.fixture.ts)
 *
 * Browser-side helpers: widgets/core/test-fixtures.ts.
 */
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { type AddressInfo, createServer, type Server, Socket } from 'node:net';
import { hashSecret } from '../../api/services/auth/secret-tokens.js';
import { anchorCycleFixture, notarySessionFixture } from '../../widgets/folder/folder.fixture.js';
import { createTestApp, type TestApp } from './test-app.js';

/** Small, so that "too large" is tested with a few megabytes. */
export const BROWSER_TEST_MAX_UPLOAD_BYTES = 2_000_000;
const FIXTURE_PREFIX = '/__lecoffre/';

export interface ClientFolderFixture {
  folderId: string;
  folderNumber: string;
  clientId: string;
  clientEmail: string;
  /** A widget session (`lcw_…`) for the client, bound to the folder. */
  token: string;
  requests: { id: string; label: string }[];
  /** The shared RIB's id, when one was asked for. */
  sharedId: string | null;
}

interface Running {
  test: TestApp;
  baseUrl: string;
  setOnline(online: boolean, hold?: string): void;
  close(): Promise<void>;
}

/**
 * Relays loopback TCP to the API; offline resets every open socket and refuses new ones. `hold` names a
 * text (a request id): a connection whose bytes carry it is held from there on (kept open, nothing more
 * reaches the API) until the hold is lifted, as an upload on a line too slow to finish while the test
 * acts on it. Only that request is held: the other test files running beside it are not slowed.
 */
function networkRelay(targetPort: number): { server: Server; setOnline(online: boolean, hold?: string): void } {
  let online = true;
  let hold: string | undefined;
  const open = new Set<Socket>();
  const released = new Set<() => void>();
  const server = createServer((client) => {
    if (!online) {
      client.resetAndDestroy();
      return;
    }
    const upstream = new Socket();
    upstream.connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    upstream.pipe(client);
    let held: Buffer[] | undefined;
    const release = () => {
      if (!held) return;
      for (const chunk of held) upstream.write(chunk);
      held = undefined;
      client.resume();
    };
    client.on('data', (chunk: Buffer) => {
      if (!held && hold && chunk.toString('latin1').includes(hold)) {
        held = [];
        released.add(release);
      }
      if (held) {
        held.push(chunk);
        return;
      }
      if (!upstream.write(chunk)) {
        client.pause();
        upstream.once('drain', () => held || client.resume());
      }
    });
    client.on('end', () => held || upstream.end());
    client.on('close', () => {
      released.delete(release);
      // A browser that hung up on a held request (an aborted upload): what was held never reaches the API.
      if (held) upstream.destroy();
    });
  });
  return {
    server,
    setOnline(value, holding) {
      online = value;
      if (!value) for (const socket of open) socket.resetAndDestroy();
      hold = holding || undefined;
      if (!hold) {
        for (const release of released) release();
        released.clear();
      }
    },
  };
}

const listen = (server: Server | ReturnType<typeof createHttpServer>) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const closeServer = (server: { close(callback: () => void): unknown }) => new Promise<void>((resolve) => server.close(() => resolve()));

async function start(): Promise<Running> {
  const test = await createTestApp({ LECOFFRE_MAX_UPLOAD_BYTES: String(BROWSER_TEST_MAX_UPLOAD_BYTES) });
  const http = createHttpServer(test.app);
  const apiPort = await listen(http);
  const relay = networkRelay(apiPort);
  const port = await listen(relay.server);
  return {
    test,
    baseUrl: `http://127.0.0.1:${port}`,
    setOnline: relay.setOnline,
    async close() {
      relay.setOnline(false);
      http.closeAllConnections();
      await Promise.all([closeServer(relay.server), closeServer(http)]);
      await test.close();
    },
  };
}

let running: Promise<Running> | undefined;
const api = () => {
  running ??= start();
  return running;
};

/** Calls the API over HTTP with the test office's API key (straight to the API, not through the relay). */
async function officeCall(method: string, path: string, json?: unknown): Promise<{ status: number; body: unknown }> {
  const { test } = await api();
  let call = test.request[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](path).set('Authorization', test.office.auth);
  if (json !== undefined) call = call.send(json as object);
  const response = await call;
  return { status: response.status, body: response.body };
}

async function must<T>(method: string, path: string, json?: unknown): Promise<T> {
  const { status, body } = await officeCall(method, path, json);
  if (status >= 300) throw new Error(`${method} ${path} -> ${status} ${JSON.stringify(body)}`);
  return body as T;
}

let counter = 0;

/** A folder with one client, documents requested from them, a shared RIB, and the client's widget token. */
async function clientFolder(options: { requests?: string[]; rib?: boolean }): Promise<ClientFolderFixture> {
  counter += 1;
  const number = `W-${Date.now().toString(36)}-${counter}`;
  const email = `client.${number.toLowerCase()}@example.fr`;
  const folder = await must<{ id: string; clients: { id: string }[] }>('POST', '/v1/folders', {
    number,
    title: 'Succession Pallut',
    deedType: 'succession',
  });
  const withClient = await must<{ client: { id: string } }>('POST', `/v1/folders/${folder.id}/clients`, {
    client: { firstName: 'Caroline', lastName: 'Pallut', email, mobile: '06 26 59 72 92' },
  });
  const clientId = withClient.client.id;
  const labels = options.requests ?? ["Carte Nationale d'Identité recto-verso", "Avis d'imposition N-2"];
  const created = labels.length
    ? await must<{ data: { id: string; label: string }[] }>('POST', `/v1/folders/${folder.id}/document-requests`, {
        clientId,
        documents: labels.map((label) => ({ label })),
      })
    : { data: [] };
  let sharedId: string | null = null;
  if (options.rib) {
    const rib = await must<{ id: string }>('POST', '/v1/office/bank-details', {
      label: `Compte office ${counter}`,
      holder: 'SELAS AP NOTAIRES',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
    });
    sharedId = (await must<{ id: string }>('POST', `/v1/folders/${folder.id}/shared-documents`, { bankDetailsId: rib.id })).id;
  }
  const session = await must<{ token: string }>('POST', '/v1/widget-sessions', { clientId, folderId: folder.id, expiresInMinutes: 60 });
  return {
    folderId: folder.id,
    folderNumber: number,
    clientId,
    clientEmail: email,
    token: session.token,
    requests: created.data.map(({ id, label }) => ({ id, label })),
    sharedId,
  };
}

/**
 * Ends a widget session now, as its minutes running out would: the API's clock is the real one here, and
 * the tests wait on events, never on time passing.
 */
async function expireWidgetSession(test: TestApp, token: string): Promise<{ expired: number }> {
  const [expired] = await test.db.models.WidgetSession.update(
    { expiresAt: new Date(Date.now() - 1000) },
    { where: { tokenHash: hashSecret(token) } },
  );
  return { expired };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** A Koa middleware for @web/test-runner's `middleware` list (typed loosely: Koa is not a dependency of ours). */
export async function fixtureMiddleware(
  ctx: { path: string; method: string; req: IncomingMessage; status: number; body: unknown; type: string },
  next: () => Promise<void>,
): Promise<void> {
  if (!ctx.path.startsWith(FIXTURE_PREFIX)) return next();
  const route = `${ctx.method} ${ctx.path.slice(FIXTURE_PREFIX.length)}`;
  try {
    const running = await api();
    const input = ctx.method === 'POST' ? await readJson(ctx.req) : {};
    let result: unknown;
    if (route === 'GET api') result = { baseUrl: running.baseUrl, maxUploadBytes: BROWSER_TEST_MAX_UPLOAD_BYTES };
    else if (route === 'POST office-api') result = await officeCall(String(input.method), String(input.path), input.json);
    else if (route === 'POST network') {
      const hold = typeof input.hold === 'string' ? input.hold : undefined;
      running.setOnline(input.online === true, hold);
      result = { online: input.online === true, hold: hold ?? null };
    } else if (route === 'POST notary-session') result = await notarySessionFixture(running.test, input);
    else if (route === 'POST anchor-cycle') result = await anchorCycleFixture(running.test);
    else if (route === 'POST client-folder') result = await clientFolder(input as { requests?: string[]; rib?: boolean });
    else if (route === 'POST expire-widget-session') result = await expireWidgetSession(running.test, String(input.token));
    else {
      ctx.status = 404;
      ctx.body = { error: `no fixture route ${route}` };
      return;
    }
    ctx.status = 200;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(result);
  } catch (error) {
    ctx.status = 500;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ error: (error as Error).stack ?? String(error) });
  }
}

/** A @web/test-runner plugin: stops the API (and drops its database) when the test run ends. */
export function browserApiPlugin() {
  return {
    name: 'lecoffre-browser-api',
    async serverStop() {
      if (running) await (await running).close();
    },
  };
}
