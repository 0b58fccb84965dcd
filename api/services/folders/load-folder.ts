import type { Transaction } from 'sequelize';
import type { FolderRow } from '../../db/models/folder.js';
import { notFound } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';

/**
 * The one way services fetch a folder: always within the actor's office, so a foreign id is "not found"
 * (never "forbidden": that would reveal it exists).
 */
export async function loadFolder(ctx: ServiceContext, id: string, transaction?: Transaction): Promise<FolderRow> {
  const row = await ctx.db.models.Folder.findOne({
    where: { id, officeId: ctx.actor.officeId },
    transaction,
    lock: transaction ? transaction.LOCK.UPDATE : undefined,
  });
  if (!row) throw notFound('folder');
  return row;
}
