import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { IntegrityError, type WrappedDataKey } from '../../ports/data-key-cipher.js';

/** A 256-bit master key and its id. The id is derived from the key, so it needs no storage of its own. */
export interface MasterKey {
  id: string;
  key: Buffer;
}

/** The current master key (wraps new data keys) and the previous ones (still unwrap old records). */
export interface KeyRing {
  current: MasterKey;
  find(id: string): MasterKey | undefined;
}

const KEY_SIZE = 32;
const IV_SIZE = 12;
const TAG_SIZE = 16;
const FORMAT = 'v1';

export function masterKeyFrom(key: Buffer): MasterKey {
  if (key.length !== KEY_SIZE) throw new RangeError('A master key is 32 bytes (AES-256).');
  // An HMAC under the key itself: stable, distinct per key, and says nothing about the key.
  const id = `mk_${createHmac('sha256', key).update('lecoffre master key id').digest('hex').slice(0, 16)}`;
  return { id, key: Buffer.from(key) };
}

export function createKeyRing(current: MasterKey, previous: MasterKey[] = []): KeyRing {
  const byId = new Map<string, MasterKey>([...previous, current].map((k) => [k.id, k]));
  return { current, find: (id) => byId.get(id) };
}

// The master key id is authenticated with the wrapped key: a record cannot be pointed at another key.
const aadFor = (masterKeyId: string) => Buffer.from(`lecoffre:data-key:${FORMAT}:${masterKeyId}`, 'utf8');

export function wrapDataKey(dataKey: Buffer, master: MasterKey): WrappedDataKey {
  if (dataKey.length !== KEY_SIZE) throw new RangeError('A data key is 32 bytes (AES-256).');
  const iv = randomBytes(IV_SIZE);
  const cipher = createCipheriv('aes-256-gcm', master.key, iv);
  cipher.setAAD(aadFor(master.id));
  const sealed = Buffer.concat([iv, cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
  return { wrappedDataKey: `${FORMAT}.${sealed.toString('base64url')}`, masterKeyId: master.id };
}

/** Throws `IntegrityError` if the master key is not in the ring or the wrapped key was altered. */
export function unwrapDataKey(wrapped: WrappedDataKey, ring: KeyRing): Buffer {
  const master = ring.find(wrapped.masterKeyId);
  if (!master) {
    throw new IntegrityError(
      'unknown_master_key',
      `The data key was wrapped by master key ${wrapped.masterKeyId}, which this server does not hold.`,
    );
  }
  const [format, body = ''] = wrapped.wrappedDataKey.split('.', 2);
  const sealed = Buffer.from(body, 'base64url');
  if (format !== FORMAT || sealed.length !== IV_SIZE + KEY_SIZE + TAG_SIZE) {
    throw new IntegrityError('data_key_unwrap_failed', 'The wrapped data key is malformed.');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', master.key, sealed.subarray(0, IV_SIZE));
    decipher.setAAD(aadFor(master.id));
    decipher.setAuthTag(sealed.subarray(IV_SIZE + KEY_SIZE));
    return Buffer.concat([decipher.update(sealed.subarray(IV_SIZE, IV_SIZE + KEY_SIZE)), decipher.final()]);
  } catch {
    throw new IntegrityError('data_key_unwrap_failed', 'The wrapped data key failed authentication.');
  }
}

/**
 * Master key rotation, one record at a time: the same data key, wrapped by `newMasterKey`. The blob is
 * untouched. Pure; the caller updates the record (`wrapped_data_key`, `master_key_id`) and can run it
 * again safely (a record already under the new key is re-wrapped to an equivalent value).
 */
export function rewrapDataKey(wrapped: WrappedDataKey, oldKeyRing: KeyRing, newMasterKey: MasterKey): WrappedDataKey {
  // A rerun after an interrupted rotation meets records already under the new key.
  const ring = wrapped.masterKeyId === newMasterKey.id ? createKeyRing(newMasterKey) : oldKeyRing;
  const dataKey = unwrapDataKey(wrapped, ring);
  try {
    return wrapDataKey(dataKey, newMasterKey);
  } finally {
    dataKey.fill(0);
  }
}
