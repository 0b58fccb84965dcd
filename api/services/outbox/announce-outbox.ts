import type { Database } from '../../db/database.js';
import { onPooledConnection, rollingBackOnFailure } from '../../db/pooled-connection.js';

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
      // One round trip: the NOTIFYs and the commit that sends them go together.
      const notifyLive =
        live.length > 0
          ? `SELECT pg_notify(${db.sequelize.escape(LIVE_CHANNEL)}, payload) FROM unnest(ARRAY[${live
              .map((row) => db.sequelize.escape(JSON.stringify(row)))
              .join(',')}]::text[]) AS payload;`
          : '';
      await onPooledConnection(db, (client) =>
        rollingBackOnFailure(client, () =>
          client.query(`BEGIN; SET LOCAL synchronous_commit = off; SELECT pg_notify('lecoffre_jobs', 'outbox'); ${notifyLive} COMMIT`),
        ),
      );
    } while (s.again);
  })()
    .catch(() => {})
    .finally(() => {
      s.running = undefined;
    });
}
