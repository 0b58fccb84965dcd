import { notFound } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import { readFolders } from './read-folders.js';
import type { Folder } from './views.js';

export async function getFolder(ctx: ServiceContext, id: string): Promise<Folder> {
  const [folder] = await readFolders(ctx, [id]);
  if (!folder) throw notFound('folder');
  return folder;
}
