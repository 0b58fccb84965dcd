import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEnvelopeCipher } from '../../api/adapters/crypto/envelope-cipher.js';
import { createKeyRing, masterKeyFrom } from '../../api/adapters/crypto/key-wrap.js';
import { FsBlobStore } from '../../api/adapters/storage/fs-blob-store.js';
import type { DocumentStorage } from '../../api/services/documents/document-storage.js';

/** Real storage (filesystem blob store, real envelope encryption) in a temporary directory. */
export async function testStorage(maxUploadBytes: number): Promise<{ storage: DocumentStorage; dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lecoffre-blobs-'));
  const storage: DocumentStorage = {
    blobStore: new FsBlobStore(dir),
    cipher: createEnvelopeCipher(createKeyRing(masterKeyFrom(randomBytes(32)))),
    maxUploadBytes,
  };
  return { storage, dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
