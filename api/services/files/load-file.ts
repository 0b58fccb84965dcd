import type { DocumentFileRow } from '../../db/models/document.js';
import { notFound } from '../../domain/errors.js';
import { loadFolder } from '../access/folder-access.js';
import type { ServiceContext } from '../context.js';

/** A file the actor may see: of their office, in a folder they may see, and their own if a client. */
export async function loadFile(ctx: ServiceContext, id: string): Promise<DocumentFileRow> {
  const { actor } = ctx;
  const row = await ctx.db.models.DocumentFile.findOne({ where: { id, officeId: actor.officeId } });
  if (!row || (actor.kind === 'client' && row.clientId !== actor.clientId)) throw notFound('file');
  await loadFolder(ctx, row.folderId).catch(() => {
    throw notFound('file');
  });
  return row;
}
