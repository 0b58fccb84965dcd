import { Op, type Transaction } from 'sequelize';
import { DomainError, notFound } from '../../domain/errors.js';
import { ensureFolderOpen } from '../../domain/folder-state.js';
import { newId } from '../../domain/ids.js';
import { actorRef, loadFolder } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { refreshFolderStats } from '../folders/refresh-folder-stats.js';
import { emitEvent } from '../outbox/emit-event.js';
import { refreshRequestStatus } from '../requests/refresh-request-status.js';
import { type DocumentFile, toDocumentFile } from './views.js';

/** What the storage pipeline knows of a file once its bytes are durable (see services/documents). */
export interface StoredFileFacts {
  originalName: string;
  contentType: string;
  size: number;
  sha256: string;
  sha256Source: 'client' | 'server';
  storageKey: string;
  wrappedDataKey: string;
  masterKeyId: string;
}

export type FileTarget = { kind: 'request'; requestId: string } | { kind: 'extra'; folderId: string; clientId?: string };

/**
 * Where an upload goes, checked BEFORE any byte is stored: the request (or folder, for an extra file)
 * must exist, be visible to the actor and open. Returns the folder and client the file will belong to.
 */
export async function resolveFileTarget(
  ctx: ServiceContext,
  target: FileTarget,
): Promise<{ folderId: string; clientId: string; requestId: string | null }> {
  const { actor } = ctx;
  if (target.kind === 'request') {
    const request = await ctx.db.models.DocumentRequest.findOne({
      where: { id: target.requestId, officeId: actor.officeId, cancelledAt: { [Op.is]: null } },
    });
    if (!request || (actor.kind === 'client' && request.clientId !== actor.clientId)) throw notFound('document_request');
    ensureFolderOpen(await loadFolder(ctx, request.folderId));
    return { folderId: request.folderId, clientId: request.clientId, requestId: request.id };
  }
  const folder = await loadFolder(ctx, target.folderId);
  ensureFolderOpen(folder);
  const clientId = actor.kind === 'client' ? actor.clientId : target.clientId;
  if (!clientId || !(await ctx.db.models.FolderClient.findOne({ where: { folderId: folder.id, clientId } }))) {
    throw new DomainError('invalid', 'client_not_in_folder', 'Say which client of the folder this file comes from.', [
      { path: 'clientId', message: 'a client of this folder is required' },
    ]);
  }
  return { folderId: folder.id, clientId, requestId: null };
}

/**
 * Commits the record of a file whose bytes are already durable, in one transaction with its effects:
 * the request becomes "submitted", the folder needs action, an audit event and `document.uploaded`.
 */
export async function recordDocumentFile(
  ctx: ServiceContext,
  target: { folderId: string; clientId: string; requestId: string | null },
  facts: StoredFileFacts,
  outer?: Transaction,
): Promise<DocumentFile> {
  const work = async (transaction: Transaction) => {
    const folder = await loadFolder(ctx, target.folderId, transaction);
    ensureFolderOpen(folder);
    const row = await ctx.db.models.DocumentFile.create(
      { id: newId('file'), officeId: ctx.actor.officeId, ...target, ...facts, uploadedBy: actorRef(ctx) },
      { transaction },
    );
    if (target.requestId) await refreshRequestStatus(ctx, transaction, target.requestId);
    await refreshFolderStats(ctx, transaction, target.folderId);
    const file = toDocumentFile(row);
    await recordAuditEvent(ctx, transaction, {
      action: 'document.uploaded',
      subjectType: 'document_file',
      subjectId: row.id,
      folderId: target.folderId,
      data: { requestId: target.requestId, sha256: facts.sha256, size: facts.size, contentType: facts.contentType },
    });
    await emitEvent(ctx, transaction, 'document.uploaded', target.folderId, file);
    return file;
  };
  return outer ? work(outer) : ctx.db.sequelize.transaction(work);
}
