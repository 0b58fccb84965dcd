import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEnvelopeCipher } from '../../api/adapters/crypto/envelope-cipher.js';
import { createKeyRing, type KeyRing, masterKeyFrom } from '../../api/adapters/crypto/key-wrap.js';
import { FsBlobStore } from '../../api/adapters/storage/fs-blob-store.js';
import type { DocumentStorage } from '../../api/ports/document-storage.js';

/** Real storage (filesystem blob store, real envelope encryption) in a temporary directory; the ring also seals webhook secrets. */
export async function testStorage(
  maxUploadBytes: number,
): Promise<{ storage: DocumentStorage; ring: KeyRing; dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lecoffre-blobs-'));
  const ring = createKeyRing(masterKeyFrom(randomBytes(32)));
  const storage: DocumentStorage = { blobStore: new FsBlobStore(dir), cipher: createEnvelopeCipher(ring), maxUploadBytes };
  return { storage, ring, dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
