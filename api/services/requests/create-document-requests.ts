import { Op } from 'sequelize';
import { DomainError, type FieldError } from '../../domain/errors.js';
import { ensureFolderOpen } from '../../domain/folder-state.js';
import { newId } from '../../domain/ids.js';
import { tidy } from '../../domain/text.js';
import { actorRef, loadFolder, requireStaff } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { refreshFolderStats } from '../folders/refresh-folder-stats.js';
import { emitEvent } from '../outbox/emit-event.js';
import { type DocumentRequest, toDocumentRequest } from './views.js';

export interface RequestedDocument {
  /**
   * A catalogue type by its stable `code` from `GET /v1/document-types` (e.g. `cni-recto-verso`), the
   * same on every installation…
   * @maxLength 100
   */
  documentType?: string;
  /** …or any type (an office's own ones have no code) by its `id`… */
  documentTypeId?: string;
  /**
   * …or a free label for a one-off document.
   * @maxLength 120
   */
  label?: string;
  /**
   * Shown to the client with the request.
   * @maxLength 1000
   */
  note?: string;
  /**
   * ISO date the office needs it by.
   * @pattern ^\d{4}-\d{2}-\d{2}$
   */
  dueDate?: string;
}

export interface CreateDocumentRequestsInput {
  /** A client already on the folder. */
  clientId: string;
  /**
   * @minItems 1
   * @maxItems 50
   */
  documents: RequestedDocument[];
}

function validDate(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

/** "Demander des documents": one or many documents from one client of the folder, in one call. */
export async function createDocumentRequests(
  ctx: ServiceContext,
  folderId: string,
  input: CreateDocumentRequestsInput,
): Promise<DocumentRequest[]> {
  requireStaff(ctx);
  return ctx.db.sequelize.transaction(async (transaction) => {
    const folder = await loadFolder(ctx, folderId, transaction);
    ensureFolderOpen(folder);
    const { FolderClient, DocumentType, DocumentRequest } = ctx.db.models;
    if (!(await FolderClient.findOne({ where: { folderId, clientId: input.clientId }, transaction }))) {
      throw new DomainError('invalid', 'client_not_in_folder', 'This client is not on the folder; add them first.', [
        { path: 'clientId', message: 'not a client of this folder' },
      ]);
    }
    const typeIds = input.documents.flatMap((d) => (d.documentTypeId ? [d.documentTypeId] : []));
    const typeCodes = input.documents.flatMap((d) => (d.documentType ? [d.documentType] : []));
    const types = await DocumentType.findAll({
      where: {
        [Op.and]: [
          { [Op.or]: [{ id: { [Op.in]: typeIds } }, { code: { [Op.in]: typeCodes } }] },
          { [Op.or]: [{ officeId: null }, { officeId: ctx.actor.officeId }] },
        ],
      },
      transaction,
    });
    const errors: FieldError[] = [];
    const values = input.documents.map((doc, i) => {
      const type = doc.documentTypeId
        ? types.find((t) => t.id === doc.documentTypeId)
        : doc.documentType
          ? types.find((t) => t.code === doc.documentType)
          : undefined;
      const label = type ? type.label : tidy(doc.label ?? '');
      const given = [doc.documentType, doc.documentTypeId, doc.label].filter((value) => value !== undefined).length;
      if (given !== 1) errors.push({ path: `documents[${i}]`, message: 'give one of documentType, documentTypeId or label' });
      else if (doc.documentTypeId && !type) errors.push({ path: `documents[${i}].documentTypeId`, message: 'unknown document type' });
      else if (doc.documentType && !type) errors.push({ path: `documents[${i}].documentType`, message: 'unknown document type code' });
      else if (!label) errors.push({ path: `documents[${i}].label`, message: 'must not be blank' });
      if (doc.dueDate !== undefined && !validDate(doc.dueDate))
        errors.push({ path: `documents[${i}].dueDate`, message: 'not a valid date' });
      return {
        id: newId('req'),
        officeId: ctx.actor.officeId,
        folderId,
        clientId: input.clientId,
        documentTypeId: type?.id ?? null,
        label,
        note: doc.note?.trim() ?? '',
        dueDate: doc.dueDate ?? null,
        requestedBy: actorRef(ctx),
      };
    });
    if (errors.length > 0) throw new DomainError('invalid', 'validation_failed', 'Some requested documents are invalid.', errors);
    const rows = await DocumentRequest.bulkCreate(values, { transaction });
    await refreshFolderStats(ctx, transaction, folderId);
    const requests = rows.map((r) => toDocumentRequest(r, []));
    for (const request of requests) {
      await recordAuditEvent(ctx, transaction, {
        action: 'document.requested',
        subjectType: 'document_request',
        subjectId: request.id,
        folderId,
        data: { clientId: request.clientId, label: request.label },
      });
      await emitEvent(ctx, transaction, 'document.requested', folderId, request);
    }
    return requests;
  });
}
