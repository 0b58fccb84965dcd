import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { eventually, patientDatabaseEnv } from '../../../test/support/patience.js';
import { CookieBrowser, createFolderWithClient } from '../../../test/support/test-app.js';
import { type Database, openDatabase } from '../../db/database.js';
import { seedDemoOffice } from '../../db/seed/seed.js';

// Two API processes (child processes, each with its own memory and connection pool) on one database,
// behind a small round-robin proxy standing in for a load balancer. Whatever one process writes
// (login transactions, sessions, attempts, rate-limit counts), the other must honour.

const FIXTURE = fileURLToPath(new URL('./api-process.fixture.ts', import.meta.url));
const TSX = fileURLToPath(import.meta.resolve('tsx/cli'));

let database: TestDatabase;
let db: Database;
const children: ChildProcess[] = [];
const ports: number[] = [];
let proxy: Server;
let proxyUrl: string;
/** Which process (0 or 1) served each proxied request, by path. */
const served: Array<{ path: string; process: number }> = [];
let turn = 0;

function startProcess(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [TSX, FIXTURE], {
    env: { ...process.env, ...patientDatabaseEnv(), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const line = /\{"port":\d+\}/.exec(out);
      if (line) resolve({ child, port: (JSON.parse(line[0]) as { port: number }).port });
    });
    child.once('exit', (code) => reject(new Error(`API process exited with ${code} before listening`)));
  });
}

/**
 * The dev identity provider keeps its state in memory (as an IdP would on its own servers), so its paths
 * always go to process 0; every other request alternates between the two processes.
 */
function startProxy(): Promise<void> {
  proxy = createServer((req, res) => {
    const index = req.url?.startsWith('/dev/idnot') ? 0 : turn++ % 2;
    served.push({ path: (req.url ?? '').split('?')[0], process: index });
    const upstream = httpRequest(
      { host: '127.0.0.1', port: ports[index], method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((resolve) =>
    proxy.listen(0, '127.0.0.1', () => {
      proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      resolve();
    }),
  );
}

before(async () => {
  database = await createTestDatabase();
  db = openDatabase(database.url);
  await seedDemoOffice(db, await mkdtemp(path.join(tmpdir(), 'lecoffre-seed-')));
  await startProxy();
  const started = await Promise.all([0, 1].map(() => startProcess({ DATABASE_URL: database.url, LECOFFRE_BASE_URL: proxyUrl })));
  for (const { child, port } of started) {
    children.push(child);
    ports.push(port);
  }
});

after(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  proxy?.closeAllConnections();
  await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
  await db?.close();
  await database?.drop();
});

const direct = (index: number, pathname: string) => `http://127.0.0.1:${ports[index]}${pathname}`;

describe('two API processes on one database', () => {
  it('completes an ID.not login started on one process on the other, and shares the session', async () => {
    const browser = new CookieBrowser();
    served.length = 0;
    turn = 0;
    const { res, visited } = await browser.follow(`${proxyUrl}/auth/idnot/login?returnTo=/v1/me`);
    assert.equal(res.status, 200, visited.join(' -> '));
    const action = /action="([^"]+\/login)"/.exec(await res.text());
    assert.ok(action);
    const done = await browser.follow(new URL(action[1], proxyUrl).href, { form: { subject: 'APap35026' } });
    assert.equal(done.res.status, 200, done.visited.join(' -> '));
    const me = (await done.res.json()) as { member: { lastName: string } };
    assert.equal(me.member.lastName, 'Pallut');

    const login = served.find((s) => s.path === '/auth/idnot/login');
    const callback = served.find((s) => s.path === '/auth/idnot/callback');
    assert.ok(login && callback);
    assert.notEqual(login.process, callback.process, 'the callback reached the other process than the one that started the login');

    // The session cookie opens both processes; a logout on one ends it on the other.
    for (const index of [0, 1]) assert.equal((await browser.fetch(direct(index, '/v1/me'))).status, 200, `process ${index}`);
    const token = browser.cookies.get('lecoffre_session') as string;
    const out = await browser.fetch(direct(1, '/auth/logout'), { method: 'POST', headers: { accept: 'application/json' } });
    assert.equal(out.status, 204);
    assert.equal((await fetch(direct(0, '/v1/me'), { headers: { cookie: `lecoffre_session=${token}` } })).status, 401);
  });

  it('runs the client code flow across processes', async () => {
    const office = await db.models.Office.findOne({ where: { crpcen: '35026' }, rejectOnEmpty: true });
    const { email, mobile } = await createFolderWithClient(db, office.id);
    const browser = new CookieBrowser();
    const json = (body: object) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const start = await fetch(direct(0, '/v1/client-auth/start'), json({ email }));
    assert.equal(start.status, 202);
    const { attempt } = (await start.json()) as { attempt: string };
    // The SMS sent by process 0 is in the outbox process 1 reads.
    const code = await eventually('the SMS in the outbox of the other process', async () => {
      const outbox = (await (await fetch(direct(1, `/dev/outbox?to=${encodeURIComponent(mobile)}`))).json()) as {
        data: Array<{ text: string }>;
      };
      return /(\d{6})\./.exec(outbox.data[0]?.text ?? '')?.[1];
    });
    const verify = await fetch(direct(1, '/v1/client-auth/verify'), json({ attempt, code }));
    assert.equal(verify.status, 200);
    const cookie = (verify.headers.getSetCookie()[0] ?? '').split(';')[0];
    browser.cookies.set('lecoffre_session', cookie.split('=')[1]);
    assert.equal((await browser.fetch(direct(0, '/v1/me'))).status, 200);
  });

  it('shares rate-limit counts: the per-IP limit spans both processes', async () => {
    const remaining: number[] = [];
    let refusedBy: number | undefined;
    for (let i = 0; i < 70 && refusedBy === undefined; i++) {
      const res = await fetch(direct(i % 2, '/v1/client-auth/verify'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ attempt: 'lca_nothing', code: '000000' }),
      });
      if (res.status === 429) refusedBy = i % 2;
      else remaining.push(Number(res.headers.get('ratelimit-remaining')));
    }
    // The earlier tests of this file spent some of this IP's budget already: what matters is one count.
    for (let i = 1; i < remaining.length; i++)
      assert.equal(remaining[i], remaining[i - 1] - 1, 'each request, on either process, counts once');
    assert.equal(remaining.at(-1), 0);
    assert.notEqual(refusedBy, undefined, 'the 61st request in the window is refused');
  });
});
