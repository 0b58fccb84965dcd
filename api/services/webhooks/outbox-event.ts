import type { EventType } from '../outbox/emit-event.js';

/** A row of outbox_events as the dispatcher reads it. */
export interface OutboxEvent {
  seq: number;
  /** `msg_…`: also the `webhook-id` of its deliveries. */
  id: string;
  officeId: string;
  folderId: string | null;
  type: EventType;
  /** The resource as the API returns it (JSON). */
  payload: Record<string, unknown>;
  /** The producing transaction's start time: every event of one transaction shares it. */
  occurredAt: Date;
  /** occurred_at exactly as stored (microseconds, which a Date drops): what groups one transaction's events. */
  occurredAtExact: string;
}

/** The app that caused an event, as deliveries name it. */
export interface ActingApp {
  id: string;
  name: string;
}

/**
 * The delivered body (its schema: envelopeSchema in event-catalogue.ts), the same bytes on every attempt
 * and for every endpoint: `officeId` says whose event it is (an app's endpoint hears every connected
 * office), `app` which vendor app made the change, when one did.
 */
export function webhookBody(event: Pick<OutboxEvent, 'type' | 'payload' | 'occurredAt' | 'officeId'> & { app: ActingApp | null }): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.occurredAt.toISOString(),
    officeId: event.officeId,
    ...(event.app ? { app: { id: event.app.id, name: event.app.name } } : {}),
    data: event.payload,
  });
}
