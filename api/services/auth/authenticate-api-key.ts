import { Op } from 'sequelize';
import type { Database } from '../../db/database.js';
import { hashSecret } from '../api-keys/mint-api-key.js';
import type { Actor } from '../context.js';

// last_used_at is informative; writing it on every request would turn every read into a write.
const LAST_USED_PRECISION_MS = 60_000;

/** The actor behind an API key, or null when the key is unknown or revoked. */
export async function authenticateApiKey(db: Database, secret: string, ip: string | null): Promise<Actor | null> {
  const key = await db.models.ApiKey.findOne({ where: { secretHash: hashSecret(secret), revokedAt: null } });
  if (!key) return null;
  const now = Date.now();
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.models.ApiKey.update(
      { lastUsedAt: new Date(now) },
      { where: { id: key.id, [Op.or]: [{ lastUsedAt: null }, { lastUsedAt: { [Op.lt]: new Date(now - LAST_USED_PRECISION_MS) } }] } },
    );
  }
  return { officeId: key.officeId, kind: 'api_key', credentialId: key.id, memberId: null, role: null, folderId: null, ip };
}
