import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../ports/clock.js';
import type { Metrics } from '../../ports/metrics.js';
import { type SecretSealer } from '../../ports/secret-sealer.js';
import type { WebhookResponse, WebhookTransport } from '../../ports/webhook-transport.js';
import type { EventType } from '../outbox/emit-event.js';
import { webhookBody } from './outbox-event.js';
import { recordAttempt } from './record-attempt.js';
import { signatureHeader } from './secrets.js';

export interface DeliveryDeps {
  db: Database;
  clock: Clock;
  transport: WebhookTransport;
  sealer: SecretSealer;
  /** Jitter source, [0, 1). Tests pin it. */
  random?: () => number;
  /** How long a message stays reserved to the worker attempting it; longer than the transport's timeout. */
  leaseMs?: number;
  /** Where delivery lag and failed attempts are reported (default: nowhere). */
  metrics?: Metrics;
}

/** A failed attempt's reason as a metric label: the status class, or what the transport ran into. */
function failureReason(response: WebhookResponse): string {
  return response.kind === 'response' ? `http_${Math.floor(response.status / 100)}xx` : response.error;
}

/**
 * - `idle`: nothing left to send in the lane;
 * - `waiting`: its first message is due at `until` (a retry);
 * - `paused`: the endpoint is turned off; its messages wait for it;
 * - `busy`: another worker is attempting the first message;
 * - `more`: this call sent its share; call again for the rest (keeps one job short).
 */
export type LaneOutcome =
  | { state: 'idle' | 'paused' | 'busy' | 'more'; delivered: number; endpointsDisabled: number }
  | { state: 'waiting'; until: Date; delivered: number; endpointsDisabled: number };

interface LaneHead {
  id: string;
  event_id: string;
  event_type: EventType;
  attempts: number;
  next_attempt_at: Date;
  lease_until: Date | null;
  payload: Record<string, unknown>;
  occurred_at: Date;
  endpoint_id: string;
  url: string;
  enabled: boolean;
  secret_sealed: string;
  secret_key_id: string;
  previous_secret_sealed: string | null;
  previous_secret_key_id: string | null;
  previous_secret_expires_at: Date | null;
}

const DEFAULT_LEASE_MS = 60_000;
export const USER_AGENT = 'LeCoffre-Webhooks/1.0 (+https://lecoffre.io/docs/webhooks)';

async function laneHead(db: Database, lane: string): Promise<LaneHead | undefined> {
  const [head] = await db.sequelize.query<LaneHead>(
    `SELECT m.id, m.event_id, m.event_type, m.attempts, m.next_attempt_at, m.lease_until, o.payload, o.occurred_at,
            e.id AS endpoint_id, e.url, e.enabled, e.secret_sealed, e.secret_key_id,
            e.previous_secret_sealed, e.previous_secret_key_id, e.previous_secret_expires_at
       FROM webhook_messages m
       JOIN outbox_events o ON o.id = m.event_id
       JOIN webhook_endpoints e ON e.id = m.endpoint_id
      WHERE m.lane = :lane AND m.status = 'pending'
      ORDER BY m.event_seq
      LIMIT 1`,
    { replacements: { lane }, type: QueryTypes.SELECT },
  );
  return head;
}

function signingKeys(deps: DeliveryDeps, head: LaneHead, now: Date): Buffer[] {
  const keys = [deps.sealer.open(head.secret_sealed, head.secret_key_id)];
  if (
    head.previous_secret_sealed &&
    head.previous_secret_key_id &&
    head.previous_secret_expires_at &&
    head.previous_secret_expires_at > now
  ) {
    keys.push(deps.sealer.open(head.previous_secret_sealed, head.previous_secret_key_id));
  }
  return keys;
}

/**
 * Sends the lane's messages one by one, in event order, until it is empty or its first message must
 * wait (a failed attempt holds back every later message of the same folder to the same endpoint).
 */
export async function deliverLane(deps: DeliveryDeps, lane: string, maxMessages = 100): Promise<LaneOutcome> {
  let delivered = 0;
  let endpointsDisabled = 0;
  for (let sent = 0; ; sent++) {
    if (sent >= maxMessages) return { state: 'more', delivered, endpointsDisabled };
    const now = deps.clock.now();
    const head = await laneHead(deps.db, lane);
    if (!head) return { state: 'idle', delivered, endpointsDisabled };
    if (!head.enabled) return { state: 'paused', delivered, endpointsDisabled };
    if (head.next_attempt_at > now) return { state: 'waiting', until: head.next_attempt_at, delivered, endpointsDisabled };

    // Claim it: a conditional update, so that of several workers exactly one attempts it.
    const claimed = await deps.db.sequelize.query(
      `UPDATE webhook_messages SET lease_until = :leaseUntil
        WHERE id = :id AND status = 'pending' AND (lease_until IS NULL OR lease_until <= :now)
        RETURNING id`,
      {
        replacements: { id: head.id, now, leaseUntil: new Date(now.getTime() + (deps.leaseMs ?? DEFAULT_LEASE_MS)) },
        type: QueryTypes.SELECT,
      },
    );
    if (claimed.length === 0) return { state: 'busy', delivered, endpointsDisabled };

    const body = webhookBody({ type: head.event_type, payload: head.payload, occurredAt: new Date(head.occurred_at) });
    const response = await deps.transport.post({
      url: head.url,
      body,
      headers: {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'webhook-id': head.event_id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signatureHeader(head.event_id, now, body, signingKeys(deps, head, now)),
      },
    });
    const recorded = await recordAttempt(deps, { messageId: head.id, endpointId: head.endpoint_id, attemptedAt: now, response });
    if (recorded.endpointDisabled) endpointsDisabled++;
    if (recorded.outcome === 'succeeded') {
      // From the commit of the change (occurred_at is its transaction's time) to the receiver's 2xx.
      deps.metrics?.webhookDelivered((deps.clock.now().getTime() - new Date(head.occurred_at).getTime()) / 1000);
      delivered++;
      continue;
    }
    deps.metrics?.webhookFailed(failureReason(response));
    if (recorded.nextAttemptAt) return { state: 'waiting', until: recorded.nextAttemptAt, delivered, endpointsDisabled };
    // The message failed for good: the next one of the lane may go.
  }
}

/** Lanes whose first message is due now, on enabled endpoints, not being attempted. */
export async function dueLanes(db: Database, now: Date, limit = 200): Promise<string[]> {
  const rows = await db.sequelize.query<{ lane: string }>(
    `SELECT lane FROM (
       SELECT DISTINCT ON (m.lane) m.lane, m.next_attempt_at, m.lease_until
         FROM webhook_messages m JOIN webhook_endpoints e ON e.id = m.endpoint_id AND e.enabled
        WHERE m.status = 'pending'
        ORDER BY m.lane, m.event_seq
     ) heads
     WHERE next_attempt_at <= :now AND (lease_until IS NULL OR lease_until <= :now)
     LIMIT :limit`,
    { replacements: { now, limit }, type: QueryTypes.SELECT },
  );
  return rows.map((r) => r.lane);
}

/** The earliest time a lane's first message falls due (for scheduling the next run), or null. */
export async function nextDueAt(db: Database): Promise<Date | null> {
  const [row] = await db.sequelize.query<{ at: Date | null }>(
    `SELECT min(next_attempt_at) AS at FROM (
       SELECT DISTINCT ON (m.lane) m.next_attempt_at
         FROM webhook_messages m JOIN webhook_endpoints e ON e.id = m.endpoint_id AND e.enabled
        WHERE m.status = 'pending'
        ORDER BY m.lane, m.event_seq
     ) heads`,
    { type: QueryTypes.SELECT },
  );
  return row?.at ?? null;
}

/**
 * Every due lane, a few at a time (lanes are independent; inside a lane, order rules). What tests and
 * the periodic sweep run; the pg-boss workers run single lanes.
 */
export async function deliverDue(
  deps: DeliveryDeps,
  concurrency = 8,
): Promise<{ lanes: number; delivered: number; endpointsDisabled: number }> {
  const lanes = await dueLanes(deps.db, deps.clock.now());
  let delivered = 0;
  let endpointsDisabled = 0;
  const queue = [...lanes];
  const worker = async () => {
    for (let lane = queue.shift(); lane !== undefined; lane = queue.shift()) {
      const outcome = await deliverLane(deps, lane, Number.POSITIVE_INFINITY);
      delivered += outcome.delivered;
      endpointsDisabled += outcome.endpointsDisabled;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, lanes.length) }, worker));
  return { lanes: lanes.length, delivered, endpointsDisabled };
}
