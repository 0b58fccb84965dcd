import type { Database } from '../../db/database.js';
import { sweepIdempotencyKeys } from '../idempotency/idempotency-store.js';

/** Expired rows kept this long after they stopped working, for support questions ("why was I logged out?"). */
const GRACE_DAYS = 7;

export interface SweepCounts {
  sessions: number;
  widgetSessions: number;
  loginAttempts: number;
  idempotencyKeys: number;
  /** The apps' authorization server's records (codes, tokens, grants, interactions) past their expiry. */
  oauthRecords: number;
}

async function deleted(db: Database, sql: string): Promise<number> {
  const [, meta] = await db.sequelize.query(sql, { replacements: { days: GRACE_DAYS } });
  return (meta as { rowCount?: number }).rowCount ?? 0;
}

/**
 * Deletes what can no longer be used by anyone: sessions and widget sessions expired for a week, closed or
 * expired client login attempts, idempotency keys past their 24 h, the apps' OAuth records past their
 * expiry (at once: the authorization server never reads an expired one, so a consumed code or a rotated
 * refresh token is kept, for replay detection, exactly as long as it could be presented). Nothing here is
 * evidence: the audit trail keeps who did what.
 */
export async function sweepExpiredRows(db: Database): Promise<SweepCounts> {
  return {
    sessions: await deleted(
      db,
      'DELETE FROM sessions WHERE least(idle_expires_at, absolute_expires_at, coalesce(revoked_at, absolute_expires_at)) < now() - make_interval(days => :days)',
    ),
    widgetSessions: await deleted(db, 'DELETE FROM widget_sessions WHERE expires_at < now() - make_interval(days => :days)'),
    loginAttempts: await deleted(db, 'DELETE FROM client_login_attempts WHERE expires_at < now() - make_interval(days => :days)'),
    idempotencyKeys: await sweepIdempotencyKeys(db),
    oauthRecords: await deleted(db, 'DELETE FROM oauth_records WHERE expires_at < now()'),
  };
}
