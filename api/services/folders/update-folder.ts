import { UniqueConstraintError } from 'sequelize';
import { DomainError, invalidField } from '../../domain/errors.js';
import { tidy } from '../../domain/text.js';
import { loadFolder, requireStaff } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { emitEvent } from '../outbox/emit-event.js';
import { duplicateNumber } from './create-folder.js';
import { presentFolder } from './present-folders.js';
import { refreshFolderSearch } from './refresh-folder-search.js';
import { resolveDeedType } from './resolve-deed-type.js';
import type { Folder } from './views.js';

export interface UpdateFolderInput {
  /**
   * @minLength 1
   * @maxLength 50
   * @pattern ^[^\u0000-\u001f]*$
   */
  number?: string;
  /**
   * @minLength 1
   * @maxLength 200
   * @pattern ^[^\u0000-\u001f]*$
   */
  title?: string;
  /** A deed type code from `GET /v1/deed-types`. */
  deedType?: string;
  /** @maxLength 5000 */
  note?: string;
}

/**
 * Edits some fields of a folder (the guide's pencil icons). With `expectedVersion` (from `If-Match`) the
 * update only applies if nobody changed the folder in between: a lost update becomes a 412.
 */
export async function updateFolder(ctx: ServiceContext, id: string, input: UpdateFolderInput, expectedVersion?: number): Promise<Folder> {
  requireStaff(ctx);
  return ctx.db.sequelize.transaction(async (transaction) => {
    const row = await loadFolder(ctx, id, transaction);
    if (expectedVersion !== undefined && row.version !== expectedVersion) {
      throw new DomainError(
        'precondition_failed',
        'folder_modified',
        'The folder was changed by someone else since you loaded it; reload it and apply your change again.',
      );
    }
    const changes: Partial<{ number: string; title: string; note: string; deedTypeId: string }> = {};
    if (input.number !== undefined) {
      const number = tidy(input.number);
      if (!number) throw invalidField('number', 'must not be blank');
      changes.number = number;
    }
    if (input.title !== undefined) {
      const title = tidy(input.title);
      if (!title) throw invalidField('title', 'must not be blank');
      changes.title = title;
    }
    if (input.note !== undefined) changes.note = input.note.trim();
    if (input.deedType !== undefined) changes.deedTypeId = (await resolveDeedType(ctx, input.deedType)).id;

    try {
      await row.update({ ...changes, version: row.version + 1 }, { transaction });
    } catch (error) {
      if (error instanceof UniqueConstraintError) {
        throw duplicateNumber(changes.number ?? row.number);
      }
      throw error;
    }
    await refreshFolderSearch(ctx, transaction, row.id);
    await row.reload({ transaction });
    const folder = await presentFolder(ctx, row, transaction);
    await recordAuditEvent(ctx, transaction, {
      action: 'folder.updated',
      subjectType: 'folder',
      subjectId: row.id,
      folderId: row.id,
      data: { fields: Object.keys(changes) },
    });
    await emitEvent(ctx, transaction, 'folder.updated', row.id, folder);
    return folder;
  });
}
