import { createHash, timingSafeEqual } from 'node:crypto';
import type { SmsDeliveryStatus, SmsStatusReceiver, SmsStatusReport } from '../../ports/sms-sender.js';

/**
 * Brevo's transactional SMS events (`msg_status`) as we track them. Brevo signs none of its webhooks: the
 * callback URL carries a secret token (query string, so the access log, which drops queries, never holds
 * it) and our message reference. Events that say nothing about delivery (replies, unsubscriptions) are
 * acknowledged and ignored.
 */
const STATUSES: Record<string, SmsDeliveryStatus> = {
  sent: 'sent',
  accepted: 'sent',
  delivered: 'delivered',
  soft_bounce: 'soft_bounce',
  softbounce: 'soft_bounce',
  softbounces: 'soft_bounce',
  hard_bounce: 'hard_bounce',
  hardbounce: 'hard_bounce',
  hardbounces: 'hard_bounce',
  blocked: 'blocked',
  rejected: 'rejected',
};

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Fields of a Brevo SMS event we read (its documented payload has more: credits, sms_count…). */
interface BrevoSmsEvent {
  msg_status?: unknown;
  event?: unknown;
  messageId?: unknown;
  reference?: unknown;
  description?: unknown;
  reason?: unknown;
  ts_event?: unknown;
}

export function brevoSmsStatusReceiver(webhookToken: string, now: () => Date = () => new Date()): SmsStatusReceiver {
  const expected = digest(webhookToken);
  return {
    provider: 'brevo',
    authenticate(token) {
      // Digests of equal length, so the comparison takes the same time whatever the token's length.
      return typeof token === 'string' && timingSafeEqual(digest(token), expected);
    },
    parse(body, reference): SmsStatusReport | null | { invalid: string } {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return { invalid: 'the body is not a JSON object' };
      const event = body as BrevoSmsEvent;
      const raw = typeof event.msg_status === 'string' ? event.msg_status : typeof event.event === 'string' ? event.event : null;
      if (raw === null) return { invalid: 'msg_status is missing' };
      if (!reference) return { invalid: 'the callback URL carries no ref' };
      const status = STATUSES[raw.toLowerCase()];
      if (!status) return null;
      const messageId = typeof event.messageId === 'number' || typeof event.messageId === 'string' ? String(event.messageId) : null;
      const detailValue = [event.description, event.reason].find((v) => typeof v === 'string' && v.length > 0) as string | undefined;
      const at = typeof event.ts_event === 'number' ? new Date(event.ts_event * 1000) : now();
      return { reference, status, providerMessageId: messageId, detail: detailValue?.slice(0, 300) ?? null, at };
    },
  };
}
