import type { Database } from '../../db/database.js';

/** What a verified key stands for: enough to build its actor without reading the table again. */
export interface VerifiedApiKey {
  id: string;
  officeId: string;
}

interface Entry extends VerifiedApiKey {
  verifiedAt: number;
}

interface Cache {
  /** True while this process hears revocations (NOTIFY lecoffre_api_keys): only then is anything kept. */
  listening: boolean;
  /** Bumped by every forget: a lookup that straddles a revocation does not put the key back. */
  generation: number;
  bySecretHash: Map<string, Entry>;
}

/**
 * How long a verified key is trusted without a lookup. Revocation does not wait for it (it is heard at
 * once); it bounds what a lost notification could cost, and it is when `last_used_at` is next written.
 */
export const VERIFIED_KEY_TTL_MS = 60_000;
// Keys are few per office; the bound only stops a flood of distinct valid keys from growing memory.
const MAX_ENTRIES = 10_000;

/** The channel revocations are announced on; the payload is the key's id. */
export const API_KEY_REVOCATIONS_CHANNEL = 'lecoffre_api_keys';

const caches = new WeakMap<Database, Cache>();

function cacheOf(db: Database): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { listening: false, generation: 0, bySecretHash: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

/**
 * Keys verified in the last minute, per database pool, so that a read costs no key lookup. A revoked key
 * leaves at once: in this process through `forgetApiKey` (revokeApiKey calls it), in the others through the
 * NOTIFY it sends, which each process's listener turns into `forgetApiKey`. While that listener is not
 * connected nothing is cached, since another process's revocation could not reach this one.
 */
export function cachedApiKey(db: Database, secretHash: string, now = Date.now()): VerifiedApiKey | undefined {
  const cache = cacheOf(db);
  const entry = cache.bySecretHash.get(secretHash);
  if (!entry) return undefined;
  if (!cache.listening || now - entry.verifiedAt >= VERIFIED_KEY_TTL_MS) {
    cache.bySecretHash.delete(secretHash);
    return undefined;
  }
  return entry;
}

/** The generation to hand back to `rememberApiKey` once a lookup started now has its answer. */
export function apiKeyGeneration(db: Database): number {
  return cacheOf(db).generation;
}

export function rememberApiKey(db: Database, secretHash: string, key: VerifiedApiKey, generation: number, now = Date.now()): void {
  const cache = cacheOf(db);
  if (!cache.listening || cache.generation !== generation) return;
  if (cache.bySecretHash.size >= MAX_ENTRIES) {
    const oldest = cache.bySecretHash.keys().next().value;
    if (oldest !== undefined) cache.bySecretHash.delete(oldest);
  }
  cache.bySecretHash.set(secretHash, { id: key.id, officeId: key.officeId, verifiedAt: now });
}

export function forgetApiKey(db: Database, keyId: string): void {
  const cache = cacheOf(db);
  cache.generation++;
  for (const [hash, entry] of cache.bySecretHash) if (entry.id === keyId) cache.bySecretHash.delete(hash);
}

/** The revocation listener's state: connected, keys may be kept; disconnected, everything kept is dropped. */
export function setApiKeyRevocationsHeard(db: Database, listening: boolean): void {
  const cache = cacheOf(db);
  cache.generation++;
  cache.listening = listening;
  if (!listening) cache.bySecretHash.clear();
}
