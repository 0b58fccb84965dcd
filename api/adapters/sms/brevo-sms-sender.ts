import { SmsDeliveryError, type SmsMessage, type SmsSender } from '../../ports/sms-sender.js';

/** Brevo's API root; the test double's URL replaces it (LECOFFRE_BREVO_API_URL). */
export const BREVO_API_URL = 'https://api.brevo.com/v3';

export interface BrevoSmsSettings {
  apiKey: string;
  /** The sender name phones show: at most 11 letters and digits (or 15 digits), checked by the config. */
  sender: string;
  apiUrl: string;
  /**
   * Where Brevo posts this message's delivery events (`webUrl`), for a reference; absent: no callback
   * is asked for.
   */
  statusUrl?: (reference: string) => string;
  timeoutMs?: number;
  /** Attempts in all, the first included, when Brevo answers 429 or 5xx or cannot be reached. */
  maxAttempts?: number;
  /** First wait between attempts when Brevo names none; doubled each time. */
  retryBaseMs?: number;
  /** A wait asked for beyond this gives up at once: the caller's own schedule is better placed to wait. */
  maxRetryWaitMs?: number;
}

/** The body of a Brevo error answer (`{"code": "invalid_parameter", "message": "…"}`). */
interface BrevoError {
  code?: unknown;
  message?: unknown;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Brevo wants the international number without the `+` (33612345678), per its send endpoint's reference. */
export const brevoRecipient = (e164: string) => e164.replace(/^\+/, '');

/**
 * Seconds to wait before the next attempt, as the answer asks: `Retry-After` (seconds or an HTTP date),
 * else Brevo's own `x-sib-ratelimit-reset` (seconds until its window reopens).
 */
export function askedWaitMs(headers: Headers, now = Date.now()): number | null {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers.get('x-sib-ratelimit-reset')?.trim();
  if (reset && /^\d+(\.\d+)?$/.test(reset)) return Math.ceil(Number(reset) * 1000);
  return null;
}

function describe(status: number, body: string): string {
  let parsed: BrevoError = {};
  try {
    parsed = JSON.parse(body) as BrevoError;
  } catch {
    // Not JSON (a proxy's HTML page): the status alone says enough.
  }
  const code = typeof parsed.code === 'string' ? parsed.code : null;
  const message = typeof parsed.message === 'string' ? parsed.message.slice(0, 200) : null;
  return `HTTP ${status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`;
}

/**
 * Brevo transactional SMS (`POST /v3/transactionalSMS/send`, header `api-key`). A 4xx other than 429 is
 * a refusal for good (bad number, sender not allowed, no credit, wrong key) and is not retried; a 429, a
 * 5xx, a timeout or a network error is retried up to `maxAttempts`, waiting what Brevo asks for (or an
 * exponential backoff). A retry after a timeout may deliver the message twice: the same text, so the same
 * code, which is better than none.
 */
export function brevoSmsSender(settings: BrevoSmsSettings): SmsSender {
  const timeoutMs = settings.timeoutMs ?? 10_000;
  const maxAttempts = settings.maxAttempts ?? 3;
  const retryBaseMs = settings.retryBaseMs ?? 1_000;
  const maxRetryWaitMs = settings.maxRetryWaitMs ?? 20_000;
  const endpoint = `${settings.apiUrl.replace(/\/+$/, '')}/transactionalSMS/send`;

  async function attempt(message: SmsMessage): Promise<{ retryAfterMs: number | null; error: SmsDeliveryError } | null> {
    const body = {
      sender: settings.sender,
      recipient: brevoRecipient(message.to),
      content: message.text,
      type: 'transactional',
      tag: 'lecoffre',
      ...(message.reference && settings.statusUrl ? { webUrl: settings.statusUrl(message.reference) } : {}),
    };
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'api-key': settings.apiKey, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (error as Error).message;
      return { retryAfterMs: null, error: new SmsDeliveryError(`Brevo unreachable: ${reason}`) };
    }
    const text = await response.text().catch(() => '');
    if (response.ok) return null;
    const retryable = response.status === 429 || response.status >= 500;
    const error = new SmsDeliveryError(`Brevo refused the SMS (${describe(response.status, text)})`, response.status, !retryable);
    return { retryAfterMs: retryable ? askedWaitMs(response.headers) : null, error };
  }

  return {
    name: 'brevo',
    async send(message: SmsMessage): Promise<void> {
      for (let n = 1; ; n++) {
        const failure = await attempt(message);
        if (!failure) return;
        if (failure.error.permanent || n >= maxAttempts) throw failure.error;
        const wait = failure.retryAfterMs ?? retryBaseMs * 2 ** (n - 1) * (0.5 + Math.random() / 2);
        if (wait > maxRetryWaitMs) throw failure.error;
        await sleep(wait);
      }
    },
  };
}
