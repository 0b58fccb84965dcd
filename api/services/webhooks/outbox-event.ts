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

/** The delivered body: `{ type, timestamp, data }`, the same bytes on every attempt. */
export function webhookBody(event: Pick<OutboxEvent, 'type' | 'payload' | 'occurredAt'>): string {
  return JSON.stringify({ type: event.type, timestamp: event.occurredAt.toISOString(), data: event.payload });
}
