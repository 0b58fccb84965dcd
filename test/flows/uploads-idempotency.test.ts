import assert from 'node:assert/strict';
import { once } from 'node:events';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { QueryTypes } from 'sequelize';
import { samplePdf, sha256Hex, TINY_JPEG, TINY_PNG } from '../../api/services/documents/sample-files.test-support.js';
import { IDEMPOTENCY_LEASE_SECONDS } from '../../api/services/idempotency/idempotency-store.js';
import { openFolderWithClient } from '../support/folder-flow.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let folderId: string;
let clientId: string;
let pdf: Buffer;
/** Same length as `pdf`, other bytes. */
let otherPdf: Buffer;

const auth = () => t.office.auth;
before(async () => {
  t = await createTestApp({ LECOFFRE_MAX_UPLOAD_BYTES: String(256 * 1024) });
  pdf = await samplePdf("Avis d'impôt 2024");
  // One byte changed at the end (past the magic bytes, away from any markup): still a PDF to the server.
  otherPdf = Buffer.from(pdf);
  otherPdf[otherPdf.length - 1] ^= 1;
  ({ folderId, clientId } = await openFolderWithClient(t, 'UI-1'));
});
after(() => t.close());

async function newRequest(label: string): Promise<string> {
  const res = await t.request
    .post(`/v1/folders/${folderId}/document-requests`)
    .set('Authorization', auth())
    .send({ clientId, documents: [{ label }] })
    .expect(201);
  return res.body.data[0].id;
}

/** What an upload could have left behind: blobs (temporary ones included), file rows, audit and outbox events. */
async function traces(): Promise<Record<string, number>> {
  let blobs = 0;
  for await (const _ of t.storage.blobStore.list('')) blobs++;
  const count = async (table: string) =>
    Number((await t.db.sequelize.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`, { type: QueryTypes.SELECT }))[0]?.n ?? 0);
  return { blobs, files: await count('document_files'), audit: await count('audit_events'), outbox: await count('outbox_events') };
}

/** Each file as [bytes, name, and the `sha256` field announced before it, if any]. */
function upload(requestId: string, key: string, files: Array<[Buffer, string, string?]>) {
  const req = t.request
    .post(`/v1/document-requests/${requestId}/files`)
    .set('Authorization', auth())
    .set('Idempotency-Key', key)
    // What the client announces about the body is no proof of what it sends.
    .set('X-Content-SHA256', 'f'.repeat(64));
  for (const [bytes, name, announced] of files) {
    if (announced !== undefined) req.field('sha256', announced);
    req.attach('file', bytes, { filename: name });
  }
  return req;
}

async function storedHashes(requestId: string): Promise<string[]> {
  const rows = await t.db.models.DocumentFile.findAll({ where: { requestId }, order: [['id', 'ASC']] });
  return rows.map((r) => r.sha256);
}

describe('uploads under an Idempotency-Key', () => {
  it('replays the first answer for the same bytes, storing them once', async () => {
    const requestId = await newRequest('Pièce d’identité');
    const first = await upload(requestId, 'up-same', [[pdf, 'avis.pdf']]).expect(201);
    const before = await traces();
    const again = await upload(requestId, 'up-same', [[pdf, 'avis.pdf']]).expect(201);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(again.body, first.body);
    assert.deepEqual(await traces(), before);
    assert.deepEqual(await storedHashes(requestId), [sha256Hex(pdf)]);
  });

  it('refuses other bytes of the same length under the same key with 409 idempotency_key_reused, storing nothing', async () => {
    assert.equal(otherPdf.length, pdf.length);
    assert.notEqual(sha256Hex(otherPdf), sha256Hex(pdf));
    const requestId = await newRequest('Avis d’imposition');
    await upload(requestId, 'up-other', [[pdf, 'avis.pdf']]).expect(201);
    const before = await traces();

    const refused = await upload(requestId, 'up-other', [[otherPdf, 'avis.pdf']]);
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.match(refused.headers['content-type'], /^application\/problem\+json/);
    assert.equal(refused.body.code, 'idempotency_key_reused');
    assert.equal(refused.headers['idempotent-replayed'], undefined);
    assert.deepEqual(await traces(), before);
    assert.deepEqual(await storedHashes(requestId), [sha256Hex(pdf)], 'the first file is still the one stored');

    // Another length, more files, the same files in another order, another file name: other requests too.
    const others: Array<Array<[Buffer, string]>> = [
      [[TINY_PNG, 'avis.pdf']],
      [
        [pdf, 'avis.pdf'],
        [TINY_JPEG, 'verso.jpg'],
      ],
      [
        [TINY_JPEG, 'verso.jpg'],
        [pdf, 'avis.pdf'],
      ],
      [[pdf, 'autre.pdf']],
      [[Buffer.concat([pdf, Buffer.alloc(300 * 1024, 7)]), 'avis.pdf']],
    ];
    for (const files of others) {
      const res = await upload(requestId, 'up-other', files);
      assert.equal(res.status, 409, JSON.stringify(res.body));
      assert.equal(res.body.code, 'idempotency_key_reused');
    }
    assert.deepEqual(await traces(), before);
    // The legitimate retry is still answered with the first result.
    const replay = await upload(requestId, 'up-other', [[pdf, 'avis.pdf']]).expect(201);
    assert.equal(replay.headers['idempotent-replayed'], 'true');
  });

  it('releases the key of an upload refused before its body was read: it stored nothing, a retry runs anew', async () => {
    const requestId = await newRequest('Compromis');
    const refused = await upload(requestId, 'up-refused', [[pdf, 'compromis.pdf', 'a'.repeat(64)]]);
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.equal(refused.body.code, 'checksum_mismatch');
    const retried = await upload(requestId, 'up-refused', [[pdf, 'compromis.pdf', sha256Hex(pdf)]]).expect(201);
    assert.equal(retried.headers['idempotent-replayed'], undefined);
    assert.deepEqual(await storedHashes(requestId), [sha256Hex(pdf)]);
  });

  it('fingerprints the form fields of an extra-files upload too', async () => {
    const send = (client: string) =>
      t.request
        .post(`/v1/folders/${folderId}/extra-files`)
        .set('Authorization', auth())
        .set('Idempotency-Key', 'extra-1')
        .field('clientId', client)
        .attach('file', TINY_JPEG, { filename: 'plan.jpg' });
    const first = await send(clientId).expect(201);
    const before = await traces();
    const other = await send(`${clientId.slice(0, -1)}x`).expect(409);
    assert.equal(other.body.code, 'idempotency_key_reused');
    const replay = await send(clientId).expect(201);
    assert.deepEqual(replay.body, first.body);
    assert.deepEqual(await traces(), before);
  });

  it('tells a retry sent while the first upload still streams that the key is in use, then replays the first answer', async () => {
    const requestId = await newRequest('Titre de propriété');
    const server = t.app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const boundary = 'lecoffre-test-boundary';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="titre.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      );
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      const half = Math.floor(pdf.length / 2);

      // The first upload's bytes reaching the blob store is the sign that it holds the key.
      const storing = new Promise<void>((resolve) => {
        const store = t.storage.blobStore;
        const put = store.put.bind(store);
        store.put = (key, body) => {
          store.put = put;
          resolve();
          return put(key, body);
        };
      });
      const first = httpRequest({
        port: (server.address() as AddressInfo).port,
        host: '127.0.0.1',
        method: 'POST',
        path: `/v1/document-requests/${requestId}/files`,
        headers: {
          Authorization: auth(),
          'Idempotency-Key': 'up-slow',
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': String(head.length + pdf.length + tail.length),
        },
      });
      const answered = once(first, 'response') as Promise<[IncomingMessage]>;
      first.write(Buffer.concat([head, pdf.subarray(0, half)]));
      await storing;

      for (const bytes of [pdf, otherPdf]) {
        const busy = await upload(requestId, 'up-slow', [[bytes, 'titre.pdf']]);
        assert.equal(busy.status, 409, JSON.stringify(busy.body));
        assert.equal(busy.body.code, 'idempotency_key_in_use');
        // The running claim's lease, renewed by its live process: at most the whole lease.
        const retryAfter = Number(busy.headers['retry-after']);
        assert.ok(retryAfter >= 1 && retryAfter <= IDEMPOTENCY_LEASE_SECONDS, `Retry-After ${busy.headers['retry-after']}`);
      }

      first.end(Buffer.concat([pdf.subarray(half), tail]));
      const [response] = await answered;
      const chunks: Buffer[] = [];
      for await (const chunk of response) chunks.push(chunk as Buffer);
      assert.equal(response.statusCode, 201, Buffer.concat(chunks).toString());
      const firstBody = JSON.parse(Buffer.concat(chunks).toString());

      const replay = await upload(requestId, 'up-slow', [[pdf, 'titre.pdf']]).expect(201);
      assert.equal(replay.headers['idempotent-replayed'], 'true');
      assert.deepEqual(replay.body, firstBody);
      const refused = await upload(requestId, 'up-slow', [[otherPdf, 'titre.pdf']]).expect(409);
      assert.equal(refused.body.code, 'idempotency_key_reused');
      assert.deepEqual(await storedHashes(requestId), [sha256Hex(pdf)]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
