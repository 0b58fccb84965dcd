import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../../db/database.js';
import { BlobNotFoundError, type BlobStore } from '../../ports/blob-store.js';
import { dumpDatabase } from './dump-database.js';
import { BackupError, type BackupManifest, type BlobEntry, blobPath, FORMAT, FORMAT_VERSION, writeManifest } from './manifest.js';

export interface BackUpDeps {
  db: Database;
  blobStore: BlobStore;
  /** Called once per blob copied, for the command's progress. */
  onBlob?: (done: number, total: number) => void;
}

/**
 * Backs up into `dir` (missing or empty): the database's snapshot first, then every blob a file record of
 * that snapshot names. Blobs are never rewritten or deleted while their record exists (a file's bytes do
 * not change; the orphan sweep only removes unreferenced ones), so copying them after the snapshot
 * gives every record of the dump its blob. The manifest is written last, with each blob's size and
 * the SHA-256 of its stored bytes.
 *
 * A blob a record names that the store does not have is listed in `storage.missing` and the backup
 * completes: one lost file must not stop every later backup (the caller reports it and fails loudly).
 */
export async function backUp(deps: BackUpDeps, dir: string): Promise<BackupManifest> {
  await assertEmptyDir(dir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const createdAt = new Date().toISOString();
  const dump = await dumpDatabase(deps.db, dir);

  const blobs: BlobEntry[] = [];
  const missing: string[] = [];
  for (const [i, key] of dump.storageKeys.entries()) {
    try {
      blobs.push(await copyBlob(deps.blobStore, key, dir));
    } catch (error) {
      if (!(error instanceof BlobNotFoundError)) throw error;
      missing.push(key);
    }
    deps.onBlob?.(i + 1, dump.storageKeys.length);
  }

  const manifest: BackupManifest = {
    format: FORMAT,
    version: FORMAT_VERSION,
    createdAt,
    migrations: dump.migrations,
    database: { method: 'json-rows', tables: dump.tables, sequences: dump.sequences },
    storage: { blobs, missing },
    keyRing: { masterKeyIds: [...new Set(dump.samples.map((s) => s.masterKeyId))].sort(), samples: dump.samples },
  };
  await writeManifest(dir, manifest);
  return manifest;
}

async function copyBlob(blobStore: BlobStore, key: string, dir: string): Promise<BlobEntry> {
  const target = blobPath(dir, key);
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const hashing = hashingStream();
  await pipeline(await blobStore.get(key), hashing.stream, createWriteStream(target, { flags: 'wx', mode: 0o600, flush: true }));
  return { key, ...hashing.result() };
}

/** A pass-through that hashes and counts what goes through it. */
export function hashingStream(): { stream: Transform; result(): { size: number; sha256: string } } {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  return { stream, result: () => ({ size, sha256: hash.digest('hex') }) };
}

async function assertEmptyDir(dir: string): Promise<void> {
  try {
    const entries = await readdir(dir);
    if (entries.length > 0) throw new BackupError(`${dir} is not empty: back up into a new directory.`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
