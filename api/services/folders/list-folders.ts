import { Op, type WhereOptions } from 'sequelize';
import type { FolderRow } from '../../db/models/folder.js';
import { foldForSearch } from '../../domain/text.js';
import type { ServiceContext } from '../context.js';
import { type Page, pageRequest, toPage } from '../pagination.js';
import { type Folder, toFolder } from './views.js';

export interface ListFoldersQuery {
  status?: 'open' | 'archived';
  /** Folder number, title or client name; case and accents do not matter. */
  q?: string;
  limit?: number;
  cursor?: string;
}

/** Escapes LIKE wildcards so that a search for "50%" means the characters 5, 0 and %. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listFolders(ctx: ServiceContext, query: ListFoldersQuery): Promise<Page<Folder>> {
  const page = pageRequest(query.limit, query.cursor);
  const where: WhereOptions<FolderRow>[] = [{ officeId: ctx.actor.officeId }];
  if (query.status) where.push({ status: query.status });
  if (page.after) where.push({ id: { [Op.lt]: page.after } });
  const q = query.q === undefined ? '' : foldForSearch(query.q);
  if (q) where.push({ searchText: { [Op.like]: `%${likeLiteral(q)}%` } });

  const rows = await ctx.db.models.Folder.findAll({
    where: { [Op.and]: where },
    order: [['id', 'DESC']],
    limit: page.limit + 1,
  });
  const deedTypes = await ctx.db.models.DeedType.findAll({
    where: { id: [...new Set(rows.map((r) => r.deedTypeId))] },
  });
  const deedById = new Map(deedTypes.map((d) => [d.id, d]));
  return toPage(rows, page, (row) => {
    const deed = deedById.get(row.deedTypeId);
    if (!deed) throw new Error(`folder ${row.id} refers to missing deed type ${row.deedTypeId}`);
    return toFolder(row, deed);
  });
}
