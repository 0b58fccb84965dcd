import type { Database } from '../db/database.js';

export interface PgConnection {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string | undefined;
}

/**
 * The jobs open their own connections (pg-boss's pool, the LISTEN connection) to the database the
 * Sequelize pool uses. Read from it rather than from config: in embedded mode main.ts finds the URL itself.
 */
export function connectionOf(db: Database): PgConnection {
  const c = db.sequelize.config;
  return {
    host: c.host ?? 'localhost',
    port: Number(c.port ?? 5432),
    database: c.database,
    user: c.username,
    password: c.password ?? undefined,
  };
}
