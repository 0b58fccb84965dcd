import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { databasePoolStats } from '../db/pool-stats.js';
import { metricsPortListener } from '../http/metrics.js';
import { jobQueueDepths } from '../jobs/queue-depths.js';
import type { ProcessMetrics } from '../ports/metrics.js';
import { anchorBatchStates } from '../services/anchoring/batch-states.js';

export interface MetricsServing {
  /** The start banner's line, when the private port listens. */
  banner: string[];
  close(): Promise<void>;
}

/**
 * Gives the process's metrics their scrape-time gauges (job queues, anchoring batches, the database pool)
 * and, with LECOFFRE_METRICS_PORT, listens on the private metrics port. The public port's /metrics (with
 * LECOFFRE_METRICS_TOKEN) is app.ts's.
 */
export async function serveMetrics(deps: {
  config: Config;
  db: Database;
  metrics: ProcessMetrics;
  logger: Logger;
}): Promise<MetricsServing> {
  const { config, db, metrics, logger } = deps;
  metrics.sampleOnScrape({
    jobQueues: jobQueueDepths(db),
    anchorBatches: anchorBatchStates(db),
    databasePool: databasePoolStats(db),
  });
  const { port, host } = config.metrics;
  if (port === undefined) return { banner: [], close: async () => {} };
  const server: Server = createServer(metricsPortListener(metrics, (error) => logger.error({ err: error }, 'metrics scrape failed')));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return {
    banner: [`  Metrics        http://${host.includes(':') ? `[${host}]` : host}:${bound}/metrics`],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
