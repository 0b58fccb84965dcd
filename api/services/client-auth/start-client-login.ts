import { normalizeEmail } from '../../domain/contact.js';
import { newId } from '../../domain/ids.js';
import { addSeconds } from '../../domain/time.js';
import { hashSecret, newSecretToken } from '../auth/secret-tokens.js';
import { enforceRateLimit, hitRateLimit } from '../rate-limits/rate-limiter.js';
import { rules } from '../rate-limits/rules.js';
import { sendTrackedSms } from '../sms/send-tracked-sms.js';
import { type ClientAuthDeps, emailDigest, type RequestMeta } from './client-auth-deps.js';
import { findLoginClient } from './find-login-client.js';
import { CODE_TTL_SECONDS, codeDigest, newOneTimeCode } from './one-time-code.js';

export interface StartClientLoginInput {
  /**
   * The e-mail the office entered for the client.
   * @maxLength 254
   */
  email: string;
  /** For a person who is a client of several offices: the office of the invitation they followed. */
  officeId?: string;
}

export interface ClientLoginStarted {
  /** This login attempt: send it back with the code to `POST /v1/client-auth/verify`. */
  attempt: string;
  /** The code (if one was sent) stops working then. */
  expiresAt: string;
  /** A new code may be asked for (`POST /v1/client-auth/start` again) from then on. */
  resendAfter: string;
}

const tooSoon = {
  code: 'resend_too_soon',
  message: 'Attendez une minute avant de demander un nouveau code. / Wait a minute before asking for a new code.',
} as const;
const tooMany = {
  code: 'too_many_codes',
  message: 'Trop de codes demandés ; réessayez plus tard. / Too many codes requested; try again later.',
} as const;

export function smsText(code: string, appHost: string): string {
  return `LeCoffre : votre code de connexion est ${code}. Il expire dans 10 minutes. Ne le communiquez à personne.\n\n@${appHost} #${code}`;
}

/**
 * "Identifiez-vous": always the same answer, whether the e-mail belongs to a client with an open folder
 * or not (no enumeration). Only for a known client is a code made and sent by SMS; an unknown e-mail gets
 * an attempt all the same, one that no code can ever pass. A new start closes the e-mail's previous
 * attempt: it is also how a client asks for a new code, once the one-minute cool-down is over.
 */
export async function startClientLogin(deps: ClientAuthDeps, input: StartClientLoginInput, meta: RequestMeta): Promise<ClientLoginStarted> {
  const { db } = deps;
  const now = deps.clock.now();
  const email = normalizeEmail(input.email).normalized;
  const emailHash = emailDigest(email);
  // Limits are counted on the address as typed, known or not: a 429 tells nothing about the account.
  await enforceRateLimit(db, rules.codeCooldownPerEmail, emailHash, now, tooSoon);
  await enforceRateLimit(db, rules.codesPerEmail, emailHash, now, tooMany);
  await enforceRateLimit(db, rules.codesPerIp, meta.ip ?? 'unknown', now, tooMany);

  const client = await findLoginClient(db, email, input.officeId);
  // Counted for unknown addresses too (on their digest), so that both paths make the same queries.
  const phone = await hitRateLimit(db, rules.codesPerPhone, client?.mobile ?? `unknown:${emailHash}`, now);
  const token = newSecretToken('lca');
  const code = client && !phone.exceeded ? newOneTimeCode() : null;
  const expiresAt = addSeconds(now, CODE_TTL_SECONDS);

  const attemptId = newId('cla', now.getTime());
  await db.sequelize.transaction(async (transaction) => {
    await db.models.ClientLoginAttempt.update(
      { closedAt: now, closedReason: 'superseded' },
      { where: { emailHash, closedAt: null }, transaction },
    );
    await db.models.ClientLoginAttempt.create(
      {
        id: attemptId,
        tokenHash: hashSecret(token),
        emailHash,
        clientId: client?.id ?? null,
        officeId: client?.officeId ?? null,
        codeHash: code ? codeDigest(token, code) : null,
        expiresAt,
        createdAt: now,
      },
      { transaction },
    );
  });

  if (client && code) {
    // Not awaited (the row it keeps included): the provider's latency must not tell a known address from
    // an unknown one.
    sendTrackedSms(
      deps,
      { to: client.mobile, text: smsText(code, deps.appHost) },
      { purpose: 'login_code', loginAttemptId: attemptId },
    ).catch(deps.onSmsError);
  }
  return {
    attempt: token,
    expiresAt: expiresAt.toISOString(),
    resendAfter: addSeconds(now, rules.codeCooldownPerEmail.windowSeconds).toISOString(),
  };
}
