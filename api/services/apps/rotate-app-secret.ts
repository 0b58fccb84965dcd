import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';
import { notFound } from '../../domain/errors.js';
import { hashSecret } from '../auth/secret-tokens.js';
import { newClientSecret } from './register-app.js';

/**
 * Replaces an app's client secret (shown once): the old one stops working at once. Tokens already issued
 * stay valid; only calls authenticated with the secret (token, refresh, revocation) need the new one.
 */
export async function rotateAppSecret(db: Database, clientId: string): Promise<{ clientId: string; clientSecret: string }> {
  const clientSecret = newClientSecret();
  const rows = await db.sequelize.query<{ id: string }>(
    'UPDATE oauth_apps SET client_secret_hash = :hash, secret_rotated_at = now() WHERE client_id = :clientId RETURNING id',
    { replacements: { hash: hashSecret(clientSecret), clientId }, type: QueryTypes.SELECT },
  );
  if (rows.length === 0) throw notFound('app');
  return { clientId, clientSecret };
}
