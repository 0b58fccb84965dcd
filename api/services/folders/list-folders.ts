import { bind } from '../../db/prepared-read.js';
import { foldForSearch } from '../../domain/text.js';
import { visibleFoldersBound } from '../access/folder-access.js';
import type { ServiceContext } from '../context.js';
import { type Page, pageRequest, toPage } from '../pagination.js';
import { type FolderList, folderRows } from './folder-list.js';
import { readFolders } from './read-folders.js';
import { findDeedType } from './resolve-deed-type.js';
import { searchFolderRows } from './search-folder-rows.js';
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
  const values: unknown[] = [];
  const conditions = [visibleFoldersBound(ctx, 'f', values)];
  if (query.status) conditions.push(`f.status = ${bind(values, query.status)}`);
  if (query.needsAction) conditions.push('f.files_pending > 0');
  if (query.updatedSince) conditions.push(`f.updated_at >= ${bind(values, query.updatedSince)}`);
  if (query.deedType !== undefined) {
    const deedType = await findDeedType(ctx.db, query.deedType);
    // An unknown code matches no folder, as any other filter value would.
    conditions.push(deedType ? `f.deed_type_id = ${bind(values, deedType.id)}` : 'false');
  }
  if (query.clientId !== undefined) {
    const client = bind(values, query.clientId);
    conditions.push(
      `f.id IN (SELECT fc.folder_id FROM folder_clients fc WHERE fc.client_id = ${client} AND fc.office_id = ${bind(values, ctx.actor.officeId)})`,
    );
  }
  // Ids are time-ordered, so creation order is id order and the cursor (the last id seen) pages either way.
  const ascending = query.sort === 'createdAt';
  if (page.after) conditions.push(`f.id ${ascending ? '>' : '<'} ${bind(values, page.after)}`);
  const list: FolderList = {
    conditions: conditions.join(' AND '),
    values,
    officeId: ctx.actor.officeId,
    after: page.after ?? null,
    ascending,
    limit: page.limit + 1,
  };
  const q = query.q === undefined ? '' : foldForSearch(query.q);
  const ids = q ? await searchFolderRows(ctx.db, list, q) : await folderRows(ctx.db, list);
  const pageOfIds = toPage(
    ids.map((id) => ({ id })),
    page,
    (row) => row.id,
  );
  // The page's folders in one statement, in the page's order. One the actor stopped seeing between the two
  // reads (taken off its access list) is left out; the cursor still follows the ids.
  return { ...pageOfIds, data: await readFolders(ctx, pageOfIds.data) };
}
