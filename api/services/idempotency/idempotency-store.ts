import { randomUUID } from 'node:crypto';
import { QueryTypes, type Transaction } from 'sequelize';
import type { Database } from '../../db/database.js';
import { DomainError } from '../../domain/errors.js';

/** How long a key protects against a repeated POST (ARCHITECTURE.md section 6). */
export const IDEMPOTENCY_TTL_HOURS = 24;
/**
 * How long a running claim holds without renewal. The process running the request renews it every
 * quarter of this; a claim left by a process that died lapses at most this long after the death, and a
 * retry meanwhile is told to come back when it lapses (`Retry-After`). Short enough that a client's
 * retries (the SDK waits up to 10 s on a `Retry-After`) outlast it; long enough that a live but busy
 * process misses three renewals in a row before it could be overtaken.
 */
export const IDEMPOTENCY_LEASE_SECONDS = 10;

export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One attempt's hold on (scope, key): `claimId` tells it apart from a retry that took the key over. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  claimId: string;
}

export type BeginResult =
  | { outcome: 'proceed'; claim: IdempotencyClaim }
  /** `bodyHash`: the fingerprint of the first request's body, when it was recorded apart (uploads). */
  | { outcome: 'replay'; response: StoredResponse; bodyHash: string | null }
  | { outcome: 'mismatch' }
  /** `retryAfterSeconds`: until the running claim's lease lapses, if its process does not renew it. */
  | { outcome: 'in_progress'; retryAfterSeconds: number }
  /** The claim's write committed, then its process died before storing the answer: it is not run again. */
  | { outcome: 'answer_lost' };

interface KeyRow {
  request_hash: string;
  state: 'running' | 'done';
  status_code: number | null;
  response_headers: Record<string, string> | null;
  response_body: Buffer | null;
  body_hash: string | null;
  lease_left: number | string | null;
  committed: boolean;
}

/**
 * Claims (scope, key) for this request. The row is the lock: a concurrent request with the same key sees
 * it running and is told to retry, and a later one gets the stored answer. Rows older than the TTL count
 * as absent. A running claim whose lease lapsed (its process died mid-request) is taken over by the same
 * request, unless its write committed (`markIdempotentWrite`): that one is answered `answer_lost`, never
 * run twice.
 */
export async function beginIdempotent(db: Database, scope: string, key: string, requestHash: string): Promise<BeginResult> {
  const { sequelize } = db;
  await sequelize.query(
    `DELETE FROM idempotency_keys WHERE scope = :scope AND key = :key AND created_at < now() - make_interval(hours => :ttl)`,
    { replacements: { scope, key, ttl: IDEMPOTENCY_TTL_HOURS } },
  );
  const claimId = randomUUID();
  const inserted = await sequelize.query(
    `INSERT INTO idempotency_keys (scope, key, request_hash, state, lease_until, claim_id)
     VALUES (:scope, :key, :hash, 'running', now() + make_interval(secs => :lease), :claimId)
     ON CONFLICT (scope, key) DO UPDATE SET lease_until = EXCLUDED.lease_until, claim_id = EXCLUDED.claim_id
       WHERE idempotency_keys.state = 'running' AND idempotency_keys.request_hash = EXCLUDED.request_hash
         AND idempotency_keys.committed_at IS NULL
         AND COALESCE(idempotency_keys.lease_until, idempotency_keys.created_at + make_interval(secs => :lease)) < now()
     RETURNING key`,
    { replacements: { scope, key, hash: requestHash, lease: IDEMPOTENCY_LEASE_SECONDS, claimId }, type: QueryTypes.SELECT },
  );
  if (inserted.length === 1) return { outcome: 'proceed', claim: { scope, key, claimId } };
  const [row] = await sequelize.query<KeyRow>(
    `SELECT request_hash, state, status_code, response_headers, response_body, body_hash,
       EXTRACT(EPOCH FROM COALESCE(lease_until, created_at + make_interval(secs => :lease)) - now()) AS lease_left,
       committed_at IS NOT NULL AS committed
     FROM idempotency_keys WHERE scope = :scope AND key = :key`,
    { replacements: { scope, key, lease: IDEMPOTENCY_LEASE_SECONDS }, type: QueryTypes.SELECT },
  );
  if (!row) return beginIdempotent(db, scope, key, requestHash); // expired and swept between our two queries
  if (row.request_hash !== requestHash) return { outcome: 'mismatch' };
  if (row.state === 'running') {
    if (row.committed && Number(row.lease_left ?? 0) <= 0) return { outcome: 'answer_lost' };
    // Whole seconds, rounded up: a retry sent that much later finds the lease lapsed (or renewed).
    const left = Math.ceil(Number(row.lease_left ?? 0));
    return { outcome: 'in_progress', retryAfterSeconds: Math.min(IDEMPOTENCY_LEASE_SECONDS, Math.max(1, left)) };
  }
  return {
    outcome: 'replay',
    response: { statusCode: row.status_code ?? 200, headers: row.response_headers ?? {}, body: row.response_body ?? Buffer.alloc(0) },
    bodyHash: row.body_hash,
  };
}

/** Keeps a running claim alive while its request runs (and not once a retry took it over). */
export async function renewIdempotent(db: Database, claim: IdempotencyClaim): Promise<void> {
  await db.sequelize.query(
    `UPDATE idempotency_keys SET lease_until = now() + make_interval(secs => :lease)
     WHERE scope = :scope AND key = :key AND claim_id = :claimId AND state = 'running'`,
    { replacements: { ...claim, lease: IDEMPOTENCY_LEASE_SECONDS } },
  );
}

/**
 * Marks, inside a write's own transaction, that the claim's request changed something: from its commit on,
 * the key is never run again, whatever happens to the answer. Refused (and the transaction with it) when a
 * retry took the key over while this attempt was starved past its lease: one of the two writes wins.
 */
export async function markIdempotentWrite(db: Database, transaction: Transaction, claim: IdempotencyClaim): Promise<void> {
  if (markedTransactions.has(transaction)) return;
  const owned = await db.sequelize.query(
    `UPDATE idempotency_keys SET committed_at = COALESCE(committed_at, now())
     WHERE scope = :scope AND key = :key AND claim_id = :claimId AND state = 'running'
     RETURNING key`,
    { replacements: { ...claim }, type: QueryTypes.SELECT, transaction },
  );
  if (owned.length === 0) {
    throw new DomainError(
      'conflict',
      'idempotency_key_in_use',
      'A retry of this request took over its Idempotency-Key; this attempt changed nothing.',
    );
  }
  markedTransactions.add(transaction);
}

// One mark per transaction, however many audit events it records.
const markedTransactions = new WeakSet<Transaction>();

/** Stores the answer to replay; `bodyHash` is the body's fingerprint when it was not part of the request hash. */
export async function completeIdempotent(
  db: Database,
  claim: IdempotencyClaim,
  response: StoredResponse,
  bodyHash: string | null = null,
): Promise<void> {
  await db.sequelize.query(
    `UPDATE idempotency_keys SET state = 'done', status_code = :status, response_headers = :headers, response_body = :body,
       body_hash = :bodyHash
     WHERE scope = :scope AND key = :key AND claim_id = :claimId`,
    {
      replacements: {
        ...claim,
        status: response.statusCode,
        headers: JSON.stringify(response.headers),
        body: response.body,
        bodyHash,
      },
    },
  );
}

/**
 * Forgets a claim whose request failed on our side (5xx) or stored nothing, so that a retry runs again. A
 * claim whose write committed is kept, its lease ended: a retry is told at once that the answer is lost.
 */
export async function abandonIdempotent(db: Database, claim: IdempotencyClaim): Promise<void> {
  await db.sequelize.query(
    `WITH forgotten AS (
       DELETE FROM idempotency_keys
       WHERE scope = :scope AND key = :key AND claim_id = :claimId AND state = 'running' AND committed_at IS NULL
       RETURNING key)
     UPDATE idempotency_keys SET lease_until = now()
     WHERE scope = :scope AND key = :key AND claim_id = :claimId AND state = 'running' AND committed_at IS NOT NULL`,
    { replacements: { ...claim } },
  );
}

export async function sweepIdempotencyKeys(db: Database): Promise<number> {
  const [, meta] = await db.sequelize.query('DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => :ttl)', {
    replacements: { ttl: IDEMPOTENCY_TTL_HOURS },
  });
  return (meta as { rowCount?: number }).rowCount ?? 0;
}
