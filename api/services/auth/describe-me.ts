import type { ServiceContext } from '../context.js';

/** What a caller may do, for a UI to show or hide its buttons (the API checks again on every call). */
export type Permission =
  | 'folders:read'
  | 'folders:write'
  | 'documents:review'
  | 'documents:upload'
  | 'members:read'
  | 'members:approve'
  | 'api_keys:manage'
  | 'widget_sessions:create'
  | 'office:manage';

export interface Me {
  /** `member` (ID.not session), `client` (client session or client widget session), `api_key`, `widget` (member widget session). */
  kind: 'member' | 'client' | 'api_key' | 'widget';
  office: { id: string; name: string; crpcen: string };
  member: {
    id: string;
    firstName: string;
    lastName: string;
    email: string;
    role: 'notary' | 'collaborator';
    status: 'pending' | 'active';
  } | null;
  client: { id: string; firstName: string; lastName: string; email: string } | null;
  apiKey: { id: string; name: string; mode: 'live' | 'test' } | null;
  /** The session or widget session in use; null for an API key. */
  session: { id: string; kind: 'session' | 'widget_session'; expiresAt: string } | null;
  /** A widget session bound to one folder reaches that folder only. */
  folderId: string | null;
  permissions: Permission[];
}

const STAFF: Permission[] = ['folders:read', 'folders:write', 'documents:review', 'members:read'];

/** `GET /v1/me`: who is calling and what they may do. A pending member sees themselves and no permission. */
export async function describeMe(ctx: ServiceContext): Promise<Me> {
  const { actor, db } = ctx;
  // Only LeCoffre's own jobs act as `system`, and they never call the API.
  if (actor.kind === 'system') throw new Error('describeMe() is not for system actors');
  const office = await db.models.Office.findByPk(actor.officeId, { rejectOnEmpty: true });
  const me: Me = {
    kind: actor.kind,
    office: { id: office.id, name: office.name, crpcen: office.crpcen },
    member: null,
    client: null,
    apiKey: null,
    session: null,
    folderId: actor.folderId,
    permissions: [],
  };
  if (actor.credentialId.startsWith('wgs_')) {
    const widget = await db.models.WidgetSession.findByPk(actor.credentialId, { rejectOnEmpty: true });
    me.session = { id: widget.id, kind: 'widget_session', expiresAt: widget.expiresAt.toISOString() };
  } else if (actor.credentialId.startsWith('ses_')) {
    const session = await db.models.Session.findByPk(actor.credentialId, { rejectOnEmpty: true });
    const expiresAt = new Date(Math.min(session.idleExpiresAt.getTime(), session.absoluteExpiresAt.getTime()));
    me.session = { id: session.id, kind: 'session', expiresAt: expiresAt.toISOString() };
  }

  if (actor.kind === 'client') {
    const client = await db.models.Client.findOne({ where: { id: actor.clientId, officeId: actor.officeId }, rejectOnEmpty: true });
    me.client = { id: client.id, firstName: client.firstName, lastName: client.lastName, email: client.email };
    me.permissions = ['folders:read', 'documents:upload'];
    return me;
  }
  if (actor.kind === 'api_key') {
    const key = await db.models.ApiKey.findByPk(actor.credentialId, { rejectOnEmpty: true });
    me.apiKey = { id: key.id, name: key.name, mode: key.mode };
    me.permissions = [...STAFF, 'members:approve', 'widget_sessions:create', 'office:manage'];
    return me;
  }
  const member = await db.models.Member.findOne({ where: { id: actor.memberId ?? '', officeId: actor.officeId }, rejectOnEmpty: true });
  me.member = {
    id: member.id,
    firstName: member.firstName,
    lastName: member.lastName,
    email: member.email,
    role: member.role,
    status: member.status,
  };
  if (member.status !== 'active') return me;
  const notary = member.role === 'notary';
  me.permissions = [...STAFF, ...(notary ? (['members:approve', 'office:manage'] as Permission[]) : [])];
  // Keys are managed signed in with ID.not only, never from a widget.
  if (notary && actor.kind === 'member') me.permissions.push('api_keys:manage');
  return me;
}
