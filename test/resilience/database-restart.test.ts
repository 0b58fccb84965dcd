import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { createApp } from '../../api/app.js';
import { loadConfig } from '../../api/config.js';
import { openDatabase } from '../../api/db/database.js';
import { type EmbeddedPostgresHandle, ensureDatabase, startEmbeddedPostgres } from '../../api/db/embedded-postgres.js';
import { migrateDatabase } from '../../api/db/migrate.js';
import { patience } from '../support/patience.js';
import { createOffice } from '../support/test-app.js';

// A PostgreSQL of this test's own, named by DATABASE_URL as in production, that the test stops and
// starts again while requests keep coming.
let dataDir: string;
let pgServer: EmbeddedPostgresHandle;
let baseUrl: string;
let auth: string;
let closeAll: () => Promise<void>;

before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-restart-'));
  pgServer = await startEmbeddedPostgres({ dataDir, port: 0 });
  const databaseUrl = await ensureDatabase(pgServer.adminUrl, 'lecoffre');
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl });
  const db = openDatabase(databaseUrl, { acquireTimeoutMs: 1_000 });
  await migrateDatabase(db);
  auth = (await createOffice(db, 'SELAS AP NOTAIRES')).auth;
  const server = createApp({ config, db, logger: pino({ level: process.env.DEBUG_LOG ? 'error' : 'silent' }) }).listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeAll = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await db.close();
    await pgServer.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
});
after(() => closeAll());

interface Answer {
  status: number;
  code?: string;
  contentType: string | null;
}

async function call(method: 'GET' | 'POST', pathname: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${baseUrl}${pathname}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(patience(10_000)),
  });
  const text = await res.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { code?: string }).code;
  } catch {
    code = undefined;
  }
  return { status: res.status, code, contentType: res.headers.get('content-type') };
}

/** Keeps a bounded stream of reads and writes going until stopped; records every answer. */
function load(answers: Answer[]): () => Promise<void> {
  let running = true;
  let n = 0;
  const worker = async () => {
    while (running && n < 5_000) {
      n++;
      answers.push(
        n % 3 === 0
          ? await call('POST', '/v1/folders', { number: `L-${n}`, title: 'Charge', deedType: 'vente' })
          : await call('GET', '/v1/folders?limit=5'),
      );
    }
  };
  const workers = [worker(), worker(), worker()];
  return async () => {
    running = false;
    await Promise.all(workers);
  };
}

async function waitFor(check: () => Promise<boolean>, idleTimeoutMs: number): Promise<void> {
  const timeoutMs = patience(idleTimeoutMs);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`condition not met within ${timeoutMs} ms`);
}

describe('PostgreSQL stopped and restarted under load', () => {
  it('turns /readyz to 503 and requests to 503 problems while down, then recovers by itself', async () => {
    const answers: Answer[] = [];
    const stopLoad = load(answers);
    await waitFor(async () => answers.filter((a) => a.status < 300).length >= 20, 10_000);

    await pgServer.stop();
    const downFrom = answers.length;
    const ready = await call('GET', '/readyz');
    assert.equal(ready.status, 503);
    assert.equal(ready.code, 'database_unavailable');
    await waitFor(async () => answers.slice(downFrom).filter((a) => a.status === 503).length >= 5, 15_000);

    pgServer = await startEmbeddedPostgres({ dataDir, port: 0 });
    await waitFor(async () => (await call('GET', '/readyz')).status === 200, 20_000);
    const upFrom = answers.length;
    await waitFor(async () => answers.slice(upFrom).filter((a) => a.status < 300).length >= 20, 15_000);
    await stopLoad();

    const outage = answers.filter((a) => a.status === 503);
    assert.ok(outage.length >= 5);
    for (const a of outage) {
      assert.equal(a.code, 'database_unavailable');
      assert.match(a.contentType ?? '', /^application\/problem\+json/);
    }
    const unexpected = answers.filter((a) => ![200, 201, 503].includes(a.status));
    assert.deepEqual(unexpected, [], 'only successes and 503 problems, never a 500 or a crash');
    const created = await call('GET', '/v1/folders?limit=1');
    assert.equal(created.status, 200);
  });
});
