import { Op } from 'sequelize';
import type { Database } from '../../db/database.js';
import type { MemberRow } from '../../db/models/office.js';
import { appConnectionIsLive } from '../apps/app-connection-live.js';
import type { Actor } from '../context.js';
import { authenticateApiKey } from './authenticate-api-key.js';
import { hashSecret } from './secret-tokens.js';
import { findLiveSession, type SessionPolicy } from './sessions.js';

export interface Authenticated {
  actor: Actor;
  /** A member whose membership a notary has not approved yet: only `GET /v1/me` answers them. */
  pending: boolean;
  /** Set for member and client sessions: setting a password looks at how the session was opened. */
  sessionAuthMethod?: 'idnot' | 'sms_code' | 'password';
}

export interface AuthenticationContext {
  db: Database;
  policy: SessionPolicy;
  now: Date;
  ip: string | null;
}

/**
 * Whoever a bearer secret stands for, or null when it is unknown, expired or revoked. The prefix says
 * where to look: `lck_` API key, `lcw_` widget session, `lcs_` member or client session.
 */
export async function authenticateToken(ctx: AuthenticationContext, token: string): Promise<Authenticated | null> {
  if (token.startsWith('lck_')) {
    const actor = await authenticateApiKey(ctx.db, token, ctx.ip);
    return actor ? { actor, pending: false } : null;
  }
  if (token.startsWith('lcw_')) return authenticateWidgetSession(ctx, token);
  if (token.startsWith('lcs_')) return authenticateSession(ctx, token);
  return null;
}

async function authenticateSession(ctx: AuthenticationContext, token: string): Promise<Authenticated | null> {
  const session = await findLiveSession(ctx.db, token, ctx.policy, ctx.now);
  if (!session) return null;
  const base = { officeId: session.officeId, credentialId: session.id, folderId: null, ip: ctx.ip };
  if (session.kind === 'client' && session.clientId) {
    return { actor: { ...base, kind: 'client', clientId: session.clientId }, pending: false, sessionAuthMethod: session.authMethod };
  }
  const member = session.memberId ? await loadMember(ctx.db, session.memberId, session.officeId) : null;
  if (!member) return null;
  return {
    actor: { ...base, kind: 'member', memberId: member.id, role: member.role },
    pending: member.status !== 'active',
    sessionAuthMethod: session.authMethod,
  };
}

async function authenticateWidgetSession(ctx: AuthenticationContext, token: string): Promise<Authenticated | null> {
  const widget = await ctx.db.models.WidgetSession.findOne({
    where: { tokenHash: hashSecret(token), revokedAt: null, expiresAt: { [Op.gt]: ctx.now } },
  });
  if (!widget) return null;
  // A widget session dies with the API key (or the app connection) that minted it: revoking a leaked key, or
  // disconnecting an app, stops its tokens at once.
  if (!(await minterIsLive(ctx.db, widget))) return null;
  const base = { officeId: widget.officeId, credentialId: widget.id, folderId: widget.folderId, components: widget.components, ip: ctx.ip };
  if (widget.clientId) return { actor: { ...base, kind: 'client', clientId: widget.clientId }, pending: false };
  const member = widget.memberId ? await loadMember(ctx.db, widget.memberId, widget.officeId) : null;
  if (!member) return null;
  return { actor: { ...base, kind: 'widget', memberId: member.id, role: member.role }, pending: member.status !== 'active' };
}

async function minterIsLive(db: Database, widget: { apiKeyId: string | null; appConnectionId: string | null; officeId: string }) {
  if (widget.apiKeyId)
    return (await db.models.ApiKey.count({ where: { id: widget.apiKeyId, officeId: widget.officeId, revokedAt: null } })) > 0;
  if (widget.appConnectionId) return appConnectionIsLive(db, widget.appConnectionId, widget.officeId);
  return false;
}

const loadMember = (db: Database, id: string, officeId: string): Promise<MemberRow | null> =>
  db.models.Member.findOne({ where: { id, officeId } });
