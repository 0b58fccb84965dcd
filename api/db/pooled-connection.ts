import type pg from 'pg';
import type { Database } from './database.js';

/** Sequelize's postgres connections are pg Clients (connection.ts hands it the pg module). */
export type PooledClient = pg.Client & { _invalid?: boolean };

/**
 * Runs `work` on one connection of Sequelize's pool, outside Sequelize's query layer: for what that layer
 * cannot send, a named prepared statement or several statements in one round trip. The connection goes
 * back to the pool after; one that broke is dropped from it, as Sequelize does for its own.
 */
export async function onPooledConnection<T>(db: Database, work: (client: PooledClient) => Promise<T>): Promise<T> {
  const client = (await db.sequelize.connectionManager.getConnection({ type: 'write' })) as PooledClient;
  try {
    return await work(client);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ECONNRESET') client._invalid = true;
    throw error;
  } finally {
    db.sequelize.connectionManager.releaseConnection(client);
  }
}

/**
 * `work` sends its own BEGIN and COMMIT inside its statements' text (to spare round trips); if it fails
 * half-way, the transaction it left open (aborted, its COMMIT skipped) is rolled back before the
 * connection goes back to the pool, or the connection is dropped.
 */
export async function rollingBackOnFailure<T>(client: PooledClient, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      client._invalid = true;
    });
    throw error;
  }
}
