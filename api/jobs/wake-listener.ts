import pg from 'pg';
import type { PgConnection } from './connection.js';

/**
 * Payloads of NOTIFY lecoffre_jobs: the outbox trigger (migration 0004), the webhook API actions, and the
 * anchoring requests (migration 0008).
 */
export type WakeReason = 'outbox' | 'webhooks' | 'notifications' | 'anchoring';
const REASONS: readonly string[] = ['outbox', 'webhooks', 'notifications', 'anchoring'] satisfies WakeReason[];

export interface WakeListener {
  close(): Promise<void>;
}

const CHANNEL = 'lecoffre_jobs';
const RECONNECT_MS = 1000;

/**
 * Holds one connection LISTENing on `lecoffre_jobs` and calls `onWake` for each notification. NOTIFY
 * is lost while disconnected, so every (re)connection also calls `onWake('outbox')` and
 * `onWake('webhooks')`: what was missed is picked up from the tables, which are the truth.
 */
export async function listenForWakeUps(
  connection: PgConnection,
  onWake: (reason: WakeReason) => void,
  onError: (error: Error) => void,
): Promise<WakeListener> {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ ...connection, application_name: 'lecoffre-jobs-listen' });
    next.on('notification', (message) => {
      if (message.payload && REASONS.includes(message.payload)) onWake(message.payload as WakeReason);
    });
    next.on('error', (error) => {
      onError(error);
      next.end().catch(() => {});
      if (client === next) client = undefined;
      if (!closed) retry = setTimeout(() => void connect().catch(onError), RECONNECT_MS);
    });
    await next.connect();
    await next.query(`LISTEN ${CHANNEL}`);
    if (closed) {
      await next.end();
      return;
    }
    client = next;
    onWake('outbox');
    onWake('webhooks');
  };

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
