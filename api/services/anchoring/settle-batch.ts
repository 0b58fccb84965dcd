import type { Database } from '../../db/database.js';
import type { AnchorBatchRow } from '../../db/models/anchoring.js';
import type { FinalisedAnchor } from '../../ports/anchor.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { presentFolder } from '../folders/present-folders.js';
import { emitEvent } from '../outbox/emit-event.js';
import { systemContext } from './system-context.js';

/** The batch's operation is final: every folder in it is anchored, and each office hears of it. */
export async function finaliseAnchorBatch(db: Database, batch: AnchorBatchRow, anchor: FinalisedAnchor): Promise<void> {
  await db.sequelize.transaction(async (transaction) => {
    const now = new Date();
    await batch.update({ status: 'final', final: anchor, finalisedAt: now, lastError: null }, { transaction });
    const members = await db.models.FolderAnchor.findAll({ where: { batchId: batch.id }, transaction });
    await db.models.FolderAnchor.update({ anchoredAt: now, lastError: null }, { where: { batchId: batch.id }, transaction });
    for (const member of members) {
      const ctx = systemContext(db, member.officeId, 'anchoring');
      const folder = await db.models.Folder.findByPk(member.folderId, { transaction, lock: transaction.LOCK.UPDATE });
      if (!folder) continue;
      await folder.update({ anchorStatus: 'anchored', anchorError: null }, { transaction });
      await recordAuditEvent(ctx, transaction, {
        action: 'folder.anchored',
        subjectType: 'folder',
        subjectId: folder.id,
        folderId: folder.id,
        data: { batchId: batch.id, batchRoot: batch.root, network: anchor.network, operationHash: anchor.operationHash },
      });
      await emitEvent(ctx, transaction, 'folder.anchored', folder.id, await presentFolder(ctx, folder, transaction));
    }
  });
}

/**
 * The batch cannot be anchored as it is (operation failed on chain, refused for good): its folders go back
 * to waiting, marked `anchoring_failed` with the reason until the next batch takes them again.
 */
export async function failAnchorBatch(db: Database, batch: AnchorBatchRow, reason: string): Promise<void> {
  await db.sequelize.transaction(async (transaction) => {
    await batch.update({ status: 'failed', lastError: reason }, { transaction });
    const members = await db.models.FolderAnchor.findAll({ where: { batchId: batch.id }, transaction });
    for (const member of members) {
      await member.update({ batchId: null, batchPath: null, failures: member.failures + 1, lastError: reason }, { transaction });
      const ctx = systemContext(db, member.officeId, 'anchoring');
      const folder = await db.models.Folder.findByPk(member.folderId, { transaction, lock: transaction.LOCK.UPDATE });
      if (!folder) continue;
      await folder.update({ anchorStatus: 'anchoring_failed', anchorError: reason }, { transaction });
      await recordAuditEvent(ctx, transaction, {
        action: 'folder.anchoring_failed',
        subjectType: 'folder',
        subjectId: folder.id,
        folderId: folder.id,
        data: { reason },
      });
      await emitEvent(ctx, transaction, 'folder.anchoring_failed', folder.id, await presentFolder(ctx, folder, transaction));
    }
  });
}
