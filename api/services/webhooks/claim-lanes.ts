import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';
import type { EventType } from '../outbox/emit-event.js';
import type { ActingApp } from './outbox-event.js';

/** One message of a claimed lane, with what its delivery needs (body, endpoint, sealed secrets). */
export interface ClaimedMessage {
  id: string;
  lane: string;
  eventSeq: number;
  eventId: string;
  eventType: EventType;
  payload: Record<string, unknown>;
  occurredAt: Date;
  /** The office whose event it is. */
  officeId: string;
  /** The app that caused the event, if one did. */
  app: ActingApp | null;
  endpointId: string;
  url: string;
  secretSealed: string;
  secretKeyId: string;
  previousSecretSealed: string | null;
  previousSecretKeyId: string | null;
  previousSecretExpiresAt: Date | null;
}

/** A lane whose first messages this deliverer holds, in event order, until `leaseUntil`. */
export interface ClaimedLane {
  lane: string;
  endpointId: string;
  /** When it was claimed, by the deliverer's clock. */
  claimedAt: Date;
  leaseUntil: Date;
  messages: ClaimedMessage[];
}

export interface ClaimOptions {
  /** At most this many lanes. */
  lanes: number;
  /** At most this many messages of each lane (its head and the ones right behind it). */
  depth: number;
  leaseMs: number;
}

interface ClaimedRow {
  id: string;
  lane: string;
  event_seq: string;
  event_id: string;
  event_type: EventType;
  payload: Record<string, unknown>;
  occurred_at: Date;
  office_id: string;
  app_id: string | null;
  app_name: string | null;
  endpoint_id: string;
  url: string;
  secret_sealed: string;
  secret_key_id: string;
  previous_secret_sealed: string | null;
  previous_secret_key_id: string | null;
  previous_secret_expires_at: Date | null;
}

/*
 * Who may send in a lane is decided by its head (its first pending message): whoever leases the head
 * holds the lane, and nobody claims a lane whose head is leased. So:
 * - `heads` finds the due, unleased heads of enabled endpoints (oldest event first);
 * - `won` leases them with a conditional UPDATE: PostgreSQL re-checks status and lease on the row's latest
 *   version, so of two deliverers racing for one head exactly one gets it, and a head delivered meanwhile
 *   by someone else is skipped;
 * - `behind` then leases, in the lanes just won only, the messages right behind each head while they
 *   are due and unleased (a prefix: it stops at the first one that must wait). Only the head's holder
 *   does this, so no two deliverers ever hold parts of one lane.
 * FOR UPDATE SKIP LOCKED cannot express this (PostgreSQL refuses row locks with DISTINCT or window
 * functions), and it is not needed: the lease columns are the lock, and they outlive a transaction.
 */
const CLAIM_SQL = `
WITH heads AS (
  SELECT id, lane, event_seq FROM (
    SELECT DISTINCT ON (m.lane) m.id, m.lane, m.event_seq, m.next_attempt_at, m.lease_until
      FROM webhook_messages m JOIN webhook_endpoints e ON e.id = m.endpoint_id AND e.enabled
     WHERE m.status = 'pending'
     ORDER BY m.lane, m.event_seq
  ) h
  WHERE next_attempt_at <= :now AND (lease_until IS NULL OR lease_until <= :now)
  ORDER BY event_seq
  LIMIT :lanes
), won AS (
  UPDATE webhook_messages m SET lease_until = :leaseUntil
    FROM heads h
   WHERE m.id = h.id AND m.status = 'pending' AND m.next_attempt_at <= :now
     AND (m.lease_until IS NULL OR m.lease_until <= :now)
  RETURNING m.id, m.lane, m.event_seq
), followers AS (
  SELECT id FROM (
    SELECT f.id, row_number() OVER w AS pos,
           bool_and(f.next_attempt_at <= :now AND (f.lease_until IS NULL OR f.lease_until <= :now)) OVER w AS clear
      FROM webhook_messages f JOIN won ON f.lane = won.lane AND f.event_seq > won.event_seq
     WHERE f.status = 'pending'
    WINDOW w AS (PARTITION BY f.lane ORDER BY f.event_seq)
  ) x
  WHERE pos < :depth AND clear
), behind AS (
  UPDATE webhook_messages m SET lease_until = :leaseUntil
    FROM followers f
   WHERE m.id = f.id AND m.status = 'pending'
  RETURNING m.id, m.lane, m.event_seq
), claimed AS (
  SELECT id, lane, event_seq FROM won UNION ALL SELECT id, lane, event_seq FROM behind
)
SELECT c.id, c.lane, c.event_seq, m.event_id, m.event_type, o.payload, o.occurred_at, o.office_id, o.app_id, a.name AS app_name,
       e.id AS endpoint_id, e.url, e.secret_sealed, e.secret_key_id,
       e.previous_secret_sealed, e.previous_secret_key_id, e.previous_secret_expires_at
  FROM claimed c
  JOIN webhook_messages m ON m.id = c.id
  JOIN outbox_events o ON o.id = m.event_id
  LEFT JOIN oauth_apps a ON a.id = o.app_id
  JOIN webhook_endpoints e ON e.id = m.endpoint_id
 ORDER BY c.lane, c.event_seq`;

/**
 * Leases up to `lanes` due lanes, each with up to `depth` messages in event order, in one statement.
 * Several deliverers (processes) may call it at once: a lane goes to one of them. A deliverer that dies
 * holding a lane loses it when the lease runs out, and the lane is claimed again from its first
 * unrecorded message: at least once, in order.
 */
export async function claimLanes(db: Database, now: Date, options: ClaimOptions): Promise<ClaimedLane[]> {
  const leaseUntil = new Date(now.getTime() + options.leaseMs);
  const rows = await db.sequelize.query<ClaimedRow>(CLAIM_SQL, {
    replacements: { now, leaseUntil, lanes: options.lanes, depth: options.depth },
    type: QueryTypes.SELECT,
  });
  const lanes = new Map<string, ClaimedLane>();
  for (const row of rows) {
    let lane = lanes.get(row.lane);
    if (!lane) {
      lane = { lane: row.lane, endpointId: row.endpoint_id, claimedAt: now, leaseUntil, messages: [] };
      lanes.set(row.lane, lane);
    }
    lane.messages.push({
      id: row.id,
      lane: row.lane,
      eventSeq: Number(row.event_seq),
      eventId: row.event_id,
      eventType: row.event_type,
      payload: row.payload,
      occurredAt: new Date(row.occurred_at),
      officeId: row.office_id,
      app: row.app_id ? { id: row.app_id, name: row.app_name ?? row.app_id } : null,
      endpointId: row.endpoint_id,
      url: row.url,
      secretSealed: row.secret_sealed,
      secretKeyId: row.secret_key_id,
      previousSecretSealed: row.previous_secret_sealed,
      previousSecretKeyId: row.previous_secret_key_id,
      previousSecretExpiresAt: row.previous_secret_expires_at ? new Date(row.previous_secret_expires_at) : null,
    });
  }
  return [...lanes.values()];
}

/**
 * Gives back messages claimed but not attempted (the lane must wait behind a retry, the endpoint was
 * turned off, the deliverer is stopping). Only leases this deliverer still holds: one that ran out and
 * was taken by another deliverer is not touched.
 */
export async function releaseLeases(db: Database, messageIds: string[], leaseUntil: Date): Promise<void> {
  if (messageIds.length === 0) return;
  await db.sequelize.query(
    `UPDATE webhook_messages SET lease_until = NULL
      WHERE id IN (:ids) AND status = 'pending' AND lease_until = :leaseUntil`,
    { replacements: { ids: messageIds, leaseUntil } },
  );
}

/**
 * When some lane can next be claimed: its head falls due (a retry) or the lease on it runs out (its
 * deliverer died). Null when no enabled endpoint has anything pending.
 */
export async function nextClaimAt(db: Database): Promise<Date | null> {
  const [row] = await db.sequelize.query<{ at: Date | null }>(
    `SELECT min(GREATEST(next_attempt_at, lease_until)) AS at FROM (
       SELECT DISTINCT ON (m.lane) m.next_attempt_at, m.lease_until
         FROM webhook_messages m JOIN webhook_endpoints e ON e.id = m.endpoint_id AND e.enabled
        WHERE m.status = 'pending'
        ORDER BY m.lane, m.event_seq
     ) heads`,
    { type: QueryTypes.SELECT },
  );
  return row?.at ? new Date(row.at) : null;
}
