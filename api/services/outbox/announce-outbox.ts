import type { Database } from '../../db/database.js';

interface Announcing {
  running?: Promise<void>;
  /** A commit came while a NOTIFY was on its way: one more follows it. */
  again: boolean;
}
const announcing = new WeakMap<Database, Announcing>();

/**
 * Wakes the job runners of every process (NOTIFY lecoffre_jobs 'outbox') after a change committed outbox
 * events. Never inside the change's own transaction: a notifying transaction holds PostgreSQL's queue lock
 * through its commit's flush, which would put every write of the platform in one line. Commits made while a
 * NOTIFY is on its way share the next one. The NOTIFY's own commit does not wait for the disk: a wake-up
 * lost to a crash costs a delay, never an event (the outbox table is the truth, the minute sweep reads it).
 */
export function announceOutbox(db: Database): void {
  let state = announcing.get(db);
  if (!state) {
    state = { again: false };
    announcing.set(db, state);
  }
  const s = state;
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = (async () => {
    do {
      s.again = false;
      await db.sequelize.transaction(async (transaction) => {
        await db.sequelize.query('SET LOCAL synchronous_commit = off', { transaction });
        await db.sequelize.query(`SELECT pg_notify('lecoffre_jobs', 'outbox')`, { transaction });
      });
    } while (s.again);
  })()
    .catch(() => {})
    .finally(() => {
      s.running = undefined;
    });
}
