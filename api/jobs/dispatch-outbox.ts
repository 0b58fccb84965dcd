import { QueryTypes } from 'sequelize';
import type { Database } from '../db/database.js';
import type { Clock } from '../ports/clock.js';
import { planNotificationsFromOutbox } from '../services/notifications/plan-from-outbox.js';
import { fanOutToEndpoints } from '../services/webhooks/fan-out.js';
import type { OutboxEvent } from '../services/webhooks/outbox-event.js';

export interface DispatchResult {
  events: number;
  /** Lanes that got new webhook messages: wake their delivery. */
  lanes: string[];
  /** New notifications planned (due now). */
  notifications: number;
}

// Any constant: the same for every process dispatching from this database.
const DISPATCH_LOCK_ID = 7_000_004;
const BATCH = 200;

/**
 * Reads the outbox in order and turns each event into webhook messages (one per subscribed endpoint)
 * and notifications, then marks it dispatched: all in one transaction, so an event is fanned out
 * exactly once however often this runs or crashes. One dispatcher at a time (advisory lock): messages
 * are created in event order, which per-folder delivery order relies on.
 */
export async function dispatchOutbox(
  deps: { db: Database; clock: Clock },
  /** Called after each committed batch: deliveries may start while later batches are dispatched. */
  onBatch?: (batch: DispatchResult) => void,
): Promise<DispatchResult> {
  const { db } = deps;
  const total: DispatchResult = { events: 0, lanes: [], notifications: 0 };
  for (;;) {
    const batch = await db.sequelize.transaction(async (transaction) => {
      // Waits for a dispatcher of another process to finish, then takes what it left.
      await db.sequelize.query('SELECT pg_advisory_xact_lock(:id)', { replacements: { id: DISPATCH_LOCK_ID }, transaction });
      const rows = await db.sequelize.query<OutboxEvent>(
        `SELECT seq, id, office_id AS "officeId", folder_id AS "folderId", type, payload, occurred_at AS "occurredAt",
                occurred_at::text AS "occurredAtExact"
           FROM outbox_events WHERE dispatched_at IS NULL ORDER BY seq LIMIT :limit`,
        { replacements: { limit: BATCH }, type: QueryTypes.SELECT, transaction },
      );
      if (rows.length === 0) return { events: 0, lanes: [], notifications: 0 };
      const now = deps.clock.now();
      const lanes = await fanOutToEndpoints(db, transaction, rows, now);
      const notifications = await planNotificationsFromOutbox(db, transaction, rows, now);
      await db.sequelize.query('UPDATE outbox_events SET dispatched_at = :now WHERE seq IN (:seqs)', {
        replacements: { now, seqs: rows.map((r) => r.seq) },
        transaction,
      });
      return { events: rows.length, lanes, notifications };
    });
    if (batch.events > 0) onBatch?.(batch);
    total.events += batch.events;
    total.lanes = [...new Set([...total.lanes, ...batch.lanes])];
    total.notifications += batch.notifications;
    if (batch.events < BATCH) return total;
  }
}
