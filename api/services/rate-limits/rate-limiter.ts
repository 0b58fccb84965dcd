import { createHash } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';
import type { ProblemCode } from '../../domain/problem-codes.js';

/** At most `limit` hits per fixed window of `windowSeconds`, per subject (an IP, an e-mail, a phone…). */
export interface RateLimitRule {
  /** Stable name: part of the bucket key. */
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  resetAt: Date;
  exceeded: boolean;
}

/** A service-level limit was reached; the HTTP layer turns it into a 429 with Retry-After. */
export class RateLimitExceeded extends Error {
  constructor(
    public readonly code: ProblemCode,
    message: string,
    public readonly state: RateLimitState,
  ) {
    super(message);
    this.name = 'RateLimitExceeded';
  }
}

// Buckets hold hashes only: the table never shows which e-mail, phone or IP was throttled.
const bucketKey = (rule: RateLimitRule, subject: string) => createHash('sha256').update(`${rule.name}\n${subject}`).digest('hex');

// Expired buckets are harmless (the next hit resets them) but accumulate: every so often a hit sweeps.
const SWEEP_PROBABILITY = 0.01;

/**
 * Counts one hit and tells whether the rule is now exceeded. One atomic statement (INSERT … ON CONFLICT
 * DO UPDATE), so concurrent hits from several API processes are all counted.
 */
export async function hitRateLimit(db: Database, rule: RateLimitRule, subject: string, now: Date): Promise<RateLimitState> {
  const [row] = await db.sequelize.query<{ hits: number; reset_at: Date }>(
    `INSERT INTO rate_limit_buckets AS b (key, hits, reset_at) VALUES (:key, 1, :resetAt)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN b.reset_at <= :now THEN 1 ELSE b.hits + 1 END,
       reset_at = CASE WHEN b.reset_at <= :now THEN EXCLUDED.reset_at ELSE b.reset_at END
     RETURNING hits, reset_at`,
    {
      replacements: { key: bucketKey(rule, subject), now, resetAt: new Date(now.getTime() + rule.windowSeconds * 1000) },
      type: QueryTypes.SELECT,
    },
  );
  if (Math.random() < SWEEP_PROBABILITY) {
    await db.sequelize.query('DELETE FROM rate_limit_buckets WHERE reset_at < :now', { replacements: { now } });
  }
  return stateOf(rule, row.hits, new Date(row.reset_at), (hits) => hits > rule.limit);
}

/** The state without counting a hit: for limits that count failures only (wrong passwords). */
export async function peekRateLimit(db: Database, rule: RateLimitRule, subject: string, now: Date): Promise<RateLimitState> {
  const [row] = await db.sequelize.query<{ hits: number; reset_at: Date }>(
    'SELECT hits, reset_at FROM rate_limit_buckets WHERE key = :key AND reset_at > :now',
    { replacements: { key: bucketKey(rule, subject), now }, type: QueryTypes.SELECT },
  );
  if (!row)
    return { limit: rule.limit, remaining: rule.limit, resetAt: new Date(now.getTime() + rule.windowSeconds * 1000), exceeded: false };
  return stateOf(rule, row.hits, new Date(row.reset_at), (hits) => hits >= rule.limit);
}

export async function clearRateLimit(db: Database, rule: RateLimitRule, subject: string): Promise<void> {
  await db.sequelize.query('DELETE FROM rate_limit_buckets WHERE key = :key', { replacements: { key: bucketKey(rule, subject) } });
}

function stateOf(rule: RateLimitRule, hits: number, resetAt: Date, exceeded: (hits: number) => boolean): RateLimitState {
  return { limit: rule.limit, remaining: Math.max(0, rule.limit - hits), resetAt, exceeded: exceeded(hits) };
}

/** Seconds until the window resets, rounded up, at least 1: what Retry-After and RateLimit-Reset carry. */
export function secondsUntilReset(state: RateLimitState, now: Date): number {
  return Math.max(1, Math.ceil((state.resetAt.getTime() - now.getTime()) / 1000));
}

/** Counts a hit and throws RateLimitExceeded (code, message) when the rule is exceeded. */
export async function enforceRateLimit(
  db: Database,
  rule: RateLimitRule,
  subject: string,
  now: Date,
  refusal: { code: ProblemCode; message: string },
): Promise<RateLimitState> {
  const state = await hitRateLimit(db, rule, subject, now);
  if (state.exceeded) throw new RateLimitExceeded(refusal.code, refusal.message, state);
  return state;
}
