import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';
import { type DataKeyCipher, IntegrityError } from '../../ports/data-key-cipher.js';
import { WRAPPED_KEYS, type WrappedKeyTable } from './rotate-master-key.js';

export interface UnopenableMasterKey {
  /** The master key id the records name (derived from the key; it says nothing about the key itself). */
  masterKeyId: string;
  /** Where records sealed by it were found. */
  tables: WrappedKeyTable[];
}

interface SampleRow {
  master_key_id: string;
  wrapped: string;
}

/**
 * The master keys the database names that this process cannot open: one record per master key id, in
 * every table sealing with the master key, is unwrapped with the cipher's ring. Empty when all can be
 * opened (an empty database included). A process started on the wrong key would otherwise look ready
 * and answer every download with `integrity_error`.
 *
 * Only a key id the ring does not hold counts: key ids are derived from the keys, so a record under a
 * key the ring holds that still fails is one damaged record, which its own read reports, not a reason
 * to keep the whole office's service down.
 */
export async function findUnopenableMasterKeys(db: Database, cipher: DataKeyCipher): Promise<UnopenableMasterKey[]> {
  const unopenable = new Map<string, WrappedKeyTable[]>();
  for (const table of Object.keys(WRAPPED_KEYS) as WrappedKeyTable[]) {
    // Table and column names come from WRAPPED_KEYS, never from input.
    const c = WRAPPED_KEYS[table];
    const samples = await db.sequelize.query<SampleRow>(
      `SELECT DISTINCT ON (${c.keyId}) ${c.keyId} AS master_key_id, ${c.wrapped} AS wrapped
         FROM ${c.table} WHERE ${c.keyId} IS NOT NULL ORDER BY ${c.keyId}`,
      { type: QueryTypes.SELECT },
    );
    for (const row of samples) {
      if (opens(cipher, row)) continue;
      unopenable.set(row.master_key_id, [...(unopenable.get(row.master_key_id) ?? []), table]);
    }
  }
  return [...unopenable].map(([masterKeyId, tables]) => ({ masterKeyId, tables }));
}

function opens(cipher: DataKeyCipher, row: SampleRow): boolean {
  try {
    // rewrap unwraps first; its result is discarded, nothing is written.
    cipher.rewrap({ wrappedDataKey: row.wrapped, masterKeyId: row.master_key_id });
    return true;
  } catch (error) {
    if (error instanceof IntegrityError) return error.reason !== 'unknown_master_key';
    throw error;
  }
}
