import { QueryTypes } from 'sequelize';
import type { Database } from '../db/database.js';
import type { ScrapeSamplers } from '../ports/metrics.js';
import { ANCHORING_QUEUE } from './anchoring-job.js';
import { MAINTENANCE_QUEUE } from './maintenance-job.js';
import { QUEUES } from './queues.js';

/** Every queue this product runs: each has a series, at zero when empty, so a missing one is a missing queue. */
const ALL_QUEUES = [...Object.values(QUEUES), ANCHORING_QUEUE, MAINTENANCE_QUEUE];

/**
 * Jobs waiting and running per queue, counted in pg-boss's job table (schema `pgboss`, as main.ts starts
 * it) rather than through its API, whose shape changes between major versions while this table keeps its
 * `name` and `state` columns. One indexed query per scrape.
 */
export function jobQueueDepths(db: Database, schema = 'pgboss'): ScrapeSamplers['jobQueues'] {
  return async () => {
    const rows = await db.sequelize.query<{ name: string; state: string; count: number }>(
      `SELECT name, state::text AS state, count(*)::int AS count
         FROM "${schema}".job
        WHERE name IN (:names) AND state IN ('created', 'retry', 'active')
        GROUP BY name, state`,
      { replacements: { names: ALL_QUEUES }, type: QueryTypes.SELECT },
    );
    const depth = new Map<string, number>(
      ALL_QUEUES.flatMap((queue) => [[`${queue}|queued`, 0] as const, [`${queue}|active`, 0] as const]),
    );
    for (const row of rows) {
      const key = `${row.name}|${row.state === 'active' ? 'active' : 'queued'}`;
      depth.set(key, (depth.get(key) ?? 0) + row.count);
    }
    return [...depth].map(([key, count]) => {
      const [queue, state] = key.split('|') as [string, 'queued' | 'active'];
      return { queue, state, count };
    });
  };
}
