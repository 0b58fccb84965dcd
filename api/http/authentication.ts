import type { Request } from 'express';
import type { Logger } from 'pino';
import type { IdentityProvider } from '../ports/identity-provider.js';
import type { SmsSender } from '../ports/sms-sender.js';
import { type Authenticated, authenticateToken } from '../services/auth/authenticate-token.js';
import type { Clock } from '../services/auth/clock.js';
import type { Actor } from '../services/context.js';
import { appServices } from './app-services.js';
import { readSessionCookie } from './hosted/session-cookie.js';
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

/**
 * Scopes a route may require with `@Security('bearer', [...])`; every listed scope must hold.
 * - `pending_ok`: a member awaiting approval may call it (only `GET /v1/me` does);
 * - `staff`: not a client (members, API keys, widget sessions of a member);
 * - `notary`: staff other than a collaborator (an API key acts for the office's notaries);
 * - `member_session`: a member signed in through ID.not, not an API key or a widget session;
 * - `api_key`: an API key only (minting widget sessions).
 * A route without scopes admits every valid credential but pending members.
 */
export type AuthScope = 'pending_ok' | 'staff' | 'notary' | 'member_session' | 'api_key';

type AuthenticatedRequest = Request & { authentication?: Authenticated };

function unauthenticated(detail: string): HttpProblem {
  return new HttpProblem(401, 'unauthenticated', detail, undefined, { 'WWW-Authenticate': 'Bearer realm="lecoffre"' });
}

function forbidden(code: string, detail: string): HttpProblem {
  return new HttpProblem(403, code, detail);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * tsoa's authentication hook (tsoa.json `authenticationModule`): `@Security('bearer')` routes call it.
 * The credential is `Authorization: Bearer <api key | widget session | session>` or, for the hosted
 * pages, the httpOnly session cookie. Its result becomes `req.user`, the actor of every service call.
 */
export async function expressAuthentication(req: Request, securityName: string, scopes: string[] = []): Promise<Actor> {
  if (securityName !== 'bearer') throw new Error(`unknown security scheme ${securityName}`);
  const { config, db } = appServices(req);
  const { clock } = identityDependencies(req);
  const credential = credentialOf(req);
  if (credential.source === 'cookie' && !SAFE_METHODS.has(req.method)) refuseCrossOrigin(req, config.baseUrl);
  const authenticated = await authenticateToken({ db, policy: config.sessions, now: clock.now(), ip: req.ip ?? null }, credential.token);
  if (!authenticated) throw unauthenticated('This credential is unknown, expired or revoked.');
  checkScopes(authenticated, scopes as AuthScope[]);
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
    throw forbidden('cross_origin_request', 'This request comes from another site; it was refused.');
  }
}

function checkScopes({ actor, pending }: Authenticated, scopes: AuthScope[]): void {
  if (pending && !scopes.includes('pending_ok')) {
    throw forbidden(
      'member_pending',
      'Votre compte attend l’approbation d’un notaire de l’office. / Your account awaits approval by a notary of the office.',
    );
  }
  for (const scope of scopes) {
    if (scope === 'staff' && actor.kind === 'client') throw forbidden('staff_only', 'Only members of the office can do this.');
    if (scope === 'notary' && (actor.kind === 'client' || actor.role === 'collaborator')) {
      throw forbidden('notary_only', 'Only a notary of the office can do this.');
    }
    if (scope === 'member_session' && actor.kind !== 'member') {
      throw forbidden('member_session_required', 'Sign in with ID.not to do this; API keys and widget sessions cannot.');
    }
    if (scope === 'api_key' && actor.kind !== 'api_key') throw forbidden('api_key_required', 'Only an API key can do this.');
  }
}
