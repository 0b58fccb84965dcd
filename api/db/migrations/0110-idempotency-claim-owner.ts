import type { Sequelize, Transaction } from 'sequelize';

// A claim names the attempt that holds it (`claim_id`), so that a process whose lease lapsed cannot renew,
// complete or commit under a key a retry has since taken over. `committed_at` is set by the attempt's own
// write transactions: a key whose write committed is never run again, even when the answer was lost with
// the process that produced it.
const statements = [
  'ALTER TABLE idempotency_keys ADD COLUMN claim_id text',
  'ALTER TABLE idempotency_keys ADD COLUMN committed_at timestamptz',
];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
