import type { BlobStore } from '../../ports/blob-store.js';
import { FILES_PREFIX, TEMP_PREFIX } from './store-upload.js';

export interface SweepOrphansOptions {
  /**
   * Which of these storage keys a file record points to. When given, blobs under `files/` older than the
   * cut-off that no record points to are removed too (an upload whose record never committed: a crash
   * between the blob's move and the transaction). Omit it and only temporary blobs are swept.
   */
  isReferenced?: (storageKeys: string[]) => Promise<Set<string>>;
  /** Records are looked up this many keys at a time. */
  batchSize?: number;
}

export interface SweepOrphansResult {
  /** Keys removed, temporary ones first. */
  deleted: string[];
}

/**
 * Removes what interrupted uploads left behind, last modified before `olderThan` (the job passes "an hour
 * ago": no upload takes that long, so nothing in progress is touched). Safe to run on several workers at
 * once: deleting twice is not an error.
 */
export async function sweepOrphans(blobStore: BlobStore, olderThan: Date, options: SweepOrphansOptions = {}): Promise<SweepOrphansResult> {
  const deleted: string[] = [];
  for await (const blob of blobStore.list(TEMP_PREFIX)) {
    if (blob.lastModified >= olderThan) continue;
    await blobStore.delete(blob.key);
    deleted.push(blob.key);
  }
  const { isReferenced } = options;
  if (!isReferenced) return { deleted };

  const batchSize = options.batchSize ?? 500;
  let batch: string[] = [];
  const sweepBatch = async () => {
    const referenced = await isReferenced(batch);
    for (const key of batch) {
      if (referenced.has(key)) continue;
      await blobStore.delete(key);
      deleted.push(key);
    }
    batch = [];
  };
  for await (const blob of blobStore.list(FILES_PREFIX)) {
    if (blob.lastModified >= olderThan) continue;
    batch.push(blob.key);
    if (batch.length >= batchSize) await sweepBatch();
  }
  if (batch.length > 0) await sweepBatch();
  return { deleted };
}
