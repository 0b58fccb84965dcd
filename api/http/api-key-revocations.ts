import pg from 'pg';
import type { Database } from '../db/database.js';
import { connectionOf } from '../jobs/connection.js';
import { API_KEY_REVOCATIONS_CHANNEL, forgetApiKey, setApiKeyRevocationsHeard } from '../services/auth/verified-api-keys.js';

export interface ApiKeyRevocations {
  close(): Promise<void>;
}

const RECONNECT_MS = 1000;

/**
 * Holds one connection LISTENing for API key revocations, so that this process may keep the keys it
 * verified in memory (services/auth/verified-api-keys.ts). While the connection is down nothing is kept,
 * and every request looks its key up again: a revocation missed then cannot leave a revoked key usable.
 */
export async function listenForApiKeyRevocations(db: Database, onError: (error: Error) => void): Promise<ApiKeyRevocations> {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ ...connectionOf(db), application_name: 'lecoffre-api-keys-listen' });
    next.on('notification', (message) => {
      if (message.payload) forgetApiKey(db, message.payload);
    });
    next.on('error', (error) => {
      setApiKeyRevocationsHeard(db, false);
      onError(error);
      next.end().catch(() => {});
      if (client === next) client = undefined;
      if (!closed) retry = setTimeout(() => void connect().catch(onError), RECONNECT_MS);
    });
    await next.connect();
    await next.query(`LISTEN ${API_KEY_REVOCATIONS_CHANNEL}`);
    if (closed) {
      await next.end();
      return;
    }
    client = next;
    setApiKeyRevocationsHeard(db, true);
  };

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      setApiKeyRevocationsHeard(db, false);
      await client?.end().catch(() => {});
    },
  };
}
