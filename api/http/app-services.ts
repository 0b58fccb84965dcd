import type { Request } from 'express';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Actor, ServiceContext } from '../services/context.js';

/** What the composition root (app.ts) hands to request handlers, through `app.locals`. */
export interface AppServices {
  config: Config;
  db: Database;
}

export function appServices(req: Request): AppServices {
  return req.app.locals.services as AppServices;
}

/** The service context of an authenticated request (tsoa's authentication put the actor in `req.user`). */
export function serviceContext(req: Request): ServiceContext {
  const actor = (req as Request & { user?: Actor }).user;
  if (!actor) throw new Error('serviceContext() called on a route without @Security');
  return { db: appServices(req).db, actor };
}
