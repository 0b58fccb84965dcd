import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { createEnvelopeCipher } from '../../adapters/crypto/envelope-cipher.js';
import { createKeyRing, masterKeyFrom } from '../../adapters/crypto/key-wrap.js';
import { HEADER_SIZE, SEGMENT_SIZE, TAG_SIZE } from '../../adapters/crypto/segmented-gcm.js';
import { FsBlobStore } from '../../adapters/storage/fs-blob-store.js';
import { IntegrityError } from '../../ports/data-key-cipher.js';
import { readStoredFile, type StoredFileRef } from './read-stored-file.js';
import { samplePdf } from './sample-files.test-support.js';
import { type StoredUpload, storeUpload } from './store-upload.js';

const master = masterKeyFrom(randomBytes(32));
const cipher = createEnvelopeCipher(createKeyRing(master));
let root: string;
let store: FsBlobStore;
let file: Buffer;
let stored: StoredUpload;

before(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'lecoffre-read-stored-'));
  store = new FsBlobStore(root);
  file = Buffer.concat([await samplePdf(), randomBytes(3 * SEGMENT_SIZE)]);
  stored = await storeUpload(Readable.from([file]), { maxBytes: 10_000_000, blobStore: store, cipher });
});
after(() => rm(root, { recursive: true, force: true }));

const deps = () => ({ blobStore: store, cipher });

/** Reads to the end; resolves with what arrived before the stream ended or failed, and how it finished. */
async function consume(stream: Readable): Promise<{ bytes: Buffer; error?: unknown; ended: boolean }> {
  const chunks: Buffer[] = [];
  let ended = false;
  stream.on('end', () => {
    ended = true;
  });
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { bytes: Buffer.concat(chunks), ended };
  } catch (error) {
    return { bytes: Buffer.concat(chunks), error, ended };
  }
}

function isIntegrity(reason: IntegrityError['reason']) {
  return (error: unknown) => {
    assert.ok(error instanceof IntegrityError, String(error));
    assert.equal(error.reason, reason);
    assert.equal(error.code, 'integrity_error');
    assert.equal(error.storageKey, stored.storageKey);
    return true;
  };
}

async function withBlob(altered: Buffer, work: () => Promise<void>) {
  const pristine = Buffer.concat(await (await store.get(stored.storageKey)).toArray());
  await store.put(stored.storageKey, Readable.from([altered]));
  try {
    await work();
  } finally {
    await store.put(stored.storageKey, Readable.from([pristine]));
  }
}

describe('readStoredFile', () => {
  it('gives back the exact bytes uploaded', async () => {
    const result = await consume(await readStoredFile(stored, deps()));
    assert.equal(result.error, undefined);
    assert.ok(result.ended);
    assert.deepEqual(result.bytes, file);
  });

  it('fails before the first byte when the blob is gone', async () => {
    const ref: StoredFileRef = { ...stored, storageKey: 'files/2025/01/blob_missing' };
    await assert.rejects(
      readStoredFile(ref, deps()),
      (error: unknown) => error instanceof IntegrityError && error.reason === 'blob_missing',
    );
  });

  it('fails before the first byte when the master key is not held', async () => {
    const otherServer = createEnvelopeCipher(createKeyRing(masterKeyFrom(randomBytes(32))));
    await assert.rejects(readStoredFile(stored, { blobStore: store, cipher: otherServer }), isIntegrity('unknown_master_key'));
  });

  it('fails before the first byte when the header or first segment was altered', async () => {
    const pristine = Buffer.concat(await (await store.get(stored.storageKey)).toArray());
    for (const offset of [2, HEADER_SIZE + 100]) {
      const altered = Buffer.from(pristine);
      altered[offset] ^= 0x04;
      await withBlob(altered, async () => {
        await assert.rejects(readStoredFile(stored, deps()), isIntegrity(offset === 2 ? 'bad_header' : 'segment_tampered'));
      });
    }
  });

  it("fails when the record points at another file's blob", async () => {
    const other = await storeUpload(Readable.from([await samplePdf('Autre')]), { maxBytes: 10_000_000, blobStore: store, cipher });
    await assert.rejects(
      readStoredFile({ ...stored, storageKey: other.storageKey }, deps()),
      (error: unknown) => error instanceof IntegrityError,
    );
  });

  it('errors instead of ending when a later segment was altered, having sent only authentic bytes', async () => {
    const pristine = Buffer.concat(await (await store.get(stored.storageKey)).toArray());
    const altered = Buffer.from(pristine);
    altered[HEADER_SIZE + 2 * (SEGMENT_SIZE + TAG_SIZE) + 5] ^= 0x01; // third segment
    await withBlob(altered, async () => {
      const stream = await readStoredFile(stored, deps()); // the first segment is fine
      const result = await consume(stream);
      assert.ok(isIntegrity('segment_tampered')(result.error));
      assert.equal(result.ended, false, 'never a clean end');
      assert.deepEqual(result.bytes, file.subarray(0, 2 * SEGMENT_SIZE), 'exactly the two authentic segments');
    });
  });

  it('errors at the end when the bytes do not hash to the recorded SHA-256 or size', async () => {
    const wrongHash = await consume(await readStoredFile({ ...stored, sha256: 'ab'.repeat(32) }, deps()));
    assert.ok(isIntegrity('sha256_mismatch')(wrongHash.error));
    assert.equal(wrongHash.ended, false);
    const wrongSize = await consume(await readStoredFile({ ...stored, size: stored.size + 1 }, deps()));
    assert.ok(isIntegrity('size_mismatch')(wrongSize.error));
  });
});
