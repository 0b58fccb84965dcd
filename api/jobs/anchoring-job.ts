import type { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { Anchor } from '../ports/anchor.js';
import type { TimestampAuthority } from '../ports/timestamp-authority.js';
import { type AnchorCycleOutcome, runAnchorCycle } from '../services/anchoring/anchor-cycle.js';
import { countWaitingFolders } from '../services/anchoring/batch-folders.js';
import { connectionOf } from './connection.js';
import { listenForWakeUps } from './wake-listener.js';

export const ANCHORING_QUEUE = 'lecoffre-anchoring';
/** One key for every anchoring job: pg-boss's singleton policy allows one active job per key. */
const CYCLE_KEY = 'anchor-cycle';

export interface AnchoringJobDeps {
  db: Database;
  anchor: Anchor;
  timestamps?: TimestampAuthority | null;
  maxBatch: number;
  intervalSeconds: number;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** Told of every cycle's outcome once it is recorded (tests wait on it instead of on the clock). */
  onCycle?: (outcome: AnchorCycleOutcome) => void;
}

export interface AnchoringJob {
  stop(): Promise<void>;
  /** Queues a cycle as the interval does (at most one per interval). */
  trigger(): Promise<void>;
}

/**
 * The batching job: every `intervalSeconds` a job is queued (deduplicated across processes by pg-boss's
 * singletonKey throttle) and one worker at a time (singleton queue) runs an anchor cycle. A cycle that
 * leaves its batch pending (not final yet, node unreachable) simply ends: the next one resumes it by its
 * stored operation hash.
 *
 * A batch also starts as soon as `maxBatch` folders wait: each anchoring request NOTIFYs `anchoring` at
 * commit (migration 0008), the listener counts the waiting folders and queues a cycle at once when they
 * fill a batch; after a cycle that anchored, the same count queues the next full batch. Fewer than
 * `maxBatch` wait for the interval.
 */
export async function startAnchoringJob(boss: PgBoss, deps: AnchoringJobDeps): Promise<AnchoringJob> {
  await boss.createQueue(ANCHORING_QUEUE, { policy: 'singleton', retryLimit: 0, expireInSeconds: 15 * 60 });
  const whenFull = async () => {
    if ((await countWaitingFolders(deps.db)) < deps.maxBatch) return;
    // The interval's key, so the singleton queue still runs one cycle at a time across both; but no
    // throttle slot (singletonSeconds), which would drop this job inside the interval's window.
    await boss.send(ANCHORING_QUEUE, { full: true }, { singletonKey: CYCLE_KEY });
  };
  await boss.work<{ full?: boolean }>(ANCHORING_QUEUE, async ([job]) => {
    const result = await runAnchorCycle({
      db: deps.db,
      anchor: deps.anchor,
      timestamps: deps.timestamps,
      maxBatch: deps.maxBatch,
      // Woken for a full batch: the folders counted may have gone into a batch meanwhile, and the few left
      // wait for the interval as documented.
      minFolders: job?.data?.full ? deps.maxBatch : 1,
    });
    if (result.outcome !== 'idle') deps.logger.info({ anchoring: result }, `anchor cycle: ${result.outcome}`);
    deps.onCycle?.(result);
    if (result.outcome === 'anchored') await whenFull();
  });
  const trigger = async () => {
    await boss.send(ANCHORING_QUEUE, {}, { singletonKey: CYCLE_KEY, singletonSeconds: Math.max(1, deps.intervalSeconds - 1) });
  };
  const warn = (what: string) => (error: unknown) => deps.logger.warn({ err: error }, what);
  const timer = setInterval(() => trigger().catch(warn('could not queue an anchor cycle')), deps.intervalSeconds * 1000);
  timer.unref();
  const listener = await listenForWakeUps(
    connectionOf(deps.db),
    (reason) => {
      if (reason === 'anchoring') whenFull().catch(warn('could not queue a full anchoring batch'));
    },
    warn('anchoring: wake-up listener lost its connection'),
  );
  await trigger();
  await whenFull(); // folders that filled a batch while no process listened
  return {
    async stop() {
      clearInterval(timer);
      await listener.close();
    },
    trigger,
  };
}
