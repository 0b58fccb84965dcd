import pg from 'pg';
import { Sequelize } from 'sequelize';

// PostgreSQL's bigint (count(*), sums) arrives as a string by default; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number.parseInt(value, 10));

export interface ConnectionOptions {
  poolMax?: number;
  /** Milliseconds to wait for a pooled connection before failing the request with 503. */
  acquireTimeoutMs?: number;
  /** Milliseconds to open a new connection before giving up (3 s: an unreachable database is a quick 503). */
  connectTimeoutMs?: number;
}

export function createSequelize(databaseUrl: string, options: ConnectionOptions = {}): Sequelize {
  return new Sequelize(databaseUrl, {
    dialect: 'postgres',
    dialectModule: pg,
    logging: false,
    pool: { max: options.poolMax ?? 10, min: 0, idle: 10_000, acquire: options.acquireTimeoutMs ?? 5_000 },
    dialectOptions: { connectionTimeoutMillis: options.connectTimeoutMs ?? 3_000, application_name: 'lecoffre' },
    define: { underscored: true, timestamps: true },
  });
}
