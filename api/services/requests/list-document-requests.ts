import { Op } from 'sequelize';
import { loadFolder } from '../access/folder-access.js';
import type { ServiceContext } from '../context.js';
import { type DocumentRequest, toDocumentRequest } from './views.js';

/**
 * A folder's live requests with their files, oldest first (the order the notary asked in). A client sees
 * only their own. Not paginated: a folder holds tens of requests, not thousands (50 per call, a few calls).
 */
export async function listDocumentRequests(ctx: ServiceContext, folderId: string, clientId?: string): Promise<DocumentRequest[]> {
  await loadFolder(ctx, folderId);
  const { actor } = ctx;
  const only = actor.kind === 'client' ? actor.clientId : clientId;
  const where = { folderId, cancelledAt: { [Op.is]: null }, ...(only ? { clientId: only } : {}) };
  const rows = await ctx.db.models.DocumentRequest.findAll({ where, order: [['id', 'ASC']] });
  const files = await ctx.db.models.DocumentFile.findAll({
    where: { requestId: { [Op.in]: rows.map((r) => r.id) } },
    order: [['id', 'ASC']],
  });
  return rows.map((r) => toDocumentRequest(r, files));
}
