import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, it } from 'node:test';
import { IntegrityError } from '../../ports/data-key-cipher.js';
import { createEnvelopeCipher } from './envelope-cipher.js';
import { createKeyRing, masterKeyFrom, rewrapDataKey, unwrapDataKey, wrapDataKey } from './key-wrap.js';

const newMasterKey = () => masterKeyFrom(randomBytes(32));

function assertIntegrity(fn: () => unknown, reason: IntegrityError['reason']) {
  assert.throws(fn, (error: unknown) => error instanceof IntegrityError && error.reason === reason);
}

async function roundTrip(encryptWith: ReturnType<typeof createEnvelopeCipher>, decryptWith: ReturnType<typeof createEnvelopeCipher>) {
  const plaintext = randomBytes(150_000);
  const { stream, ...wrapped } = encryptWith.createEncryptStream();
  const stored: Buffer[] = [];
  await pipeline(Readable.from([plaintext]), stream, async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) stored.push(chunk);
  });
  const decrypted: Buffer[] = [];
  await pipeline(
    Readable.from([Buffer.concat(stored)]),
    decryptWith.createDecryptStream(wrapped),
    async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) decrypted.push(chunk);
    },
  );
  assert.deepEqual(Buffer.concat(decrypted), plaintext);
  return wrapped;
}

describe('data key wrapping', () => {
  it('derives a stable id per master key that reveals nothing of it', () => {
    const bytes = randomBytes(32);
    assert.equal(masterKeyFrom(bytes).id, masterKeyFrom(Buffer.from(bytes)).id);
    assert.notEqual(masterKeyFrom(bytes).id, newMasterKey().id);
    assert.match(masterKeyFrom(bytes).id, /^mk_[0-9a-f]{16}$/);
    assert.ok(!bytes.toString('hex').includes(masterKeyFrom(bytes).id.slice(3)));
  });

  it('unwraps what it wrapped, and nothing altered', () => {
    const master = newMasterKey();
    const ring = createKeyRing(master);
    const dataKey = randomBytes(32);
    const wrapped = wrapDataKey(dataKey, master);
    assert.deepEqual(unwrapDataKey(wrapped, ring), dataKey);
    assert.equal(wrapped.masterKeyId, master.id);
    assert.ok(!wrapped.wrappedDataKey.includes(dataKey.toString('base64url')));

    const body = Buffer.from(wrapped.wrappedDataKey.slice(3), 'base64url');
    body[20] ^= 1;
    assertIntegrity(
      () => unwrapDataKey({ ...wrapped, wrappedDataKey: `v1.${body.toString('base64url')}` }, ring),
      'data_key_unwrap_failed',
    );
    assertIntegrity(() => unwrapDataKey({ ...wrapped, wrappedDataKey: 'v1.short' }, ring), 'data_key_unwrap_failed');
    assertIntegrity(() => unwrapDataKey(wrapped, createKeyRing(newMasterKey())), 'unknown_master_key');
  });

  it('binds a wrapped key to its master key id', () => {
    const a = newMasterKey();
    const b = masterKeyFrom(Buffer.from(a.key));
    // Same key bytes under another id (a record pointed at the wrong key) must not unwrap.
    const forged = { ...b, id: 'mk_0000000000000000' };
    const wrapped = wrapDataKey(randomBytes(32), a);
    assertIntegrity(() => unwrapDataKey({ ...wrapped, masterKeyId: forged.id }, createKeyRing(forged)), 'data_key_unwrap_failed');
  });

  it('rotation re-wraps data keys so that the old master key is no longer needed, blobs untouched', async () => {
    const oldKey = newMasterKey();
    const older = newMasterKey();
    const newKey = newMasterKey();
    const oldRing = createKeyRing(oldKey, [older]);
    // Files written under the current and under a key retired by an earlier rotation.
    const fromOld = await roundTrip(createEnvelopeCipher(oldRing), createEnvelopeCipher(oldRing));
    const fromOlder = await roundTrip(createEnvelopeCipher(createKeyRing(older)), createEnvelopeCipher(oldRing));

    const rewrapped = [fromOld, fromOlder].map((w) => rewrapDataKey(w, oldRing, newKey));
    const newOnly = createKeyRing(newKey);
    for (const [i, w] of rewrapped.entries()) {
      assert.equal(w.masterKeyId, newKey.id);
      assert.deepEqual(unwrapDataKey(w, newOnly), unwrapDataKey([fromOld, fromOlder][i], oldRing), 'the same data key');
    }
    // A rerun after an interruption meets records already re-wrapped.
    const again = rewrapDataKey(rewrapped[0], oldRing, newKey);
    assert.deepEqual(unwrapDataKey(again, newOnly), unwrapDataKey(fromOld, oldRing));
    assert.throws(() => rewrapDataKey(fromOld, createKeyRing(newMasterKey()), newKey), IntegrityError);
  });

  it('a new cipher after rotation reads files written before it', async () => {
    const oldKey = newMasterKey();
    const newKey = newMasterKey();
    const before = await roundTrip(createEnvelopeCipher(createKeyRing(oldKey)), createEnvelopeCipher(createKeyRing(newKey, [oldKey])));
    assert.equal(before.masterKeyId, oldKey.id);
    const after = await roundTrip(createEnvelopeCipher(createKeyRing(newKey, [oldKey])), createEnvelopeCipher(createKeyRing(newKey)));
    assert.equal(after.masterKeyId, newKey.id, 'new files are wrapped by the new key');
  });
});
