import type { Request } from 'express';
import type { AppAuthorizationServer } from '../../ports/app-authorization.js';
import { authenticateAppToken } from '../../services/apps/authenticate-app-token.js';
import type { Authenticated } from '../../services/auth/authenticate-token.js';
import { appServices } from '../app-services.js';

/** app.ts puts the apps' authorization server here. */
export function appAuthorizationServer(req: Request): AppAuthorizationServer | undefined {
  return req.app.locals.apps as AppAuthorizationServer | undefined;
}

/**
 * An app access token sent as `Authorization: Bearer …` (an opaque token of the authorization server, none
 * of LeCoffre's own prefixes): introspected in-process, then bound to the office's live connection.
 */
export async function authenticateAppBearer(req: Request, token: string): Promise<Authenticated | null> {
  const server = appAuthorizationServer(req);
  if (!server || !/^[A-Za-z0-9_-]{32,128}$/.test(token)) return null;
  const info = await server.introspect(token);
  return info ? authenticateAppToken(appServices(req).db, info, req.ip ?? null) : null;
}
