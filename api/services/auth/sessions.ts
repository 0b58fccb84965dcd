import { Op, type Transaction } from 'sequelize';
import type { Database } from '../../db/database.js';
import type { SessionRow } from '../../db/models/identity.js';
import { newId } from '../../domain/ids.js';
import { addSeconds } from '../../domain/time.js';
import { hashSecret, newSecretToken } from './secret-tokens.js';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export interface OpenedSession {
  id: string;
  /** Shown once (in a cookie); only its hash is stored. */
  token: string;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

export type SessionSubject =
  | { kind: 'member'; officeId: string; memberId: string }
  | { kind: 'client'; officeId: string; clientId: string };

export interface SessionMeta {
  ip: string | null;
  userAgent: string | null;
}

export async function openSession(
  db: Database,
  subject: SessionSubject,
  authMethod: SessionRow['authMethod'],
  meta: SessionMeta,
  policy: SessionPolicy,
  now: Date,
  transaction?: Transaction,
): Promise<OpenedSession> {
  const token = newSecretToken('lcs');
  const absoluteExpiresAt = addSeconds(now, policy.absoluteHours * 3600);
  const idleExpiresAt = idleExpiry(now, policy, absoluteExpiresAt);
  const id = newId('ses', now.getTime());
  await db.models.Session.create(
    {
      id,
      kind: subject.kind,
      officeId: subject.officeId,
      memberId: subject.kind === 'member' ? subject.memberId : null,
      clientId: subject.kind === 'client' ? subject.clientId : null,
      authMethod,
      tokenHash: hashSecret(token),
      ip: meta.ip,
      // Enough to recognise a device in a session list; not a fingerprint.
      userAgent: meta.userAgent?.slice(0, 200) ?? null,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt,
      absoluteExpiresAt,
      revokedAt: null,
    },
    { transaction },
  );
  return { id, token, idleExpiresAt, absoluteExpiresAt };
}

const idleExpiry = (now: Date, policy: SessionPolicy, absolute: Date) =>
  new Date(Math.min(addSeconds(now, policy.idleMinutes * 60).getTime(), absolute.getTime()));

// Sliding the idle expiry on every request would make every read a write: a minute of slack is enough.
const TOUCH_EVERY_MS = 60_000;

/** The live session behind a token (not revoked, neither idle- nor absolutely expired), its idle expiry slid forward. */
export async function findLiveSession(db: Database, token: string, policy: SessionPolicy, now: Date): Promise<SessionRow | null> {
  const session = await db.models.Session.findOne({
    where: {
      tokenHash: hashSecret(token),
      revokedAt: null,
      idleExpiresAt: { [Op.gt]: now },
      absoluteExpiresAt: { [Op.gt]: now },
    },
  });
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    const idleExpiresAt = idleExpiry(now, policy, session.absoluteExpiresAt);
    await db.models.Session.update({ lastSeenAt: now, idleExpiresAt }, { where: { id: session.id, revokedAt: null } });
    session.lastSeenAt = now;
    session.idleExpiresAt = idleExpiresAt;
  }
  return session;
}

/** Ends the session behind a token, if any. Idempotent. */
export async function revokeSessionByToken(db: Database, token: string, now: Date): Promise<SessionRow | null> {
  const session = await db.models.Session.findOne({ where: { tokenHash: hashSecret(token), revokedAt: null } });
  if (!session) return null;
  await db.models.Session.update({ revokedAt: now }, { where: { id: session.id, revokedAt: null } });
  return session;
}

/** "Logout everywhere": every live session of one member or one client, except `keepSessionId` if given. */
export async function revokeAllSessions(
  db: Database,
  who: { memberId: string } | { clientId: string },
  now: Date,
  keepSessionId?: string,
): Promise<number> {
  const [count] = await db.models.Session.update(
    { revokedAt: now },
    { where: { ...who, revokedAt: null, ...(keepSessionId ? { id: { [Op.ne]: keepSessionId } } : {}) } },
  );
  return count;
}
