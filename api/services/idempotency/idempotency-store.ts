import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';

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

export type BeginResult =
  | { outcome: 'proceed' }
  /** `bodyHash`: the fingerprint of the first request's body, when it was recorded apart (uploads). */
  | { outcome: 'replay'; response: StoredResponse; bodyHash: string | null }
  | { outcome: 'mismatch' }
  /** `retryAfterSeconds`: until the running claim's lease lapses, if its process does not renew it. */
  | { outcome: 'in_progress'; retryAfterSeconds: number };

interface KeyRow {
  request_hash: string;
  state: 'running' | 'done';
  status_code: number | null;
  response_headers: Record<string, string> | null;
  response_body: Buffer | null;
  body_hash: string | null;
  lease_left: number | string | null;
}

/**
 * Claims (scope, key) for this request. The row is the lock: a concurrent request with the same key sees
 * it running and is told to retry, and a later one gets the stored answer. Rows older than the TTL count
 * as absent. A running claim whose lease lapsed (its process died mid-request) is taken over by the same
 * request: what the dead process did before dying may have committed, exactly as when a client retries
 * a request whose answer it never got, so writes stay guarded by their own unique rules.
 */
export async function beginIdempotent(db: Database, scope: string, key: string, requestHash: string): Promise<BeginResult> {
  const { sequelize } = db;
  await sequelize.query(
    `DELETE FROM idempotency_keys WHERE scope = :scope AND key = :key AND created_at < now() - make_interval(hours => :ttl)`,
    { replacements: { scope, key, ttl: IDEMPOTENCY_TTL_HOURS } },
  );
  const inserted = await sequelize.query(
    `INSERT INTO idempotency_keys (scope, key, request_hash, state, lease_until)
     VALUES (:scope, :key, :hash, 'running', now() + make_interval(secs => :lease))
     ON CONFLICT (scope, key) DO UPDATE SET lease_until = EXCLUDED.lease_until
       WHERE idempotency_keys.state = 'running' AND idempotency_keys.request_hash = EXCLUDED.request_hash
         AND COALESCE(idempotency_keys.lease_until, idempotency_keys.created_at + make_interval(secs => :lease)) < now()
     RETURNING key`,
    { replacements: { scope, key, hash: requestHash, lease: IDEMPOTENCY_LEASE_SECONDS }, type: QueryTypes.SELECT },
  );
  if (inserted.length === 1) return { outcome: 'proceed' };
  const [row] = await sequelize.query<KeyRow>(
    `SELECT request_hash, state, status_code, response_headers, response_body, body_hash,
       EXTRACT(EPOCH FROM COALESCE(lease_until, created_at + make_interval(secs => :lease)) - now()) AS lease_left
     FROM idempotency_keys WHERE scope = :scope AND key = :key`,
    { replacements: { scope, key, lease: IDEMPOTENCY_LEASE_SECONDS }, type: QueryTypes.SELECT },
  );
  if (!row) return beginIdempotent(db, scope, key, requestHash); // expired and swept between our two queries
  if (row.request_hash !== requestHash) return { outcome: 'mismatch' };
  if (row.state === 'running') {
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

/** Keeps a running claim alive while its request runs. */
export async function renewIdempotent(db: Database, scope: string, key: string): Promise<void> {
  await db.sequelize.query(
    `UPDATE idempotency_keys SET lease_until = now() + make_interval(secs => :lease)
     WHERE scope = :scope AND key = :key AND state = 'running'`,
    { replacements: { scope, key, lease: IDEMPOTENCY_LEASE_SECONDS } },
  );
}

/** Stores the answer to replay; `bodyHash` is the body's fingerprint when it was not part of the request hash. */
export async function completeIdempotent(
  db: Database,
  scope: string,
  key: string,
  response: StoredResponse,
  bodyHash: string | null = null,
): Promise<void> {
  await db.sequelize.query(
    `UPDATE idempotency_keys SET state = 'done', status_code = :status, response_headers = :headers, response_body = :body,
       body_hash = :bodyHash
     WHERE scope = :scope AND key = :key`,
    {
      replacements: {
        scope,
        key,
        status: response.statusCode,
        headers: JSON.stringify(response.headers),
        body: response.body,
        bodyHash,
      },
    },
  );
}

/** Forgets a claim whose request failed on our side (5xx) or was cut off, so that a retry runs again. */
export async function abandonIdempotent(db: Database, scope: string, key: string): Promise<void> {
  await db.sequelize.query(`DELETE FROM idempotency_keys WHERE scope = :scope AND key = :key AND state = 'running'`, {
    replacements: { scope, key },
  });
}

export async function sweepIdempotencyKeys(db: Database): Promise<number> {
  const [, meta] = await db.sequelize.query('DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => :ttl)', {
    replacements: { ttl: IDEMPOTENCY_TTL_HOURS },
  });
  return (meta as { rowCount?: number }).rowCount ?? 0;
}
