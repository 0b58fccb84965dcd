import { Op } from 'sequelize';
import { DomainError } from '../../domain/errors.js';
import { ensureFolderOpen } from '../../domain/folder-state.js';
import { actorRef, loadFolder, requireStaff } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { refreshFolderStats } from '../folders/refresh-folder-stats.js';
import { emitEvent } from '../outbox/emit-event.js';
import { refreshRequestStatus } from '../requests/refresh-request-status.js';
import { loadFile } from './load-file.js';
import { type DocumentFile, toDocumentFile } from './views.js';

export interface RefuseFileInput {
  /**
   * Why, for the client ("Veuillez indiquer au client le motif du refus"): sent to them by e-mail.
   * Optional through the API, as in the guide; the hosted console requires one.
   * @maxLength 1000
   */
  reason?: string;
}

type Decision = { verdict: 'validated' } | { verdict: 'refused'; reason: string | null };

/**
 * Valider / Refuser a pending file. Only a pending file can be reviewed: a decision, once made, is part of
 * the record (the client re-uploads after a refusal; a new file is a new review).
 */
async function reviewFile(ctx: ServiceContext, fileId: string, decision: Decision): Promise<DocumentFile> {
  requireStaff(ctx);
  return ctx.db.sequelize.transaction(async (transaction) => {
    const file = await loadFile(ctx, fileId);
    const folder = await loadFolder(ctx, file.folderId, transaction);
    ensureFolderOpen(folder);
    await file.reload({ transaction, lock: transaction.LOCK.UPDATE });
    if (file.status !== 'pending') {
      throw new DomainError(
        'conflict',
        file.status === 'validated' ? 'file_already_validated' : 'file_already_refused',
        `This file was already ${file.status}; only a pending file can be reviewed.`,
      );
    }
    if (file.requestId) {
      const request = await ctx.db.models.DocumentRequest.findOne({
        where: { id: file.requestId, cancelledAt: { [Op.not]: null } },
        transaction,
      });
      if (request)
        throw new DomainError('conflict', 'request_cancelled', 'The request of this file was cancelled; there is nothing to review.');
    }
    await file.update(
      {
        status: decision.verdict,
        refusalReason: decision.verdict === 'refused' ? decision.reason : null,
        reviewedBy: actorRef(ctx),
        reviewedAt: new Date(),
      },
      { transaction },
    );
    if (file.requestId) await refreshRequestStatus(ctx, transaction, file.requestId);
    const view = toDocumentFile(file);
    await recordAuditEvent(ctx, transaction, {
      action: decision.verdict === 'validated' ? 'document.validated' : 'document.refused',
      subjectType: 'document_file',
      subjectId: file.id,
      folderId: file.folderId,
      data: decision.verdict === 'refused' ? { reason: decision.reason, sha256: file.sha256 } : { sha256: file.sha256 },
    });
    await emitEvent(ctx, transaction, decision.verdict === 'validated' ? 'document.validated' : 'document.refused', file.folderId, view);
    // After the file's own event, so that receivers see "validated" before "folder.completed".
    await refreshFolderStats(ctx, transaction, file.folderId);
    return view;
  });
}

export function validateFile(ctx: ServiceContext, fileId: string): Promise<DocumentFile> {
  return reviewFile(ctx, fileId, { verdict: 'validated' });
}

export function refuseFile(ctx: ServiceContext, fileId: string, input: RefuseFileInput): Promise<DocumentFile> {
  const reason = input.reason?.trim() || null;
  return reviewFile(ctx, fileId, { verdict: 'refused', reason });
}
