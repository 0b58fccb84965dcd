import type { Config } from '../../config.js';
import type { BlobStore } from '../../ports/blob-store.js';
import type { DocumentStorage } from '../../ports/document-storage.js';
import { createEnvelopeCipher } from '../crypto/envelope-cipher.js';
import type { KeyRing } from '../crypto/key-wrap.js';
import { FsBlobStore } from './fs-blob-store.js';

/** The blob store and cipher the config asks for (main.ts; tests build their own in a temp dir). */
export async function openDocumentStorage(config: Config, ring: KeyRing): Promise<DocumentStorage> {
  return { blobStore: await openBlobStore(config), cipher: createEnvelopeCipher(ring), maxUploadBytes: config.documents.maxUploadBytes };
}

/**
 * The filesystem store under the data dir, or the S3 bucket. The S3 adapter is loaded only when configured:
 * the AWS SDK is a tenth of the server's start time and memory, wasted on a process that stores on disk.
 */
export async function openBlobStore(config: Pick<Config, 'storage'>): Promise<BlobStore> {
  if (config.storage.kind !== 's3') return new FsBlobStore(config.storage.dir);
  const { S3BlobStore } = await import('./s3-blob-store.js');
  return new S3BlobStore(config.storage);
}
