import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createEnvelopeCipher } from '../../adapters/crypto/envelope-cipher.js';
import { createKeyRing, type MasterKey, masterKeyFrom } from '../../adapters/crypto/key-wrap.js';
import { newId } from '../../domain/ids.js';
import { readStoredFile } from './read-stored-file.js';
import { type RotationProgress, rotateMasterKey } from './rotate-master-key.js';
import { samplePdf, sha256Hex, TINY_JPEG, TINY_PNG } from './sample-files.test-support.js';
import { storeUpload } from './store-upload.js';

const keyA = masterKeyFrom(randomBytes(32));
const keyB = masterKeyFrom(randomBytes(32));
const onlyA = createKeyRing(keyA);
const bWithA = createKeyRing(keyB, [keyA]);
const onlyB = createKeyRing(keyB);

let t: TestApp;
let requestId: string;
/** Every file sent through the API, by id, with the bytes sent. */
const sent = new Map<string, Buffer>();
let officeFileId: string;
let officeFileBytes: Buffer;

const auth = () => t.office.auth;
/** The same app and blob store, now reading with another key ring (as a restarted server would). */
const useRing = (ring: ReturnType<typeof createKeyRing>) => {
  t.storage.cipher = createEnvelopeCipher(ring);
};

async function uploadThroughApi(bytes: Buffer, name: string): Promise<void> {
  const res = await t.request
    .post(`/v1/document-requests/${requestId}/files`)
    .set('Authorization', auth())
    .field('sha256', sha256Hex(bytes))
    .attach('file', bytes, { filename: name })
    .expect(201);
  sent.set(res.body.data[0].id, bytes);
}

async function preview(fileId: string) {
  return t.request
    .get(`/v1/files/${fileId}/preview`)
    .set('Authorization', auth())
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
}

/** SHA-256 of every blob in the store, by relative path: the bytes at rest, as a backup would see them. */
async function blobFingerprints(): Promise<Map<string, string>> {
  const root = (t.storage.blobStore as unknown as { root: string }).root;
  const found = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    found.set(
      path.relative(root, file),
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    );
  }
  return found;
}

async function wrappings(): Promise<string[]> {
  const [files, officeFiles] = await Promise.all([
    t.db.models.DocumentFile.findAll({ order: [['id', 'ASC']] }),
    t.db.models.OfficeFile.findAll({ order: [['id', 'ASC']] }),
  ]);
  return [...files, ...officeFiles].map((f) => `${f.id} ${f.masterKeyId} ${f.wrappedDataKey}`);
}

async function masterKeyIds(): Promise<string[]> {
  const [files, officeFiles] = await Promise.all([t.db.models.DocumentFile.findAll(), t.db.models.OfficeFile.findAll()]);
  return [...new Set([...files, ...officeFiles].map((f) => f.masterKeyId))].sort();
}

/** An office's own file (a RIB's PDF): no upload route yet, so stored and recorded as that route will. */
async function storeOfficeFile(bytes: Buffer, master: MasterKey): Promise<string> {
  const stored = await storeUpload(Readable.from([bytes]), {
    maxBytes: 1_000_000,
    blobStore: t.storage.blobStore,
    cipher: createEnvelopeCipher(createKeyRing(master)),
  });
  const id = newId('ofl');
  await t.db.models.OfficeFile.create({
    id,
    officeId: t.office.id,
    originalName: 'RIB.pdf',
    contentType: stored.detectedType,
    size: stored.size,
    sha256: stored.sha256,
    storageKey: stored.storageKey,
    wrappedDataKey: stored.wrappedDataKey,
    masterKeyId: stored.masterKeyId,
  });
  return id;
}

before(async () => {
  t = await createTestApp();
  const folderId = (
    await t.request.post('/v1/folders').set('Authorization', auth()).send({ number: 'R-1', title: 'Vente', deedType: 'vente' }).expect(201)
  ).body.id;
  const folder = await t.request
    .post(`/v1/folders/${folderId}/clients`)
    .set('Authorization', auth())
    .send({ client: { lastName: 'Michou', firstName: 'Claire', mobile: '0626597292', email: 'claire@example.fr' } })
    .expect(200);
  requestId = (
    await t.request
      .post(`/v1/folders/${folderId}/document-requests`)
      .set('Authorization', auth())
      .send({ clientId: folder.body.client.id, documents: [{ label: "Avis d'impôt" }] })
      .expect(201)
  ).body.data[0].id;

  // Five files sealed under key A, as a server holding only A stored them.
  useRing(onlyA);
  await uploadThroughApi(await samplePdf('Avis 2023'), 'avis-2023.pdf');
  await uploadThroughApi(await samplePdf('Avis 2024'), 'avis-2024.pdf');
  await uploadThroughApi(Buffer.concat([await samplePdf('Gros'), randomBytes(300_000)]), 'gros.pdf');
  await uploadThroughApi(TINY_PNG, 'verso.png');
  officeFileBytes = await samplePdf('RIB office');
  officeFileId = await storeOfficeFile(officeFileBytes, keyA);
});
after(() => t.close());

describe('master key rotation', () => {
  it('re-wraps every data key under the new key, resumably, without touching a blob', async () => {
    assert.deepEqual(await masterKeyIds(), [keyA.id]);
    // The server now seals with B and still reads A: one more file arrives under B during the rotation.
    useRing(bWithA);
    await uploadThroughApi(TINY_JPEG, 'recto.jpg');
    const blobsBefore = await blobFingerprints();
    assert.equal(blobsBefore.size, 6);

    // A rotation interrupted after its first batch (the operator's terminal closed)…
    const interrupted: RotationProgress[] = [];
    await assert.rejects(
      rotateMasterKey(t.db, createEnvelopeCipher(bWithA), {
        batchSize: 2,
        onBatch: (progress) => {
          interrupted.push(progress);
          throw new Error('connection lost');
        },
      }),
      /connection lost/,
    );
    assert.deepEqual(interrupted, [{ table: 'document_files', rewrapped: 2, failed: 0 }]);
    assert.deepEqual(await masterKeyIds(), [keyA.id, keyB.id].sort(), 'the first batch committed, the rest did not');

    // …resumes where it stopped when run again.
    const batches: RotationProgress[] = [];
    const resumed = await rotateMasterKey(t.db, createEnvelopeCipher(bWithA), {
      batchSize: 2,
      onBatch: (progress) => batches.push(progress),
    });
    assert.deepEqual(resumed.rewrapped, { document_files: 2, office_files: 1, webhook_secrets: 0, webhook_previous_secrets: 0 });
    assert.deepEqual(resumed.alreadyCurrent, { document_files: 3, office_files: 0, webhook_secrets: 0, webhook_previous_secrets: 0 });
    assert.deepEqual(resumed.failures, []);
    assert.equal(resumed.masterKeyId, keyB.id);
    assert.deepEqual(batches, [
      { table: 'document_files', rewrapped: 2, failed: 0 },
      { table: 'office_files', rewrapped: 1, failed: 0 },
    ]);
    assert.deepEqual(await masterKeyIds(), [keyB.id]);
    assert.deepEqual(await blobFingerprints(), blobsBefore, 'every blob unchanged, byte for byte');

    // Key A can now be retired: a server holding only B reads every file, complete and identical.
    useRing(onlyB);
    for (const [fileId, bytes] of sent) {
      const res = await preview(fileId);
      assert.equal(res.status, 200, `preview of ${fileId}`);
      assert.equal(sha256Hex(res.body), sha256Hex(bytes));
    }
    const officeFile = await t.db.models.OfficeFile.findByPk(officeFileId, { rejectOnEmpty: true });
    const chunks: Buffer[] = [];
    for await (const chunk of await readStoredFile({ ...officeFile.get(), size: Number(officeFile.size) }, t.storage)) chunks.push(chunk);
    assert.deepEqual(Buffer.concat(chunks), officeFileBytes);

    // A second run finds nothing to do and changes nothing.
    const before = await wrappings();
    const again = await rotateMasterKey(t.db, createEnvelopeCipher(onlyB));
    assert.deepEqual(again.rewrapped, { document_files: 0, office_files: 0, webhook_secrets: 0, webhook_previous_secrets: 0 });
    assert.deepEqual(again.alreadyCurrent, { document_files: 5, office_files: 1, webhook_secrets: 0, webhook_previous_secrets: 0 });
    assert.deepEqual(await wrappings(), before);
  });

  it('reports the records it cannot unwrap, leaves them as they are, and rotates the others', async () => {
    // A file sealed under a key the operator forgot to pass in LECOFFRE_PREVIOUS_MASTER_KEYS.
    const keyC = masterKeyFrom(randomBytes(32));
    useRing(createKeyRing(keyC));
    await uploadThroughApi(await samplePdf('Sous C'), 'c.pdf');
    const keyD = masterKeyFrom(randomBytes(32));
    const result = await rotateMasterKey(t.db, createEnvelopeCipher(createKeyRing(keyD, [keyB])), { batchSize: 4 });
    assert.deepEqual(result.rewrapped, { document_files: 5, office_files: 1, webhook_secrets: 0, webhook_previous_secrets: 0 });
    assert.equal(result.failures.length, 1);
    assert.equal(result.failures[0].masterKeyId, keyC.id);
    assert.equal(result.failures[0].reason, 'unknown_master_key');
    assert.deepEqual(await masterKeyIds(), [keyC.id, keyD.id].sort());
    // With C supplied, the straggler follows.
    const fixed = await rotateMasterKey(t.db, createEnvelopeCipher(createKeyRing(keyD, [keyC])));
    assert.deepEqual(fixed.rewrapped, { document_files: 1, office_files: 0, webhook_secrets: 0, webhook_previous_secrets: 0 });
    assert.deepEqual(await masterKeyIds(), [keyD.id]);
    useRing(createKeyRing(keyD));
    for (const fileId of sent.keys()) assert.equal((await preview(fileId)).status, 200);
  });
});
