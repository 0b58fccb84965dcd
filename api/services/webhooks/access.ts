import type { Transaction } from 'sequelize';
import type { WebhookEndpointRow } from '../../db/models/webhooks.js';
import { notFound } from '../../domain/errors.js';
import { requireStaff } from '../access/folder-access.js';
import { requireCapability } from '../access/principals.js';
import type { ServiceContext, StaffActor } from '../context.js';

/** Webhooks are the office's integration settings: who may read or change them is the capability table's. */
export function requireWebhookAccess(ctx: ServiceContext, change: boolean): StaffActor {
  requireCapability(ctx.actor, change ? 'webhooks:write' : 'webhooks:read');
  return requireStaff(ctx);
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
export async function wakeDeliveryWorkers(db: Pick<ServiceContext, 'db'>['db'], transaction: Transaction): Promise<void> {
  await db.sequelize.query("SELECT pg_notify('lecoffre_jobs', 'webhooks')", { transaction });
}

/**
 * The columns every new endpoint starts with, office's or app's: its first secret, sealed, and no rotation,
 * failure or deletion yet.
 */
export function freshEndpointColumns(sealed: { sealed: string; keyId: string }, now: Date) {
  return {
    secretSealed: sealed.sealed,
    secretKeyId: sealed.keyId,
    previousSecretSealed: null,
    previousSecretKeyId: null,
    previousSecretExpiresAt: null,
    failingSince: null,
    deletedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}
