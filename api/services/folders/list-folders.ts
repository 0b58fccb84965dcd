import { Op, type WhereOptions } from 'sequelize';
import type { FolderRow } from '../../db/models/folder.js';
import { foldForSearch, likeContaining } from '../../domain/text.js';
import { visibleFolders } from '../access/folder-access.js';
import type { ServiceContext } from '../context.js';
import { type Page, pageRequest, toPage } from '../pagination.js';
import { presentFolders } from './present-folders.js';
import type { Folder } from './views.js';

export interface ListFoldersQuery {
  status?: 'open' | 'archived';
  /** Folder number, title or client name; case and accents do not matter. */
  q?: string;
  /** Only folders with files waiting for review. */
  needsAction?: boolean;
  limit?: number;
  cursor?: string;
}

export async function listFolders(ctx: ServiceContext, query: ListFoldersQuery): Promise<Page<Folder>> {
  const page = pageRequest(query.limit, query.cursor);
  const where: WhereOptions<FolderRow>[] = [visibleFolders(ctx)];
  if (query.status) where.push({ status: query.status });
  if (query.needsAction) where.push({ filesPending: { [Op.gt]: 0 } });
  if (page.after) where.push({ id: { [Op.lt]: page.after } });
  const q = query.q === undefined ? '' : foldForSearch(query.q);
  if (q) where.push({ searchText: { [Op.like]: likeContaining(q) } });

  const rows = await ctx.db.models.Folder.findAll({ where: { [Op.and]: where }, order: [['id', 'DESC']], limit: page.limit + 1 });
  const kept = rows.slice(0, page.limit);
  const folders = await presentFolders(ctx, kept);
  const byId = new Map(folders.map((f) => [f.id, f]));
  return toPage(rows, page, (row) => byId.get(row.id) as Folder);
}
