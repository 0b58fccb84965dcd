import { Op } from 'sequelize';
import { DomainError } from '../../domain/errors.js';
import { loadFolder, requireStaff } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { emitEvent } from '../outbox/emit-event.js';
import { presentFolder } from './present-folders.js';
import type { Folder } from './views.js';

export interface SetFolderAccessInput {
  /** `office`: every member of the office; `members`: only the members listed (notaries always see every folder). */
  access: 'office' | 'members';
  /**
   * Members given access when `access` is `members` (ignored otherwise).
   * @maxItems 200
   */
  memberIds: string[];
}

/** "Modifier les collaborateurs": who of the office may see the folder. Replaces the whole list. */
export async function setFolderAccess(ctx: ServiceContext, id: string, input: SetFolderAccessInput): Promise<Folder> {
  requireStaff(ctx);
  const memberIds = input.access === 'members' ? [...new Set(input.memberIds)] : [];
  return ctx.db.sequelize.transaction(async (transaction) => {
    const row = await loadFolder(ctx, id, transaction);
    const { Member, FolderMember } = ctx.db.models;
    const found = await Member.findAll({ where: { id: { [Op.in]: memberIds }, officeId: ctx.actor.officeId }, transaction });
    const unknown = memberIds.filter((m) => !found.some((f) => f.id === m));
    if (unknown.length > 0) {
      throw new DomainError(
        'invalid',
        'unknown_member',
        'Some members are not members of this office.',
        unknown.map((m) => ({ path: `memberIds[${memberIds.indexOf(m)}]`, message: `no member ${m} in this office` })),
      );
    }
    await FolderMember.destroy({ where: { folderId: row.id }, transaction });
    await FolderMember.bulkCreate(
      memberIds.map((memberId) => ({ folderId: row.id, memberId, officeId: ctx.actor.officeId })),
      { transaction },
    );
    await row.update({ access: input.access, version: row.version + 1 }, { transaction });
    const folder = await presentFolder(ctx, row, transaction);
    await recordAuditEvent(ctx, transaction, {
      action: 'folder.access_changed',
      subjectType: 'folder',
      subjectId: row.id,
      folderId: row.id,
      data: { access: input.access, memberIds },
    });
    await emitEvent(ctx, transaction, 'folder.updated', row.id, folder);
    return folder;
  });
}
