import { QueryTypes } from 'sequelize';
import { isAppScope } from '../../domain/app-scopes.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { requireNotary } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { emitEvent } from '../outbox/emit-event.js';
import { APP_CONNECTION_COLUMNS, type AppConnection, type AppConnectionRow, toAppConnection } from './app-connection-view.js';
import { findAppByClientId } from './find-app.js';

/**
 * Who may consent for the office: an active notary signed in with ID.not (never a collaborator, a pending
 * member, an API key or a widget). Throws the refusal the consent screen shows.
 */
export function requireConsentingNotary(ctx: ServiceContext, pending: boolean): string {
  if (pending) {
    throw new DomainError('forbidden', 'member_pending', 'Votre compte attend l’approbation d’un notaire de l’office.');
  }
  const actor = requireNotary(ctx);
  if (actor.kind !== 'member' || !actor.memberId) {
    throw new DomainError('forbidden', 'member_session_required', 'Connectez-vous avec ID.not en tant que notaire de l’office.');
  }
  return actor.memberId;
}

/**
 * Records the office's consent to an app under the grant the authorization server created: one live
 * connection per app and office (a new consent replaces the previous one, whose grant the caller revokes),
 * an audit event and `app.authorized`. Returns the connection and the grant it replaced, if any.
 */
export async function connectApp(
  ctx: ServiceContext,
  input: { clientId: string; scopes: readonly string[]; grantId: string; pending: boolean },
): Promise<{ connection: AppConnection; replacedGrantId: string | null }> {
  const memberId = requireConsentingNotary(ctx, input.pending);
  const app = await findAppByClientId(ctx.db, input.clientId);
  if (!app) throw notFound('app');
  const scopes = input.scopes.filter((scope) => isAppScope(scope) && app.scopes.includes(scope));
  const officeId = ctx.actor.officeId;
  return ctx.db.sequelize.transaction(async (transaction) => {
    await ctx.db.sequelize.query(`SELECT pg_advisory_xact_lock(hashtext('app-connection:' || :appId || ':' || :officeId))`, {
      replacements: { appId: app.id, officeId },
      transaction,
    });
    const replaced = await ctx.db.sequelize.query<{ grant_id: string }>(
      `UPDATE app_connections SET revoked_at = now(), revoked_reason = 'replaced'
        WHERE app_id = :appId AND office_id = :officeId AND revoked_at IS NULL RETURNING grant_id`,
      { replacements: { appId: app.id, officeId }, type: QueryTypes.SELECT, transaction },
    );
    const id = newId('apc');
    await ctx.db.sequelize.query(
      `INSERT INTO app_connections (id, app_id, office_id, grant_id, scopes, authorized_by)
       VALUES (:id, :appId, :officeId, :grantId, :scopes, :memberId)`,
      { replacements: { id, appId: app.id, officeId, grantId: input.grantId, scopes: JSON.stringify(scopes), memberId }, transaction },
    );
    const [row] = await ctx.db.sequelize.query<AppConnectionRow>(
      `SELECT ${APP_CONNECTION_COLUMNS} FROM app_connections c JOIN oauth_apps a ON a.id = c.app_id WHERE c.id = :id`,
      { replacements: { id }, type: QueryTypes.SELECT, transaction },
    );
    if (!row) throw new Error('the connection just written is missing');
    const connection = toAppConnection(row);
    await recordAuditEvent(ctx, transaction, {
      action: 'app.authorized',
      subjectType: 'app_connection',
      subjectId: id,
      folderId: null,
      data: { appId: app.id, appName: app.name, scopes },
    });
    await emitEvent(ctx, transaction, 'app.authorized', null, connection);
    return { connection, replacedGrantId: replaced[0]?.grant_id ?? null };
  });
}
