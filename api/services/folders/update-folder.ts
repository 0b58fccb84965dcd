import { UniqueConstraintError } from 'sequelize';
import { DomainError, invalidField } from '../../domain/errors.js';
import { foldForSearch, tidy } from '../../domain/text.js';
import type { ServiceContext } from '../context.js';
import { duplicateNumber } from './create-folder.js';
import { loadFolder } from './load-folder.js';
import { deedTypeById, resolveDeedType } from './resolve-deed-type.js';
import { type Folder, folderSearchText, toFolder } from './views.js';

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
    if (input.deedType !== undefined) changes.deedTypeId = (await resolveDeedType(ctx, input.deedType, transaction)).id;

    const next = { number: changes.number ?? row.number, title: changes.title ?? row.title };
    try {
      await row.update({ ...changes, searchText: foldForSearch(folderSearchText(next)), version: row.version + 1 }, { transaction });
    } catch (error) {
      if (error instanceof UniqueConstraintError) {
        throw duplicateNumber(next.number);
      }
      throw error;
    }
    return toFolder(row, await deedTypeById(ctx, row.deedTypeId));
  });
}
