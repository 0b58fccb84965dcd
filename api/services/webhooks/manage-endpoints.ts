import { Op } from 'sequelize';
import { invalidField } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { tidy } from '../../domain/text.js';
import type { Clock } from '../../ports/clock.js';
import { type SecretSealer } from '../../ports/secret-sealer.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { type Page, pageRequest, toPage } from '../pagination.js';
import { freshEndpointColumns, loadEndpoint, requireWebhookAccess, wakeDeliveryWorkers } from './access.js';
import { checkEndpointUrl, type EndpointUrlRules } from './endpoint-url.js';
import { isPublicEventType } from './event-catalogue.js';
import { formatSecret, newSecretKey } from './secrets.js';
import { toWebhookEndpoint, type WebhookEndpoint, type WebhookEndpointWithSecret, type WebhookEventType } from './views.js';

/** What the webhook services need beyond the database: time, the secret sealer and the URL rules. */
export interface WebhookServiceDeps {
  clock: Clock;
  sealer: SecretSealer;
  urlRules: EndpointUrlRules;
}

export interface CreateWebhookEndpointInput {
  /**
   * Your receiver: an https URL on the public Internet.
   * @maxLength 2048
   */
  url: string;
  /** @maxLength 500 */
  description?: string;
  /**
   * Event types to receive; empty or absent: all of them.
   * @maxItems 50
   */
  eventTypes?: WebhookEventType[];
  /** Default true. */
  enabled?: boolean;
}

export interface UpdateWebhookEndpointInput extends Partial<CreateWebhookEndpointInput> {}

/** Once a secret is rotated, the previous one still signs for this long: receivers have time to switch. */
export const ROTATION_OVERLAP_MS = 24 * 3600 * 1000;

function eventTypesOf(input: string[] | undefined): string[] {
  const types = [...new Set(input ?? [])].sort();
  const unknown = types.find((t) => !isPublicEventType(t));
  if (unknown) throw invalidField('eventTypes', `unknown event type ${unknown} (see GET /v1/event-types)`, 'unknown_event_type');
  return types;
}

export async function createWebhookEndpoint(
  ctx: ServiceContext,
  deps: WebhookServiceDeps,
  input: CreateWebhookEndpointInput,
): Promise<WebhookEndpointWithSecret> {
  requireWebhookAccess(ctx, true);
  const url = await checkEndpointUrl(input.url, deps.urlRules);
  const eventTypes = eventTypesOf(input.eventTypes);
  const key = newSecretKey();
  const { sealed, keyId } = deps.sealer.seal(key);
  const now = deps.clock.now();
  const enabled = input.enabled ?? true;
  return ctx.db.sequelize.transaction(async (transaction) => {
    const row = await ctx.db.models.WebhookEndpoint.create(
      {
        id: newId('whe', now.getTime()),
        officeId: ctx.actor.officeId,
        url,
        description: tidy(input.description ?? ''),
        eventTypes,
        enabled,
        disabledReason: enabled ? null : 'manual',
        disabledAt: enabled ? null : now,
        ...freshEndpointColumns({ sealed, keyId }, now),
      },
      { transaction },
    );
    await recordAuditEvent(ctx, transaction, {
      action: 'webhook_endpoint.created',
      subjectType: 'webhook_endpoint',
      subjectId: row.id,
      folderId: null,
      data: { url, eventTypes },
    });
    return { ...toWebhookEndpoint(row, now), secret: formatSecret(key) };
  });
}

export async function listWebhookEndpoints(
  ctx: ServiceContext,
  deps: Pick<WebhookServiceDeps, 'clock'>,
  query: { limit?: number; cursor?: string },
): Promise<Page<WebhookEndpoint>> {
  requireWebhookAccess(ctx, false);
  const page = pageRequest(query.limit, query.cursor);
  const rows = await ctx.db.models.WebhookEndpoint.findAll({
    where: { officeId: ctx.actor.officeId, deletedAt: null, ...(page.after ? { id: { [Op.lt]: page.after } } : {}) },
    order: [['id', 'DESC']],
    limit: page.limit + 1,
  });
  const now = deps.clock.now();
  return toPage(rows, page, (row) => toWebhookEndpoint(row, now));
}

export async function getWebhookEndpoint(
  ctx: ServiceContext,
  deps: Pick<WebhookServiceDeps, 'clock'>,
  id: string,
): Promise<WebhookEndpoint> {
  requireWebhookAccess(ctx, false);
  return toWebhookEndpoint(await loadEndpoint(ctx, id), deps.clock.now());
}

/**
 * Changes an endpoint. Turning it back on resumes its waiting messages at once, in order; turning it off
 * keeps them waiting (nothing is lost while a receiver is repaired).
 */
export async function updateWebhookEndpoint(
  ctx: ServiceContext,
  deps: WebhookServiceDeps,
  id: string,
  input: UpdateWebhookEndpointInput,
): Promise<WebhookEndpoint> {
  requireWebhookAccess(ctx, true);
  const url = input.url === undefined ? undefined : await checkEndpointUrl(input.url, deps.urlRules);
  const eventTypes = input.eventTypes === undefined ? undefined : eventTypesOf(input.eventTypes);
  const now = deps.clock.now();
  return ctx.db.sequelize.transaction(async (transaction) => {
    const row = await loadEndpoint(ctx, id, transaction);
    const reenabled = input.enabled === true && !row.enabled;
    if (url !== undefined) row.url = url;
    if (eventTypes !== undefined) row.eventTypes = eventTypes;
    if (input.description !== undefined) row.description = tidy(input.description);
    if (input.enabled === false && row.enabled) Object.assign(row, { enabled: false, disabledReason: 'manual', disabledAt: now });
    if (reenabled) {
      Object.assign(row, { enabled: true, disabledReason: null, disabledAt: null, failingSince: null });
      await ctx.db.models.WebhookMessage.update(
        { nextAttemptAt: now },
        { where: { endpointId: row.id, status: 'pending', nextAttemptAt: { [Op.gt]: now } }, transaction },
      );
      await wakeDeliveryWorkers(ctx.db, transaction);
    }
    row.updatedAt = now;
    await row.save({ transaction });
    await recordAuditEvent(ctx, transaction, {
      action: 'webhook_endpoint.updated',
      subjectType: 'webhook_endpoint',
      subjectId: row.id,
      folderId: null,
      data: { changed: Object.keys(input), enabled: row.enabled },
    });
    return toWebhookEndpoint(row, now);
  });
}

/** Deletes the endpoint; its waiting messages are cancelled (the attempts log goes with it from the API). */
export async function deleteWebhookEndpoint(ctx: ServiceContext, deps: Pick<WebhookServiceDeps, 'clock'>, id: string): Promise<void> {
  requireWebhookAccess(ctx, true);
  const now = deps.clock.now();
  await ctx.db.sequelize.transaction(async (transaction) => {
    const row = await loadEndpoint(ctx, id, transaction);
    await row.update({ deletedAt: now, enabled: false, disabledReason: 'manual', disabledAt: now, updatedAt: now }, { transaction });
    await ctx.db.models.WebhookMessage.update(
      { status: 'cancelled', nextAttemptAt: null },
      { where: { endpointId: row.id, status: 'pending' }, transaction },
    );
    await recordAuditEvent(ctx, transaction, {
      action: 'webhook_endpoint.deleted',
      subjectType: 'webhook_endpoint',
      subjectId: row.id,
      folderId: null,
    });
  });
}

/** A new secret, shown once. The previous one keeps signing (beside the new one) for 24 hours. */
export async function rotateWebhookSecret(ctx: ServiceContext, deps: WebhookServiceDeps, id: string): Promise<WebhookEndpointWithSecret> {
  requireWebhookAccess(ctx, true);
  const key = newSecretKey();
  const { sealed, keyId } = deps.sealer.seal(key);
  const now = deps.clock.now();
  return ctx.db.sequelize.transaction(async (transaction) => {
    const row = await loadEndpoint(ctx, id, transaction);
    await row.update(
      {
        previousSecretSealed: row.secretSealed,
        previousSecretKeyId: row.secretKeyId,
        previousSecretExpiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS),
        secretSealed: sealed,
        secretKeyId: keyId,
        updatedAt: now,
      },
      { transaction },
    );
    await recordAuditEvent(ctx, transaction, {
      action: 'webhook_endpoint.secret_rotated',
      subjectType: 'webhook_endpoint',
      subjectId: row.id,
      folderId: null,
    });
    return { ...toWebhookEndpoint(row, now), secret: formatSecret(key) };
  });
}
