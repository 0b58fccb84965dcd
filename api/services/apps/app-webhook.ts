import { QueryTypes, type Transaction } from 'sequelize';
import type { Database } from '../../db/database.js';
import { notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import type { Clock } from '../../ports/clock.js';
import type { SecretSealer } from '../../ports/secret-sealer.js';
import { freshEndpointColumns, wakeDeliveryWorkers } from '../webhooks/access.js';
import { checkEndpointUrl, type EndpointUrlRules } from '../webhooks/endpoint-url.js';
import { ROTATION_OVERLAP_MS } from '../webhooks/manage-endpoints.js';
import { formatSecret, newSecretKey } from '../webhooks/secrets.js';

/** What an app's webhook endpoint needs: the office endpoints' own rules, sealer and clock. */
export interface AppWebhookDeps {
  clock: Clock;
  sealer: SecretSealer;
  urlRules: EndpointUrlRules;
}

export interface AppWebhook {
  endpointId: string;
  url: string;
  /** `whsec_…`: shown when created or rotated, never again (sealed with the master key). */
  secret: string | null;
}

/** Checks a receiver URL with the office endpoints' rules (https in production, public addresses only). */
export const checkAppWebhookUrl = (url: string, deps: Pick<AppWebhookDeps, 'urlRules'>) => checkEndpointUrl(url, deps.urlRules);

async function appIdOf(db: Database, clientId: string, transaction: Transaction): Promise<string> {
  const [app] = await db.sequelize.query<{ id: string }>('SELECT id FROM oauth_apps WHERE client_id = :clientId FOR UPDATE', {
    replacements: { clientId },
    type: QueryTypes.SELECT,
    transaction,
  });
  if (!app) throw notFound('app');
  return app.id;
}

/**
 * Gives an app its one webhook endpoint (a webhook_endpoints row owned by the app: the office endpoints'
 * delivery pipeline serves it), or points the existing one at a new URL and turns it back on (its waiting
 * messages go out at once). A new endpoint's secret is returned, to be shown once; an existing one keeps
 * its secret (`rotateAppWebhookSecret` replaces it). `url` must already be checked (checkAppWebhookUrl).
 */
export async function setAppWebhook(
  db: Database,
  deps: AppWebhookDeps,
  input: { appId?: string; clientId?: string; url: string },
  outer?: Transaction,
): Promise<AppWebhook> {
  const now = deps.clock.now();
  const run = async (transaction: Transaction): Promise<AppWebhook> => {
    const appId = input.appId ?? (await appIdOf(db, input.clientId ?? '', transaction));
    const existing = await db.models.WebhookEndpoint.findOne({
      where: { appId, deletedAt: null },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (existing) {
      await existing.update(
        { url: input.url, enabled: true, disabledReason: null, disabledAt: null, failingSince: null, updatedAt: now },
        { transaction },
      );
      await db.models.WebhookMessage.update({ nextAttemptAt: now }, { where: { endpointId: existing.id, status: 'pending' }, transaction });
      await wakeDeliveryWorkers(db, transaction);
      return { endpointId: existing.id, url: input.url, secret: null };
    }
    const key = newSecretKey();
    const { sealed, keyId } = deps.sealer.seal(key);
    const id = newId('whe', now.getTime());
    await db.models.WebhookEndpoint.create(
      {
        id,
        officeId: null,
        appId,
        url: input.url,
        description: 'app',
        eventTypes: [],
        enabled: true,
        disabledReason: null,
        disabledAt: null,
        ...freshEndpointColumns({ sealed, keyId }, now),
      },
      { transaction },
    );
    return { endpointId: id, url: input.url, secret: formatSecret(key) };
  };
  return outer ? run(outer) : db.sequelize.transaction(run);
}

/** A new signing secret for the app's endpoint, shown once; the previous one keeps signing beside it for 24 h. */
export async function rotateAppWebhookSecret(db: Database, deps: AppWebhookDeps, clientId: string): Promise<AppWebhook> {
  const now = deps.clock.now();
  const key = newSecretKey();
  const { sealed, keyId } = deps.sealer.seal(key);
  return db.sequelize.transaction(async (transaction) => {
    const appId = await appIdOf(db, clientId, transaction);
    const endpoint = await db.models.WebhookEndpoint.findOne({
      where: { appId, deletedAt: null },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!endpoint) throw notFound('webhook_endpoint');
    await endpoint.update(
      {
        previousSecretSealed: endpoint.secretSealed,
        previousSecretKeyId: endpoint.secretKeyId,
        previousSecretExpiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS),
        secretSealed: sealed,
        secretKeyId: keyId,
        updatedAt: now,
      },
      { transaction },
    );
    return { endpointId: endpoint.id, url: endpoint.url, secret: formatSecret(key) };
  });
}
