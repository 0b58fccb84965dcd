/** Waits after the 1st, 2nd… failed attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (8 attempts in ~28 h). */
export const RETRY_DELAYS_SECONDS = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
/** ±10 %: receivers that failed together do not all get their retries in the same second. */
export const JITTER = 0.1;
/** A Retry-After longer than this is not honoured to the letter (a receiver cannot park messages for days). */
const MAX_RETRY_AFTER_SECONDS = 24 * 3600;

/** `Retry-After` as seconds (`120`) or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now.getTime()) / 1000);
}

/**
 * When to try again after failed attempt number `attempt` (1-based), or null when it was the last.
 * The receiver's Retry-After is honoured when it asks for a longer wait than the schedule.
 * `random` is in [0, 1): injectable so tests can pin the jitter.
 */
export function nextAttemptAt(attempt: number, now: Date, retryAfterSeconds: number | undefined, random: () => number): Date | null {
  if (attempt >= MAX_ATTEMPTS) return null;
  const base = RETRY_DELAYS_SECONDS[attempt - 1];
  const jittered = base * (1 + (random() * 2 - 1) * JITTER);
  const wait = Math.max(jittered, Math.min(retryAfterSeconds ?? 0, MAX_RETRY_AFTER_SECONDS));
  return new Date(now.getTime() + Math.round(wait * 1000));
}
