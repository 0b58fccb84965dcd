import type { BlobStore } from './blob-store.js';
import type { DataKeyCipher } from './data-key-cipher.js';

/** Where file bytes go and how they are sealed; chosen by api/composition.ts. */
export interface DocumentStorage {
  blobStore: BlobStore;
  cipher: DataKeyCipher;
  /** Largest file accepted, in bytes. */
  maxUploadBytes: number;
}
