import { createHmac, timingSafeEqual } from 'node:crypto';
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

/** Deliveries older or newer than this are refused: a replayed delivery is an old one. */
const TOLERANCE_SECONDS = 5 * 60;
const SECRET_PREFIX = 'whsec_';

/**
 * The Standard Webhooks check, on node:crypto rather than a library: svix (the reference) requires
 * Node >= 22 and brings four packages, for an HMAC-SHA256 and a constant-time comparison.
 */
function checkSignature(payload: string, headers: Record<string, string>, secret: string): void {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError('Webhook rejected: missing required headers.');
  const sentAt = Number(timestamp);
  if (!/^\d+$/.test(timestamp) || !Number.isSafeInteger(sentAt)) {
    throw new WebhookVerificationError('Webhook rejected: invalid webhook-timestamp header.');
  }
  if (Math.abs(Math.floor(Date.now() / 1000) - sentAt) > TOLERANCE_SECONDS) {
    throw new WebhookVerificationError('Webhook rejected: timestamp too old or too new (more than 5 minutes away).');
  }
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
  if (key.length === 0) throw new TypeError('webhooks.verify: the secret is empty.');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${payload}`).digest();
  // Several signatures during a secret rotation: any v1 one that matches is enough.
  const matches = signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    if (version !== 'v1' || !signature) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookVerificationError('Webhook rejected: no matching signature.');
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
    // Signatures cover text; bytes that are not UTF-8 cannot be a genuine delivery.
    payload = typeof rawBody === 'string' ? rawBody : new TextDecoder('utf-8', { fatal: true }).decode(rawBody);
  } catch (error) {
    throw new WebhookVerificationError('Webhook rejected: the body is not UTF-8.', error);
  }
  checkSignature(payload, pickHeaders(headers), secret);
  const event: unknown = JSON.parse(payload);
  if (typeof event !== 'object' || event === null || typeof (event as { type?: unknown }).type !== 'string') {
    throw new WebhookVerificationError('Webhook rejected: a signed payload without an event type.');
  }
  // The signature proves LeCoffre sent it; its shape is the catalogue's (sdk/types.ts: WebhookEvent).
  return event as WebhookEvent;
}

/** `webhooks.verify(rawBody, headers, secret)`, as in the other LeCoffre SDKs' style. */
export const webhooks = { verify: verifyWebhook };
