import { Router } from 'express';
import type { Database } from '../db/database.js';
import { sendProblem } from './problem.js';

const READY_TIMEOUT_MS = 2_000;

/** Liveness (the process answers) and readiness (it can reach PostgreSQL), for load balancers. */
export function healthRoutes(db: Database): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        db.sequelize.query('SELECT 1'),
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
