import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { QueryTypes } from 'sequelize';
import type { Database } from '../db/database.js';
import type { Anchor } from '../ports/anchor.js';
import { type AnchorCycleOutcome, runAnchorCycle } from '../services/anchoring/anchor-cycle.js';

export const ANCHORING_QUEUE = 'lecoffre-anchoring';

export interface AnchoringJobDeps {
  db: Database;
  anchor: Anchor;
  maxBatch: number;
  intervalSeconds: number;
  logger: Logger;
}

// Any constant: the same for every process anchoring from this database.
const ANCHOR_CYCLE_LOCK_ID = 7_000_005;

/**
 * The batching job: every `intervalSeconds` a job is queued (deduplicated across processes by pg-boss's
 * singletonKey throttle) and runs an anchor cycle. One cycle at a time is held by a PostgreSQL advisory
 * lock, not by a singleton queue: a lock dies with its connection, so a process killed mid-cycle frees
 * the next cycle at once, where its job would hold a singleton queue until it expired (15 minutes). A
 * cycle that leaves its batch pending (not final yet, node unreachable) simply ends: the next one
 * resumes it by its stored operation hash.
 */
export async function startAnchoringJob(boss: PgBoss, deps: AnchoringJobDeps): Promise<{ stop(): void; trigger(): Promise<void> }> {
  await boss.createQueue(ANCHORING_QUEUE, { name: ANCHORING_QUEUE, policy: 'standard', retryLimit: 0, expireInSeconds: 15 * 60 });
  await boss.work(ANCHORING_QUEUE, async () => {
    await deps.db.sequelize.transaction(async (transaction) => {
      const [lock] = await deps.db.sequelize.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(:id) AS locked', {
        replacements: { id: ANCHOR_CYCLE_LOCK_ID },
        type: QueryTypes.SELECT,
        transaction,
      });
      if (!lock?.locked) return; // another process is running a cycle: this job has nothing to do
      const result: AnchorCycleOutcome = await runAnchorCycle({ db: deps.db, anchor: deps.anchor, maxBatch: deps.maxBatch });
      if (result.outcome !== 'idle') deps.logger.info({ anchoring: result }, `anchor cycle: ${result.outcome}`);
    });
  });
  const trigger = async () => {
    await boss.send(ANCHORING_QUEUE, {}, { singletonKey: 'anchor-cycle', singletonSeconds: Math.max(1, deps.intervalSeconds - 1) });
  };
  const timer = setInterval(() => {
    trigger().catch((error: unknown) => deps.logger.warn({ err: error }, 'could not queue an anchor cycle'));
  }, deps.intervalSeconds * 1000);
  timer.unref();
  await trigger();
  return { stop: () => clearInterval(timer), trigger };
}
