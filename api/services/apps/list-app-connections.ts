import { QueryTypes } from 'sequelize';
import type { ServiceContext } from '../context.js';
import { APP_CONNECTION_COLUMNS, type AppConnection, type AppConnectionRow, toAppConnection } from './app-connection-view.js';

/** The apps connected to the office (live connections), most recently connected first. */
export async function listAppConnections(ctx: ServiceContext): Promise<AppConnection[]> {
  const rows = await ctx.db.sequelize.query<AppConnectionRow>(
    `SELECT ${APP_CONNECTION_COLUMNS} FROM app_connections c JOIN oauth_apps a ON a.id = c.app_id
      WHERE c.office_id = :officeId AND c.revoked_at IS NULL ORDER BY c.id DESC LIMIT 200`,
    { replacements: { officeId: ctx.actor.officeId }, type: QueryTypes.SELECT },
  );
  return rows.map(toAppConnection);
}
