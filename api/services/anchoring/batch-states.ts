import type { Database } from '../../db/database.js';
import type { ScrapeSamplers } from '../../ports/metrics.js';

const STATES = ['open', 'submitted', 'final', 'failed'] as const;

/** Anchoring batches per state, every state present (at zero when none): a stuck `submitted` shows. */
export function anchorBatchStates(db: Database): ScrapeSamplers['anchorBatches'] {
  return async () => {
    const rows = (await db.models.AnchorBatch.count({ group: ['status'] })) as unknown as Array<{ status: string; count: number }>;
    const counts = new Map<string, number>(STATES.map((state) => [state, 0]));
    for (const row of rows) counts.set(row.status, Number(row.count));
    return [...counts].map(([state, count]) => ({ state, count }));
  };
}
