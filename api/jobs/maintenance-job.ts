import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { BlobStore } from '../ports/blob-store.js';
import { sweepOrphanBlobs } from '../services/documents/sweep-orphan-blobs.js';
import { sweepExpiredRows } from '../services/maintenance/sweep-expired-rows.js';

export const MAINTENANCE_QUEUE = 'lecoffre-maintenance';
/** A blob still unreferenced an hour after it was written is left over from a crash or a refused upload. */
const ORPHAN_AGE_MS = 60 * 60 * 1000;

/**
 * Housekeeping every 10 minutes, on one process at a time (a pg-boss schedule fires once per cluster):
 * orphan blobs older than an hour, expired sessions, login attempts and idempotency keys.
 */
export async function startMaintenanceJob(boss: PgBoss, deps: { db: Database; blobStore: BlobStore; logger: Logger }): Promise<void> {
  await boss.createQueue(MAINTENANCE_QUEUE, { name: MAINTENANCE_QUEUE, policy: 'singleton', retryLimit: 0, expireInSeconds: 15 * 60 });
  await boss.work(MAINTENANCE_QUEUE, async () => {
    const orphans = await sweepOrphanBlobs(deps.db, deps.blobStore, new Date(Date.now() - ORPHAN_AGE_MS));
    const rows = await sweepExpiredRows(deps.db);
    deps.logger.info({ orphans, rows }, 'maintenance sweep');
  });
  await boss.schedule(MAINTENANCE_QUEUE, '*/10 * * * *');
}
