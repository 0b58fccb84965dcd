import fs from 'node:fs';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import swaggerUi from 'swagger-ui-express';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { AppServices } from './http/app-services.js';
import { RegisterRoutes } from './http/generated/routes.js';
import { healthRoutes } from './http/health.js';
import { idempotency } from './http/idempotency.js';
import { HttpProblem, notFoundRoute, problemHandler } from './http/problem.js';
import { requestContext } from './http/request-context.js';

export interface AppDependencies {
  config: Config;
  db: Database;
  logger: Logger;
}

const specPath = new URL('../openapi/openapi.json', import.meta.url);

/** Bodies are JSON (or multipart uploads, streamed by their own routes); anything else is refused early. */
const requireJsonBody: RequestHandler = (req, _res, next) => {
  const hasBody = req.get('content-length') !== undefined ? req.get('content-length') !== '0' : req.get('transfer-encoding') !== undefined;
  if (!hasBody || req.is(['application/json', 'application/*+json', 'multipart/form-data'])) return next();
  next(new HttpProblem(415, 'unsupported_media_type', 'Send request bodies as application/json.'));
};

/** The composition root: the only place that decides which adapters serve which ports. */
export function createApp({ config, db, logger }: AppDependencies): Express {
  const app = express();
  const services: AppServices = { config, db };
  app.locals.services = services;
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  app.use(requestContext(logger));
  app.use(helmet());
  app.use(healthRoutes(db));

  const spec = JSON.parse(fs.readFileSync(specPath, 'utf8')) as Record<string, unknown>;
  app.get('/openapi.json', (_req, res) => {
    res.json(spec);
  });
  // Swagger UI runs inline scripts and styles; its page alone gets a looser policy than the API.
  app.use(
    '/docs',
    helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] } } }),
    swaggerUi.serve,
    swaggerUi.setup(spec, { customSiteTitle: 'LeCoffre API' }),
  );

  app.use('/v1', requireJsonBody, express.json({ limit: config.jsonBodyLimitBytes, type: ['application/json', 'application/*+json'] }));
  app.use('/v1', idempotency(db));
  const v1 = express.Router();
  RegisterRoutes(v1);
  app.use(v1);

  app.use(notFoundRoute);
  app.use(problemHandler((error, message) => logger.error({ err: error }, message)));
  return app;
}
