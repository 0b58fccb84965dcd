import { Op, type WhereOptions } from 'sequelize';
import type { FolderRow } from '../../db/models/folder.js';
import { foldForSearch } from '../../domain/text.js';
import { visibleFolders } from '../access/folder-access.js';
import type { ServiceContext } from '../context.js';
import { type Page, pageRequest, toPage } from '../pagination.js';
import { readFolders } from './read-folders.js';
import { findDeedType } from './resolve-deed-type.js';
import { folderRows, searchFolderRows } from './search-folder-rows.js';
import type { Folder } from './views.js';

export interface ListFoldersQuery {
  status?: 'open' | 'archived';
  /** Folder number, title or client name; case and accents do not matter. */
  q?: string;
  /** Only folders with files waiting for review. */
  needsAction?: boolean;
  /** Only folders changed at or after this instant (their `updatedAt`), to pick up changes since a last sync. */
  updatedSince?: Date;
  /** Only folders of this deed type, by its stable `code` (`GET /v1/deed-types`). */
  deedType?: string;
  /** Only folders this client is on. */
  clientId?: string;
  /** `-createdAt` (newest first, the default) or `createdAt` (oldest first); cursors follow the order. */
  sort?: FolderSort;
  limit?: number;
  cursor?: string;
}

export type FolderSort = '-createdAt' | 'createdAt';

export async function listFolders(ctx: ServiceContext, query: ListFoldersQuery): Promise<Page<Folder>> {
  const page = pageRequest(query.limit, query.cursor);
  const where: WhereOptions<FolderRow>[] = [visibleFolders(ctx)];
  if (query.status) where.push({ status: query.status });
  if (query.needsAction) where.push({ filesPending: { [Op.gt]: 0 } });
  if (query.updatedSince) where.push({ updatedAt: { [Op.gte]: query.updatedSince } });
  if (query.deedType !== undefined) {
    const deedType = await findDeedType(ctx.db, query.deedType);
    // An unknown code matches no folder, as any other filter value would.
    where.push({ deedTypeId: { [Op.in]: deedType ? [deedType.id] : [] } });
  }
  if (query.clientId !== undefined) {
    const links = await ctx.db.models.FolderClient.findAll({ where: { clientId: query.clientId, officeId: ctx.actor.officeId } });
    where.push({ id: { [Op.in]: links.map((link) => link.folderId) } });
  }
  // Ids are time-ordered, so creation order is id order and the cursor (the last id seen) pages either way.
  const ascending = query.sort === 'createdAt';
  const afterCursor: WhereOptions<FolderRow>[] = page.after ? [{ id: { [ascending ? Op.gt : Op.lt]: page.after } }] : [];
  where.push(...afterCursor);
  const q = query.q === undefined ? '' : foldForSearch(query.q);
  const rows = q
    ? await searchFolderRows(ctx, { where, after: page.after ?? null, folded: q, ascending, limit: page.limit + 1 })
    : await folderRows(ctx, where, ascending, page.limit + 1);
  const pageOfIds = toPage(rows, page, (row) => row.id);
  // The page's folders in one statement, in the page's order. One the actor stopped seeing between the two
  // reads (taken off its access list) is left out; the cursor still follows the ids.
  return { ...pageOfIds, data: await readFolders(ctx, pageOfIds.data) };
}
