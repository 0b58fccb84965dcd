import { normalizeEmail } from '../../domain/contact.js';
import { DomainError } from '../../domain/errors.js';
import { openSession } from '../auth/sessions.js';
import { clearRateLimit, hitRateLimit, peekRateLimit, RateLimitExceeded } from '../rate-limits/rate-limiter.js';
import { rules } from '../rate-limits/rules.js';
import { type ClientAuthDeps, emailDigest, type RequestMeta } from './client-auth-deps.js';
import { findLoginClient } from './find-login-client.js';
import { verifyPassword } from './password-hash.js';
import type { ClientSignIn } from './views.js';

export interface ClientPasswordLoginInput {
  /** @maxLength 254 */
  email: string;
  /** @maxLength 128 */
  password: string;
  /** For a person who is a client of several offices: the office of the invitation they followed. */
  officeId?: string;
}

const tooManyFailures =
  'Trop d’échecs : réessayez plus tard, ou recevez un code par SMS. / Too many failures: retry later or sign in with an SMS code.';

/**
 * Later logins: e-mail + password. Unknown e-mail, no password yet, or a wrong password: one answer, in
 * the same time (a decoy hash is verified). Failures only are counted, per account and per IP.
 */
export async function loginClientWithPassword(
  deps: ClientAuthDeps,
  input: ClientPasswordLoginInput,
  meta: RequestMeta,
): Promise<ClientSignIn> {
  const { db } = deps;
  const now = deps.clock.now();
  const email = normalizeEmail(input.email).normalized;
  const account = emailDigest(email);
  const ip = meta.ip ?? 'unknown';
  for (const [rule, subject] of [
    [rules.passwordFailuresPerAccount, account],
    [rules.passwordFailuresPerIp, ip],
  ] as const) {
    const state = await peekRateLimit(db, rule, subject, now);
    if (state.exceeded) throw new RateLimitExceeded('too_many_failures', tooManyFailures, state);
  }

  const client = await findLoginClient(db, email, input.officeId);
  const credential = client ? await db.models.ClientCredential.findOne({ where: { clientId: client.id } }) : null;
  const ok = await verifyPassword(credential?.passwordHash ?? null, input.password);
  if (!client || !ok) {
    await hitRateLimit(db, rules.passwordFailuresPerAccount, account, now);
    await hitRateLimit(db, rules.passwordFailuresPerIp, ip, now);
    throw new DomainError('unauthenticated', 'invalid_credentials', 'E-mail ou mot de passe incorrect. / Wrong e-mail or password.');
  }
  await clearRateLimit(db, rules.passwordFailuresPerAccount, account);
  const session = await openSession(
    db,
    { kind: 'client', officeId: client.officeId, clientId: client.id },
    'password',
    meta,
    deps.sessions,
    now,
  );
  return {
    session,
    view: {
      client: { id: client.id, firstName: client.firstName, lastName: client.lastName },
      passwordSet: true,
      sessionExpiresAt: session.absoluteExpiresAt.toISOString(),
    },
  };
}
