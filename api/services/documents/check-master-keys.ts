import { QueryTypes, type Transaction } from 'sequelize';
import type { Database } from '../../db/database.js';
import { type DataKeyCipher, IntegrityError } from '../../ports/data-key-cipher.js';
import { WRAPPED_KEYS, type WrappedKeyTable } from './rotate-master-key.js';

export interface UnopenableMasterKey {
  /** The master key id the records name (derived from the key; it says nothing about the key itself). */
  masterKeyId: string;
  /** Where records sealed by it were found. */
  tables: WrappedKeyTable[];
}

/** One record sealed by a master key: enough to tell whether a key ring opens that key's records. */
export interface WrappedKeySample {
  table: WrappedKeyTable;
  masterKeyId: string;
  /** The wrapped key as stored (ciphertext under the master key, safe to copy wherever the records go). */
  wrapped: string;
}

/**
 * The master keys the database names that this process cannot open: one record per master key id, in
 * every table sealing with the master key, is unwrapped with the cipher's ring. Empty when all can be
 * opened (an empty database included). A process started on the wrong key would otherwise look ready
 * and answer every download with `integrity_error`.
 */
export async function findUnopenableMasterKeys(db: Database, cipher: DataKeyCipher): Promise<UnopenableMasterKey[]> {
  return unopenableAmong(cipher, await sampleWrappedKeys(db));
}

/** One sealed record per master key id and table (a backup records these to check a restore's key ring). */
export async function sampleWrappedKeys(db: Database, transaction?: Transaction): Promise<WrappedKeySample[]> {
  const samples: WrappedKeySample[] = [];
  for (const table of Object.keys(WRAPPED_KEYS) as WrappedKeyTable[]) {
    // Table and column names come from WRAPPED_KEYS, never from input.
    const c = WRAPPED_KEYS[table];
    const rows = await db.sequelize.query<{ master_key_id: string; wrapped: string }>(
      `SELECT DISTINCT ON (${c.keyId}) ${c.keyId} AS master_key_id, ${c.wrapped} AS wrapped
         FROM ${c.table} WHERE ${c.keyId} IS NOT NULL ORDER BY ${c.keyId}`,
      { type: QueryTypes.SELECT, transaction },
    );
    for (const row of rows) samples.push({ table, masterKeyId: row.master_key_id, wrapped: row.wrapped });
  }
  return samples;
}

/**
 * The samples' master keys the cipher's ring does not hold. Only a key id the ring lacks counts: key ids
 * are derived from the keys, so a record under a key the ring holds that still fails is one damaged
 * record, which its own read reports, not a reason to keep the whole office's service down.
 */
export function unopenableAmong(cipher: DataKeyCipher, samples: WrappedKeySample[]): UnopenableMasterKey[] {
  const unopenable = new Map<string, WrappedKeyTable[]>();
  for (const sample of samples) {
    if (opens(cipher, sample)) continue;
    unopenable.set(sample.masterKeyId, [...(unopenable.get(sample.masterKeyId) ?? []), sample.table]);
  }
  return [...unopenable].map(([masterKeyId, tables]) => ({ masterKeyId, tables }));
}

function opens(cipher: DataKeyCipher, sample: WrappedKeySample): boolean {
  try {
    // rewrap unwraps first; its result is discarded, nothing is written.
    cipher.rewrap({ wrappedDataKey: sample.wrapped, masterKeyId: sample.masterKeyId });
    return true;
  } catch (error) {
    if (error instanceof IntegrityError) return error.reason !== 'unknown_master_key';
    throw error;
  }
}
