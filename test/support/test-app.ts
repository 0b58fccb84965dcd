import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { pino } from 'pino';
import supertest from 'supertest';
import { createApp } from '../../api/app.js';
import { webhookSealerFor } from '../../api/composition.js';
import { type Config, loadConfig } from '../../api/config.js';
import { type Database, openDatabase } from '../../api/db/database.js';
import { newId } from '../../api/domain/ids.js';
import { listenForApiKeyRevocations } from '../../api/http/api-key-revocations.js';
import type { Clock } from '../../api/ports/clock.js';
import type { DocumentStorage } from '../../api/ports/document-storage.js';
import type { SecretSealer } from '../../api/ports/secret-sealer.js';
import type { SmsSender } from '../../api/ports/sms-sender.js';
import { mintApiKey } from '../../api/services/api-keys/mint-api-key.js';
import { openSession } from '../../api/services/auth/sessions.js';
import { ContractRecorder, withContractCheck } from './contract.js';
import { createTestDatabase } from './database.js';
import { patientConnection } from './patience.js';
import { testStorage } from './storage.js';

export interface TestOffice {
  id: string;
  apiKey: string;
  /** `Authorization` header value for this office's API key. */
  auth: string;
}

export interface TestApp {
  app: Express;
  db: Database;
  config: Config;
  /** SELAS AP NOTAIRES, the guide's office. */
  office: TestOffice;
  /** A second office: everything of the first must stay invisible to it. */
  otherOffice: TestOffice;
  request: ReturnType<typeof supertest>;
  /** The API's webhook secret sealer (same master key ring as storage): jobs in the test must share it. */
  webhookSealer: SecretSealer;
  /** The app's own database, for child processes that must share it. */
  databaseUrl: string;
  /** Files go to a temporary directory of this app's own, sealed with a random master key. */
  storage: DocumentStorage;
  /** That directory: the filesystem blob store's root (a blob's key is its path below it). */
  storageDir: string;
  close(): Promise<void>;
}

let crpcenCounter = 90_000;

export async function createOffice(db: Database, name: string): Promise<TestOffice> {
  const id = newId('off');
  await db.models.Office.create({ id, name, crpcen: String(crpcenCounter++) });
  const key = await mintApiKey(db, { officeId: id, name: 'test', mode: 'test' });
  return { id, apiKey: key.secret, auth: `Bearer ${key.secret}` };
}

/** The real app on a fresh database of its own, driven in-process with supertest. */
export async function createTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const db = openDatabase(database.url, patientConnection());
  const config = loadConfig({ NODE_ENV: 'test', LECOFFRE_DATA_DIR: '.tmp/test-data', ...env });
  const storage = await testStorage(config.documents.maxUploadBytes);
  const contract = new ContractRecorder();
  const app = withContractCheck(
    createApp({
      config,
      db,
      logger: pino({ level: process.env.LECOFFRE_TEST_LOG ?? 'silent' }),
      storage: storage.storage,
      webhookSealer: webhookSealerFor(storage.ring),
    }),
    contract,
  );
  // As main.ts does: verified API keys are kept while revocations are heard.
  const revocations = await listenForApiKeyRevocations(db, () => {});
  const office = await createOffice(db, 'SELAS AP NOTAIRES');
  const otherOffice = await createOffice(db, 'SCP BRISSON VILLECOURT');
  return {
    app,
    db,
    config,
    office,
    otherOffice,
    request: supertest(app),
    storage: storage.storage,
    storageDir: storage.dir,
    webhookSealer: webhookSealerFor(storage.ring),
    databaseUrl: database.url,
    async close() {
      await revocations.close();
      await db.close();
      await database.drop();
      await storage.remove();
      await contract.assertClean();
    },
  };
}

// ── Identity helpers ────────────────────────────────────────────────────────────────────────────────────

/** A clock the test moves by hand: codes, sessions and rate-limit windows expire without waiting. */
export class TestClock implements Clock {
  constructor(private current = new Date()) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}

export interface IdentityTestApp extends TestApp {
  clock: TestClock;
  /** `http://127.0.0.1:<port>` when started with `listen: true` (the dev identity provider needs a real URL). */
  baseUrl: string;
}

/**
 * Like createTestApp, with the identity adapters injected (a TestClock, an SMS sender) and, with
 * `listen: true`, a real HTTP server whose URL is the config's base URL (so the dev ID.not provider at
 * `<baseUrl>/dev/idnot` is reachable over HTTP, as in `npm start`).
 */
export async function createIdentityTestApp(
  options: { env?: NodeJS.ProcessEnv; sms?: SmsSender; listen?: boolean; clock?: TestClock } = {},
): Promise<IdentityTestApp> {
  const database = await createTestDatabase();
  const db = openDatabase(database.url, patientConnection());
  const server = createServer();
  let baseUrl = 'http://127.0.0.1';
  if (options.listen) {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const config = loadConfig({ NODE_ENV: 'test', LECOFFRE_DATA_DIR: '.tmp/test-data', LECOFFRE_BASE_URL: baseUrl, ...options.env });
  const clock = options.clock ?? new TestClock();
  const storage = await testStorage(config.documents.maxUploadBytes);
  const contract = new ContractRecorder();
  const app = withContractCheck(
    createApp({
      config,
      db,
      logger: pino({ level: 'silent' }),
      clock,
      sms: options.sms,
      storage: storage.storage,
      webhookSealer: webhookSealerFor(storage.ring),
    }),
    contract,
  );
  server.on('request', app);
  // As main.ts does: verified API keys are kept while revocations are heard.
  const revocations = await listenForApiKeyRevocations(db, () => {});
  const office = await createOffice(db, 'SELAS AP NOTAIRES');
  const otherOffice = await createOffice(db, 'SCP BRISSON VILLECOURT');
  return {
    app,
    db,
    config,
    office,
    otherOffice,
    clock,
    baseUrl,
    storage: storage.storage,
    storageDir: storage.dir,
    webhookSealer: webhookSealerFor(storage.ring),
    databaseUrl: database.url,
    request: supertest(app),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => (options.listen ? server.close(() => resolve()) : resolve()));
      await storage.remove();
      await revocations.close();
      await db.close();
      await database.drop();
      await contract.assertClean();
    },
  };
}

/** A member of `officeId` signed in (as if through ID.not): `auth` is the `Authorization` header value. */
export async function createMemberSession(
  db: Database,
  officeId: string,
  member: { role?: 'notary' | 'collaborator'; status?: 'pending' | 'active'; firstName?: string; lastName?: string } = {},
  now: Date = new Date(),
): Promise<{ memberId: string; token: string; auth: string }> {
  const memberId = newId('mbr');
  await db.models.Member.create({
    id: memberId,
    officeId,
    idnotSubject: `T${memberId.slice(-10)}`,
    firstName: member.firstName ?? 'Camille',
    lastName: member.lastName ?? 'Test',
    email: `${memberId}@notaires.test`,
    role: member.role ?? 'notary',
    status: member.status ?? 'active',
  });
  const session = await openSession(
    db,
    { kind: 'member', officeId, memberId },
    'idnot',
    { ip: null, userAgent: null },
    { idleMinutes: 30, absoluteHours: 12 },
    now,
  );
  return { memberId, token: session.token, auth: `Bearer ${session.token}` };
}

/** A client of `officeId` in a new open folder of that office (rows written directly, no API involved). */
export async function createFolderWithClient(
  db: Database,
  officeId: string,
  client: { email?: string; mobile?: string; firstName?: string; lastName?: string } = {},
): Promise<{ folderId: string; clientId: string; email: string; mobile: string }> {
  const deedType = await db.models.DeedType.findOne({ where: { code: 'vente' }, rejectOnEmpty: true });
  const folderId = newId('fld');
  await db.models.Folder.create({
    id: folderId,
    officeId,
    number: folderId.slice(-8),
    title: `Dossier ${folderId.slice(-4)}`,
    deedTypeId: deedType.id,
    createdBy: null,
  });
  const clientId = newId('cli');
  const email = client.email ?? `${clientId}@client.test`;
  const mobile = client.mobile ?? `+3361${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  await db.models.Client.create({
    id: clientId,
    officeId,
    lastName: client.lastName ?? 'Graglia',
    firstName: client.firstName ?? 'Estelle',
    email,
    emailNormalized: email.trim().toLowerCase(),
    mobile,
    searchText: '',
  });
  await db.models.FolderClient.create({ folderId, clientId, officeId });
  return { folderId, clientId, email, mobile };
}

/** A widget session token minted through the API with an office's API key. */
export async function mintWidgetToken(
  request: ReturnType<typeof supertest>,
  apiKeyAuth: string,
  body: { memberId?: string; clientId?: string; folderId?: string; expiresInMinutes?: number; components?: string[] },
): Promise<string> {
  const res = await request.post('/v1/widget-sessions').set('Authorization', apiKeyAuth).send(body);
  if (res.status !== 201) throw new Error(`widget session not minted: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

/**
 * Just enough of a browser for login flows over real HTTP: a cookie jar (one site, so cookies are kept by
 * name) and manual redirects, so a test sees every hop (IdP redirect, login page, callback).
 */
export class CookieBrowser {
  readonly cookies = new Map<string, string>();

  async fetch(
    url: string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(url, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now()),
      );
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(at + 1).trim());
    }
    return res;
  }

  /** Follows redirects from `url` until an answer that is not one; returns it and every URL visited. */
  async follow(url: string, init: Parameters<CookieBrowser['fetch']>[1] = {}): Promise<{ res: Response; visited: string[] }> {
    const visited = [url];
    let res = await this.fetch(url, init);
    while (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      const next = new URL(res.headers.get('location') as string, visited[visited.length - 1]).href;
      visited.push(next);
      res = await this.fetch(next);
    }
    return { res, visited };
  }
}
