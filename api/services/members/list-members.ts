import { Op, type WhereOptions } from 'sequelize';
import type { MemberRow } from '../../db/models/office.js';
import { requireStaff } from '../access/folder-access.js';
import type { ServiceContext } from '../context.js';
import { type Page, pageRequest, toPage } from '../pagination.js';
import { type Member, toMember } from './views.js';

export interface ListMembersQuery {
  status?: 'pending' | 'active';
  limit?: number;
  cursor?: string;
}

/** The office's members, newest first; `status=pending` is the notary's approval queue. */
export async function listMembers(ctx: ServiceContext, query: ListMembersQuery): Promise<Page<Member>> {
  requireStaff(ctx);
  const page = pageRequest(query.limit, query.cursor);
  const where: WhereOptions<MemberRow>[] = [{ officeId: ctx.actor.officeId }];
  if (query.status) where.push({ status: query.status });
  if (page.after) where.push({ id: { [Op.lt]: page.after } });
  const rows = await ctx.db.models.Member.findAll({ where: { [Op.and]: where }, order: [['id', 'DESC']], limit: page.limit + 1 });
  return toPage(rows, page, toMember);
}
