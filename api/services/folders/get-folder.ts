import { loadFolder } from '../access/folder-access.js';
import type { ServiceContext } from '../context.js';
import { presentFolder } from './present-folders.js';
import type { Folder } from './views.js';

export async function getFolder(ctx: ServiceContext, id: string): Promise<Folder> {
  return presentFolder(ctx, await loadFolder(ctx, id));
}
