import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';

export interface RegisteredAppInfo {
  id: string;
  clientId: string;
  name: string;
  logoUrl: string | null;
  scopes: string[];
}

/** The app behind an OAuth client id, or null. */
export async function findAppByClientId(db: Database, clientId: string): Promise<RegisteredAppInfo | null> {
  const [row] = await db.sequelize.query<{
    id: string;
    client_id: string;
    name: string;
    logo_url: string | null;
    scopes: string[];
  }>('SELECT id, client_id, name, logo_url, scopes FROM oauth_apps WHERE client_id = :clientId', {
    replacements: { clientId },
    type: QueryTypes.SELECT,
  });
  if (!row) return null;
  return { id: row.id, clientId: row.client_id, name: row.name, logoUrl: row.logo_url, scopes: row.scopes };
}
