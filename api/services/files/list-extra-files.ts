import { Op } from 'sequelize';
import { loadFolder } from '../access/folder-access.js';
import type { ServiceContext } from '../context.js';
import { type DocumentFile, toDocumentFile } from './views.js';

/** At most this many extra files per folder are listed (a folder has a handful; this bounds a misuse). */
const MAX_EXTRA_FILES = 500;

/**
 * "Documents supplémentaires": the files clients sent without a request, oldest first, for the office to
 * review like requested ones. A client sees only the ones they sent; a folder they cannot open is "not found".
 */
export async function listExtraFiles(ctx: ServiceContext, folderId: string): Promise<DocumentFile[]> {
  const folder = await loadFolder(ctx, folderId);
  const { actor } = ctx;
  const rows = await ctx.db.models.DocumentFile.findAll({
    where: {
      folderId: folder.id,
      officeId: actor.officeId,
      requestId: { [Op.is]: null },
      ...(actor.kind === 'client' ? { clientId: actor.clientId } : {}),
    },
    order: [['id', 'ASC']],
    limit: MAX_EXTRA_FILES,
  });
  return rows.map(toDocumentFile);
}
