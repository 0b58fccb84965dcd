import type { Sequelize, Transaction } from 'sequelize';

// Live updates: resuming a stream (Last-Event-ID) reads the outbox rows after a seq, per folder or per office.
// The announcement of new rows is not a trigger: a NOTIFY inside the writing transaction would hold
// PostgreSQL's notification-queue lock through its commit and put every write in one line; the writing
// process announces them after commit instead (services/outbox/announce-outbox.ts).
const statements = [
  'CREATE INDEX outbox_events_folder_seq_idx ON outbox_events (folder_id, seq)',
  'CREATE INDEX outbox_events_office_seq_idx ON outbox_events (office_id, seq)',
];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
