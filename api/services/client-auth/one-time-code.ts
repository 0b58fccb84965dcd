import { createHmac, randomInt } from 'node:crypto';

export const CODE_TTL_SECONDS = 10 * 60;
/** Wrong codes an attempt survives; the next one finds it burnt, even if right. */
export const CODE_MAX_TRIES = 5;

/** Six digits from the CSPRNG, leading zeros kept. */
export function newOneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * The stored form of a code: an HMAC keyed by the attempt's own secret token (which is stored hashed only).
 * A stolen table reveals no code, and a code only ever matches the attempt it was sent for.
 */
export function codeDigest(attemptToken: string, code: string): string {
  return createHmac('sha256', attemptToken).update(code).digest('hex');
}
