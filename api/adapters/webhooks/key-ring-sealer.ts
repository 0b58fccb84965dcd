import type { SecretSealer } from '../../ports/secret-sealer.js';
import { type KeyRing, unwrapDataKey, wrapDataKey } from '../crypto/key-wrap.js';

/**
 * Seals webhook secrets exactly as file data keys are wrapped (32 bytes, AES-256-GCM under the current
 * master key, the key id authenticated): one key ring, one rotation procedure for both.
 */
export function keyRingSecretSealer(ring: KeyRing): SecretSealer {
  return {
    seal(key) {
      const wrapped = wrapDataKey(key, ring.current);
      return { sealed: wrapped.wrappedDataKey, keyId: wrapped.masterKeyId };
    },
    open(sealed, keyId) {
      return unwrapDataKey({ wrappedDataKey: sealed, masterKeyId: keyId }, ring);
    },
  };
}
