import { Op, type Transaction } from 'sequelize';
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

/**
 * Creates one message per enabled endpoint subscribed to each public event, due at once, in the
 * dispatcher's transaction. Replaying the same events creates nothing twice (one message per endpoint
 * and event). Returns the lanes that got new messages.
 */
export async function fanOutToEndpoints(db: Database, transaction: Transaction, events: OutboxEvent[], now: Date): Promise<string[]> {
  const publicEvents = events.filter((e) => isPublicEventType(e.type));
  if (publicEvents.length === 0) return [];
  const endpoints = await db.models.WebhookEndpoint.findAll({
    where: { officeId: { [Op.in]: [...new Set(publicEvents.map((e) => e.officeId))] }, enabled: true, deletedAt: null },
    attributes: ['id', 'officeId', 'eventTypes'],
    transaction,
  });
  const lanes = new Set<string>();
  const messages = publicEvents.flatMap((event) =>
    endpoints
      .filter(
        (endpoint) =>
          endpoint.officeId === event.officeId && (endpoint.eventTypes.length === 0 || endpoint.eventTypes.includes(event.type)),
      )
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
