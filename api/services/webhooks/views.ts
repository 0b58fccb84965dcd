import type { WebhookEndpointRow, WebhookMessageRow } from '../../db/models/webhooks.js';
import type { PublicEventType } from './event-catalogue.js';

/** The event types an endpoint may subscribe to (`GET /v1/event-types` describes each). */
export type WebhookEventType =
  | 'folder.created'
  | 'folder.updated'
  | 'folder.archived'
  | 'folder.completed'
  | 'client.added'
  | 'document.requested'
  | 'document.request_cancelled'
  | 'document.uploaded'
  | 'document.validated'
  | 'document.refused'
  | 'folder.anchoring_started'
  | 'folder.anchored'
  | 'folder.anchoring_failed'
  | 'member.pending'
  | 'app.authorized'
  | 'app.deauthorized';

// Spelled out for tsoa (which cannot read Exclude<>), and checked here against the outbox's list.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameEventTypes: Same<WebhookEventType, PublicEventType> = true;
void sameEventTypes;

/** Where LeCoffre sends the office's events, signed (Standard Webhooks). The secret is never shown again. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string;
  /** Event types sent to this endpoint; empty: every one of them. */
  eventTypes: WebhookEventType[];
  enabled: boolean;
  /** Why it is off: `manual` (turned off through the API), `gone` (the receiver answered 410), `failing` (5 days of failures). */
  disabledReason: 'manual' | 'gone' | 'failing' | null;
  disabledAt: Date | null;
  /** Since when every delivery attempt has failed; null once one succeeds. */
  failingSince: Date | null;
  /** After a rotation, the previous secret also signs until then. */
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Answers of create and rotate-secret only. */
export interface WebhookEndpointWithSecret extends WebhookEndpoint {
  /** `whsec_…`: verify each delivery with it. Shown this once: store it in your receiver's configuration. */
  secret: string;
}

/** One event for one endpoint, with every attempt at it. */
export interface WebhookMessage {
  id: string;
  /** The `webhook-id` header: the same on every retry and resend of this event. Dedupe on it. */
  webhookId: string;
  endpointId: string;
  eventType: string;
  folderId: string | null;
  /** `pending` (waiting or retrying), `delivered` (a 2xx came back), `failed` (8 attempts failed), `cancelled` (endpoint deleted). */
  status: 'pending' | 'delivered' | 'failed' | 'cancelled';
  attempts: number;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

export interface WebhookAttempt {
  id: string;
  messageId: string;
  /** The `webhook-id` of the message. */
  webhookId: string;
  eventType: string;
  /** 1 for the first try of a message. */
  attempt: number;
  /** `succeeded`: the receiver answered 2xx. Anything else (3xx included: redirects are not followed) failed. */
  outcome: 'succeeded' | 'failed';
  /** The receiver's HTTP status; null when there was no answer. */
  responseStatus: number | null;
  /** Why there was no answer: `timeout` (15 s), `connection_refused`, `blocked_address`, `dns`, `tls`, `network`. */
  error: string | null;
  /** The first 1 KiB of the receiver's answer. */
  responseBody: string | null;
  durationMs: number;
  attemptedAt: Date;
  /** When the next attempt was scheduled after this one; null after a success or the last attempt. */
  nextAttemptAt: Date | null;
}

export function toWebhookEndpoint(row: WebhookEndpointRow, now: Date): WebhookEndpoint {
  const previousValid = row.previousSecretExpiresAt && row.previousSecretExpiresAt > now ? row.previousSecretExpiresAt : null;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes as WebhookEventType[],
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    disabledAt: row.disabledAt,
    failingSince: row.failingSince,
    previousSecretExpiresAt: previousValid,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toWebhookMessage(row: WebhookMessageRow): WebhookMessage {
  return {
    id: row.id,
    webhookId: row.eventId,
    endpointId: row.endpointId,
    eventType: row.eventType,
    folderId: row.folderId,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt : null,
    deliveredAt: row.deliveredAt,
    createdAt: row.createdAt,
  };
}
