import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { IntegrityError } from '../../ports/data-key-cipher.js';
import { createSegmentDecryptor, createSegmentEncryptor, HEADER_SIZE, SEGMENT_SIZE, storedSize, TAG_SIZE } from './segmented-gcm.js';

const STORED_SEGMENT = SEGMENT_SIZE + TAG_SIZE;

/** Feeds `data` in chunks of `chunkSize` (how the network happens to cut it must not matter). */
async function run(transform: NodeJS.ReadWriteStream, data: Buffer, chunkSize = 10_000): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < data.length; i += chunkSize) chunks.push(data.subarray(i, i + chunkSize));
  const out = Readable.from(chunks).pipe(transform as NodeJS.WritableStream & Readable) as unknown as Readable;
  const result: Buffer[] = [];
  for await (const chunk of out) result.push(chunk as Buffer);
  return Buffer.concat(result);
}

const encrypt = (key: Buffer, data: Buffer, chunkSize?: number) => run(createSegmentEncryptor(key), data, chunkSize);
const decrypt = (key: Buffer, data: Buffer, chunkSize?: number) => run(createSegmentDecryptor(key), data, chunkSize);

async function assertIntegrityError(promise: Promise<unknown>, reason?: IntegrityError['reason']) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof IntegrityError, `expected an IntegrityError, got ${String(error)}`);
    assert.equal(error.code, 'integrity_error');
    if (reason) assert.equal(error.reason, reason);
    return true;
  });
}

describe('segmented AES-256-GCM', () => {
  const key = randomBytes(32);

  it('round-trips files of every size around the segment boundaries, however they are chunked', async () => {
    for (const size of [0, 1, SEGMENT_SIZE - 1, SEGMENT_SIZE, SEGMENT_SIZE + 1, 3 * SEGMENT_SIZE, 3 * SEGMENT_SIZE + 17]) {
      const plaintext = randomBytes(size);
      const stored = await encrypt(key, plaintext, 7_001);
      assert.equal(stored.length, storedSize(size), `stored size for ${size}`);
      assert.deepEqual(await decrypt(key, stored, [13, 40_001, 100_000][size % 3]), plaintext, `round trip of ${size} bytes`);
    }
  });

  it('stores no plaintext and never the same bytes twice for the same file', async () => {
    const plaintext = Buffer.alloc(2 * SEGMENT_SIZE, 'LeCoffre ');
    const a = await encrypt(key, plaintext);
    const b = await encrypt(key, plaintext);
    assert.ok(!a.includes(Buffer.from('LeCoffre LeCoffre')));
    assert.notDeepEqual(a.subarray(HEADER_SIZE), b.subarray(HEADER_SIZE), 'a fresh nonce prefix per stream');
  });

  it('detects a flipped bit anywhere: header, ciphertext or tag', async () => {
    const stored = await encrypt(key, randomBytes(2 * SEGMENT_SIZE + 100));
    for (const offset of [5, HEADER_SIZE + 10, HEADER_SIZE + STORED_SEGMENT - 1, stored.length - 1]) {
      const tampered = Buffer.from(stored);
      tampered[offset] ^= 0x01;
      await assertIntegrityError(decrypt(key, tampered), 'segment_tampered');
    }
  });

  it('refuses an unknown header', async () => {
    const stored = await encrypt(key, randomBytes(100));
    const tampered = Buffer.from(stored);
    tampered[4] = 2; // version
    await assertIntegrityError(decrypt(key, tampered), 'bad_header');
  });

  it('detects a file cut at a segment boundary, inside a segment, or inside the header', async () => {
    const stored = await encrypt(key, randomBytes(3 * SEGMENT_SIZE + 100));
    await assertIntegrityError(decrypt(key, stored.subarray(0, HEADER_SIZE + 2 * STORED_SEGMENT)), 'segment_tampered');
    await assertIntegrityError(decrypt(key, stored.subarray(0, stored.length - 50)), 'segment_tampered');
    await assertIntegrityError(decrypt(key, stored.subarray(0, HEADER_SIZE + TAG_SIZE - 1)));
    await assertIntegrityError(decrypt(key, stored.subarray(0, 5)), 'truncated');
  });

  it('detects reordered segments and appended bytes', async () => {
    const stored = await encrypt(key, randomBytes(3 * SEGMENT_SIZE + 100));
    const segment = (i: number) => stored.subarray(HEADER_SIZE + i * STORED_SEGMENT, HEADER_SIZE + (i + 1) * STORED_SEGMENT);
    const swapped = Buffer.concat([
      stored.subarray(0, HEADER_SIZE),
      segment(1),
      segment(0),
      stored.subarray(HEADER_SIZE + 2 * STORED_SEGMENT),
    ]);
    assert.equal(swapped.length, stored.length);
    await assertIntegrityError(decrypt(key, swapped), 'segment_tampered');
    await assertIntegrityError(decrypt(key, Buffer.concat([stored, Buffer.from('x')])), 'segment_tampered');
  });

  it('refuses to decrypt with another data key', async () => {
    const stored = await encrypt(key, randomBytes(1000));
    await assertIntegrityError(decrypt(randomBytes(32), stored), 'segment_tampered');
  });

  it('emits no byte of a segment that fails authentication', async () => {
    const plaintext = randomBytes(2 * SEGMENT_SIZE + 10);
    const stored = await encrypt(key, plaintext);
    const tampered = Buffer.from(stored);
    tampered[HEADER_SIZE + STORED_SEGMENT + 3] ^= 0xff; // inside the second segment
    const received: Buffer[] = [];
    const decryptor = createSegmentDecryptor(key);
    decryptor.on('data', (chunk: Buffer) => received.push(chunk));
    const failed = new Promise<unknown>((resolve) => decryptor.on('error', resolve));
    decryptor.end(tampered);
    assert.ok((await failed) instanceof IntegrityError);
    assert.deepEqual(Buffer.concat(received), plaintext.subarray(0, SEGMENT_SIZE), 'only the first, authentic segment');
  });
});
