import type { Request } from 'express';
import { authenticateApiKey } from '../services/auth/authenticate-api-key.js';
import type { Actor } from '../services/context.js';
import { appServices } from './app-services.js';
import { HttpProblem } from './problem.js';

function unauthenticated(detail: string): HttpProblem {
  return new HttpProblem(401, 'unauthenticated', detail, undefined, { 'WWW-Authenticate': 'Bearer realm="lecoffre"' });
}

/**
 * tsoa's authentication hook (tsoa.json `authenticationModule`): `@Security('bearer')` routes call it.
 * Its result becomes `req.user`, the actor of every service call.
 */
export async function expressAuthentication(req: Request, securityName: string, _scopes?: string[]): Promise<Actor> {
  if (securityName !== 'bearer') throw new Error(`unknown security scheme ${securityName}`);
  const header = req.get('authorization');
  if (!header) throw unauthenticated('Send an API key as "Authorization: Bearer lck_…".');
  const match = /^Bearer ([\x21-\x7e]{1,512})$/i.exec(header);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  const token = match[1];
  const ip = req.ip ?? null;
  if (token.startsWith('lck_')) {
    const actor = await authenticateApiKey(appServices(req).db, token, ip);
    if (actor) return actor;
  }
  throw unauthenticated('This token is unknown, expired or revoked.');
}
