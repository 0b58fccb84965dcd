import { Op } from 'sequelize';
import { notFound } from '../../domain/errors.js';
import { foldForSearch, likeContaining } from '../../domain/text.js';
import type { ServiceContext } from '../context.js';
import { type Page, pageRequest, toPage } from '../pagination.js';
import { type Client, toClient } from './views.js';

/** A client of the office; a client actor may read only themself. */
export async function getClient(ctx: ServiceContext, id: string): Promise<Client> {
  if (ctx.actor.kind === 'client' && ctx.actor.clientId !== id) throw notFound('client');
  const row = await ctx.db.models.Client.findOne({ where: { id, officeId: ctx.actor.officeId } });
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
  const where: Record<string | symbol, unknown>[] = [{ officeId: ctx.actor.officeId }];
  if (ctx.actor.kind === 'client') where.push({ id: ctx.actor.clientId });
  if (page.after) where.push({ id: { [Op.lt]: page.after } });
  const q = query.q === undefined ? '' : foldForSearch(query.q);
  if (q) where.push({ searchText: { [Op.like]: likeContaining(q) } });
  const rows = await ctx.db.models.Client.findAll({ where: { [Op.and]: where }, order: [['id', 'DESC']], limit: page.limit + 1 });
  return toPage(rows, page, toClient);
}
