import type { Sequelize, Transaction } from 'sequelize';

// Live updates: every outbox row is also announced on `lecoffre_live` at commit (NOTIFY is transactional),
// so each API process holding server-sent event streams learns of a change within a second, whichever
// process wrote it. The payload names the row only (seq, office, folder, type): it stays far below
// NOTIFY's 8000-byte limit and carries nothing a subscriber could read without being authorised.
// Resuming a stream (Last-Event-ID) reads the rows after a seq per folder or per office: the indexes.
const statements = [
  `CREATE FUNCTION lecoffre_live_notify() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_notify('lecoffre_live', json_build_object(
      'seq', NEW.seq, 'office', NEW.office_id, 'folder', NEW.folder_id, 'type', NEW.type, 'at', NEW.occurred_at
    )::text);
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER outbox_events_live AFTER INSERT ON outbox_events
    FOR EACH ROW EXECUTE FUNCTION lecoffre_live_notify()`,
  'CREATE INDEX outbox_events_folder_seq_idx ON outbox_events (folder_id, seq)',
  'CREATE INDEX outbox_events_office_seq_idx ON outbox_events (office_id, seq)',
];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
