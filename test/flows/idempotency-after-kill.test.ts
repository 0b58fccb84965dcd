/**
 * What a vendor's SDK meets after an API process was killed in the middle of its POST: the process's claim
 * on the Idempotency-Key is left running, no answer stored, its renewals stopped. Behind HAProxy, as in
 * production: the balancer is what turns an answer sent before the request's body was read into a broken
 * pipe for the client.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LeCoffre, LeCoffreError } from '@lecoffre/sdk/node';
import { samplePdf } from '../../api/services/documents/sample-files.test-support.js';
import { ensureHaproxy, Haproxy } from '../cluster/haproxy.js';
import { openFolderWithClient } from '../support/folder-flow.js';
import { patience } from '../support/patience.js';
import { freePort } from '../support/product-process.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let server: Server;
let proxy: Haproxy;
let dir: string;
let folderId: string;
let clientId: string;

before(async () => {
  t = await createTestApp();
  ({ folderId, clientId } = await openFolderWithClient(t, 'AK-1'));
  server = t.app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  dir = await mkdtemp(path.join(tmpdir(), 'lecoffre-after-kill-'));
  const backend = { name: 'api1', port: (server.address() as AddressInfo).port };
  proxy = await Haproxy.start(ensureHaproxy(), dir, await freePort(), [backend], patience(3_000));
});
after(async () => {
  await proxy?.stop();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
  await t.close();
});

const MB = 1_000_000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What a process killed mid-request leaves: the claim running, no answer stored, its lease `leaseSql`. */
const leaveRunning = (key: string, leaseSql: string) =>
  t.db.sequelize.query(
    `UPDATE idempotency_keys SET state = 'running', status_code = NULL, response_body = NULL, lease_until = ${leaseSql}
     WHERE key = :key`,
    { replacements: { key } },
  );

async function newRequest(label: string): Promise<string> {
  const res = await t.request
    .post(`/v1/folders/${folderId}/document-requests`)
    .set('Authorization', t.office.auth)
    .send({ clientId, documents: [{ label }] })
    .expect(201);
  return res.body.data[0].id;
}

/** A PDF of `size` bytes: the sample's head, padded. */
async function bigPdf(size: number): Promise<Blob> {
  const head = await samplePdf('Titre de propriété');
  const bytes = Buffer.alloc(size, 0x20);
  head.copy(bytes, 0);
  return new Blob([bytes], { type: 'application/pdf' });
}

describe('an Idempotency-Key held by a killed process, behind HAProxy', () => {
  it('answers an upload still sending its 5 MB with 409 idempotency_key_in_use, not a broken pipe', async () => {
    const requestId = await newRequest('Titre');
    const file = await bigPdf(5_000_000);
    await new LeCoffre({ apiKey: t.office.apiKey, baseUrl: proxy.url }).documents.upload(requestId, file, {
      idempotencyKey: 'upload-held',
    });
    await leaveRunning('upload-held', "now() + interval '1 hour'");

    // Whether the API answered before it had read the body: behind a proxy that answer is lost (HAProxy
    // asks the API to close after each answer; the API then drops the connection with the body unread).
    const answeredEarly: boolean[] = [];
    const watch = (req: IncomingMessage, res: ServerResponse) => {
      if (req.method === 'POST') res.once('finish', () => answeredEarly.push(!req.complete));
    };
    server.prependListener('request', watch);
    // The client on a slow link: its first megabyte leaves at once, the rest once the API has looked the
    // key up (and found it held), so the refusal is decided while most of the body is still to come.
    let keyLookedUp = () => {};
    const query = t.db.sequelize.query.bind(t.db.sequelize);
    t.db.sequelize.query = ((sql: unknown, options: unknown) => {
      const result = (query as (sql: unknown, options: unknown) => Promise<unknown>)(sql, options);
      if (typeof sql === 'string' && sql.includes('FROM idempotency_keys WHERE scope')) void result.then(() => keyLookedUp());
      return result;
    }) as typeof query;
    const slowLink: typeof fetch = async (input, init) => {
      if (!(init?.body instanceof Blob)) return fetch(input, init);
      const bytes = new Uint8Array(await init.body.arrayBuffer());
      const lookedUp = new Promise<void>((resolve) => {
        keyLookedUp = resolve;
      });
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (sent === MB) await lookedUp;
          const end = sent < MB ? MB : Math.min(bytes.length, sent + 64 * 1024);
          controller.enqueue(bytes.subarray(sent, end));
          sent = end;
          if (sent === bytes.length) controller.close();
        },
      });
      const headers = new Headers(init.headers);
      headers.set('Content-Length', String(bytes.length));
      return fetch(input, { ...init, headers, body, duplex: 'half' } as RequestInit);
    };
    try {
      const sdk = new LeCoffre({ apiKey: t.office.apiKey, baseUrl: proxy.url, maxRetries: 0, fetch: slowLink });
      for (let i = 0; i < 3; i++) {
        const error = await sdk.documents.upload(requestId, file, { idempotencyKey: 'upload-held' }).then(
          () => assert.fail('uploaded under a key still held'),
          (e: unknown) => e,
        );
        assert.ok(error instanceof LeCoffreError, String(error));
        assert.equal(error.code, 'idempotency_key_in_use', `${error.message} (${String((error as { cause?: unknown }).cause)})`);
      }
      assert.deepEqual(answeredEarly, [false, false, false], 'each 409 was sent once the body was read');
    } finally {
      t.db.sequelize.query = query;
      server.off('request', watch);
    }
  });

  it("gets the SDK's retry answered once the dead process's lease lapses, and runs the write once", async () => {
    const body = { number: 'AK-LEASE', title: 'Succession Martin', deedType: 'succession' };
    // The claim the killed process took (as the API scopes and hashes a JSON POST), before it wrote anything.
    await t.db.sequelize.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, state, lease_until)
       VALUES (:scope, 'create-held', :hash, 'running', now() + interval '8 seconds')`,
      { replacements: { scope: sha256(`${t.office.auth}\n`), hash: sha256(`POST /v1/folders\n${JSON.stringify(body)}`) } },
    );
    const sdk = new LeCoffre({ apiKey: t.office.apiKey, baseUrl: proxy.url, maxRetries: 2, timeoutMs: patience(30_000) });
    // Refused 409 while the lease runs, told to come back when it lapses: within the SDK's 2 retries.
    const folder = await sdk.folders.create(body, { idempotencyKey: 'create-held' });
    assert.equal(folder.number, 'AK-LEASE');
    assert.equal(await t.db.models.Folder.count({ where: { number: 'AK-LEASE' } }), 1);
    const replay = await sdk.folders.create(body, { idempotencyKey: 'create-held', maxRetries: 0 });
    assert.equal(replay.id, folder.id);
  });
});
