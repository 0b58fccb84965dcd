import type { Request, Response } from 'express';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { DocumentStorage } from '../ports/document-storage.js';
import type { Metrics } from '../ports/metrics.js';
import type { Actor, ServiceContext } from '../services/context.js';
import type { IdempotencyClaim } from '../services/idempotency/idempotency-store.js';

/** What app.ts hands to request handlers, through `app.locals` (the adapters in it come from composition.ts). */
export interface AppServices {
  config: Config;
  db: Database;
  /** Absent only in apps built without file storage (some process-level tests). */
  storage: DocumentStorage | undefined;
  /** See `Readiness.drainEnded`. */
  drainEnded?: AbortSignal;
  /** Where uploads and answers are reported (nothing is, in apps built without metrics). */
  metrics: Metrics;
}

export function documentStorage(req: Request): DocumentStorage {
  const { storage } = appServices(req);
  if (!storage) throw new Error('this app was built without document storage (createApp({ storage }))');
  return storage;
}

export function appServices(req: Request): AppServices {
  return req.app.locals.services as AppServices;
}

/** Where the idempotency middleware leaves the request's claim on its key, for the services to mark. */
export function holdIdempotencyClaim(res: Response, claim: IdempotencyClaim): void {
  res.locals.idempotencyClaim = claim;
}

/** The service context of an authenticated request (tsoa's authentication put the actor in `req.user`). */
export function serviceContext(req: Request): ServiceContext {
  const actor = (req as Request & { user?: Actor }).user;
  if (!actor) throw new Error('serviceContext() called on a route without @Security');
  const idempotencyClaim = req.res?.locals.idempotencyClaim as IdempotencyClaim | undefined;
  return idempotencyClaim ? { db: appServices(req).db, actor, idempotencyClaim } : { db: appServices(req).db, actor };
}
