import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';
import { hashSecret } from '../api-keys/mint-api-key.js';
import type { Actor } from '../context.js';
import { apiKeyGeneration, cachedApiKey, rememberApiKey, type VerifiedApiKey } from './verified-api-keys.js';

// last_used_at is informative; writing it on every request would turn every read into a write.
const LAST_USED_PRECISION_SECONDS = 60;

/**
 * The live key with this hash, and `last_used_at` moved forward when it is older than the precision, in
 * one statement (one round trip, one implicit transaction).
 */
const LOOKUP = `
  WITH key AS (
    SELECT id, office_id, last_used_at FROM api_keys WHERE secret_hash = :secretHash AND revoked_at IS NULL
  ), used AS (
    UPDATE api_keys SET last_used_at = now() FROM key
    WHERE api_keys.id = key.id
      AND (key.last_used_at IS NULL OR key.last_used_at < now() - make_interval(secs => ${LAST_USED_PRECISION_SECONDS}))
  )
  SELECT id, office_id AS "officeId" FROM key`;

/**
 * The actor behind an API key, or null when the key is unknown or revoked. A key verified in the last
 * minute is answered from memory (services/auth/verified-api-keys.ts says how revocation still acts at once).
 */
export async function authenticateApiKey(db: Database, secret: string, ip: string | null): Promise<Actor | null> {
  const secretHash = hashSecret(secret);
  let key: VerifiedApiKey | undefined = cachedApiKey(db, secretHash);
  if (!key) {
    const generation = apiKeyGeneration(db);
    [key] = await db.sequelize.query<VerifiedApiKey>(LOOKUP, { replacements: { secretHash }, type: QueryTypes.SELECT });
    if (!key) return null;
    rememberApiKey(db, secretHash, key, generation);
  }
  return { officeId: key.officeId, kind: 'api_key', credentialId: key.id, memberId: null, role: null, folderId: null, ip };
}
