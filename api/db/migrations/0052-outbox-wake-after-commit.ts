import type { Sequelize, Transaction } from 'sequelize';

// A transaction that NOTIFYs holds PostgreSQL's notification-queue lock from its pre-commit through the
// flush of its commit record: every change of every office wrote to the outbox, so their commits ran one
// at a time, each waiting for the previous fsync. The wake-up now goes out after the commit, from the
// process that wrote it, one NOTIFY for any number of commits meanwhile (services/outbox/announce-outbox.ts);
// the same channel and payload, so listeners are unchanged.
const statements = ['DROP TRIGGER outbox_events_notify ON outbox_events', 'DROP FUNCTION lecoffre_outbox_notify()'];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
