import { Op } from 'sequelize';
import { DomainError, notFound } from '../../domain/errors.js';
import { ensureFolderOpen } from '../../domain/folder-state.js';
import { loadFolder, requireStaff } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { refreshFolderSearch } from './refresh-folder-search.js';
import { refreshFolderStats } from './refresh-folder-stats.js';

/**
 * Detaches a client from a folder. Their open requests are cancelled with them; a client who already sent
 * files stays, because removing them would hide documents the notary received (refused with 409).
 */
export async function removeFolderClient(ctx: ServiceContext, folderId: string, clientId: string): Promise<void> {
  requireStaff(ctx);
  await ctx.db.sequelize.transaction(async (transaction) => {
    const row = await loadFolder(ctx, folderId, transaction);
    ensureFolderOpen(row);
    const { FolderClient, DocumentFile, DocumentRequest } = ctx.db.models;
    const link = await FolderClient.findOne({ where: { folderId, clientId }, transaction });
    if (!link) throw notFound('client');
    if ((await DocumentFile.count({ where: { folderId, clientId }, transaction })) > 0) {
      throw new DomainError(
        'conflict',
        'client_has_files',
        'This client already sent files for this folder; they cannot be removed from it.',
      );
    }
    await DocumentRequest.update(
      { cancelledAt: new Date() },
      { where: { folderId, clientId, cancelledAt: { [Op.is]: null } }, transaction },
    );
    await link.destroy({ transaction });
    await refreshFolderSearch(ctx, transaction, folderId);
    await refreshFolderStats(ctx, transaction, folderId);
    await recordAuditEvent(ctx, transaction, { action: 'folder.client_removed', subjectType: 'client', subjectId: clientId, folderId });
  });
}
