import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';
import type { AppTokenInfo } from '../../ports/app-authorization.js';
import type { Authenticated } from '../auth/authenticate-token.js';

/**
 * The actor of an app access token the authorization server vouched for: the app, acting for the office
 * that consented, within the scopes of both the token and the live connection. A connection the office
 * ended refuses its tokens at once, whatever the authorization server still holds. Last use is kept to
 * the minute (one write per minute per connection at most).
 */
export async function authenticateAppToken(db: Database, token: AppTokenInfo, ip: string | null): Promise<Authenticated | null> {
  const [row] = await db.sequelize.query<{ id: string; app_id: string; scopes: string[] }>(
    `UPDATE app_connections c SET last_used_at = now()
       FROM oauth_apps a
      WHERE c.grant_id = :grantId AND c.office_id = :officeId AND c.revoked_at IS NULL AND a.id = c.app_id AND a.client_id = :clientId
        AND (c.last_used_at IS NULL OR c.last_used_at < now() - interval '1 minute')
      RETURNING c.id, c.app_id, c.scopes`,
    { replacements: { grantId: token.grantId, officeId: token.officeId, clientId: token.clientId }, type: QueryTypes.SELECT },
  );
  const connection =
    row ??
    (
      await db.sequelize.query<{ id: string; app_id: string; scopes: string[] }>(
        `SELECT c.id, c.app_id, c.scopes FROM app_connections c JOIN oauth_apps a ON a.id = c.app_id
          WHERE c.grant_id = :grantId AND c.office_id = :officeId AND c.revoked_at IS NULL AND a.client_id = :clientId`,
        { replacements: { grantId: token.grantId, officeId: token.officeId, clientId: token.clientId }, type: QueryTypes.SELECT },
      )
    )[0];
  if (!connection) return null;
  const scopes = token.scopes.filter((scope) => connection.scopes.includes(scope));
  return {
    actor: {
      kind: 'app',
      officeId: token.officeId,
      credentialId: connection.id,
      memberId: null,
      role: null,
      folderId: null,
      app: { id: connection.app_id, scopes },
      ip,
    },
    pending: false,
  };
}
