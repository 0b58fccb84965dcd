import type { Config } from '../../config.js';
import type { DocumentStorage } from '../../services/documents/document-storage.js';
import { createEnvelopeCipher } from '../crypto/envelope-cipher.js';
import { loadKeyRing } from '../crypto/master-key.js';
import { FsBlobStore } from './fs-blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';

/** The blob store and cipher the config asks for (main.ts; tests build their own in a temp dir). */
export async function openDocumentStorage(config: Config): Promise<DocumentStorage> {
  const ring = await loadKeyRing({
    masterKey: config.documents.masterKey,
    previousMasterKeys: config.documents.previousMasterKeys.join(','),
    dataDir: config.dataDir,
    generateIfMissing: config.devMode,
  });
  const blobStore = config.storage.kind === 's3' ? new S3BlobStore(config.storage) : new FsBlobStore(config.storage.dir);
  return { blobStore, cipher: createEnvelopeCipher(ring), maxUploadBytes: config.documents.maxUploadBytes };
}
