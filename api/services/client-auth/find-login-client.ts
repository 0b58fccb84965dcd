import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';

export interface LoginClient {
  id: string;
  officeId: string;
  firstName: string;
  lastName: string;
  email: string;
  mobile: string;
}

/**
 * The client an e-mail signs in as: one with at least one open folder. The same person may be a client of
 * several offices (one client row each); the office named in the request wins, else the one whose
 * folder they joined last.
 */
export async function findLoginClient(db: Database, normalizedEmail: string, officeId?: string): Promise<LoginClient | null> {
  const [row] = await db.sequelize.query<LoginClient>(
    `SELECT c.id, c.office_id AS "officeId", c.first_name AS "firstName", c.last_name AS "lastName", c.email, c.mobile
       FROM clients c
       JOIN folder_clients fc ON fc.client_id = c.id
       JOIN folders f ON f.id = fc.folder_id AND f.status = 'open'
      WHERE c.email_normalized = :email ${officeId ? 'AND c.office_id = :officeId' : ''}
      ORDER BY fc.created_at DESC
      LIMIT 1`,
    { replacements: { email: normalizedEmail, officeId: officeId ?? null }, type: QueryTypes.SELECT },
  );
  return row ?? null;
}
