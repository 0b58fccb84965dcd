import type { LeCoffreError } from './errors.js';

export const DEFAULT_MAX_RETRIES = 2;
const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/**
 * A longer `Retry-After` is not waited for: the error is thrown with it (RateLimitError.retryAfter) and
 * the caller, who knows whether a longer wait suits (a job may wait, a page should not), decides.
 */
const MAX_RETRY_AFTER_MS = 10_000;

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * Exponential backoff with "equal jitter": half of the step is fixed, half random, so that clients failing
 * together do not retry together, yet none retries almost at once.
 */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const step = Math.min(MAX_DELAY_MS, INITIAL_DELAY_MS * 2 ** retry);
  return step / 2 + random() * (step / 2);
}

/**
 * How long to wait before retrying after this error, or undefined when it must not be retried. Retried:
 * no answer at all, 429, 5xx, and the 409 a retry gets while its first attempt is still running on the
 * server. Every other answer is final: sending the same request again would get the same answer.
 */
export function retryDelayMs(error: LeCoffreError, retry: number, retryAfterHeader: string | null): number | undefined {
  const retryable = error.status === undefined || error.status === 429 || error.status >= 500 || error.code === 'idempotency_key_in_use';
  if (!retryable) return undefined;
  const asked = retryAfterMs(retryAfterHeader);
  if (asked === undefined) return backoffMs(retry);
  return asked <= MAX_RETRY_AFTER_MS ? asked : undefined;
}
