import { QueryTypes, type Transaction } from 'sequelize';
import type { Database } from '../../db/database.js';
import { type DataKeyCipher, IntegrityError, type WrappedDataKey } from '../../ports/data-key-cipher.js';

/**
 * Every column pair holding a key wrapped by the master key: file data keys, and the webhook endpoints'
 * signing secrets (sealed the same way, adapters/webhooks/key-ring-sealer.ts) with their previous secret
 * during a secret rotation. A new table that seals with the master key must be listed here.
 */
export const WRAPPED_KEYS = {
  document_files: { table: 'document_files', wrapped: 'wrapped_data_key', keyId: 'master_key_id' },
  office_files: { table: 'office_files', wrapped: 'wrapped_data_key', keyId: 'master_key_id' },
  webhook_secrets: { table: 'webhook_endpoints', wrapped: 'secret_sealed', keyId: 'secret_key_id' },
  webhook_previous_secrets: { table: 'webhook_endpoints', wrapped: 'previous_secret_sealed', keyId: 'previous_secret_key_id' },
} as const;
export type WrappedKeyTable = keyof typeof WRAPPED_KEYS;
const WRAPPED_KEY_TABLES = Object.keys(WRAPPED_KEYS) as WrappedKeyTable[];
const noCounts = (): Record<WrappedKeyTable, number> => ({
  document_files: 0,
  office_files: 0,
  webhook_secrets: 0,
  webhook_previous_secrets: 0,
});

export interface RotationFailure {
  table: WrappedKeyTable;
  id: string;
  /** The master key the record names: add it to LECOFFRE_PREVIOUS_MASTER_KEYS if it is `unknown_master_key`. */
  masterKeyId: string;
  reason: IntegrityError['reason'];
}

export interface RotationProgress {
  table: WrappedKeyTable;
  /** Records re-wrapped by this batch (its transaction has committed). */
  rewrapped: number;
  /** Records of this batch that could not be unwrapped; they keep their old wrapping. */
  failed: number;
}

export interface RotationResult {
  /** The master key every re-wrapped record now names. */
  masterKeyId: string;
  rewrapped: Record<WrappedKeyTable, number>;
  /** Records already under the current key when this run looked (a rerun finds them all here). */
  alreadyCurrent: Record<WrappedKeyTable, number>;
  failures: RotationFailure[];
}

export interface RotateMasterKeyOptions {
  /** Records re-wrapped per transaction. */
  batchSize?: number;
  /** Called after each batch has committed: progress for the command's output. */
  onBatch?: (progress: RotationProgress) => void;
}

/**
 * Re-wraps every data key not wrapped by the cipher's current master key with it, so that the previous master keys can be
 * retired. Only the records change (`wrapped_data_key`, `master_key_id`): the data keys, and so the
 * blobs, stay exactly as they are.
 *
 * Batches of `batchSize` records, each in its own transaction: an interrupted run loses at most one
 * batch, and running it again resumes (it only looks at records not yet under the current key). A record
 * that cannot be unwrapped (its master key is not among the cipher's keys, or its wrapped key was altered) is
 * reported in `failures` and left as it is; the run goes on with the others.
 *
 * Safe while the server runs, provided the server holds both the old keys and the new one: rows are
 * locked while they are re-wrapped, and a reader holding the old wrapping can still unwrap it.
 */
export async function rotateMasterKey(db: Database, cipher: DataKeyCipher, options: RotateMasterKeyOptions = {}): Promise<RotationResult> {
  const batchSize = options.batchSize ?? 500;
  const result: RotationResult = {
    masterKeyId: cipher.currentMasterKeyId,
    rewrapped: noCounts(),
    alreadyCurrent: noCounts(),
    failures: [],
  };
  for (const table of WRAPPED_KEY_TABLES) {
    result.alreadyCurrent[table] = await countUnderKey(db, table, cipher.currentMasterKeyId);
    // Keyset pagination: a record that failed is not looked at again by this run.
    let afterId = '';
    for (;;) {
      const batch = await db.sequelize.transaction((transaction) => rewrapBatch(db, transaction, table, cipher, afterId, batchSize));
      if (batch.lastId === undefined) break;
      afterId = batch.lastId;
      result.rewrapped[table] += batch.rewrapped;
      result.failures.push(...batch.failures);
      options.onBatch?.({ table, rewrapped: batch.rewrapped, failed: batch.failures.length });
    }
  }
  return result;
}

interface WrappedRow {
  id: string;
  wrapped_data_key: string;
  master_key_id: string;
}

async function rewrapBatch(
  db: Database,
  transaction: Transaction,
  table: WrappedKeyTable,
  cipher: DataKeyCipher,
  afterId: string,
  limit: number,
): Promise<{ lastId: string | undefined; rewrapped: number; failures: RotationFailure[] }> {
  // FOR UPDATE, not SKIP LOCKED: a row a reviewer holds for a moment must be waited for, not left behind.
  // Table and column names come from WRAPPED_KEYS, never from input.
  const c = WRAPPED_KEYS[table];
  const rows = await db.sequelize.query<WrappedRow>(
    `SELECT id, ${c.wrapped} AS wrapped_data_key, ${c.keyId} AS master_key_id FROM ${c.table}
      WHERE ${c.keyId} IS NOT NULL AND ${c.keyId} <> :current AND id > :afterId
      ORDER BY id LIMIT :limit FOR UPDATE`,
    { replacements: { current: cipher.currentMasterKeyId, afterId, limit }, type: QueryTypes.SELECT, transaction },
  );
  const failures: RotationFailure[] = [];
  let rewrapped = 0;
  for (const row of rows) {
    let next: WrappedDataKey;
    try {
      next = cipher.rewrap({ wrappedDataKey: row.wrapped_data_key, masterKeyId: row.master_key_id });
    } catch (error) {
      if (!(error instanceof IntegrityError)) throw error;
      failures.push({ table, id: row.id, masterKeyId: row.master_key_id, reason: error.reason });
      continue;
    }
    // updated_at is left alone: the file, as anyone sees it, has not changed.
    await db.sequelize.query(`UPDATE ${c.table} SET ${c.wrapped} = :wrapped, ${c.keyId} = :keyId WHERE id = :id`, {
      replacements: { wrapped: next.wrappedDataKey, keyId: next.masterKeyId, id: row.id },
      transaction,
    });
    rewrapped += 1;
  }
  return { lastId: rows.at(-1)?.id, rewrapped, failures };
}

async function countUnderKey(db: Database, table: WrappedKeyTable, masterKeyId: string): Promise<number> {
  const [{ count }] = await db.sequelize.query<{ count: string }>(
    `SELECT count(*) AS count FROM ${WRAPPED_KEYS[table].table} WHERE ${WRAPPED_KEYS[table].keyId} = :masterKeyId`,
    {
      replacements: { masterKeyId },
      type: QueryTypes.SELECT,
    },
  );
  return Number(count);
}
