import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'sequelize';
import type { Database } from '../../db/database.js';
import { newId } from '../../domain/ids.js';

/** API keys and other bearer secrets are stored as SHA-256: they carry 192 random bits, so no slow hash is needed. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export interface MintedApiKey {
  id: string;
  /** Shown once, never stored. */
  secret: string;
  displayPrefix: string;
}

export async function mintApiKey(
  db: Database,
  input: { officeId: string; name: string; mode: 'live' | 'test'; createdByMemberId?: string },
  transaction?: Transaction,
): Promise<MintedApiKey> {
  const secret = `lck_${input.mode}_${randomBytes(24).toString('base64url')}`;
  const displayPrefix = `${secret.slice(0, 13)}…`;
  const id = newId('key');
  await db.models.ApiKey.create(
    {
      id,
      officeId: input.officeId,
      createdByMemberId: input.createdByMemberId ?? null,
      name: input.name,
      mode: input.mode,
      displayPrefix,
      secretHash: hashSecret(secret),
      lastUsedAt: null,
      revokedAt: null,
    },
    { transaction },
  );
  return { id, secret, displayPrefix };
}
