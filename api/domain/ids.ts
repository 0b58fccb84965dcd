import { randomBytes } from 'node:crypto';

// Crockford base32: no I, L, O, U, so ids survive being read aloud or retyped from a screen.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RANDOM_CHARS = 16;

function encode(value: bigint, length: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(rest % 32n)] + out;
    rest /= 32n;
  }
  return out;
}

let lastMs = 0;
let lastRandom = 0n;

/**
 * Opaque ids like `fld_01jd3k8q2v7x9m4t6w0c5b8n1r`: a type prefix, 10 characters of milliseconds, 16
 * characters (80 bits) of randomness. Time first so that sorting by id is creation order and lists page
 * on the id alone. Within one millisecond the random part is incremented rather than drawn again
 * (monotonic, as ULID does), so that ids made one after the other in a process still sort in order.
 */
export function newId(prefix: string, now: number = Date.now()): string {
  let random: bigint;
  if (now <= lastMs) {
    random = lastRandom + 1n;
    now = lastMs;
  } else {
    random = BigInt(`0x${randomBytes(10).toString('hex')}`) >> 1n; // leave room to increment
    lastMs = now;
  }
  lastRandom = random;
  return `${prefix}_${encode(BigInt(now), 10)}${encode(random, RANDOM_CHARS)}`;
}
