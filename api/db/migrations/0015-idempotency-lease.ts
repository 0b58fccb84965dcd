import type { Sequelize, Transaction } from 'sequelize';

// A running claim is held by a lease its process renews while the request runs. A process killed
// mid-request stops renewing, and a retry takes the key over once the lease has lapsed instead of being
// told "still running" until the key expires a day later.
const statements = ['ALTER TABLE idempotency_keys ADD COLUMN lease_until timestamptz'];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
