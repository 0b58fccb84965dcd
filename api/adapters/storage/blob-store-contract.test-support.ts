/**
 * What every BlobStore must do, run against each adapter (fs-blob-store.test.ts, s3-blob-store.test.ts):
 * the store's own operations, then the whole documents pipeline (storeUpload -> readStoredFile) on top
 * of it, including a large file in bounded memory and blobs tampered with in the store.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { BlobNotFoundError, type BlobStore } from '../../ports/blob-store.js';
import { type DataKeyCipher, IntegrityError } from '../../ports/data-key-cipher.js';
import { readStoredFile } from '../../services/documents/read-stored-file.js';
import { generatedPdf, peakMemoryGrowth, samplePdf, sha256Hex } from '../../services/documents/sample-files.test-support.js';
import { type StoredUpload, storeUpload, UploadRejected } from '../../services/documents/store-upload.js';
import { createEnvelopeCipher } from '../crypto/envelope-cipher.js';
import { createKeyRing, masterKeyFrom } from '../crypto/key-wrap.js';
import { HEADER_SIZE, SEGMENT_SIZE, TAG_SIZE } from '../crypto/segmented-gcm.js';

export interface ContractSubject {
  store: BlobStore;
  close(): Promise<void>;
}

const MiB = 1024 * 1024;
const STORED_SEGMENT = SEGMENT_SIZE + TAG_SIZE;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function keysOf(store: BlobStore, prefix = ''): Promise<string[]> {
  const keys: string[] = [];
  for await (const blob of store.list(prefix)) keys.push(blob.key);
  return keys.sort();
}

/** A stream that gives `bytes` bytes and then fails, as a client connection dropping mid-upload does. */
function failingAfter(bytes: number, error: Error): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= bytes) return void this.destroy(error);
      const chunk = randomBytes(Math.min(256 * 1024, bytes - sent));
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

export function blobStoreContract(name: string, open: () => Promise<ContractSubject>, limits: { largeFileRssGrowthBytes: number }) {
  describe(`${name}: BlobStore contract`, () => {
    let subject: ContractSubject;
    let store: BlobStore;
    let cipher: DataKeyCipher;
    before(async () => {
      subject = await open();
      store = subject.store;
      cipher = createEnvelopeCipher(createKeyRing(masterKeyFrom(randomBytes(32))));
    });
    after(() => subject.close());

    const upload = (input: Readable, maxBytes = 25 * MiB, expectedSha256?: string) =>
      storeUpload(input, { maxBytes, expectedSha256, blobStore: store, cipher });
    const read = async (stored: StoredUpload) => readAll(await readStoredFile(stored, { blobStore: store, cipher }));

    it('puts, gets, replaces and deletes an object', async () => {
      const data = randomBytes(300_000);
      assert.deepEqual(await store.put('contract/a', Readable.from([data])), { size: data.length });
      assert.deepEqual(await readAll(await store.get('contract/a')), data);
      const replacement = randomBytes(10);
      await store.put('contract/a', Readable.from([replacement]));
      assert.deepEqual(await readAll(await store.get('contract/a')), replacement);
      await store.delete('contract/a');
      await assert.rejects(store.get('contract/a'), BlobNotFoundError);
      await store.delete('contract/a'); // deleting twice is not an error
    });

    it('moves an object, and says when there is nothing to move', async () => {
      const data = randomBytes(1000);
      await store.put('contract/tmp/m', Readable.from([data]));
      await store.move('contract/tmp/m', 'contract/final/2025/m');
      assert.deepEqual(await readAll(await store.get('contract/final/2025/m')), data);
      await assert.rejects(store.get('contract/tmp/m'), BlobNotFoundError);
      await assert.rejects(store.move('contract/tmp/m', 'contract/final/other'), BlobNotFoundError);
      await store.delete('contract/final/2025/m');
    });

    it('lists objects under a prefix with their size and last modification', async () => {
      const started = Date.now();
      await store.put('listing/x/1', Readable.from([Buffer.alloc(11)]));
      await store.put('listing/x/deeper/2', Readable.from([Buffer.alloc(22)]));
      await store.put('listing/y/3', Readable.from([Buffer.alloc(33)]));
      const found = [];
      for await (const blob of store.list('listing/x/')) found.push(blob);
      found.sort((a, b) => a.key.localeCompare(b.key));
      assert.deepEqual(
        found.map((b) => [b.key, b.size]),
        [
          ['listing/x/1', 11],
          ['listing/x/deeper/2', 22],
        ],
      );
      for (const blob of found) {
        // Second resolution (S3 and some filesystems) and clock skew between processes.
        assert.ok(Math.abs(blob.lastModified.getTime() - started) < 60_000, `${blob.key}: ${blob.lastModified.toISOString()}`);
      }
      assert.deepEqual(await keysOf(store, 'listing/nothing/'), []);
      for (const key of ['listing/x/1', 'listing/x/deeper/2', 'listing/y/3']) await store.delete(key);
    });

    it('leaves nothing behind when the stream fails mid-put', async () => {
      const before = await keysOf(store);
      // Past one 5 MiB part: S3 has started a multipart upload, which must be aborted.
      await assert.rejects(store.put('contract/broken', failingAfter(6 * MiB, new Error('client went away'))), /client went away/);
      assert.deepEqual(await keysOf(store), before);
      await assert.rejects(store.get('contract/broken'), BlobNotFoundError);
    });

    it('refuses keys that could leave its root', async () => {
      for (const key of ['../etc/passwd', 'a/../../b', '/abs', 'a//b', '']) {
        await assert.rejects(store.put(key, Readable.from([Buffer.alloc(1)])), /Invalid blob key/);
      }
    });

    it('stores 20 uploads written at the same time, each readable and intact', async () => {
      const files = await Promise.all(Array.from({ length: 20 }, (_, i) => samplePdf(`Document ${i}`)));
      const sized = files.map((f, i) => Buffer.concat([f, randomBytes(i * 20_000)])); // 1 to 7 segments
      const stored = await Promise.all(sized.map((f) => upload(Readable.from([f]), 25 * MiB, sha256Hex(f))));
      assert.equal(new Set(stored.map((s) => s.storageKey)).size, 20);
      for (const [i, s] of stored.entries()) {
        assert.equal(s.sha256Source, 'client');
        assert.equal(s.size, sized[i].length);
        assert.deepEqual(await read(s), sized[i]);
      }
      await Promise.all(stored.map((s) => store.delete(s.storageKey)));
    });

    it('streams a 64 MiB file in and out in bounded memory', async (t) => {
      const size = 64 * MiB;
      const source = generatedPdf(size, 7);
      const stored = await peakMemoryGrowth(() => upload(source.stream, 100 * MiB));
      assert.equal(stored.result.sha256, source.sha256());
      assert.equal(stored.result.size, size);
      const readBack = await peakMemoryGrowth(async () => {
        const { createHash } = await import('node:crypto');
        const hash = createHash('sha256');
        let length = 0;
        for await (const chunk of await readStoredFile(stored.result, { blobStore: store, cipher })) {
          hash.update(chunk as Buffer);
          length += (chunk as Buffer).length;
        }
        return { sha256: hash.digest('hex'), length };
      });
      assert.deepEqual(readBack.result, { sha256: source.sha256(), length: size });
      const worst = Math.max(stored.rssBytes, readBack.rssBytes);
      const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
      t.diagnostic(
        `peak RSS growth: upload ${mib(stored.rssBytes)}, read ${mib(readBack.rssBytes)}; array buffers ${mib(stored.arrayBuffersBytes)}, ${mib(readBack.arrayBuffersBytes)}`,
      );
      assert.ok(
        worst < limits.largeFileRssGrowthBytes,
        `peak RSS growth ${(worst / MiB).toFixed(1)} MiB for a 64 MiB file (limit ${limits.largeFileRssGrowthBytes / MiB} MiB)`,
      );
      await store.delete(stored.result.storageKey);
    });

    it('keeps nothing of an upload refused mid-stream', async () => {
      const before = await keysOf(store);
      const source = generatedPdf(40 * MiB, 8);
      await assert.rejects(upload(source.stream, 12 * MiB), (error: unknown) => error instanceof UploadRejected && error.status === 413);
      assert.ok(source.produced() < 14 * MiB, `read ${source.produced()} bytes of a 40 MiB upload limited to 12 MiB`);
      assert.deepEqual(await keysOf(store), before);
    });

    describe('a blob altered in the store is never read back as the file', () => {
      let stored: StoredUpload;
      let pristine: Buffer;
      let original: Buffer;
      before(async () => {
        original = Buffer.concat([await samplePdf(), randomBytes(3 * SEGMENT_SIZE)]);
        stored = await upload(Readable.from([original]));
        pristine = await readAll(await store.get(stored.storageKey));
        assert.ok(pristine.length > HEADER_SIZE + 3 * STORED_SEGMENT);
      });
      after(() => store.delete(stored.storageKey));

      const readAltered = async (altered: Buffer) => {
        await store.put(stored.storageKey, Readable.from([altered]));
        try {
          await read(stored);
        } finally {
          await store.put(stored.storageKey, Readable.from([pristine]));
        }
      };
      const integrityError = (error: unknown) => {
        assert.ok(error instanceof IntegrityError, String(error));
        assert.equal(error.code, 'integrity_error');
        assert.equal(error.storageKey, stored.storageKey);
        return true;
      };

      it('reads back intact when untouched', async () => {
        assert.deepEqual(await read(stored), original);
      });

      it('a flipped byte in the ciphertext', async () => {
        const altered = Buffer.from(pristine);
        altered[HEADER_SIZE + STORED_SEGMENT + 1234] ^= 0x20;
        await assert.rejects(readAltered(altered), integrityError);
      });

      it('the last segment cut off', async () => {
        const lastSegmentStart = HEADER_SIZE + 3 * STORED_SEGMENT;
        await assert.rejects(readAltered(pristine.subarray(0, lastSegmentStart)), integrityError);
      });

      it('two segments swapped', async () => {
        const seg = (i: number) => pristine.subarray(HEADER_SIZE + i * STORED_SEGMENT, HEADER_SIZE + (i + 1) * STORED_SEGMENT);
        const altered = Buffer.concat([
          pristine.subarray(0, HEADER_SIZE),
          seg(1),
          seg(0),
          pristine.subarray(HEADER_SIZE + 2 * STORED_SEGMENT),
        ]);
        await assert.rejects(readAltered(altered), integrityError);
      });

      it('the blob gone', async () => {
        await store.delete(stored.storageKey);
        try {
          await assert.rejects(
            read(stored),
            (error: unknown) => integrityError(error) && (error as IntegrityError).reason === 'blob_missing',
          );
        } finally {
          await store.put(stored.storageKey, Readable.from([pristine]));
        }
      });
    });
  });
}
