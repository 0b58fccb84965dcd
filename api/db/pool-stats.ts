import type { ScrapeSamplers } from '../ports/metrics.js';
import type { Database } from './database.js';

/** The counters of sequelize-pool, the pool under Sequelize's connection manager. */
interface SequelizePool {
  maxSize: number;
  size: number;
  available: number;
  using: number;
  waiting: number;
}

/** The Sequelize connection pool as the metrics see it (size, idle, in use, callers waiting). */
export function databasePoolStats(db: Database): ScrapeSamplers['databasePool'] {
  // Sequelize types its connection manager without the pool it holds (an internal of v6, stable across it).
  const pool = (db.sequelize.connectionManager as unknown as { pool: SequelizePool }).pool;
  return () => ({ max: pool.maxSize, size: pool.size, idle: pool.available, inUse: pool.using, waiting: pool.waiting });
}
