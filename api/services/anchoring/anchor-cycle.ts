import type { Database } from '../../db/database.js';
import { type Anchor, AnchorRejectedError, AnchorUnavailableError } from '../../ports/anchor.js';
import type { TimestampAuthority } from '../../ports/timestamp-authority.js';
import { openAnchorBatch } from './batch-folders.js';
import { failAnchorBatch, finaliseAnchorBatch } from './settle-batch.js';
import { AnchorNotFinalError, resumeAnchor, type SubmitOptions, submitAnchor, type WaitOptions, waitUntilFinal } from './submit-anchor.js';
import { timestampBatches } from './timestamp-batches.js';

export interface AnchorCycleDeps {
  db: Database;
  anchor: Anchor;
  /** Most folders in one batch (`LECOFFRE_ANCHOR_MAX_BATCH`). */
  maxBatch: number;
  /** Open a new batch only if this many folders wait (a cycle woken because a batch filled up). Default 1. */
  minFolders?: number;
  /** The RFC 3161 authority that stamps each batch root beside the anchor; null: no timestamps. */
  timestamps?: TimestampAuthority | null;
  submit?: Omit<SubmitOptions, 'persist'>;
  wait?: WaitOptions;
}

export type AnchorCycleOutcome =
  | { outcome: 'idle' }
  | { outcome: 'anchored'; batchId: string; folders: number }
  /** Submitted but not final yet, or the node unreachable: the next cycle resumes from the stored operation. */
  | { outcome: 'pending'; batchId: string; reason: string }
  | { outcome: 'failed'; batchId: string; reason: string };

/**
 * One run of the batching job. Resumes the batch in flight if there is one (after a crash, by its stored
 * operation hash: nothing is injected twice), else opens a batch of waiting folders; submits its root
 * (persisting the signed operation before sending it) and waits for finality (2 blocks on Tezos). Folders are
 * marked anchored only once their operation is final. Each batch root is also timestamped by the TSA
 * (timestamp-batches.ts) before it is submitted; a batch the TSA could not stamp is stamped by a later cycle.
 */
export async function runAnchorCycle(deps: AnchorCycleDeps): Promise<AnchorCycleOutcome> {
  const { db, anchor } = deps;
  const batch =
    (await db.models.AnchorBatch.findOne({ where: { status: ['open', 'submitted'] } })) ??
    (await openAnchorBatch(db, anchor.network, deps.maxBatch, deps.minFolders));
  await timestampBatches(db, deps.timestamps ?? null);
  if (!batch) return { outcome: 'idle' };
  const submitOptions: SubmitOptions = {
    ...deps.submit,
    persist: async (prepared) => {
      await batch.update({ prepared, status: 'submitted', attempts: batch.attempts + 1 });
    },
  };
  try {
    const { prepared } = batch.prepared
      ? await resumeAnchor(anchor, batch.prepared, submitOptions)
      : await submitAnchor(anchor, Buffer.from(batch.root, 'hex'), submitOptions);
    const final = await waitUntilFinal(anchor, prepared, deps.wait);
    await finaliseAnchorBatch(db, batch, final);
    return { outcome: 'anchored', batchId: batch.id, folders: batch.folderCount };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const stillLive = error instanceof AnchorNotFinalError && (error.status.state === 'pending' || error.status.state === 'not_found');
    if (error instanceof AnchorUnavailableError || stillLive) {
      await batch.update({ lastError: reason });
      return { outcome: 'pending', batchId: batch.id, reason };
    }
    if (error instanceof AnchorRejectedError || error instanceof AnchorNotFinalError) {
      await failAnchorBatch(db, batch, reason);
      return { outcome: 'failed', batchId: batch.id, reason };
    }
    throw error;
  }
}
