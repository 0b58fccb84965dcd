import { currentAuditAction } from '../../domain/audit-actions.js';
import { loadFolder, requireStaff } from '../access/folder-access.js';
import { readAuditRows } from '../audit/audit-rows.js';
import type { ServiceContext } from '../context.js';

export interface AuditEvent {
  id: string;
  /** What happened, e.g. `folder.created`, `document.refused` (by its current name). */
  action: string;
  /**
   * The name the action was recorded under, when it has been renamed since (`file.integrity_failed`, now
   * `document.integrity_failed`): the hash covers the row as recorded, so re-hash with this one.
   */
  recordedAction?: string;
  subjectType: string;
  subjectId: string;
  actorKind: string;
  actorId: string | null;
  /** API key or session that made the change. */
  credentialId: string | null;
  ip: string | null;
  data: unknown;
  occurredAt: string;
  /** sha256(previous hash || canonical event): the office's chain, verifiable end to end. */
  hash: string;
  prevHash: string;
}

/** The folder's audit trail, oldest first (staff only: it names people and IP addresses). */
export async function listFolderEvents(ctx: ServiceContext, folderId: string): Promise<AuditEvent[]> {
  requireStaff(ctx);
  await loadFolder(ctx, folderId);
  const rows = await readAuditRows(ctx.db.sequelize, 'folder', folderId);
  return rows.map(({ seq: _seq, officeId: _office, folderId: _folder, folderPrevHash: _fp, folderHash: _fh, ...event }) => {
    const action = currentAuditAction(event.action);
    return action === event.action ? event : { ...event, action, recordedAction: event.action };
  });
}
