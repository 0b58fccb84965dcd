import { QueryTypes } from 'sequelize';
import { appScopesAllow } from '../../domain/app-scopes.js';
import { type Capability, capabilitiesOf, type WidgetComponent } from '../../domain/capabilities.js';
import { principalsOf } from '../access/principals.js';
import type { ServiceContext } from '../context.js';

export interface Me {
  /**
   * `member` (ID.not session), `client` (client session or client widget session), `api_key`, `widget` (member
   * widget session), `app` (a vendor's app connected by OAuth 2.0).
   */
  kind: 'member' | 'client' | 'api_key' | 'widget' | 'app';
  /** The caller's office; `timeZone` (IANA) is the zone its times are shown in. */
  office: { id: string; name: string; crpcen: string; timeZone: string };
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
  /** The connected app and the scopes its token carries; null for other credentials. */
  app?: { id: string; name: string; scopes: string[] } | null;
  /** The session or widget session in use; null for an API key. */
  session: { id: string; kind: 'session' | 'widget_session'; expiresAt: string } | null;
  /** A widget session bound to one folder reaches that folder only. */
  folderId: string | null;
  /** A widget session's components (`folder`, `folder-list`, `upload`); null for other credentials. */
  components: WidgetComponent[] | null;
  /** What the caller may do (capabilities of the API's table), for a UI to show or hide its buttons; the API checks again on every call. */
  permissions: Capability[];
}

/** `GET /v1/me`: who is calling and what they may do. A pending member sees themselves and no permission. */
export async function describeMe(ctx: ServiceContext): Promise<Me> {
  const { actor, db } = ctx;
  // Only LeCoffre's own jobs act as `system`, and they never call the API.
  if (actor.kind === 'system') throw new Error('describeMe() is not for system actors');
  const office = await db.models.Office.findByPk(actor.officeId, { rejectOnEmpty: true });
  const me: Me = {
    kind: actor.kind,
    office: { id: office.id, name: office.name, crpcen: office.crpcen, timeZone: office.timeZone },
    member: null,
    client: null,
    apiKey: null,
    session: null,
    folderId: actor.folderId,
    components: actor.components ? [...actor.components] : null,
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
    me.permissions = capabilitiesOf(principalsOf(actor));
    return me;
  }
  if (actor.kind === 'app' && actor.app) {
    const [row] = await db.sequelize.query<{ name: string }>('SELECT name FROM oauth_apps WHERE id = :id', {
      replacements: { id: actor.app.id },
      type: QueryTypes.SELECT,
    });
    me.app = { id: actor.app.id, name: row?.name ?? '', scopes: [...actor.app.scopes] };
    me.permissions = capabilitiesOf(principalsOf(actor)).filter((capability) => appScopesAllow(actor.app?.scopes ?? [], capability));
    return me;
  }
  if (actor.kind === 'api_key') {
    const key = await db.models.ApiKey.findByPk(actor.credentialId, { rejectOnEmpty: true });
    me.apiKey = { id: key.id, name: key.name, mode: key.mode };
    me.permissions = capabilitiesOf(principalsOf(actor));
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
  // A pending member may only learn that they are pending.
  if (member.status === 'active') me.permissions = capabilitiesOf(principalsOf(actor));
  return me;
}
