import { QueryTypes, type Transaction } from 'sequelize';
import { foldForSearch } from '../../domain/text.js';
import type { ServiceContext } from '../context.js';

/** `?q=` finds folders by number, title and client names: recompute that text after any of them changes. */
export async function refreshFolderSearch(ctx: ServiceContext, transaction: Transaction, folderId: string): Promise<void> {
  const { sequelize } = ctx.db;
  const [folder] = await sequelize.query<{ number: string; title: string }>('SELECT number, title FROM folders WHERE id = :folderId', {
    replacements: { folderId },
    type: QueryTypes.SELECT,
    transaction,
  });
  if (!folder) return;
  const clients = await sequelize.query<{ last_name: string; first_name: string }>(
    'SELECT c.last_name, c.first_name FROM folder_clients fc JOIN clients c ON c.id = fc.client_id WHERE fc.folder_id = :folderId',
    { replacements: { folderId }, type: QueryTypes.SELECT, transaction },
  );
  const text = [folder.number, folder.title, ...clients.map((c) => `${c.last_name} ${c.first_name}`)].join(' ');
  await sequelize.query('UPDATE folders SET search_text = :text WHERE id = :folderId', {
    replacements: { text: foldForSearch(text), folderId },
    transaction,
  });
}

export async function refreshFolderSearchForClient(ctx: ServiceContext, transaction: Transaction, clientId: string): Promise<void> {
  const links = await ctx.db.models.FolderClient.findAll({ where: { clientId }, transaction });
  for (const link of links) await refreshFolderSearch(ctx, transaction, link.folderId);
}
