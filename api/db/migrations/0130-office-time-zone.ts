import type { Sequelize, Transaction } from 'sequelize';

// The office's own time zone (an IANA name): offices in La Réunion, the Antilles or the Pacific are not on
// Paris time, and every time the product shows them, or their clients, is in their zone.
const statements = [`ALTER TABLE offices ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/Paris'`];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
