import type { Request } from 'express';
import type { SecretSealer } from '../../ports/secret-sealer.js';
import type { WebhookServiceDeps } from '../../services/webhooks/manage-endpoints.js';
import { appServices } from '../app-services.js';
import { identityDependencies } from '../authentication.js';

/** What app.ts puts in `app.locals.webhooks`: the sealer the jobs use too (same master key ring). */
export interface WebhookHttpDependencies {
  sealer: SecretSealer;
}

/** The webhook services' dependencies for one request: the identity clock, the sealer, the config's URL rules. */
export function webhookServiceDeps(req: Request): WebhookServiceDeps {
  const { config } = appServices(req);
  const webhooks = req.app.locals.webhooks as WebhookHttpDependencies | undefined;
  if (!webhooks) throw new Error('app.locals.webhooks is not set: createApp must be given the webhook secret sealer');
  return {
    clock: identityDependencies(req).clock,
    sealer: webhooks.sealer,
    urlRules: { allowLoopback: config.webhooks.allowLoopback, requireHttps: !config.devMode },
  };
}
