import { Op, type WhereOptions } from 'sequelize';
import type { ClientRow } from '../../db/models/client.js';
import { notFound } from '../../domain/errors.js';
import { foldForSearch, likeContaining } from '../../domain/text.js';
import { visibleClients } from '../access/client-access.js';
import type { ServiceContext } from '../context.js';
import { type Page, pageRequest, toPage } from '../pagination.js';
import { type Client, toClient } from './views.js';

/** A client within the actor's reach (a client: themself; a widget session: its folders' clients). */
export async function getClient(ctx: ServiceContext, id: string): Promise<Client> {
  const row = await ctx.db.models.Client.findOne({ where: { [Op.and]: [{ id }, visibleClients(ctx)] } });
  if (!row) throw notFound('client');
  return toClient(row);
}

export interface ListClientsQuery {
  q?: string;
  limit?: number;
  cursor?: string;
}

/** The office's clients, newest first; `q` matches names and e-mail whatever the case and accents. */
export async function listClients(ctx: ServiceContext, query: ListClientsQuery): Promise<Page<Client>> {
  const page = pageRequest(query.limit, query.cursor);
  const where: WhereOptions<ClientRow>[] = [visibleClients(ctx)];
  if (page.after) where.push({ id: { [Op.lt]: page.after } });
  const q = query.q === undefined ? '' : foldForSearch(query.q);
  if (q) where.push({ searchText: { [Op.like]: likeContaining(q) } });
  const rows = await ctx.db.models.Client.findAll({ where: { [Op.and]: where }, order: [['id', 'DESC']], limit: page.limit + 1 });
  return toPage(rows, page, toClient);
}
