import assert from 'node:assert/strict';
import { type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createEnvelopeCipher } from '../../api/adapters/crypto/envelope-cipher.js';
import { loadKeyRing } from '../../api/adapters/crypto/master-key.js';
import { FsBlobStore } from '../../api/adapters/storage/fs-blob-store.js';
import { type Database, openDatabase } from '../../api/db/database.js';
import { newId } from '../../api/domain/ids.js';
import { generatedPdf, sha256Hex } from '../../api/services/documents/sample-files.test-support.js';
import { storeUpload } from '../../api/services/documents/store-upload.js';
import { sweepOrphanBlobs } from '../../api/services/documents/sweep-orphan-blobs.js';
import { eventually, patience } from '../support/patience.js';
import { cleanUpProducts, exited, type ProductProcess, startProduct } from '../support/product-process.js';

// `npm start` as a user runs it, on a data dir of its own, killed without warning while files arrive.
const dataDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-kill-uploads-'));
const blobRoot = path.join(dataDir, 'blobs');
const children = new Set<ChildProcess>();

after(() => cleanUpProducts(dataDir, children));

// ── The product as a child process ───────────────────────────────────────────────────────────────────

async function startProductHere(): Promise<ProductProcess> {
  const product = await startProduct(dataDir);
  children.add(product.child);
  return product;
}

async function productDatabase(): Promise<Database> {
  const [port, password] = await Promise.all(
    ['pg-port', 'pg-password'].map(async (f) => (await readFile(path.join(dataDir, f), 'utf8')).trim()),
  );
  return openDatabase(`postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/lecoffre`);
}

// ── Multipart uploads whose pace the test controls ───────────────────────────────────────────────────

interface SentFile {
  name: string;
  bytes: Buffer;
  sha256: string;
}

interface UploadOutcome {
  status?: number;
  body?: { data?: Array<{ id: string; name: string; sha256: string }> };
  /** Set when the connection died before an answer. */
  error?: Error;
}

const BOUNDARY = 'lecoffre-kill-test-boundary';

/** The multipart body as a list of buffers: each file announced with its SHA-256, as the widget sends it. */
function multipartBody(files: SentFile[]): Buffer[] {
  const parts: Buffer[] = [];
  for (const file of files) {
    parts.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="sha256"\r\n\r\n${file.sha256}\r\n`),
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return parts;
}

/**
 * POSTs `files` in 64 KiB chunks. With `stallAfter`, stops writing once that many body bytes went out
 * (a slow mobile upload, frozen mid-stream) and keeps the connection open until the server goes away.
 */
function upload(port: number, apiKey: string, requestId: string, files: SentFile[], stallAfter?: number): Promise<UploadOutcome> {
  const body = Buffer.concat(multipartBody(files));
  return new Promise((resolve) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/v1/document-requests/${requestId}/files`,
      headers: {
        authorization: `Bearer ${apiKey}`,
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        'content-length': body.length,
      },
    });
    let failed = false;
    req.on('error', (error) => {
      failed = true;
      resolve({ error });
    });
    req.on('response', async (res) => {
      const text = (await buffer(res)).toString('utf8');
      resolve({ status: res.statusCode, body: text ? JSON.parse(text) : undefined });
    });
    void (async () => {
      const end = stallAfter ?? body.length;
      for (let offset = 0; offset < end && !failed; offset += 64 * 1024) {
        const chunk = body.subarray(offset, Math.min(end, offset + 64 * 1024));
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
        // Throttled: the stalled uploads trickle in while the fast ones run.
        if (stallAfter !== undefined) await sleep(2);
      }
      if (stallAfter === undefined) req.end();
    })();
  });
}

/** A distinct PDF-headed file of `size` bytes (pseudo-random after the header). */
async function makeFile(name: string, size: number, seed: number): Promise<SentFile> {
  const bytes = await buffer(generatedPdf(size, seed).stream);
  return { name, bytes, sha256: sha256Hex(bytes) };
}

// ── Blob store inspection ────────────────────────────────────────────────────────────────────────────

const blobStore = new FsBlobStore(blobRoot);

async function blobs(prefix: string): Promise<Array<{ key: string; size: number }>> {
  const found: Array<{ key: string; size: number }> = [];
  for await (const blob of blobStore.list(prefix)) found.push(blob);
  return found;
}

async function referencedKeys(db: Database): Promise<Set<string>> {
  const [files, officeFiles] = await Promise.all([db.models.DocumentFile.findAll(), db.models.OfficeFile.findAll()]);
  return new Set([...files, ...officeFiles].map((f) => f.storageKey));
}

// ── The test ─────────────────────────────────────────────────────────────────────────────────────────

const KB = 1000;
const MB = 1_000_000;
const FAST = 8;
const STALLED = 12;
/** Of the stalled uploads, this many carry two files: the first complete, the second cut mid-stream. */
const STALLED_PAIRS = 4;

describe('SIGKILL during 20 concurrent uploads', () => {
  it('keeps every acknowledged file intact, loses the rest cleanly, and the sweeper clears the debris', {
    timeout: patience(120_000),
  }, async () => {
    const first = await startProductHere();
    const apiKey = (await readFile(path.join(dataDir, 'dev-api-key'), 'utf8')).trim();
    const api = async (port: number, method: string, url: string, body?: unknown) => {
      const res = await fetch(`http://127.0.0.1:${port}${url}`, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> & { data: unknown } };
    };

    const folder = await api(first.port, 'POST', '/v1/folders', { number: 'KU-1', title: 'Succession Mme Michou', deedType: 'succession' });
    assert.equal(folder.status, 201, JSON.stringify(folder.body));
    const folderId = folder.body.id as string;
    const withClient = await api(first.port, 'POST', `/v1/folders/${folderId}/clients`, {
      client: { lastName: 'Michou', firstName: 'Claire', mobile: '0626597292', email: 'claire@example.fr' },
    });
    assert.equal(withClient.status, 200, JSON.stringify(withClient.body));
    const clientId = (withClient.body.client as { id: string }).id;
    const requested = await api(first.port, 'POST', `/v1/folders/${folderId}/document-requests`, {
      clientId,
      documents: Array.from({ length: FAST + STALLED }, (_, i) => ({ label: `Pièce ${i + 1}` })),
    });
    assert.equal(requested.status, 201, JSON.stringify(requested.body));
    const requestIds = (requested.body.data as Array<{ id: string }>).map((r) => r.id);

    // 8 uploads that complete (0.3 to 1.7 MB), 12 that will be cut (1 to 3 MB), 4 of them after a first file.
    const batches: SentFile[][] = [];
    for (let i = 0; i < FAST; i++) batches.push([await makeFile(`rapide-${i}.pdf`, 300 * KB + i * 200 * KB, i)]);
    for (let i = 0; i < STALLED; i++) {
      const cut = await makeFile(`coupe-${i}.pdf`, 1 * MB + i * 180 * KB, 100 + i);
      batches.push(i < STALLED_PAIRS ? [await makeFile(`avant-coupe-${i}.pdf`, 300 * KB, 200 + i), cut] : [cut]);
    }
    // Each stalled body stops at 40% of its last file: well past the headers, far from the end.
    const stallPoint = (files: SentFile[]) => {
      const whole = Buffer.concat(multipartBody(files)).length;
      const last = files[files.length - 1];
      return whole - Math.round(last.bytes.length * 0.6) - `\r\n--${BOUNDARY}--\r\n`.length;
    };
    const outcomes = batches.map((files, i) => upload(first.port, apiKey, requestIds[i], files, i < FAST ? undefined : stallPoint(files)));

    // Kill once the state is the one we want to test, seen from outside: every fast upload answered, every
    // stalled one streaming into a temporary blob, and the first files of the pairs already in place.
    const fast = await Promise.all(outcomes.slice(0, FAST));
    for (const outcome of fast) assert.equal(outcome.status, 201, JSON.stringify(outcome.body ?? outcome.error?.message));
    await eventually('every stalled upload streaming into the store, and the first files of the pairs in place', async () => {
      const partial = (await blobs('tmp/')).filter((b) => b.key.endsWith('.partial') && b.size > 0);
      return partial.length === STALLED && (await blobs('files/')).length === FAST + STALLED_PAIRS;
    });
    first.child.kill('SIGKILL');
    await exited(first.child);
    const cut = await Promise.all(outcomes.slice(FAST));
    for (const outcome of cut) assert.ok(outcome.error, `a stalled upload got an answer: ${outcome.status}`);

    const second = await startProductHere();
    const db = await productDatabase();
    try {
      // Every file the API shows opens complete and identical to what was sent; nothing else shows.
      const sent = new Map(batches.flat().map((f) => [f.name, f]));
      const previewSha = async (fileId: string) => {
        const res = await fetch(`http://127.0.0.1:${second.port}/v1/files/${fileId}/preview`, {
          headers: { authorization: `Bearer ${apiKey}` },
        });
        assert.equal(res.status, 200, `preview of ${fileId}`);
        return sha256Hex(Buffer.from(await res.arrayBuffer()));
      };
      const listed = await api(second.port, 'GET', `/v1/folders/${folderId}/document-requests`);
      const requests = listed.body.data as Array<{ id: string; files: Array<{ id: string; name: string; sha256: string }> }>;
      const visible = requests.flatMap((r) => r.files);
      const acknowledged = fast.flatMap((o) => o.body?.data ?? []);
      assert.deepEqual(visible.map((f) => f.id).sort(), acknowledged.map((f) => f.id).sort(), 'exactly the acknowledged files are visible');
      for (const file of visible) {
        assert.equal(file.sha256, sent.get(file.name)?.sha256, file.name);
        assert.equal(await previewSha(file.id), file.sha256, `${file.name} decrypts to the bytes sent`);
      }

      // Debris of the cut uploads: their temporary blobs, and the pairs' first files, stored but never recorded.
      const referenced = await referencedKeys(db);
      const orphans = [...(await blobs('tmp/')), ...(await blobs('files/'))].map((b) => b.key).filter((k) => !referenced.has(k));
      assert.equal(orphans.filter((k) => k.startsWith('tmp/')).length, STALLED);
      assert.equal(orphans.filter((k) => k.startsWith('files/')).length, STALLED_PAIRS);

      // Every cut upload succeeds when the client tries again.
      for (let i = FAST; i < FAST + STALLED; i++) {
        const retried = await upload(second.port, apiKey, requestIds[i], batches[i]);
        assert.equal(retried.status, 201, JSON.stringify(retried.body ?? retried.error?.message));
        for (const file of retried.body?.data ?? []) assert.equal(await previewSha(file.id), sent.get(file.name)?.sha256);
      }

      // An office's own file (a RIB's PDF: no upload route yet) is referenced from office_files, not
      // document_files: the sweeper must keep it too.
      const ring = await loadKeyRing({ dataDir, generateIfMissing: false });
      const officeFile = await storeUpload(Readable.from([sent.get('rapide-0.pdf')?.bytes as Buffer]), {
        maxBytes: 10 * MB,
        blobStore,
        cipher: createEnvelopeCipher(ring),
      });
      const office = await db.models.Office.findOne({ rejectOnEmpty: true });
      await db.models.OfficeFile.create({
        id: newId('ofl'),
        officeId: office.id,
        originalName: 'RIB.pdf',
        contentType: officeFile.detectedType,
        size: officeFile.size,
        sha256: officeFile.sha256,
        storageKey: officeFile.storageKey,
        wrappedDataKey: officeFile.wrappedDataKey,
        masterKeyId: officeFile.masterKeyId,
      });

      // The periodic sweep, with a cut-off in the future so the test need not wait an hour.
      const { deleted } = await sweepOrphanBlobs(db, blobStore, new Date(Date.now() + 3600_000));
      assert.deepEqual(deleted.sort(), orphans.sort(), 'the sweeper removed exactly the orphans');
      const left = [...(await blobs('tmp/')), ...(await blobs('files/'))].map((b) => b.key).sort();
      assert.deepEqual(left, [...(await referencedKeys(db))].sort(), 'every blob left has its record, every record its blob');
      assert.equal(left.length, FAST + STALLED + STALLED_PAIRS + 1);
    } finally {
      await db.close();
      second.child.kill('SIGTERM');
    }
    assert.equal(await exited(second.child), 0, `graceful stop:\n${second.output()}`);
  });
});
