import { Router } from 'express';
import type { Database } from '../db/database.js';
import { sendProblem } from './problem.js';

export const READY_TIMEOUT_MS = 2_000;

/**
 * Whether this process serves traffic. main.ts sets it once the database is migrated, storage is open and
 * the job runners run, and drops it when a stop begins: the server listens before its jobs start, so
 * answering at all does not mean ready.
 */
export interface Readiness {
  ready: boolean;
  /** The database check, on a connection of its own (main.ts); without one, the request pool's. */
  probe?: { check(): Promise<void> };
  /**
   * Aborted when a stop's drain runs out: uploads still streaming are refused (503 `server_shutting_down`)
   * and their temporary blobs removed, rather than cut with the connection. Absent: never.
   */
  drainEnded?: AbortSignal;
}

/** Liveness (the process answers) and readiness (it has started, and it can reach PostgreSQL), for load balancers. */
export function healthRoutes(db: Database, readiness: Readiness): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (!readiness.ready) {
      res.setHeader('Retry-After', '5');
      sendProblem(res, 503, 'not_ready', 'This process is starting or stopping: send traffic to another one.');
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        readiness.probe ? readiness.probe.check() : db.sequelize.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS);
        }),
      ]);
      res.json({ status: 'ok', database: 'up' });
    } catch {
      res.setHeader('Retry-After', '5');
      sendProblem(res, 503, 'database_unavailable', 'PostgreSQL cannot be reached.');
    } finally {
      clearTimeout(timer);
    }
  });
  return router;
}
