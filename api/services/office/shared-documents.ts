import { Op, type Transaction } from 'sequelize';
import type { SharedDocumentRow } from '../../db/models/office-documents.js';
import { DomainError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { actorRef, loadFolder, requireStaff } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { emitEvent } from '../outbox/emit-event.js';

export interface SharedDocument {
  id: string;
  folderId: string;
  kind: 'bank_details' | 'file';
  label: string;
  /** For `bank_details`: the RIB exactly as it was when shared. */
  bankDetails: { label: string; holder: string; iban: string; bic: string | null } | null;
  /** For `file`: an office file (download through `GET /v1/shared-documents/{id}/download`). */
  fileId: string | null;
  sharedAt: Date;
}

export interface ShareDocumentInput {
  /** One of the office's bank details (`GET /v1/office/bank-details`). */
  bankDetailsId: string;
}

export function toShared(row: SharedDocumentRow): SharedDocument {
  const s = row.snapshot;
  return {
    id: row.id,
    folderId: row.folderId,
    kind: row.kind,
    label: row.label,
    bankDetails:
      row.kind === 'bank_details' ? { label: s.label ?? '', holder: s.holder ?? '', iban: s.iban ?? '', bic: s.bic ?? null } : null,
    fileId: row.officeFileId,
    sharedAt: row.createdAt,
  };
}

/** "Transmettre le RIB de l'étude": every client of the folder sees it on their secure page. */
export async function shareBankDetails(ctx: ServiceContext, folderId: string, input: ShareDocumentInput): Promise<SharedDocument> {
  requireStaff(ctx);
  return ctx.db.sequelize.transaction(async (transaction) => {
    const folder = await loadFolder(ctx, folderId, transaction);
    const bank = await ctx.db.models.BankDetails.findOne({
      where: { id: input.bankDetailsId, officeId: ctx.actor.officeId, deletedAt: { [Op.is]: null } },
      transaction,
    });
    if (!bank) {
      throw new DomainError('invalid', 'unknown_bank_details', 'No such bank details in this office.', [
        { path: 'bankDetailsId', message: 'unknown bank details' },
      ]);
    }
    return recordSharedDocument(ctx, transaction, folder.id, {
      kind: 'bank_details',
      bankDetailsId: bank.id,
      officeFileId: null,
      label: bank.label,
      snapshot: { label: bank.label, holder: bank.holder, iban: bank.iban, bic: bank.bic },
      audit: { kind: 'bank_details', iban: bank.iban },
    });
  });
}

/** What the office shared with the folder's clients, newest first (clients read this too). */
export async function listSharedDocuments(ctx: ServiceContext, folderId: string): Promise<SharedDocument[]> {
  const folder = await loadFolder(ctx, folderId);
  const rows = await ctx.db.models.SharedDocument.findAll({ where: { folderId: folder.id }, order: [['id', 'DESC']] });
  return rows.map(toShared);
}

/** What a shared document is made of, and what its audit event records. */
export interface SharedDocumentFields {
  kind: 'bank_details' | 'file';
  bankDetailsId: string | null;
  officeFileId: string | null;
  label: string;
  snapshot: Record<string, string | null>;
  audit: Record<string, string>;
}

/** The frozen copy a folder's clients see, its audit event and its outbox event, in the caller's transaction. */
export async function recordSharedDocument(
  ctx: ServiceContext,
  transaction: Transaction,
  folderId: string,
  { audit, ...fields }: SharedDocumentFields,
): Promise<SharedDocument> {
  const row = await ctx.db.models.SharedDocument.create(
    { id: newId('shd'), officeId: ctx.actor.officeId, folderId, ...fields, sharedBy: actorRef(ctx) },
    { transaction },
  );
  const shared = toShared(row);
  await recordAuditEvent(ctx, transaction, {
    action: 'document.shared',
    subjectType: 'shared_document',
    subjectId: row.id,
    folderId,
    data: audit,
  });
  await emitEvent(ctx, transaction, 'document.shared', folderId, shared);
  return shared;
}
