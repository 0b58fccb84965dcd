import { DomainError } from '../../domain/errors.js';
import { hashSecret, sameDigest } from '../auth/secret-tokens.js';
import { openSession } from '../auth/sessions.js';
import type { ClientAuthDeps, RequestMeta } from './client-auth-deps.js';
import { CODE_MAX_TRIES, codeDigest } from './one-time-code.js';
import type { ClientSignIn } from './views.js';

export interface VerifyClientCodeInput {
  /** The `attempt` returned by `POST /v1/client-auth/start`. */
  attempt: string;
  /**
   * The six digits received by SMS.
   * @pattern ^[0-9]{6}$
   */
  code: string;
}

type Refusal = 'invalid_code' | 'code_expired' | 'code_attempts_exhausted' | 'code_already_used' | 'login_attempt_unknown';

const MESSAGES: Record<Exclude<Refusal, 'invalid_code'>, string> = {
  code_expired: 'Ce code a expiré : demandez-en un nouveau. / This code has expired: ask for a new one.',
  code_attempts_exhausted: 'Trop d’essais : ce code ne fonctionne plus, demandez-en un nouveau. / Too many tries: ask for a new code.',
  code_already_used: 'Ce code a déjà servi : demandez-en un nouveau. / This code was already used: ask for a new one.',
  login_attempt_unknown:
    'Cette demande de code n’est plus valable (un code plus récent a pu être demandé). / This login attempt is no longer valid.',
};

function refusal(reason: Refusal, remainingTries = 0): DomainError {
  const message =
    reason === 'invalid_code'
      ? `Code incorrect : ${remainingTries} essai(s) restant(s). / Wrong code: ${remainingTries} tr${remainingTries === 1 ? 'y' : 'ies'} left.`
      : MESSAGES[reason];
  return new DomainError('invalid', reason, message, [{ path: 'code', message }]);
}

/**
 * "Code à usage unique": the code must belong to this attempt, be younger than 10 minutes, unused, and
 * come before the 6th try (5 wrong codes burn the attempt, and the right code is refused after that).
 * A success opens a client session; `passwordSet` tells whether the client must now choose a password.
 */
export async function verifyClientCode(deps: ClientAuthDeps, input: VerifyClientCodeInput, meta: RequestMeta): Promise<ClientSignIn> {
  const { db } = deps;
  const now = deps.clock.now();
  // Decided and recorded in one transaction (the row locked, so concurrent guesses count one by one);
  // a refusal is thrown only after the failed try is committed.
  type Outcome = { refused: Refusal; remainingTries?: number } | { signIn: ClientSignIn };
  const outcome = await db.sequelize.transaction(async (transaction): Promise<Outcome> => {
    const attempt = await db.models.ClientLoginAttempt.findOne({
      where: { tokenHash: hashSecret(input.attempt) },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!attempt || attempt.closedReason === 'superseded') return { refused: 'login_attempt_unknown' };
    if (attempt.closedReason === 'used') return { refused: 'code_already_used' };
    if (attempt.closedReason === 'exhausted') return { refused: 'code_attempts_exhausted' };
    if (attempt.expiresAt <= now) return { refused: 'code_expired' };

    const right = attempt.codeHash !== null && sameDigest(attempt.codeHash, codeDigest(input.attempt, input.code));
    if (!right || !attempt.clientId || !attempt.officeId) {
      const failedTries = attempt.failedTries + 1;
      const exhausted = failedTries >= CODE_MAX_TRIES;
      await attempt.update({ failedTries, ...(exhausted ? { closedAt: now, closedReason: 'exhausted' } : {}) }, { transaction });
      return { refused: 'invalid_code', remainingTries: CODE_MAX_TRIES - failedTries };
    }
    await attempt.update({ closedAt: now, closedReason: 'used' }, { transaction });
    const client = await db.models.Client.findOne({ where: { id: attempt.clientId, officeId: attempt.officeId }, transaction });
    if (!client) return { refused: 'login_attempt_unknown' };
    const credential = await db.models.ClientCredential.findOne({ where: { clientId: client.id }, transaction });
    const session = await openSession(
      db,
      { kind: 'client', officeId: client.officeId, clientId: client.id },
      'sms_code',
      meta,
      deps.sessions,
      now,
      transaction,
    );
    return {
      signIn: {
        session,
        view: {
          client: { id: client.id, firstName: client.firstName, lastName: client.lastName },
          passwordSet: credential !== null,
          sessionExpiresAt: session.absoluteExpiresAt.toISOString(),
        },
      },
    };
  });
  if ('refused' in outcome) throw refusal(outcome.refused, outcome.remainingTries);
  return outcome.signIn;
}
