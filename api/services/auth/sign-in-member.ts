import type { Database } from '../../db/database.js';
import type { MemberRow } from '../../db/models/office.js';
import { newId } from '../../domain/ids.js';
import type { ProfessionalIdentity } from '../../ports/identity-provider.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { toMember } from '../members/views.js';
import { emitEvent } from '../outbox/emit-event.js';
import { type OpenedSession, openSession, type SessionMeta, type SessionPolicy } from './sessions.js';

export type MemberSignIn =
  | { outcome: 'signed_in'; member: MemberRow; session: OpenedSession; created: boolean }
  /** No office of LeCoffre has this CRPCEN: nothing was created. */
  | { outcome: 'unknown_office'; crpcen: string }
  /** This ID.not identity already belongs to another office's member list. */
  | { outcome: 'other_office'; crpcen: string };

/**
 * After a successful ID.not login: finds the office by CRPCEN, then the member by ID.not subject (created
 * on the first login: a notary active at once, as ID.not vouches for the title; a collaborator pending
 * until a notary of the office approves), refreshes what ID.not says of them, and opens a session.
 */
export async function signInMember(
  db: Database,
  identity: ProfessionalIdentity,
  meta: SessionMeta,
  policy: SessionPolicy,
  now: Date,
): Promise<MemberSignIn> {
  return db.sequelize.transaction(async (transaction) => {
    const office = await db.models.Office.findOne({ where: { crpcen: identity.crpcen }, transaction });
    if (!office) return { outcome: 'unknown_office', crpcen: identity.crpcen };
    let member = await db.models.Member.findOne({ where: { idnotSubject: identity.subject }, transaction, lock: transaction.LOCK.UPDATE });
    if (member && member.officeId !== office.id) return { outcome: 'other_office', crpcen: identity.crpcen };

    const created = !member;
    const profile = { firstName: identity.firstName, lastName: identity.lastName, email: identity.email, role: identity.role };
    if (!member) {
      member = await db.models.Member.create(
        {
          id: newId('mbr', now.getTime()),
          officeId: office.id,
          idnotSubject: identity.subject,
          ...profile,
          status: identity.role === 'notary' ? 'active' : 'pending',
        },
        { transaction },
      );
    } else {
      // ID.not is the authority on names and title; becoming a notary also ends a pending wait.
      await member.update({ ...profile, ...(identity.role === 'notary' ? { status: 'active' as const } : {}) }, { transaction });
    }

    const session = await openSession(
      db,
      { kind: 'member', officeId: office.id, memberId: member.id },
      'idnot',
      meta,
      policy,
      now,
      transaction,
    );
    const ctx: ServiceContext = {
      db,
      actor: {
        kind: 'member',
        officeId: office.id,
        credentialId: session.id,
        memberId: member.id,
        role: member.role,
        folderId: null,
        ip: meta.ip,
      },
    };
    if (created) {
      await recordAuditEvent(ctx, transaction, {
        action: 'member.created',
        subjectType: 'member',
        subjectId: member.id,
        folderId: null,
        data: { status: member.status },
      });
      if (member.status === 'pending') await emitEvent(ctx, transaction, 'member.pending', null, toMember(member));
    }
    await recordAuditEvent(ctx, transaction, { action: 'member.signed_in', subjectType: 'member', subjectId: member.id, folderId: null });
    return { outcome: 'signed_in', member, session, created };
  });
}
