import { Op, QueryTypes } from 'sequelize';
import { invalidField, notFound } from '../../domain/errors.js';
import type { Clock } from '../../ports/clock.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { type Page, pageRequest, toPage } from '../pagination.js';
import { loadEndpoint, requireWebhookAccess, wakeDeliveryWorkers } from './access.js';
import { toWebhookMessage, type WebhookAttempt, type WebhookMessage } from './views.js';

export interface RecoverInput {
  /** Every message created since then that failed for good is sent again (ISO 8601 date-time). */
  since: Date;
}

export interface RecoverResult {
  /** How many failed messages were queued again. */
  recovered: number;
}

interface AttemptRecord {
  id: string;
  message_id: string;
  event_id: string;
  event_type: string;
  attempt: number;
  outcome: 'succeeded' | 'failed';
  response_status: number | null;
  error: string | null;
  response_body: string | null;
  duration_ms: number;
  attempted_at: Date;
  next_attempt_at: Date | null;
}

const toAttempt = (r: AttemptRecord): WebhookAttempt => ({
  id: r.id,
  messageId: r.message_id,
  webhookId: r.event_id,
  eventType: r.event_type,
  attempt: r.attempt,
  outcome: r.outcome,
  responseStatus: r.response_status,
  error: r.error,
  responseBody: r.response_body,
  durationMs: r.duration_ms,
  attemptedAt: r.attempted_at,
  nextAttemptAt: r.next_attempt_at,
});

/** The delivery log of one endpoint, newest first. */
export async function listWebhookAttempts(
  ctx: ServiceContext,
  endpointId: string,
  query: { limit?: number; cursor?: string },
): Promise<Page<WebhookAttempt>> {
  requireWebhookAccess(ctx, false);
  const endpoint = await loadEndpoint(ctx, endpointId);
  const page = pageRequest(query.limit, query.cursor);
  const rows = await ctx.db.sequelize.query<AttemptRecord>(
    `SELECT a.id, a.message_id, m.event_id, m.event_type, a.attempt, a.outcome, a.response_status, a.error, a.response_body,
            a.duration_ms, a.attempted_at, a.next_attempt_at
       FROM webhook_attempts a JOIN webhook_messages m ON m.id = a.message_id
      WHERE a.endpoint_id = :endpointId ${page.after ? 'AND a.id < :after' : ''}
      ORDER BY a.id DESC LIMIT :limit`,
    { replacements: { endpointId: endpoint.id, after: page.after ?? null, limit: page.limit + 1 }, type: QueryTypes.SELECT },
  );
  return toPage(rows, page, toAttempt);
}

/**
 * Sends one message again, now, with the same `webhook-id` (receivers that already have it drop it).
 * A delivered or failed message starts a fresh retry schedule; a pending one stops waiting.
 */
export async function resendWebhookMessage(ctx: ServiceContext, deps: { clock: Clock }, messageId: string): Promise<WebhookMessage> {
  requireWebhookAccess(ctx, true);
  const now = deps.clock.now();
  return ctx.db.sequelize.transaction(async (transaction) => {
    const message = await ctx.db.models.WebhookMessage.findOne({
      where: { id: messageId, officeId: ctx.actor.officeId, status: { [Op.ne]: 'cancelled' } },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!message) throw notFound('webhook_message');
    await loadEndpoint(ctx, message.endpointId, transaction);
    if (message.status !== 'pending') Object.assign(message, { status: 'pending', attempts: 0, deliveredAt: null });
    message.nextAttemptAt = now;
    await message.save({ transaction });
    await recordAuditEvent(ctx, transaction, {
      action: 'webhook_message.resent',
      subjectType: 'webhook_message',
      subjectId: message.id,
      folderId: message.folderId,
    });
    await wakeDeliveryWorkers(ctx.db, transaction);
    return toWebhookMessage(message);
  });
}

/** Queues again every message of the endpoint that failed for good and was created since `since`. */
export async function recoverWebhookMessages(
  ctx: ServiceContext,
  deps: { clock: Clock },
  endpointId: string,
  input: RecoverInput,
): Promise<RecoverResult> {
  requireWebhookAccess(ctx, true);
  const since = new Date(input.since);
  if (Number.isNaN(since.getTime())) throw invalidField('since', 'must be an ISO 8601 date-time');
  const now = deps.clock.now();
  return ctx.db.sequelize.transaction(async (transaction) => {
    const endpoint = await loadEndpoint(ctx, endpointId, transaction);
    const [recovered] = await ctx.db.models.WebhookMessage.update(
      { status: 'pending', attempts: 0, nextAttemptAt: now },
      { where: { endpointId: endpoint.id, status: 'failed', createdAt: { [Op.gte]: since } }, transaction },
    );
    await recordAuditEvent(ctx, transaction, {
      action: 'webhook_endpoint.recovered',
      subjectType: 'webhook_endpoint',
      subjectId: endpoint.id,
      folderId: null,
      data: { since: since.toISOString(), recovered },
    });
    if (recovered > 0) await wakeDeliveryWorkers(ctx.db, transaction);
    return { recovered };
  });
}
