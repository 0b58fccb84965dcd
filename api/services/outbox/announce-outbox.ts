import type { Database } from '../../db/database.js';

/** The channel the live streams hear committed outbox rows on (api/http/live/live-hub.ts listens). */
export const LIVE_CHANNEL = 'lecoffre_live';

/** What a committed outbox row says to the live streams: which row, office, folder and change, never data. */
export interface OutboxAnnouncement {
  seq: string;
  office: string;
  folder: string | null;
  type: string;
  at: string;
}

interface Announcing {
  running?: Promise<void>;
  /** A commit came while a NOTIFY was on its way: one more follows it. */
  again: boolean;
  /** Rows committed since the last NOTIFY, for the live streams. */
  pending: OutboxAnnouncement[];
}
const announcing = new WeakMap<Database, Announcing>();

/**
 * Wakes the job runners of every process (NOTIFY lecoffre_jobs 'outbox') and tells the live streams which
 * rows committed (NOTIFY lecoffre_live, one per row of a folder) after a change committed outbox events.
 * Never inside the change's own transaction: a notifying transaction holds PostgreSQL's queue lock through
 * its commit's flush, which would put every write of the platform in one line. Commits made while a NOTIFY is
 * on its way share the next one. The NOTIFY's own commit does not wait for the disk: a wake-up lost to a
 * crash costs a delay, never an event (the outbox table is the truth: the minute sweep reads it, and a live
 * stream that reconnects replays it from Last-Event-ID).
 */
export function announceOutbox(db: Database, rows: OutboxAnnouncement[] = []): void {
  let state = announcing.get(db);
  if (!state) {
    state = { again: false, pending: [] };
    announcing.set(db, state);
  }
  const s = state;
  s.pending.push(...rows);
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = (async () => {
    do {
      s.again = false;
      const live = s.pending.splice(0).filter((row) => row.folder !== null);
      await db.sequelize.transaction(async (transaction) => {
        await db.sequelize.query('SET LOCAL synchronous_commit = off', { transaction });
        await db.sequelize.query("SELECT pg_notify('lecoffre_jobs', 'outbox')", { transaction });
        if (live.length > 0) {
          await db.sequelize.query('SELECT pg_notify(:channel, payload) FROM unnest(ARRAY[:payloads]::text[]) AS payload', {
            replacements: { channel: LIVE_CHANNEL, payloads: live.map((row) => JSON.stringify(row)) },
            transaction,
          });
        }
      });
    } while (s.again);
  })()
    .catch(() => {})
    .finally(() => {
      s.running = undefined;
    });
}
