import { QueryTypes, type Transaction } from 'sequelize';
import type { Database } from '../../db/database.js';
import { notFound } from '../../domain/errors.js';
import { requireNotary } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { emitEvent } from '../outbox/emit-event.js';
import {
  APP_CONNECTION_COLUMNS,
  type AppConnection,
  type AppConnectionEnd,
  type AppConnectionRow,
  toAppConnection,
} from './app-connection-view.js';

async function endConnection(
  ctx: ServiceContext,
  transaction: Transaction,
  connectionId: string,
  reason: AppConnectionEnd,
): Promise<AppConnection | null> {
  const [ended] = await ctx.db.sequelize.query<{ id: string }>(
    `UPDATE app_connections SET revoked_at = now(), revoked_reason = :reason
      WHERE id = :id AND office_id = :officeId AND revoked_at IS NULL RETURNING id`,
    { replacements: { id: connectionId, officeId: ctx.actor.officeId, reason }, type: QueryTypes.SELECT, transaction },
  );
  if (!ended) return null;
  const [row] = await ctx.db.sequelize.query<AppConnectionRow>(
    `SELECT ${APP_CONNECTION_COLUMNS} FROM app_connections c JOIN oauth_apps a ON a.id = c.app_id WHERE c.id = :id`,
    { replacements: { id: connectionId }, type: QueryTypes.SELECT, transaction },
  );
  if (!row) return null;
  const connection = toAppConnection(row);
  await recordAuditEvent(ctx, transaction, {
    action: 'app.deauthorized',
    subjectType: 'app_connection',
    subjectId: connection.id,
    folderId: null,
    data: { appId: connection.app.id, reason },
  });
  await emitEvent(ctx, transaction, 'app.deauthorized', null, connection);
  return connection;
}

/**
 * "Déconnecter": a notary of the office ends an app's access at once (its tokens are refused from the
 * next call; the caller also revokes the grant at the authorization server). Returns the grant to revoke.
 */
export async function disconnectApp(ctx: ServiceContext, connectionId: string): Promise<{ connection: AppConnection; grantId: string }> {
  requireNotary(ctx);
  return ctx.db.sequelize.transaction(async (transaction) => {
    const [live] = await ctx.db.sequelize.query<{ grant_id: string }>(
      'SELECT grant_id FROM app_connections WHERE id = :id AND office_id = :officeId AND revoked_at IS NULL FOR UPDATE',
      { replacements: { id: connectionId, officeId: ctx.actor.officeId }, type: QueryTypes.SELECT, transaction },
    );
    if (!live) throw notFound('app_connection');
    const connection = await endConnection(ctx, transaction, connectionId, 'disconnected_by_office');
    if (!connection) throw notFound('app_connection');
    return { connection, grantId: live.grant_id };
  });
}

/**
 * The authorization server revoked a grant on its own (the app revoked its refresh token, a used refresh
 * token or a code came back): the connection ends, attributed to the app.
 */
export async function endConnectionOfGrant(db: Database, grantId: string, reason: AppConnectionEnd): Promise<AppConnection | null> {
  const [live] = await db.sequelize.query<{ id: string; office_id: string; app_id: string; scopes: string[] }>(
    'SELECT id, office_id, app_id, scopes FROM app_connections WHERE grant_id = :grantId AND revoked_at IS NULL',
    { replacements: { grantId }, type: QueryTypes.SELECT },
  );
  if (!live) return null;
  const ctx: ServiceContext = {
    db,
    actor: {
      kind: 'app',
      officeId: live.office_id,
      credentialId: live.id,
      memberId: null,
      role: null,
      folderId: null,
      app: { id: live.app_id, scopes: live.scopes },
      ip: null,
    },
  };
  return db.sequelize.transaction((transaction) => endConnection(ctx, transaction, live.id, reason));
}
