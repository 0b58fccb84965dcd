import type { Sequelize, Transaction } from 'sequelize';

// An upload's body streams past the idempotency check, so what it carried is known only once it has been
// read: its fingerprint is kept apart from the request hash, which for uploads covers the route alone.
const statements = ['ALTER TABLE idempotency_keys ADD COLUMN body_hash text'];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
