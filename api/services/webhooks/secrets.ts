import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** 32 random bytes (the Standard Webhooks minimum is 24). */
const SECRET_BYTES = 32;
const PREFIX = 'whsec_';

export function newSecretKey(): Buffer {
  return randomBytes(SECRET_BYTES);
}

/** The text a receiver configures: `whsec_` + base64 of the key (Standard Webhooks format). */
export function formatSecret(key: Buffer): string {
  return `${PREFIX}${key.toString('base64')}`;
}

/**
 * The `webhook-signature` header: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` per secret, separated
 * by spaces. During a rotation both the new and the previous secret sign, so a receiver verifies with
 * whichever it holds. Signed by `standardwebhooks`, the specification's reference library (what svix
 * signs with too).
 */
export function signatureHeader(webhookId: string, timestamp: Date, body: string, keys: Buffer[]): string {
  return signerFor(keys)(webhookId, timestamp, body);
}

export type Signer = (webhookId: string, timestamp: Date, body: string) => string;

/** The same header, with the keys prepared once for the many messages of one endpoint. */
export function signerFor(keys: Buffer[]): Signer {
  const webhooks = keys.map((key) => new Webhook(formatSecret(key)));
  return (webhookId, timestamp, body) => webhooks.map((w) => w.sign(webhookId, timestamp, body)).join(' ');
}
