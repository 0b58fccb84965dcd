import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, beforeEach, describe, it } from 'node:test';
import { createEnvelopeCipher } from '../../adapters/crypto/envelope-cipher.js';
import { createKeyRing, masterKeyFrom } from '../../adapters/crypto/key-wrap.js';
import { FsBlobStore } from '../../adapters/storage/fs-blob-store.js';
import { DomainError } from '../../domain/errors.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { readStoredFile } from './read-stored-file.js';
import { generatedPdf, samplePdf, sha256Hex, TINY_JPEG, TINY_PNG } from './sample-files.test-support.js';
import { type StoreUploadOptions, storeUpload, UploadRejected } from './store-upload.js';

const MiB = 1024 * 1024;
const cipher = createEnvelopeCipher(createKeyRing(masterKeyFrom(randomBytes(32))));
const roots: string[] = [];
let store: BlobStore;

beforeEach(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'lecoffre-store-upload-'));
  roots.push(root);
  store = new FsBlobStore(root);
});
after(() => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

const upload = (input: Readable | Buffer, options: Partial<StoreUploadOptions> = {}) =>
  storeUpload(input instanceof Readable ? input : Readable.from([input]), { maxBytes: 25 * MiB, blobStore: store, cipher, ...options });

async function storedKeys(): Promise<string[]> {
  const keys: string[] = [];
  for await (const blob of store.list('')) keys.push(blob.key);
  return keys;
}

async function readBack(stored: Awaited<ReturnType<typeof upload>>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await readStoredFile(stored, { blobStore: store, cipher })) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Rejected with this status and code, and nothing of the file left in the store. */
async function assertRefused(promise: Promise<unknown>, status: number, code: string) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof UploadRejected, String(error));
    assert.ok(error instanceof DomainError, 'mapped by the problem handler');
    assert.equal(error.status, status);
    assert.equal(error.code, code);
    return true;
  });
  assert.deepEqual(await storedKeys(), [], 'no blob kept');
}

/** An upload that never ends unless someone stops reading it. */
function endless(first: Buffer): Readable & { produced: () => number } {
  let produced = 0;
  const stream = new Readable({
    read() {
      const chunk = produced === 0 ? first : randomBytes(64 * 1024);
      produced += chunk.length;
      this.push(chunk);
    },
  });
  return Object.assign(stream, { produced: () => produced });
}

describe('storeUpload', () => {
  it('stores a PDF, a PNG and a JPEG encrypted under a generated key, and reads each back', async () => {
    for (const [file, type] of [
      [await samplePdf(), 'application/pdf'],
      [TINY_PNG, 'image/png'],
      [TINY_JPEG, 'image/jpeg'],
    ] as const) {
      const stored = await upload(file);
      assert.equal(stored.detectedType, type);
      assert.equal(stored.size, file.length);
      assert.equal(stored.sha256, sha256Hex(file));
      assert.equal(stored.sha256Source, 'server');
      assert.match(stored.storageKey, /^files\/\d{4}\/\d{2}\/blob_[0-9a-z]{26}$/);
      assert.deepEqual(await readBack(stored), file);
      const raw = Buffer.concat(await (await store.get(stored.storageKey)).toArray());
      assert.ok(!raw.includes(file.subarray(0, 8)), 'no plaintext at rest');
    }
    const keys = await storedKeys();
    assert.equal(keys.length, 3);
    assert.ok(
      keys.every((k) => k.startsWith('files/')),
      'no temporary blob left',
    );
  });

  it('records the client hash when the bytes match it (either case)', async () => {
    const pdf = await samplePdf();
    const stored = await upload(pdf, { expectedSha256: sha256Hex(pdf).toUpperCase() });
    assert.equal(stored.sha256Source, 'client');
    assert.equal(stored.sha256, sha256Hex(pdf));
  });

  it('refuses bytes that do not match the client hash (422 checksum_mismatch)', async () => {
    const pdf = await samplePdf();
    const altered = Buffer.from(pdf);
    altered[altered.length - 10] ^= 1;
    await assertRefused(upload(altered, { expectedSha256: sha256Hex(pdf) }), 422, 'checksum_mismatch');
  });

  it('refuses a malformed client hash before reading anything', async () => {
    const input = endless(Buffer.from('%PDF-1.7\n'));
    await assert.rejects(upload(input, { expectedSha256: 'abc' }), (error: unknown) => {
      assert.ok(error instanceof DomainError);
      assert.equal(error.code, 'validation_failed');
      assert.deepEqual(error.errors, [{ path: 'sha256', message: 'must be the SHA-256 of the file in hexadecimal (64 characters)' }]);
      return true;
    });
    assert.ok(input.destroyed);
    assert.deepEqual(await storedKeys(), []);
  });

  it('refuses an empty file (422 empty_file)', async () => {
    await assertRefused(upload(Readable.from([])), 422, 'empty_file');
  });

  it('decides the type by magic bytes, whatever the name says (415 unsupported_file_type)', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(5000)]);
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), randomBytes(5000)]);
    const text = Buffer.from('Bonjour, voici mon RIB : FR76 3000 6000 0112 3456 7890 189');
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    for (const file of [exe, zip, text, gif, randomBytes(10_000)]) {
      await assertRefused(upload(file), 415, 'unsupported_file_type');
    }
  });

  it('refuses HTML, and HTML hidden in the first KiB of a PDF or an image (415)', async () => {
    const pdf = await samplePdf();
    const polyglot = Buffer.concat([
      pdf.subarray(0, 15),
      Buffer.from('<html><body><script>alert(document.cookie)</script>'),
      pdf.subarray(15),
    ]);
    const jpegWithScript = Buffer.concat([
      TINY_JPEG.subarray(0, 20),
      Buffer.from('<SCRIPT src=//evil.example/x.js>'),
      TINY_JPEG.subarray(20),
    ]);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    const html = Buffer.from('<!DOCTYPE html><title>Avis</title>');
    const anglePdf = Buffer.concat([Buffer.from('<'), pdf]);
    for (const file of [polyglot, jpegWithScript, svg, html, anglePdf]) {
      await assertRefused(upload(file), 415, 'unsupported_file_type');
    }
  });

  it('accepts a JPEG carrying XMP metadata (XML, not HTML)', async () => {
    const xmp = Buffer.from(
      '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><dc:title>Scan</dc:title></rdf:RDF></x:xmpmeta>',
    );
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, xmp.length + 2]), xmp]);
    const jpeg = Buffer.concat([TINY_JPEG.subarray(0, 2), app1, TINY_JPEG.subarray(2)]);
    assert.equal((await upload(jpeg)).detectedType, 'image/jpeg');
  });

  it('refuses a wrong type after its first few KiB, without reading the rest', async () => {
    const input = endless(Buffer.from('MZ\x90\x00', 'latin1'));
    await assertRefused(upload(input), 415, 'unsupported_file_type');
    assert.ok(input.produced() < 1 * MiB, `read ${input.produced()} bytes`);
    assert.ok(input.destroyed);
  });

  it('enforces the size limit while streaming (413 file_too_large)', async () => {
    const input = endless(Buffer.from('%PDF-1.7\n'));
    await assertRefused(upload(input, { maxBytes: 2 * MiB }), 413, 'file_too_large');
    assert.ok(input.produced() < 3 * MiB, `an endless upload stopped after ${input.produced()} bytes`);
    assert.ok(input.destroyed, 'the rest of the upload is not read');
  });

  it('accepts a file of exactly the limit, and refuses one byte more', async () => {
    const limit = 300_000;
    const exact = generatedPdf(limit, 3);
    assert.equal((await upload(exact.stream, { maxBytes: limit })).sha256, exact.sha256());
    await store.delete((await storedKeys())[0]);
    await assertRefused(upload(generatedPdf(limit + 1, 3).stream, { maxBytes: limit }), 413, 'file_too_large');
  });

  it('passes on the error of an upload cut short, keeping nothing', async () => {
    const cut = new Readable({
      read() {
        this.push(Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(200_000)]));
        this.destroy(Object.assign(new Error('Unexpected end of form'), { code: 'ECONNRESET' }));
      },
    });
    await assert.rejects(upload(cut), /Unexpected end of form/);
    assert.deepEqual(await storedKeys(), []);
  });

  it('keeps nothing when the store fails after the bytes were written', async () => {
    const failingMove: BlobStore = Object.assign(Object.create(store), {
      move: async () => {
        throw new Error('disk full');
      },
    });
    await assert.rejects(storeUpload(Readable.from([await samplePdf()]), { maxBytes: MiB, blobStore: failingMove, cipher }), /disk full/);
    assert.deepEqual(await storedKeys(), []);
  });
});
