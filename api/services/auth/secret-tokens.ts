import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hashSecret } from '../api-keys/mint-api-key.js';

/**
 * Bearer secrets other than API keys, recognisable by their prefix so that authentication knows which
 * table to look in (and secret scanners know what they found):
 * - `lcs_` a member or client session (hosted-page cookie, or Bearer),
 * - `lcw_` a widget session,
 * - `lca_` a client login attempt (between "start" and "verify").
 */
export type TokenPrefix = 'lcs' | 'lcw' | 'lca';

/** 256 random bits: stored as SHA-256 (hashSecret), which is enough for secrets this long. */
export function newSecretToken(prefix: TokenPrefix): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export { hashSecret };

/** Compares two hex digests in constant time. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
