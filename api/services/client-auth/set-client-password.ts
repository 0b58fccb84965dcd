import { DomainError } from '../../domain/errors.js';
import type { Clock } from '../../ports/clock.js';
import { requireClient } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { revokeAllSessions } from '../auth/sessions.js';
import type { ServiceContext } from '../context.js';
import { hashPassword } from './password-hash.js';
import { passwordProblems } from './password-policy.js';

export interface SetClientPasswordInput {
  /**
   * At least 8 characters with a lower case, an upper case and a digit; not a common password.
   * @maxLength 128
   */
  password: string;
}

/** A password is chosen right after an SMS code: a stolen session alone cannot change it. */
const FRESH_CODE_SECONDS = 15 * 60;

/**
 * "Configurez votre mot de passe": first time after the SMS code, or again after "forgotten password"
 * (which is the code flow again). Other sessions of the client end: whoever knew the old password is out.
 */
export async function setClientPassword(ctx: ServiceContext, clock: Clock, input: SetClientPasswordInput): Promise<void> {
  const actor = requireClient(ctx);
  const now = clock.now();
  const session = await ctx.db.models.Session.findOne({ where: { id: actor.credentialId, clientId: actor.clientId, revokedAt: null } });
  if (session?.authMethod !== 'sms_code' || now.getTime() - session.createdAt.getTime() > FRESH_CODE_SECONDS * 1000) {
    throw new DomainError(
      'forbidden',
      'recent_code_required',
      'Pour choisir un mot de passe, identifiez-vous d’abord avec un code reçu par SMS. / Sign in with an SMS code first to choose a password.',
    );
  }
  const client = await ctx.db.models.Client.findOne({ where: { id: actor.clientId, officeId: actor.officeId } });
  if (!client) throw new DomainError('forbidden', 'recent_code_required', 'Sign in with an SMS code first to choose a password.');
  const problems = passwordProblems(input.password, client);
  if (problems.length > 0) {
    throw new DomainError(
      'invalid',
      'weak_password',
      `Mot de passe refusé : ${problems.join(' ; ')}`,
      problems.map((message) => ({ path: 'password', message })),
    );
  }
  const passwordHash = await hashPassword(input.password);
  await ctx.db.sequelize.transaction(async (transaction) => {
    const existing = await ctx.db.models.ClientCredential.findOne({
      where: { clientId: client.id },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (existing) await existing.update({ passwordHash }, { transaction });
    else await ctx.db.models.ClientCredential.create({ clientId: client.id, officeId: client.officeId, passwordHash }, { transaction });
    await recordAuditEvent(ctx, transaction, {
      action: existing ? 'client.password_changed' : 'client.password_set',
      subjectType: 'client',
      subjectId: client.id,
      folderId: null,
    });
  });
  await revokeAllSessions(ctx.db, { clientId: client.id }, now, session.id);
}
