import { DomainError } from '../../domain/errors.js';
import { canonicalFileOrder } from '../../domain/merkle.js';
import { loadFolder, requireStaff } from '../access/folder-access.js';
import { folderAuditHead, recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { presentFolder } from '../folders/present-folders.js';
import type { Folder } from '../folders/views.js';
import { emitEvent } from '../outbox/emit-event.js';
import { folderTree, loadCertifiedFacts, metadataRecord } from './certified-facts.js';

/**
 * "Valider et ancrer": at 100% only, once. The folder root is computed now over the validated files and the
 * metadata record (what the certificate will show, with the head of the folder's audit chain up to this
 * request), and the folder is frozen from this moment (domain/folder-state.ts): the proof certifies exactly
 * these files and these facts.
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
    const files = canonicalFileOrder(validated.map((f) => ({ id: f.id, sha256: f.sha256.toLowerCase() })));
    const facts = await loadCertifiedFacts(
      ctx,
      folder,
      files.map((f) => f.id),
      transaction,
    );
    const metadata = metadataRecord(facts.folder, facts.files, await folderAuditHead(ctx, transaction, folderId));
    const folderRoot = folderTree(
      files.map((f) => f.sha256),
      metadata,
    ).rootHex;
    await ctx.db.models.FolderAnchor.create({ folderId, officeId: folder.officeId, folderRoot, files, metadata }, { transaction });
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
