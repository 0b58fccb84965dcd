import { createReadStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';
import type { BlobStore } from '../../ports/blob-store.js';
import type { DataKeyCipher } from '../../ports/data-key-cipher.js';
import { unopenableAmong } from '../documents/check-master-keys.js';
import { hashingStream } from './back-up.js';
import { loadDatabase } from './load-database.js';
import { BackupError, type BackupManifest, blobPath, readManifest } from './manifest.js';

export interface CheckBackupOptions {
  /** The key ring the restored service will run with. */
  cipher: DataKeyCipher;
  /** The migrations this version of LeCoffre has, in order. */
  migrations: string[];
}

/**
 * Everything a restore can check before it touches the target: the manifest, the key ring (it must open
 * every master key the backup's records name), the schema version, and every file's size and SHA-256.
 */
export async function checkBackup(dir: string, options: CheckBackupOptions): Promise<BackupManifest> {
  const manifest = await readManifest(dir);
  const unopenable = unopenableAmong(options.cipher, manifest.keyRing.samples);
  if (unopenable.length > 0) {
    const named = unopenable.map((k) => `${k.masterKeyId} (${k.tables.join(', ')})`).join(', ');
    throw new BackupError(
      `The master key ring cannot open this backup: its records are sealed by master key ${named}, which neither the ` +
        `current key (${options.cipher.currentMasterKeyId}) nor LECOFFRE_PREVIOUS_MASTER_KEYS holds. Restore with ` +
        'LECOFFRE_MASTER_KEY set to the key of that id, taken from your key escrow (a backup never holds it).',
    );
  }
  const same = manifest.migrations.length === options.migrations.length && manifest.migrations.every((m, i) => m === options.migrations[i]);
  if (!same) {
    throw new BackupError(
      `The backup's schema (${manifest.migrations.at(-1) ?? 'none'}) is not this version's (${options.migrations.at(-1)}): ` +
        'restore with the version of LeCoffre that made the backup, then start the new version (it migrates at start).',
    );
  }
  for (const t of manifest.database.tables) await expectFile(path.join(dir, t.file), t.bytes, t.sha256);
  for (const b of manifest.storage.blobs) await expectFile(blobPath(dir, b.key), b.size, b.sha256);
  return manifest;
}

async function expectFile(file: string, size: number, sha256: string): Promise<void> {
  const hashing = hashingStream();
  try {
    await pipeline(createReadStream(file), hashing.stream, async (source: AsyncIterable<Buffer>) => {
      for await (const _ of source);
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BackupError(`The backup is damaged: ${file} is missing.`);
    throw error;
  }
  const got = hashing.result();
  if (got.size !== size || got.sha256 !== sha256) {
    throw new BackupError(`The backup is damaged: ${file} is not what the manifest recorded (size or SHA-256 differs).`);
  }
}

export interface RestoreTarget {
  /** A new database, migrated to the backup's migrations by the caller once `assertEmptyTarget` passed. */
  db: Database;
  blobStore: BlobStore;
}

/** Refuses a target that holds anything: a restore never mixes a backup with other data. */
export async function assertEmptyTarget(target: RestoreTarget): Promise<void> {
  const [{ count }] = await target.db.sequelize.query<{ count: number }>(
    `SELECT count(*) AS count FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'`,
    { type: QueryTypes.SELECT },
  );
  if (count > 0) throw new BackupError('The target database is not empty: restore into a new database.');
  for await (const blob of target.blobStore.list('')) {
    throw new BackupError(`The target blob store is not empty (it holds ${blob.key}): restore into a new data dir or bucket.`);
  }
}

/**
 * Copies the backup's blobs into the target store (each checked against the manifest as it is written),
 * then loads the rows: the database, committed last, only names blobs already in place.
 */
export async function restoreInto(
  target: RestoreTarget,
  dir: string,
  manifest: BackupManifest,
  onBlob?: (done: number, total: number) => void,
) {
  for (const [i, blob] of manifest.storage.blobs.entries()) {
    const hashing = hashingStream();
    // pipeline carries a read error into the stream put() consumes, so put() rejects with it.
    await Promise.all([
      target.blobStore.put(blob.key, hashing.stream),
      pipeline(createReadStream(blobPath(dir, blob.key)), hashing.stream),
    ]);
    const got = hashing.result();
    if (got.size !== blob.size || got.sha256 !== blob.sha256) {
      await target.blobStore.delete(blob.key);
      throw new BackupError(`The backup is damaged: blob ${blob.key} changed while it was restored.`);
    }
    onBlob?.(i + 1, manifest.storage.blobs.length);
  }
  await loadDatabase(target.db, dir, manifest);
}
