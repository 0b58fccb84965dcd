import type { ApiKeyRow } from '../../db/models/office.js';

/** An office API key as listed: never its secret, which is shown once at creation. */
export interface ApiKey {
  id: string;
  name: string;
  /** `test` keys (`lck_test_…`) and `live` keys (`lck_live_…`) differ by name only, so that logs and scanners tell them apart. */
  mode: 'live' | 'test';
  /** The secret's first characters, to recognise it: `lck_live_AbCd…`. */
  displayPrefix: string;
  createdByMemberId: string | null;
  createdAt: string;
  /** Updated at most once a minute. */
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiKey extends ApiKey {
  /** The key itself: shown this once, stored hashed. Keep it in the vendor's secret store. */
  secret: string;
}

export function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    mode: row.mode,
    displayPrefix: row.displayPrefix,
    createdByMemberId: row.createdByMemberId,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
