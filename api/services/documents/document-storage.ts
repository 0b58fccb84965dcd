import type { BlobStore } from '../../ports/blob-store.js';
import type { DataKeyCipher } from '../../ports/data-key-cipher.js';

/** Where file bytes go and how they are sealed; chosen by the composition root (main.ts, tests). */
export interface DocumentStorage {
  blobStore: BlobStore;
  cipher: DataKeyCipher;
  /** Largest file accepted, in bytes. */
  maxUploadBytes: number;
}
