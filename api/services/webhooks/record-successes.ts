import { QueryTypes, type Transaction } from 'sequelize';
import type { Database } from '../../db/database.js';
import { newId } from '../../domain/ids.js';

/** Of the receiver's answer, the attempts log keeps this many characters. */
export const KEPT_BODY_CHARS = 1024;

/** A 2xx answer to one message. */
export interface SuccessFacts {
  messageId: string;
  attemptedAt: Date;
  status: number;
  body: string;
  durationMs: number;
}

/*
 * One statement for a whole group: lock the messages (in id order, so two groups never wait on each
 * other crosswise), log one attempt each (numbered after the attempts already made), mark those still
 * pending delivered, and clear the failing streak of their endpoints. A message resent or cancelled
 * during its attempt keeps its new state, as a single recorded attempt would.
 */
const RECORD_SQL = `
WITH facts AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::int[], $6::timestamptz[])
           AS f(message_id, attempt_id, status, body, duration_ms, attempted_at)
), locked AS (
  SELECT m.id, m.office_id, m.endpoint_id, m.attempts, m.status
    FROM webhook_messages m WHERE m.id IN (SELECT message_id FROM facts)
   ORDER BY m.id FOR UPDATE
), logged AS (
  INSERT INTO webhook_attempts (id, office_id, endpoint_id, message_id, attempt, outcome, response_status, error,
                                response_body, duration_ms, attempted_at, next_attempt_at)
  SELECT f.attempt_id, l.office_id, l.endpoint_id, l.id, l.attempts + 1, 'succeeded', f.status, NULL,
         f.body, f.duration_ms, f.attempted_at, NULL
    FROM facts f JOIN locked l ON l.id = f.message_id
), moved AS (
  UPDATE webhook_messages m
     SET attempts = l.attempts + 1, status = 'delivered', next_attempt_at = NULL, delivered_at = f.attempted_at,
         last_attempt_at = f.attempted_at, lease_until = NULL
    FROM locked l JOIN facts f ON f.message_id = l.id
   WHERE m.id = l.id AND l.status = 'pending'
), healed AS (
  UPDATE webhook_endpoints e SET failing_since = NULL
   WHERE e.id IN (SELECT endpoint_id FROM locked) AND e.failing_since IS NOT NULL
)
SELECT count(*)::int AS recorded FROM locked`;

/**
 * Records a group of successful attempts in one statement (the delivery pump's hot path; a failure is
 * recorded alone by recordAttempt, which also judges the endpoint's health). Returns how many messages
 * were found: fewer than given means some vanished, which only a bug or a manual deletion causes.
 */
export async function recordSuccesses(db: Database, successes: SuccessFacts[], transaction?: Transaction): Promise<number> {
  if (successes.length === 0) return 0;
  const [row] = await db.sequelize.query<{ recorded: number }>(RECORD_SQL, {
    // Bound parameters: pg sends each JavaScript array as one PostgreSQL array, whatever its length.
    bind: [
      successes.map((s) => s.messageId),
      successes.map((s) => newId('wha', s.attemptedAt.getTime())),
      successes.map((s) => s.status),
      successes.map((s) => s.body.slice(0, KEPT_BODY_CHARS)),
      successes.map((s) => Math.round(s.durationMs)),
      successes.map((s) => s.attemptedAt.toISOString()),
    ],
    type: QueryTypes.SELECT,
    transaction,
  });
  return row?.recorded ?? 0;
}
