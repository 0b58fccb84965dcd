import { Op } from 'sequelize';
import { DomainError, notFound } from '../../domain/errors.js';
import { ensureFolderOpen } from '../../domain/folder-state.js';
import { loadFolder, requireStaff } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { refreshFolderStats } from '../folders/refresh-folder-stats.js';
import { emitEvent } from '../outbox/emit-event.js';
import { toDocumentRequest } from './views.js';

/** Withdraws a request the client no longer needs to answer; one with a validated file is part of the record and stays. */
export async function cancelDocumentRequest(ctx: ServiceContext, requestId: string): Promise<void> {
  requireStaff(ctx);
  const { DocumentRequest, DocumentFile } = ctx.db.models;
  const request = await DocumentRequest.findOne({ where: { id: requestId, officeId: ctx.actor.officeId, cancelledAt: { [Op.is]: null } } });
  if (!request) throw notFound('document_request');
  await ctx.db.sequelize.transaction(async (transaction) => {
    const folder = await loadFolder(ctx, request.folderId, transaction);
    ensureFolderOpen(folder);
    await request.reload({ transaction });
    if (request.cancelledAt) throw notFound('document_request');
    if ((await DocumentFile.count({ where: { requestId, status: 'validated' }, transaction })) > 0) {
      throw new DomainError(
        'conflict',
        'request_has_validated_file',
        'A file of this request is validated; the request can no longer be cancelled.',
      );
    }
    await request.update({ cancelledAt: new Date() }, { transaction });
    await recordAuditEvent(ctx, transaction, {
      action: 'document.request_cancelled',
      subjectType: 'document_request',
      subjectId: requestId,
      folderId: folder.id,
    });
    const files = await DocumentFile.findAll({ where: { requestId }, order: [['createdAt', 'ASC']], transaction });
    await emitEvent(ctx, transaction, 'document.request_cancelled', folder.id, toDocumentRequest(request, files));
    // After the request's own event, so that receivers see the withdrawal before a "folder.completed" it causes.
    await refreshFolderStats(ctx, transaction, folder.id);
  });
}
