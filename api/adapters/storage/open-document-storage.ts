import type { Config } from '../../config.js';
import type { BlobStore } from '../../ports/blob-store.js';
import type { DocumentStorage } from '../../ports/document-storage.js';
import { createEnvelopeCipher } from '../crypto/envelope-cipher.js';
import type { KeyRing } from '../crypto/key-wrap.js';
import { FsBlobStore } from './fs-blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';

/** The blob store and cipher the config asks for (main.ts; tests build their own in a temp dir). */
export function openDocumentStorage(config: Config, ring: KeyRing): DocumentStorage {
  return { blobStore: openBlobStore(config), cipher: createEnvelopeCipher(ring), maxUploadBytes: config.documents.maxUploadBytes };
}

/** The filesystem store under the data dir, or the S3 bucket. */
export function openBlobStore(config: Pick<Config, 'storage'>): BlobStore {
  return config.storage.kind === 's3' ? new S3BlobStore(config.storage) : new FsBlobStore(config.storage.dir);
}
