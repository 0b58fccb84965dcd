import { UniqueConstraintError } from 'sequelize';
import { DomainError, invalidField } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { foldForSearch, tidy } from '../../domain/text.js';
import { actorRef, requireStaff } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { emitEvent } from '../outbox/emit-event.js';
import { resolveDeedType } from './resolve-deed-type.js';
import { type Folder, toFolder } from './views.js';

export interface CreateFolderInput {
  /**
   * The office's folder number, unique within the office.
   * @minLength 1
   * @maxLength 50
   * @pattern ^[^\u0000-\u001f]*$
   */
  number: string;
  /**
   * @minLength 1
   * @maxLength 200
   * @pattern ^[^\u0000-\u001f]*$
   */
  title: string;
  /** A deed type code from `GET /v1/deed-types`, e.g. `succession`. */
  deedType: string;
  /**
   * A note for the office's members; clients never see it.
   * @maxLength 5000
   */
  note?: string;
}

export async function createFolder(ctx: ServiceContext, input: CreateFolderInput): Promise<Folder> {
  requireStaff(ctx);
  const number = tidy(input.number);
  const title = tidy(input.title);
  if (number.length === 0) throw invalidField('number', 'must not be blank');
  if (title.length === 0) throw invalidField('title', 'must not be blank');
  return ctx.db.sequelize.transaction(async (transaction) => {
    const deedType = await resolveDeedType(ctx, input.deedType, transaction);
    // A number already taken is found by the unique index (the catch below): no lookup before.
    try {
      const row = await ctx.db.models.Folder.create(
        {
          id: newId('fld'),
          officeId: ctx.actor.officeId,
          number,
          title,
          deedTypeId: deedType.id,
          note: input.note?.trim() ?? '',
          searchText: foldForSearch(`${number} ${title}`),
          createdBy: actorRef(ctx),
        },
        { transaction },
      );
      // A new folder has no clients, members or anchor yet: presented without reading them back.
      const folder = toFolder(row, { deedType, clients: [], memberIds: [], hideNote: false, anchor: null });
      await recordAuditEvent(ctx, transaction, {
        action: 'folder.created',
        subjectType: 'folder',
        subjectId: row.id,
        folderId: row.id,
        data: { number, title, deedType: deedType.code },
        folderIsNew: true,
      });
      await emitEvent(ctx, transaction, 'folder.created', row.id, folder);
      return folder;
    } catch (error) {
      // Two concurrent creations with one number: the unique index decides, the loser gets a 409.
      if (error instanceof UniqueConstraintError) throw duplicateNumber(number);
      throw error;
    }
  });
}

export function duplicateNumber(number: string): DomainError {
  return new DomainError('conflict', 'folder_number_taken', `Folder number "${number}" is already used in this office.`, [
    { path: 'number', message: 'already used by another folder of this office' },
  ]);
}
