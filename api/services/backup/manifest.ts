import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { WrappedKeySample } from '../documents/check-master-keys.js';

export const MANIFEST_FILE = 'manifest.json';
export const FORMAT = 'lecoffre-backup';
export const FORMAT_VERSION = 1;

/** One table's rows: `database/<table>.jsonl`, one `row_to_json` object a line. */
export interface TableDump {
  table: string;
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
}

/** A sequence's position in the snapshot, set again after the rows are loaded. */
export interface SequenceValue {
  sequence: string;
  /** Text: a bigint may not fit a JavaScript number. */
  lastValue: string;
  isCalled: boolean;
}

/** A blob as stored (ciphertext): `blobs/<key>`. */
export interface BlobEntry {
  key: string;
  size: number;
  sha256: string;
}

/**
 * What a backup holds, written last (a directory without it is an interrupted backup). The master key is
 * never in a backup: `keyRing` names the keys by id (an HMAC of the key, which says nothing about it)
 * and keeps one sealed record per key so that a restore can tell, before it writes anything, whether
 * the key ring it is given opens them.
 */
export interface BackupManifest {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  createdAt: string;
  /** The schema's migrations in the snapshot: a restore runs exactly these before loading the rows. */
  migrations: string[];
  database: { method: 'json-rows'; tables: TableDump[]; sequences: SequenceValue[] };
  storage: {
    /** Every blob a file record of the snapshot names. */
    blobs: BlobEntry[];
    /** Blobs a record names that the store did not have when the backup ran (already lost). */
    missing: string[];
  };
  keyRing: { masterKeyIds: string[]; samples: WrappedKeySample[] };
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export async function writeManifest(dir: string, manifest: BackupManifest): Promise<void> {
  const temp = path.join(dir, `.${MANIFEST_FILE}.partial`);
  await writeFile(temp, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600, flush: true });
  await rename(temp, path.join(dir, MANIFEST_FILE));
}

export async function readManifest(dir: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new BackupError(`${dir} holds no ${MANIFEST_FILE}: not a backup, or a backup that did not finish.`);
    }
    throw error;
  }
  const manifest = JSON.parse(text) as BackupManifest;
  if (manifest.format !== FORMAT || manifest.version !== FORMAT_VERSION) {
    throw new BackupError(`${dir}/${MANIFEST_FILE} is not a LeCoffre backup of format version ${FORMAT_VERSION}.`);
  }
  return manifest;
}

/** A blob key as a relative path of the backup (keys are `/`-separated safe segments, see ports/blob-store.ts). */
export const blobPath = (dir: string, key: string) => path.join(dir, 'blobs', ...key.split('/'));

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
