import type { Transaction } from 'sequelize';
import type { WebhookEndpointRow } from '../../db/models/webhooks.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { requireNotary, requireStaff } from '../access/folder-access.js';
import type { ServiceContext, StaffActor } from '../context.js';

/**
 * Webhooks are the office's integration settings: staff may read them, notaries (and API keys, which act
 * for the office) change them. A widget session, made to show one folder in a vendor's page, may do neither.
 */
export function requireWebhookAccess(ctx: ServiceContext, change: boolean): StaffActor {
  const actor = change ? requireNotary(ctx) : requireStaff(ctx);
  if (actor.kind === 'widget') {
    throw new DomainError('forbidden', 'widget_session_not_allowed', 'Widget sessions cannot manage webhooks; use an API key.');
  }
  return actor;
}

/** An endpoint of the actor's office; a foreign or deleted id is "not found". */
export async function loadEndpoint(ctx: ServiceContext, id: string, transaction?: Transaction): Promise<WebhookEndpointRow> {
  const row = await ctx.db.models.WebhookEndpoint.findOne({
    where: { id, officeId: ctx.actor.officeId, deletedAt: null },
    transaction,
    lock: transaction ? transaction.LOCK.UPDATE : undefined,
  });
  if (!row) throw notFound('webhook_endpoint');
  return row;
}

/** Wakes the delivery workers at commit (resend, recover, re-enable): no wait for the next sweep. */
export async function wakeDeliveryWorkers(ctx: ServiceContext, transaction: Transaction): Promise<void> {
  await ctx.db.sequelize.query("SELECT pg_notify('lecoffre_jobs', 'webhooks')", { transaction });
}
