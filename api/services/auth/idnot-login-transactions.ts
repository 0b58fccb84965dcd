import { randomBytes } from 'node:crypto';
import { Op } from 'sequelize';
import type { Database } from '../../db/database.js';
import { addSeconds } from '../../domain/time.js';
import type { LoginSecrets } from '../../ports/identity-provider.js';
import { hashSecret } from './secret-tokens.js';

/** Time to go through ID.not's login page. */
const LOGIN_TTL_SECONDS = 10 * 60;

/**
 * Keeps an ID.not login's state, nonce and PKCE verifier in PostgreSQL until the callback, whichever API
 * process it reaches. Returns the handle for the browser's cookie; the row's id is the handle's hash.
 */
export async function saveLoginTransaction(db: Database, secrets: LoginSecrets, returnTo: string, now: Date): Promise<string> {
  const handle = randomBytes(32).toString('base64url');
  await db.models.IdnotLoginTransaction.destroy({ where: { expiresAt: { [Op.lte]: now } } });
  await db.models.IdnotLoginTransaction.create({
    id: hashSecret(handle),
    state: secrets.state,
    nonce: secrets.nonce,
    codeVerifier: secrets.codeVerifier,
    returnTo,
    expiresAt: addSeconds(now, LOGIN_TTL_SECONDS),
  });
  return handle;
}

/** The login in flight behind a cookie handle, consumed (a callback can be replayed at most once), or null. */
export async function takeLoginTransaction(
  db: Database,
  handle: string,
  now: Date,
): Promise<{ secrets: LoginSecrets; returnTo: string } | null> {
  const id = hashSecret(handle);
  const row = await db.models.IdnotLoginTransaction.findOne({ where: { id } });
  if (!row) return null;
  const deleted = await db.models.IdnotLoginTransaction.destroy({ where: { id } });
  // Two callbacks racing with one cookie: only the one that deleted the row goes on.
  if (deleted === 0 || row.expiresAt <= now) return null;
  return { secrets: { state: row.state, nonce: row.nonce, codeVerifier: row.codeVerifier }, returnTo: row.returnTo };
}
