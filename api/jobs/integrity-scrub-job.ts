import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { DataKeyCipher } from '../ports/data-key-cipher.js';
import { type ScrubMetrics, scrubStoredFiles } from '../services/documents/scrub-stored-files.js';

export const INTEGRITY_SCRUB_QUEUE = 'lecoffre-integrity-scrub';

export interface IntegrityScrubJobDeps {
  db: Database;
  blobStore: BlobStore;
  cipher: DataKeyCipher;
  logger: Logger;
  config: Pick<Config, 'scrub'>;
  metrics?: ScrubMetrics;
}

/**
 * The integrity scrub, every `intervalMinutes` on one process at a time (a pg-boss schedule fires once
 * per cluster; the queue is a singleton): each run reads for at most half the interval at the configured
 * byte rate, from where the last run stopped. Off when the rate is 0.
 */
export async function startIntegrityScrubJob(boss: PgBoss, deps: IntegrityScrubJobDeps): Promise<void> {
  const { bytesPerSecond, intervalMinutes } = deps.config.scrub;
  if (bytesPerSecond === 0) {
    // A schedule left by an earlier start with the scrub on must not keep firing at a queue nobody works.
    await boss.unschedule(INTEGRITY_SCRUB_QUEUE).catch(() => {});
    return;
  }
  const budgetMs = (intervalMinutes * 60_000) / 2;
  await boss.createQueue(INTEGRITY_SCRUB_QUEUE, {
    name: INTEGRITY_SCRUB_QUEUE,
    policy: 'singleton',
    retryLimit: 0,
    expireInSeconds: intervalMinutes * 60,
  });
  await boss.work(INTEGRITY_SCRUB_QUEUE, async () => {
    const result = await scrubStoredFiles(deps, { bytesPerSecond, budgetMs });
    deps.logger.info(
      { checked: result.checked, bytes: result.bytes, failed: result.failures.length, passCompleted: result.passCompleted },
      'integrity scrub run',
    );
  });
  await boss.schedule(INTEGRITY_SCRUB_QUEUE, `*/${intervalMinutes} * * * *`);
}
