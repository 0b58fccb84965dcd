import type { Sequelize, Transaction } from 'sequelize';

// RFC 3161 timestamps beside the anchor: each batch gets a token on its root from a time-stamping authority,
// stored with the batch. A batch whose TSA was unreachable is anchored all the same and stamped later.
const statements = [
  // The TimeStampResp as the TSA sent it (DER): what a bundle's timestamp.tsr holds.
  'ALTER TABLE anchor_batches ADD COLUMN timestamp_token bytea',
  // What the token states (genTime, tsa, policy, serialNumber), read from it when it was received.
  'ALTER TABLE anchor_batches ADD COLUMN timestamp_facts jsonb',
  'ALTER TABLE anchor_batches ADD COLUMN timestamp_attempts integer NOT NULL DEFAULT 0',
  'ALTER TABLE anchor_batches ADD COLUMN timestamp_error text',
  `CREATE INDEX anchor_batches_unstamped_idx ON anchor_batches (created_at)
    WHERE timestamp_token IS NULL AND status <> 'failed'`,
  // "A batch starts as soon as maxBatch folders wait": every folder that asks to be anchored wakes the
  // anchoring job at commit (NOTIFY is transactional, one per transaction), which counts who waits.
  `CREATE FUNCTION lecoffre_anchoring_notify() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_notify('lecoffre_jobs', 'anchoring');
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER folder_anchors_notify AFTER INSERT ON folder_anchors
    FOR EACH STATEMENT EXECUTE FUNCTION lecoffre_anchoring_notify()`,
];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
