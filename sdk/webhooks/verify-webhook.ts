import { WebhookVerificationError as SvixVerificationError, Webhook } from 'svix';
import { LeCoffreError } from '../core/errors.js';
import type { WebhookEvent } from '../types.js';

/** Headers as Express/Node (`req.headers`), fetch (`request.headers`) or a plain object gives them. */
export type WebhookHeaders = Headers | Record<string, string | readonly string[] | undefined>;

/** The delivery is not from LeCoffre, was altered, or is too old (more than 5 minutes: a replay). */
export class WebhookVerificationError extends LeCoffreError {
  constructor(message: string, cause?: unknown) {
    super(message, { status: undefined, code: 'invalid_webhook_signature', requestId: undefined, problem: undefined, cause });
    this.name = 'WebhookVerificationError';
  }
}

const SIGNATURE_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

function pickHeaders(headers: WebhookHeaders): Record<string, string> {
  const picked: Record<string, string> = {};
  const read =
    typeof Headers !== 'undefined' && headers instanceof Headers
      ? (name: string) => headers.get(name) ?? undefined
      : (name: string) => {
          const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
          return typeof entry === 'string' ? entry : entry?.join(' ');
        };
  for (const name of SIGNATURE_HEADERS) {
    const value = read(name);
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

/**
 * Checks a webhook delivery (Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature`)
 * with the endpoint's secret (`whsec_…`) and returns its event. `rawBody` must be the bytes received,
 * before any JSON parsing: re-serialised JSON does not match the signature.
 */
export function verifyWebhook(rawBody: string | Uint8Array, headers: WebhookHeaders, secret: string): WebhookEvent {
  if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array)) {
    throw new TypeError('webhooks.verify: pass the raw request body (a string or a Buffer), not parsed JSON.');
  }
  let payload: string;
  try {
    // svix signs and compares text; bytes that are not UTF-8 cannot be a genuine delivery.
    payload = typeof rawBody === 'string' ? rawBody : new TextDecoder('utf-8', { fatal: true }).decode(rawBody);
    new Webhook(secret).verify(payload, pickHeaders(headers));
  } catch (error) {
    if (error instanceof SvixVerificationError || error instanceof TypeError) {
      throw new WebhookVerificationError(`Webhook rejected: ${error.message}.`, error);
    }
    throw error;
  }
  const event: unknown = JSON.parse(payload);
  if (typeof event !== 'object' || event === null || typeof (event as { type?: unknown }).type !== 'string') {
    throw new WebhookVerificationError('Webhook rejected: a signed payload without an event type.');
  }
  // The signature proves LeCoffre sent it; its shape is the catalogue's (sdk/types.ts: WebhookEvent).
  return event as WebhookEvent;
}

/** `webhooks.verify(rawBody, headers, secret)`, as in the other LeCoffre SDKs' style. */
export const webhooks = { verify: verifyWebhook };
