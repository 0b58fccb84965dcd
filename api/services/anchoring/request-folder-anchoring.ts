import { DomainError } from '../../domain/errors.js';
import { canonicalFileOrder, MerkleTree } from '../../domain/merkle.js';
import { loadFolder, requireStaff } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { presentFolder } from '../folders/present-folders.js';
import type { Folder } from '../folders/views.js';
import { emitEvent } from '../outbox/emit-event.js';

/**
 * "Valider et ancrer": at 100% only, once. The folder root is computed now over the validated files, and
 * the folder is frozen from this moment (domain/folder-state.ts): the proof certifies exactly these files.
 * The batching job (anchor-cycle.ts) puts it on chain with the other waiting folders, within minutes.
 */
export async function requestFolderAnchoring(ctx: ServiceContext, folderId: string): Promise<Folder> {
  requireStaff(ctx);
  return ctx.db.sequelize.transaction(async (transaction) => {
    const folder = await loadFolder(ctx, folderId, transaction);
    if (folder.anchorStatus !== null) {
      throw new DomainError('conflict', 'folder_already_anchored', 'This folder is already anchored or being anchored.');
    }
    if (folder.status !== 'open') throw new DomainError('conflict', 'folder_not_open', 'An archived folder cannot be anchored.');
    if (folder.requestsTotal === 0 || folder.requestsValidated !== folder.requestsTotal) {
      throw new DomainError('conflict', 'folder_not_complete', 'Every requested document must be validated (100%) before anchoring.');
    }
    const validated = await ctx.db.models.DocumentFile.findAll({
      where: { folderId, status: 'validated' },
      attributes: ['id', 'sha256'],
      transaction,
    });
    const files = canonicalFileOrder(validated.map((f) => ({ id: f.id, sha256: f.sha256 })));
    const folderRoot = MerkleTree.build(files.map((f) => f.sha256)).rootHex;
    await ctx.db.models.FolderAnchor.create({ folderId, officeId: folder.officeId, folderRoot, files }, { transaction });
    await folder.update({ anchorStatus: 'anchoring', anchorError: null, version: folder.version + 1 }, { transaction });
    const view = await presentFolder(ctx, folder, transaction);
    await recordAuditEvent(ctx, transaction, {
      action: 'folder.anchoring_started',
      subjectType: 'folder',
      subjectId: folderId,
      folderId,
      data: { folderRoot, files: files.length },
    });
    await emitEvent(ctx, transaction, 'folder.anchoring_started', folderId, view);
    return view;
  });
}
