import type { Transaction } from 'sequelize';
import type { Database } from '../../db/database.js';
import type { AnchorBatchRow } from '../../db/models/anchoring.js';
import type { FinalisedAnchor } from '../../ports/anchor.js';
import { type AuditEntry, recordAuditEvent } from '../audit/record-audit-event.js';
import { presentFolders } from '../folders/present-folders.js';
import { type EventType, emitEvent } from '../outbox/emit-event.js';
import { systemContext } from './system-context.js';

/**
 * Moves every folder of a batch to `anchorStatus` and tells each office: one audit event and one webhook
 * event per folder. Folders are updated and presented in a fixed number of queries, whatever the batch size.
 */
async function settleFolders(
  db: Database,
  transaction: Transaction,
  folderIds: string[],
  change: { anchorStatus: 'anchored' | 'anchoring_failed'; anchorError: string | null },
  event: EventType,
  audit: Omit<AuditEntry, 'subjectType' | 'subjectId' | 'folderId' | 'action'>,
): Promise<void> {
  if (folderIds.length === 0) return;
  await db.models.Folder.update(change, { where: { id: folderIds }, transaction });
  const rows = await db.models.Folder.findAll({ where: { id: folderIds }, order: [['id', 'ASC']], transaction });
  const views = await presentFolders(systemContext(db, rows[0].officeId, 'anchoring'), rows, transaction);
  for (const [index, row] of rows.entries()) {
    const ctx = systemContext(db, row.officeId, 'anchoring');
    await recordAuditEvent(ctx, transaction, { ...audit, action: event, subjectType: 'folder', subjectId: row.id, folderId: row.id });
    await emitEvent(ctx, transaction, event, row.id, views[index]);
  }
}

/** The batch's operation is final: every folder in it is anchored, and each office hears of it. */
export async function finaliseAnchorBatch(db: Database, batch: AnchorBatchRow, anchor: FinalisedAnchor): Promise<void> {
  await db.sequelize.transaction(async (transaction) => {
    const now = new Date();
    await batch.update({ status: 'final', final: anchor, finalisedAt: now, lastError: null }, { transaction });
    const members = await db.models.FolderAnchor.findAll({ where: { batchId: batch.id }, attributes: ['folderId'], transaction });
    await db.models.FolderAnchor.update({ anchoredAt: now, lastError: null }, { where: { batchId: batch.id }, transaction });
    await settleFolders(
      db,
      transaction,
      members.map((m) => m.folderId),
      { anchorStatus: 'anchored', anchorError: null },
      'folder.anchored',
      { data: { batchId: batch.id, batchRoot: batch.root, network: anchor.network, operationHash: anchor.operationHash } },
    );
  });
}

/**
 * The batch cannot be anchored as it is (operation failed on chain, refused for good): its folders go back
 * to waiting, marked `anchoring_failed` with the reason until the next batch takes them again.
 */
export async function failAnchorBatch(db: Database, batch: AnchorBatchRow, reason: string): Promise<void> {
  await db.sequelize.transaction(async (transaction) => {
    await batch.update({ status: 'failed', lastError: reason }, { transaction });
    const members = await db.models.FolderAnchor.findAll({ where: { batchId: batch.id }, attributes: ['folderId'], transaction });
    await db.sequelize.query(
      'UPDATE folder_anchors SET batch_id = NULL, batch_path = NULL, failures = failures + 1, last_error = :reason WHERE batch_id = :batchId',
      { replacements: { reason, batchId: batch.id }, transaction },
    );
    await settleFolders(
      db,
      transaction,
      members.map((m) => m.folderId),
      { anchorStatus: 'anchoring_failed', anchorError: reason },
      'folder.anchoring_failed',
      { data: { reason } },
    );
  });
}
