import { notFound } from '../../domain/errors.js';
import { requireNotary } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { type Member, toMember } from './views.js';

/**
 * "C'est le notaire qui se charge de vérifier mon identité et de déclarer mon appartenance à l'étude":
 * a notary of the office (or the office's API key, acting for its notaries) activates a pending member.
 * Approving an active member changes nothing and answers the same. A member of another office is 404.
 */
export async function approveMember(ctx: ServiceContext, memberId: string): Promise<Member> {
  requireNotary(ctx);
  return ctx.db.sequelize.transaction(async (transaction) => {
    const row = await ctx.db.models.Member.findOne({
      where: { id: memberId, officeId: ctx.actor.officeId },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!row) throw notFound('member');
    if (row.status === 'pending') {
      await row.update({ status: 'active' }, { transaction });
      await recordAuditEvent(ctx, transaction, { action: 'member.approved', subjectType: 'member', subjectId: row.id, folderId: null });
    }
    return toMember(row);
  });
}
