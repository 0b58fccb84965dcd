import type { WidgetComponent } from '../../domain/capabilities.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { addSeconds } from '../../domain/time.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { hashSecret, newSecretToken } from '../auth/secret-tokens.js';
import type { ServiceContext } from '../context.js';
import { enforceRateLimit } from '../rate-limits/rate-limiter.js';
import { rules } from '../rate-limits/rules.js';

export const WIDGET_SESSION_DEFAULT_MINUTES = 15;
export const WIDGET_SESSION_MAX_MINUTES = 60;

export interface CreateWidgetSessionInput {
  /** The member the widgets act as (give `memberId` or `clientId`). */
  memberId?: string;
  /** The client the widgets act as, e.g. for `<lecoffre-upload>` on the vendor's client portal. */
  clientId?: string;
  /** Binds the token to one folder: it then reads and changes nothing else. */
  folderId?: string;
  /**
   * What the widgets may do with it. A member's session: `folder` (one folder, needs `folderId`), and
   * `folder-list` (list the folders the member sees and create folders; without a folder, `folder` with
   * it opens any of them). A client's session: `upload`. Default: `folder` with a `folderId`, else
   * `folder-list` for a member; `upload` for a client.
   */
  components?: WidgetComponent[];
  /**
   * Lifetime in minutes (default 15).
   * @isInt
   * @minimum 1
   * @maximum 60
   */
  expiresInMinutes?: number;
}

export interface WidgetSession {
  id: string;
  /** `lcw_…`: hand it to the widgets, which send it as `Authorization: Bearer`. Shown once, stored hashed. */
  token: string;
  expiresAt: string;
  memberId: string | null;
  clientId: string | null;
  folderId: string | null;
  components: WidgetComponent[];
}

/**
 * A vendor's back end, with its API key, mints a short-lived token for the widgets it embeds (after
 * Stripe's account sessions): for one member or one client, optionally one folder. The person must be
 * able to see that folder; the token dies with the API key.
 */
export async function createWidgetSession(ctx: ServiceContext, input: CreateWidgetSessionInput, now: Date): Promise<WidgetSession> {
  const { actor, db } = ctx;
  // An office's API key, or an app with that office's token (the session is then the office's, and dies
  // with the app's connection).
  if (actor.kind !== 'api_key' && actor.kind !== 'app') {
    throw new DomainError('forbidden', 'api_key_required', 'Only an API key or a connected app can mint widget sessions.');
  }
  if ((input.memberId === undefined) === (input.clientId === undefined)) {
    throw new DomainError('invalid', 'validation_failed', 'Give either memberId or clientId.', [
      { path: 'memberId', message: 'give either memberId (a member of the office) or clientId (a client of the office)' },
    ]);
  }
  const components = componentsFor(input);
  const minutes = input.expiresInMinutes ?? WIDGET_SESSION_DEFAULT_MINUTES;
  await enforceRateLimit(db, rules.widgetSessionsPerApiKey, actor.credentialId, now, {
    code: 'rate_limited',
    message: 'Too many widget sessions minted with this API key; mint one per page view.',
  });

  const officeId = actor.officeId;
  if (input.memberId !== undefined) {
    const member = await db.models.Member.findOne({ where: { id: input.memberId, officeId } });
    if (!member) throw notFound('member');
    if (member.status !== 'active')
      throw new DomainError('conflict', 'member_pending', 'This member awaits approval by a notary of the office.');
    if (input.folderId !== undefined) {
      const folder = await db.models.Folder.findOne({ where: { id: input.folderId, officeId } });
      if (!folder) throw notFound('folder');
      const listed = await db.models.FolderMember.findOne({ where: { folderId: folder.id, memberId: member.id } });
      if (member.role === 'collaborator' && folder.access === 'members' && !listed) {
        throw new DomainError('invalid', 'folder_not_accessible', 'This member has no access to this folder.', [
          { path: 'folderId', message: 'the member is not on this folder’s access list' },
        ]);
      }
    }
  } else {
    const client = await db.models.Client.findOne({ where: { id: input.clientId, officeId } });
    if (!client) throw notFound('client');
    if (input.folderId !== undefined) {
      const folder = await db.models.Folder.findOne({ where: { id: input.folderId, officeId } });
      if (!folder) throw notFound('folder');
      const link = await db.models.FolderClient.findOne({ where: { folderId: folder.id, clientId: client.id } });
      if (!link) {
        throw new DomainError('invalid', 'folder_not_accessible', 'This client is not a client of this folder.', [
          { path: 'folderId', message: 'the client is not associated with this folder' },
        ]);
      }
    }
  }

  const token = newSecretToken('lcw');
  const id = newId('wgs', now.getTime());
  const expiresAt = addSeconds(now, minutes * 60);
  await db.sequelize.transaction(async (transaction) => {
    await db.models.WidgetSession.create(
      {
        id,
        officeId,
        apiKeyId: actor.kind === 'api_key' ? actor.credentialId : null,
        appConnectionId: actor.kind === 'app' ? actor.credentialId : null,
        memberId: input.memberId ?? null,
        clientId: input.clientId ?? null,
        folderId: input.folderId ?? null,
        components,
        tokenHash: hashSecret(token),
        expiresAt,
        revokedAt: null,
      },
      { transaction },
    );
    await recordAuditEvent(ctx, transaction, {
      action: 'widget_session.created',
      subjectType: 'widget_session',
      subjectId: id,
      // Not filed under the folder: minting a token changes nothing in it, and vendors mint one per page view.
      folderId: null,
      data: {
        memberId: input.memberId ?? null,
        clientId: input.clientId ?? null,
        folderId: input.folderId ?? null,
        components,
        expiresInMinutes: minutes,
      },
    });
  });
  return {
    id,
    token,
    expiresAt: expiresAt.toISOString(),
    memberId: input.memberId ?? null,
    clientId: input.clientId ?? null,
    folderId: input.folderId ?? null,
    components,
  };
}

const MEMBER_COMPONENTS: readonly WidgetComponent[] = ['folder', 'folder-list'];
const CLIENT_COMPONENTS: readonly WidgetComponent[] = ['upload'];

/**
 * The components asked for, checked against whom the session acts as. A member's `folder` session
 * without a folder would reach every folder the member sees: it must say so by adding `folder-list`.
 */
function componentsFor(input: CreateWidgetSessionInput): WidgetComponent[] {
  const forClient = input.clientId !== undefined;
  const allowed = forClient ? CLIENT_COMPONENTS : MEMBER_COMPONENTS;
  const requested = input.components ?? (forClient ? ['upload'] : input.folderId !== undefined ? ['folder'] : ['folder-list']);
  const components = [...new Set(requested)];
  const refuse = (message: string) => new DomainError('invalid', 'validation_failed', message, [{ path: 'components', message }]);
  if (components.length === 0) throw refuse('name at least one component');
  const foreign = components.filter((component) => !allowed.includes(component));
  if (foreign.length > 0) throw refuse(`${foreign.join(', ')}: not for a ${forClient ? 'client' : 'member'}; use ${allowed.join(' or ')}`);
  if (!forClient && components.includes('folder') && !components.includes('folder-list') && input.folderId === undefined) {
    throw refuse('`folder` needs a folderId (or `folder-list` beside it, to open any folder the member sees)');
  }
  return components;
}
