import fs from 'node:fs';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import {
  appAuthorizationServerFor,
  defaultClock,
  devIdentityProviderRoutes,
  identityProviderFor,
  smsSenderFor,
  smsStatusReceiverFor,
} from './composition.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { apiSecurityHeaders } from './http/api-security-headers.js';
import { apiVersion } from './http/api-version.js';
import type { AppServices } from './http/app-services.js';
import type { IdentityDependencies } from './http/authentication.js';
import { revalidatedReads } from './http/conditional-get.js';
import { withContentSecurityPolicy } from './http/content-security-policy.js';
import type { WebhookHttpDependencies } from './http/controllers/webhook-dependencies.js';
import { allowAnyOrigin, cors } from './http/cors.js';
import { deprecatedAliases } from './http/deprecation.js';
import { RegisterRoutes } from './http/generated/routes.js';
import { healthRoutes, type Readiness } from './http/health.js';
import { appConsoleRoutes } from './http/hosted/app-console.js';
import { authRoutes } from './http/hosted/auth-routes.js';
import { clientSpaceRoutes } from './http/hosted/client-space.js';
import { devRoutes } from './http/hosted/dev-routes.js';
import { plainPageRoutes } from './http/hosted/plain-page.js';
import { referenceRoutes } from './http/hosted/reference/reference-routes.js';
import { verifyPageRoutes } from './http/hosted/verify-page.js';
import { widgetAssets } from './http/hosted/widget-assets.js';
import { idempotency } from './http/idempotency.js';
import { inSequence } from './http/in-sequence.js';
import { liveDependencies } from './http/live/live-dependencies.js';
import { httpMetrics, publicMetricsRoute } from './http/metrics.js';
import { connectedAppsRoutes } from './http/oauth/connected-apps-page.js';
import { oauthErrorPage } from './http/oauth/consent-page.js';
import { oauthRoutes } from './http/oauth/oauth-routes.js';
import { HttpProblem, notFoundRoute, problemHandler } from './http/problem.js';
import { requestContext } from './http/request-context.js';
import { smsStatusRoutes } from './http/sms-status-routes.js';
import { type Clock } from './ports/clock.js';
import type { DocumentStorage } from './ports/document-storage.js';
import type { IdentityProvider } from './ports/identity-provider.js';
import { noMetrics, type ProcessMetrics } from './ports/metrics.js';
import type { SecretSealer } from './ports/secret-sealer.js';
import type { SmsSender } from './ports/sms-sender.js';

export interface AppDependencies {
  config: Config;
  db: Database;
  logger: Logger;
  /** Identity adapters; defaults come from composition.ts (tests inject a clock, an SMS double…). */
  clock?: Clock;
  sms?: SmsSender;
  identityProvider?: IdentityProvider;
  /** Blob store and cipher for client files (composition.ts builds them from the config; tests from a temp dir). */
  storage?: DocumentStorage;
  /** Seals webhook endpoint secrets with the master key ring; the jobs that sign deliveries share it. */
  webhookSealer?: SecretSealer;
  /** Metrics of the process (composition.ts); absent, nothing is counted and /metrics does not exist. */
  metrics?: ProcessMetrics;
  /** Set by main.ts once the process serves traffic; absent, the app is ready as built (tests in-process). */
  readiness?: Readiness;
}

const specPath = new URL('../openapi/openapi.json', import.meta.url);

/** Bodies are JSON (or multipart uploads, streamed by their own routes); anything else is refused early. */
const requireJsonBody: RequestHandler = (req, _res, next) => {
  const hasBody = req.get('content-length') !== undefined ? req.get('content-length') !== '0' : req.get('transfer-encoding') !== undefined;
  if (!hasBody || req.is(['application/json', 'application/*+json', 'multipart/form-data'])) return next();
  next(new HttpProblem(415, 'unsupported_media_type', 'Send request bodies as application/json.'));
};

/** Builds the app on the adapters it is given; any left out are chosen by composition.ts from the config. */
export function createApp({
  config,
  db,
  logger,
  storage,
  webhookSealer,
  readiness,
  metrics,
  ...identityAdapters
}: AppDependencies): Express {
  const app = express();
  const services: AppServices = { config, db, storage, drainEnded: readiness?.drainEnded, metrics: metrics ?? noMetrics };
  app.locals.services = services;
  // Live updates: one LISTEN per process feeds every server-sent event stream (http/live/).
  app.locals.live = liveDependencies(db, (error) => logger.warn({ err: error }, 'live updates: listen connection lost'));
  if (webhookSealer) app.locals.webhooks = { sealer: webhookSealer } satisfies WebhookHttpDependencies;
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Express's default, said once: JSON answers without an ETag of their own get a weak one over their bytes,
  // and a GET whose If-None-Match matches is answered 304 (http/conditional-get.ts).
  app.set('etag', 'weak');

  app.use(requestContext(logger));
  if (metrics) {
    app.use(httpMetrics(metrics));
    app.get('/metrics', publicMetricsRoute(metrics, config.metrics.token));
  }

  // ── The API (/v1) ───────────────────────────────────────────────────────────────────────────────
  // First after the request's id and metrics: an API call, the product's busiest path, goes through none
  // of the pages' middleware and is not matched against pages it can never be. Its answers carry the API's
  // security headers (http/api-security-headers.ts), not the pages'.
  app.use(
    '/v1',
    inSequence(
      apiSecurityHeaders,
      cors,
      apiVersion,
      // API answers describe live state (completion, anchoring) that changes without a new version: not
      // cached, except the reads revalidated against an ETag over what would be sent (http/conditional-get.ts).
      (_req, res, next) => {
        res.setHeader('Cache-Control', 'no-store');
        next();
      },
      revalidatedReads,
      requireJsonBody,
      express.json({ limit: config.jsonBodyLimitBytes, type: ['application/json', 'application/*+json'] }),
      deprecatedAliases,
      idempotency(db, config),
    ),
  );
  // On the app itself, not on a router of their own mounted on it: a nested router costs every API call
  // its own dispatch (base URL rewritten and restored, parameters saved and merged) for nothing, as every
  // route already names its full path.
  RegisterRoutes(app);
  // An API path no route answers ends here, with the API's headers, not among the pages.
  app.all(['/v1', '/v1/{*path}'], notFoundRoute);
  // ── end of the API ──────────────────────────────────────────────────────────────────────────────────

  // ── Pages ──────────────────────────────────────────────────────────────────────────────────────────
  // Helmet's default policy allows inline styles and any https: stylesheet: every page gets ours instead
  // (http/content-security-policy.ts), which pages with scripts replace by their own, as strict.
  app.use(helmet({ contentSecurityPolicy: false }), withContentSecurityPolicy('default'));
  app.use(healthRoutes(db, readiness ?? { ready: true }));

  // ── Identity and access ────────────────────────────────────────────────────────────────────────────
  // The adapters behind sign-in (SMS provider or dev outbox, ID.not or the dev identity provider, the
  // clock), shared with the routes through app.locals.identity; the hosted pages' ID.not sign-in and
  // sign-out under /auth; in the embedded mode only, the dev identity provider (/dev/idnot) and the dev
  // outbox (/dev/outbox). Bearer and cookie authentication run per route, through tsoa's hook
  // (http/authentication.ts); per-IP rate limits sit on the routes they protect.
  app.set('trust proxy', config.trustProxy);
  const identity: IdentityDependencies = {
    clock: identityAdapters.clock ?? defaultClock,
    sms: identityAdapters.sms ?? smsSenderFor(config, db),
    identityProvider: identityAdapters.identityProvider ?? identityProviderFor(config),
    logger,
  };
  app.locals.identity = identity;
  // Vendors' apps: the OAuth 2.0 authorization server and the office's consent (http/oauth/), whose
  // access tokens the API accepts as the `app` principal (http/oauth/app-bearer.ts).
  const apps = appAuthorizationServerFor(config, db, oauthErrorPage);
  app.locals.apps = apps;

  // The pages of sign-in and consent.
  const smsStatus = smsStatusReceiverFor(config);
  if (smsStatus) app.use(smsStatusRoutes(db, smsStatus, logger)); // the provider's delivery callbacks
  app.use(plainPageRoutes());
  app.use('/auth', authRoutes());
  app.use('/oauth', oauthRoutes(config, db, apps, logger));
  if (config.devMode) {
    if (config.idnot.dev) {
      app.use(new URL(config.idnot.issuer).pathname, withContentSecurityPolicy('devIdentityProvider'), devIdentityProviderRoutes(config));
    }
    app.use('/dev', devRoutes());
  }
  // ── end of identity and access ─────────────────────────────────────────────────────────────────────

  // ── Hosted client page and widget assets ─────────────────────────────────────────────────────────
  // /espace-client (the client's sign-in and uploads, strict CSP) and /assets/ (the widgets' browser
  // bundle: dist/widgets in production, bundled in memory by esbuild otherwise).
  // Vendors load the widgets from their own pages: module scripts from another origin need CORS.
  app.use('/assets', allowAnyOrigin, widgetAssets({ prebuilt: config.env === 'production', logger }));
  app.use(clientSpaceRoutes(config));
  app.use(verifyPageRoutes()); // /verify: a proof bundle checked in the browser (@lecoffre/proof), never uploaded
  // ── end of hosted client page and widget assets ──────────────────────────────────────────────────

  // ── Hosted notary console ────────────────────────────────────────────────────────────────────────
  // /app: ID.not login (cookie session) -> folder list -> <lecoffre-folder>; its own strict CSP (blob:
  // frames for the PDF viewer). The script is /assets/pages/app-console.js (widgets/pages/app-console.ts).
  app.use(connectedAppsRoutes(config, db, apps)); // /app/applications: connected apps, « Déconnecter »
  app.use(appConsoleRoutes(config));
  // ── end of hosted notary console ─────────────────────────────────────────────────────────────────

  const spec = JSON.parse(fs.readFileSync(specPath, 'utf8')) as Record<string, unknown>;
  app.get('/openapi.json', (_req, res) => {
    res.json(spec);
  });
  // /docs: the reference (Redoc, styles under a per-answer nonce) and the guides (docs/guides/*.md as HTML).
  app.use(referenceRoutes({ prebuilt: config.env === 'production', logger }));

  app.use(notFoundRoute);
  app.use(problemHandler((error, message) => logger.error({ err: error }, message)));
  return app;
}
