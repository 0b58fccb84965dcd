import pg from 'pg';

/** A database check that never waits behind request traffic. */
export interface DatabaseProbe {
  check(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `SELECT 1` on a connection of its own. On the request pool the check queues behind every busy
 * request, so a process under load would look unreachable and a balancer could take every process out
 * at once; here it answers whether PostgreSQL is reachable, which is what readiness means.
 */
export function openDatabaseProbe(databaseUrl: string, timeoutMs: number): DatabaseProbe {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 1,
    connectionTimeoutMillis: timeoutMs,
    // Idle between checks: released after a while, and never what keeps the process alive.
    idleTimeoutMillis: 30_000,
    allowExitOnIdle: true,
    application_name: 'lecoffre-readiness',
  });
  // A dropped idle connection is replaced at the next check; the error itself needs no handling.
  pool.on('error', () => {});
  return {
    async check() {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}
