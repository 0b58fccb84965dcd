import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { QueryTypes } from 'sequelize';
import type { Database } from '../db/database.js';
import type { Anchor } from '../ports/anchor.js';
import type { TimestampAuthority } from '../ports/timestamp-authority.js';
import { type AnchorCycleOutcome, runAnchorCycle } from '../services/anchoring/anchor-cycle.js';
import { countWaitingFolders } from '../services/anchoring/batch-folders.js';
import { connectionOf } from './connection.js';
import { listenForWakeUps } from './wake-listener.js';

export const ANCHORING_QUEUE = 'lecoffre-anchoring';
/** One key for the interval's jobs: pg-boss's throttle (singletonSeconds) queues one per interval. */
const CYCLE_KEY = 'anchor-cycle';
// Any constant: the same for every process anchoring from this database.
const ANCHOR_CYCLE_LOCK_ID = 7_000_005;

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
 * singletonKey throttle) and runs an anchor cycle. One cycle at a time is held by a PostgreSQL advisory
 * lock, not by a singleton queue: a lock dies with its connection, so a process killed mid-cycle frees
 * the next cycle at once, where its job would hold a singleton queue until it expired (15 minutes); a
 * job that finds the lock taken ends at once. A cycle that leaves its batch pending (not final yet, node
 * unreachable) simply ends: the next one resumes it by its stored operation hash.
 *
 * A batch also starts as soon as `maxBatch` folders wait: each anchoring request NOTIFYs `anchoring` at
 * commit (migration 0008), the listener counts the waiting folders and queues a cycle at once when they
 * fill a batch; after a cycle that anchored, the same count (once the lock is released) queues the next
 * full batch. Fewer than `maxBatch` wait for the interval.
 */
export async function startAnchoringJob(boss: PgBoss, deps: AnchoringJobDeps): Promise<AnchoringJob> {
  await boss.createQueue(ANCHORING_QUEUE, { name: ANCHORING_QUEUE, policy: 'standard', retryLimit: 0, expireInSeconds: 15 * 60 });
  const whenFull = async () => {
    if ((await countWaitingFolders(deps.db)) < deps.maxBatch) return;
    // No throttle slot (singletonSeconds), which would drop this job inside the interval's window.
    await boss.send(ANCHORING_QUEUE, { full: true });
  };
  await boss.work<{ full?: boolean }>(ANCHORING_QUEUE, async ([job]) => {
    const result = await deps.db.sequelize.transaction(async (transaction) => {
      const [lock] = await deps.db.sequelize.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(:id) AS locked', {
        replacements: { id: ANCHOR_CYCLE_LOCK_ID },
        type: QueryTypes.SELECT,
        transaction,
      });
      if (!lock?.locked) return undefined; // another process is running a cycle, and queues the next full batch
      return runAnchorCycle({
        db: deps.db,
        anchor: deps.anchor,
        timestamps: deps.timestamps,
        maxBatch: deps.maxBatch,
        // Woken for a full batch: the folders counted may have gone into a batch meanwhile, and the few left
        // wait for the interval as documented.
        minFolders: job?.data?.full ? deps.maxBatch : 1,
      });
    });
    if (!result) return;
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
