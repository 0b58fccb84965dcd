import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
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

/**
 * The batching job: every `intervalSeconds` a job is queued (deduplicated across processes by pg-boss's
 * singletonKey throttle) and one worker at a time (singleton queue) runs an anchor cycle. A cycle that
 * leaves its batch pending (not final yet, node unreachable) simply ends: the next one resumes it by its
 * stored operation hash.
 */
export async function startAnchoringJob(boss: PgBoss, deps: AnchoringJobDeps): Promise<{ stop(): void; trigger(): Promise<void> }> {
  await boss.createQueue(ANCHORING_QUEUE, { name: ANCHORING_QUEUE, policy: 'singleton', retryLimit: 0, expireInSeconds: 15 * 60 });
  await boss.work(ANCHORING_QUEUE, async () => {
    const result: AnchorCycleOutcome = await runAnchorCycle({ db: deps.db, anchor: deps.anchor, maxBatch: deps.maxBatch });
    if (result.outcome !== 'idle') deps.logger.info({ anchoring: result }, `anchor cycle: ${result.outcome}`);
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
