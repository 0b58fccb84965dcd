import type { Request } from 'express';
import type { Logger } from 'pino';
import { isCapability } from '../domain/capabilities.js';
import type { Clock } from '../ports/clock.js';
import type { IdentityProvider } from '../ports/identity-provider.js';
import type { SmsSender } from '../ports/sms-sender.js';
import { requireCapability } from '../services/access/principals.js';
import { type Authenticated, authenticateToken } from '../services/auth/authenticate-token.js';
import type { Actor } from '../services/context.js';
import { appServices } from './app-services.js';
import { readSessionCookie } from './hosted/session-cookie.js';
import { authenticateAppBearer } from './oauth/app-bearer.js';
import { HttpProblem } from './problem.js';

/** What the identity routes need beyond AppServices; app.ts puts it in `app.locals.identity`. */
export interface IdentityDependencies {
  clock: Clock;
  sms: SmsSender;
  identityProvider: IdentityProvider;
  logger: Logger;
}

export function identityDependencies(req: Request): IdentityDependencies {
  return req.app.locals.identity as IdentityDependencies;
}

type AuthenticatedRequest = Request & { authentication?: Authenticated };

function unauthenticated(detail: string): HttpProblem {
  return new HttpProblem(401, 'unauthenticated', detail, undefined, { 'WWW-Authenticate': 'Bearer realm="lecoffre"' });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * tsoa's authentication hook (tsoa.json `authenticationModule`): `@Security('bearer', [capability])`
 * routes call it. The credential is `Authorization: Bearer <api key | widget session | session>` or, for
 * the hosted pages, the httpOnly session cookie. Its result becomes `req.user`, the actor of every
 * service call. An operation that declares no capability of domain/capabilities.ts is refused to all.
 */
export async function expressAuthentication(req: Request, securityName: string, scopes: string[] = []): Promise<Actor> {
  if (securityName !== 'bearer') throw new Error(`unknown security scheme ${securityName}`);
  const [capability, ...rest] = scopes;
  if (capability === undefined || rest.length > 0 || !isCapability(capability)) {
    throw new HttpProblem(403, 'operation_not_declared', 'This operation declares no capability: it is refused to everyone.');
  }
  const { config, db } = appServices(req);
  const { clock } = identityDependencies(req);
  const credential = credentialOf(req);
  if (credential.source === 'cookie' && !SAFE_METHODS.has(req.method)) refuseCrossOrigin(req, config.baseUrl);
  const authenticated =
    (await authenticateToken({ db, policy: config.sessions, now: clock.now(), ip: req.ip ?? null }, credential.token)) ??
    // Not one of LeCoffre's own credentials: a vendor app's OAuth access token, bearer only.
    (credential.source === 'bearer' ? await authenticateAppBearer(req, credential.token) : null);
  if (!authenticated) throw unauthenticated('This credential is unknown, expired or revoked.');
  requireCapability(authenticated.actor, capability, authenticated.pending);
  (req as AuthenticatedRequest).authentication = authenticated;
  return authenticated.actor;
}

/** The full authentication result of a request that went through expressAuthentication. */
export function authenticationOf(req: Request): Authenticated {
  const authentication = (req as AuthenticatedRequest).authentication;
  if (!authentication) throw new Error('authenticationOf() called on a route without @Security');
  return authentication;
}

/** The caller's bearer token or session cookie, for routes that must read it without requiring it (logout). */
export function optionalCredential(req: Request): string | undefined {
  try {
    return credentialOf(req).token;
  } catch {
    return undefined;
  }
}

function credentialOf(req: Request): { token: string; source: 'bearer' | 'cookie' } {
  const header = req.get('authorization');
  if (header) {
    const match = /^Bearer ([\x21-\x7e]{1,512})$/i.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    return { token: match[1], source: 'bearer' };
  }
  const cookie = readSessionCookie(req, appServices(req).config);
  if (cookie) return { token: cookie, source: 'cookie' };
  throw unauthenticated('Send an API key or a session token as "Authorization: Bearer …", or sign in.');
}

/**
 * Cookies ride along with cross-site requests; SameSite=Lax already keeps them off cross-site POSTs, and
 * bodies must be JSON (which a plain HTML form cannot send). A foreign Origin on a state-changing
 * request is refused as well, for browsers that send one.
 */
export function refuseCrossOrigin(req: Request, baseUrl: string): void {
  const origin = req.get('origin');
  if (origin !== undefined && origin !== new URL(baseUrl).origin) {
    throw new HttpProblem(403, 'cross_origin_request', 'This request comes from another site; it was refused.');
  }
}
