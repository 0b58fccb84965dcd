import { QueryTypes, type Transaction } from 'sequelize';
import type { FileStatus, RequestStatus } from '../../domain/review.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { emitEvent } from '../outbox/emit-event.js';

interface Counts {
  total: number;
  validated: number;
  pending: number;
}

/**
 * Recounts a folder's completion and pending files after any change to its requests or files (the folder
 * row is locked by the caller), and reports the moment it reaches 100% — once, until it drops again.
 */
export async function refreshFolderStats(ctx: ServiceContext, transaction: Transaction, folderId: string): Promise<void> {
  const { sequelize, models } = ctx.db;
  const [counts] = await sequelize.query<Counts>(
    `SELECT
       (SELECT count(*) FROM document_requests WHERE folder_id = :folderId AND cancelled_at IS NULL) AS total,
       (SELECT count(*) FROM document_requests WHERE folder_id = :folderId AND cancelled_at IS NULL AND status = :validated) AS validated,
       (SELECT count(*) FROM document_files WHERE folder_id = :folderId AND status = :pending) AS pending`,
    {
      replacements: { folderId, validated: 'validated' satisfies RequestStatus, pending: 'pending' satisfies FileStatus },
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  const folder = await models.Folder.findByPk(folderId, { transaction });
  if (!folder) return;
  const complete = counts.total > 0 && counts.validated === counts.total;
  const reachedNow = complete && !folder.completedAt;
  await folder.update(
    {
      requestsTotal: counts.total,
      requestsValidated: counts.validated,
      filesPending: counts.pending,
      completedAt: complete ? (folder.completedAt ?? new Date()) : null,
    },
    { transaction },
  );
  if (reachedNow) {
    await recordAuditEvent(ctx, transaction, { action: 'folder.completed', subjectType: 'folder', subjectId: folderId, folderId });
    await emitEvent(ctx, transaction, 'folder.completed', folderId, {
      id: folderId,
      completion: { validated: counts.validated, total: counts.total, percent: 100 },
    });
  }
}
