import { DomainError } from '../../domain/errors.js';
import { loadFolder, requireStaff } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { emitEvent } from '../outbox/emit-event.js';
import { presentFolder } from './present-folders.js';
import type { Folder } from './views.js';

/**
 * "Archiver le dossier": allowed whether or not every document is validated (the guide offers it at
 * 100% without anchoring, and an abandoned deed must be archivable too). The folder moves to the
 * "Dossiers archivés" tab; its documents stay readable.
 */
export async function archiveFolder(ctx: ServiceContext, id: string): Promise<Folder> {
  requireStaff(ctx);
  return ctx.db.sequelize.transaction(async (transaction) => {
    const row = await loadFolder(ctx, id, transaction);
    if (row.status === 'archived') throw new DomainError('conflict', 'folder_archived', 'This folder is already archived.');
    await row.update({ status: 'archived', archivedAt: new Date(), version: row.version + 1 }, { transaction });
    const folder = await presentFolder(ctx, row, transaction);
    await recordAuditEvent(ctx, transaction, {
      action: 'folder.archived',
      subjectType: 'folder',
      subjectId: row.id,
      folderId: row.id,
      data: { completionPercent: folder.completion.percent },
    });
    await emitEvent(ctx, transaction, 'folder.archived', row.id, folder);
    return folder;
  });
}
