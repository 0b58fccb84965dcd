import { Op, QueryTypes, type Transaction } from 'sequelize';
import type { Database } from '../../db/database.js';
import { newId } from '../../domain/ids.js';
import { isPublicEventType } from './event-catalogue.js';
import type { OutboxEvent } from './outbox-event.js';

/**
 * Messages of one endpoint and one folder form a lane, delivered strictly in event order. Events
 * without a folder (member.pending) each get a lane of their own: nothing orders them.
 */
export function laneOf(endpointId: string, event: Pick<OutboxEvent, 'folderId' | 'id'>): string {
  return `${endpointId}/${event.folderId ?? event.id}`;
}

/** An endpoint that may receive an event: an office's own, or an app's (for the offices connected to it). */
interface Receiver {
  id: string;
  eventTypes: string[];
  wants(event: OutboxEvent): boolean;
}

/*
 * Which events of the batch each app endpoint receives: an office's event goes to an app when a connection
 * of the app to that office covered the moment the event happened. authorized_at, revoked_at and
 * occurred_at are all transaction start times (now()), compared here at PostgreSQL's microsecond precision:
 * the connection's own app.authorized and app.deauthorized (written in the transactions that set them) fall
 * inside it, an event of a transaction begun after the disconnection does not, one begun while connected
 * does. Events about connections go only to the app they name: an app never learns which other apps an
 * office uses.
 */
const APP_RECEIVERS_SQL = `
SELECT DISTINCT o.id AS event_id, e.id AS endpoint_id, e.event_types
  FROM outbox_events o
  JOIN app_connections c ON c.office_id = o.office_id AND c.authorized_at <= o.occurred_at
                        AND (c.revoked_at IS NULL OR o.occurred_at <= c.revoked_at)
  JOIN webhook_endpoints e ON e.app_id = c.app_id AND e.enabled AND e.deleted_at IS NULL
 WHERE o.id IN (:events) AND (o.type NOT LIKE 'app.%' OR o.payload->'app'->>'id' = c.app_id)`;

async function appReceivers(db: Database, transaction: Transaction, events: OutboxEvent[]): Promise<Receiver[]> {
  const rows = await db.sequelize.query<{ event_id: string; endpoint_id: string; event_types: string[] }>(APP_RECEIVERS_SQL, {
    replacements: { events: events.map((e) => e.id) },
    type: QueryTypes.SELECT,
    transaction,
  });
  const byEndpoint = new Map<string, Receiver & { events: Set<string> }>();
  for (const row of rows) {
    let receiver = byEndpoint.get(row.endpoint_id);
    if (!receiver) {
      const events = new Set<string>();
      receiver = { id: row.endpoint_id, eventTypes: row.event_types, events, wants: (event) => events.has(event.id) };
      byEndpoint.set(row.endpoint_id, receiver);
    }
    receiver.events.add(row.event_id);
  }
  return [...byEndpoint.values()];
}

/**
 * Creates one message per enabled endpoint subscribed to each public event, due at once, in the
 * dispatcher's transaction: the office's own endpoints, and the endpoint of every app the office was
 * connected to when the event happened. Replaying the same events creates nothing twice (one message per
 * endpoint and event). Returns the lanes that got new messages.
 */
export async function fanOutToEndpoints(db: Database, transaction: Transaction, events: OutboxEvent[], now: Date): Promise<string[]> {
  const publicEvents = events.filter((e) => isPublicEventType(e.type));
  if (publicEvents.length === 0) return [];
  const officeEndpoints = await db.models.WebhookEndpoint.findAll({
    where: { officeId: { [Op.in]: [...new Set(publicEvents.map((e) => e.officeId))] }, enabled: true, deletedAt: null },
    attributes: ['id', 'officeId', 'eventTypes'],
    transaction,
  });
  const receivers: Receiver[] = [
    ...officeEndpoints.map((endpoint) => ({
      id: endpoint.id,
      eventTypes: endpoint.eventTypes,
      wants: (event: OutboxEvent) => endpoint.officeId === event.officeId,
    })),
    ...(await appReceivers(db, transaction, publicEvents)),
  ];
  const lanes = new Set<string>();
  const messages = publicEvents.flatMap((event) =>
    receivers
      .filter((endpoint) => endpoint.wants(event) && (endpoint.eventTypes.length === 0 || endpoint.eventTypes.includes(event.type)))
      .map((endpoint) => {
        const lane = laneOf(endpoint.id, event);
        lanes.add(lane);
        return {
          id: newId('whm', now.getTime()),
          officeId: event.officeId,
          endpointId: endpoint.id,
          eventId: event.id,
          eventSeq: event.seq,
          eventType: event.type,
          folderId: event.folderId,
          lane,
          status: 'pending' as const,
          attempts: 0,
          nextAttemptAt: now,
          leaseUntil: null,
          lastAttemptAt: null,
          deliveredAt: null,
          createdAt: now,
        };
      }),
  );
  if (messages.length > 0) await db.models.WebhookMessage.bulkCreate(messages, { transaction, ignoreDuplicates: true });
  return [...lanes];
}
