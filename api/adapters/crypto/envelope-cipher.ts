import { randomBytes } from 'node:crypto';
import type { DataKeyCipher, WrappedDataKey } from '../../ports/data-key-cipher.js';
import { type KeyRing, rewrapDataKey, unwrapDataKey, wrapDataKey } from './key-wrap.js';
import { createSegmentDecryptor, createSegmentEncryptor } from './segmented-gcm.js';

/** The DataKeyCipher port: a fresh AES-256 data key per file, wrapped by the ring's current master key. */
export function createEnvelopeCipher(ring: KeyRing): DataKeyCipher {
  return {
    createEncryptStream() {
      const dataKey = randomBytes(32);
      return { ...wrapDataKey(dataKey, ring.current), stream: createSegmentEncryptor(dataKey) };
    },
    createDecryptStream(wrapped: WrappedDataKey) {
      return createSegmentDecryptor(unwrapDataKey(wrapped, ring));
    },
    currentMasterKeyId: ring.current.id,
    rewrap(wrapped: WrappedDataKey) {
      return rewrapDataKey(wrapped, ring, ring.current);
    },
  };
}
