import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';

/** Whether an office's connection to an app still stands (widget sessions an app minted die with it). */
export async function appConnectionIsLive(db: Database, connectionId: string, officeId: string): Promise<boolean> {
  const rows = await db.sequelize.query(
    'SELECT 1 FROM app_connections WHERE id = :connectionId AND office_id = :officeId AND revoked_at IS NULL',
    { replacements: { connectionId, officeId }, type: QueryTypes.SELECT },
  );
  return rows.length > 0;
}
