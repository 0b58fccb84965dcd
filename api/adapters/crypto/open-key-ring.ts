import type { Config } from '../../config.js';
import type { KeyRing } from './key-wrap.js';
import { loadKeyRing } from './master-key.js';

/**
 * The process's master key ring, loaded once: it wraps file data keys (documents) and seals webhook
 * secrets, so that one rotation procedure covers both (scripts/rotate-master-key.ts).
 */
export function openKeyRing(config: Config): Promise<KeyRing> {
  return loadKeyRing({
    masterKey: config.documents.masterKey,
    previousMasterKeys: config.documents.previousMasterKeys.join(','),
    dataDir: config.dataDir,
    generateIfMissing: config.devMode,
  });
}
