import type { ServiceContext } from '../context.js';
import { loadFolder } from './load-folder.js';
import { deedTypeById } from './resolve-deed-type.js';
import { type Folder, toFolder } from './views.js';

export async function getFolder(ctx: ServiceContext, id: string): Promise<Folder> {
  const row = await loadFolder(ctx, id);
  return toFolder(row, await deedTypeById(ctx, row.deedTypeId));
}
