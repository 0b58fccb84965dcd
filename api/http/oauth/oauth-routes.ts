import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { DomainError } from '../../domain/errors.js';
import type { AppAuthorizationServer } from '../../ports/app-authorization.js';
import { connectApp, requireConsentingNotary } from '../../services/apps/connect-app.js';
import { endConnectionOfGrant } from '../../services/apps/end-app-connection.js';
import { findAppByClientId } from '../../services/apps/find-app.js';
import { type Authenticated, authenticateToken } from '../../services/auth/authenticate-token.js';
import { identityDependencies, refuseCrossOrigin } from '../authentication.js';
import { readSessionCookie } from '../hosted/session-cookie.js';
import { consentPage, consentRefusedPage, oauthErrorPage } from './consent-page.js';
import { consentPolicy } from './consent-policy.js';

function page(res: Response, status: number, html: string, policy?: string): void {
  // `same-origin`, not the site's `no-referrer`: under no-referrer a browser posts the consent form with
  // `Origin: null`, which the cross-origin check must refuse.
  res.status(status).set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'same-origin' });
  if (policy) res.set('Content-Security-Policy', policy);
  res.type('html').send(html);
}

/**
 * `/oauth`: the apps' authorization server (oidc-provider behind AppAuthorizationServer: `/oauth/authorize`,
 * `/oauth/token`, `/oauth/revoke`, `/oauth/introspect`, discovery) and its consent step. The consent is
 * given by a notary signed in to LeCoffre with ID.not (the hosted pages' session cookie): without one, the
 * browser goes through the ID.not sign-in and comes back.
 */
export function oauthRoutes(config: Config, db: Database, server: AppAuthorizationServer, identityLogger?: Logger): Router {
  // The server ends grants on its own (a refresh token reused, a code replayed, the app revoking its
  // refresh token): the office's connection ends with them.
  server.onGrantRevoked((grantId, cause) => {
    // The tokens are already gone; ending the connection records it (audit, app.deauthorized). A failure
    // here leaves a connection whose tokens are all revoked: logged, never thrown into the OAuth answer.
    endConnectionOfGrant(db, grantId, cause).catch((error: unknown) =>
      identityLogger?.error({ err: error }, 'ending an app connection failed'),
    );
  });

  const signedIn = async (req: Request): Promise<Authenticated | null> => {
    const cookie = readSessionCookie(req, config);
    if (!cookie) return null;
    const authenticated = await authenticateToken(
      { db, policy: config.sessions, now: identityDependencies(req).clock.now(), ip: req.ip ?? null },
      cookie,
    );
    return authenticated && authenticated.actor.kind === 'member' ? authenticated : null;
  };

  const router = express.Router();

  router.get('/interaction/:uid', async (req, res, next) => {
    try {
      const pending = await server.pendingConsent(req, res);
      // The provider ignores scopes it does not know; an app asks for the scopes it registered, or is told.
      const app = await findAppByClientId(db, pending.clientId);
      if (!app) return page(res, 400, oauthErrorPage({ error: 'invalid_client' }));
      const unknown = pending.scopes.filter((scope) => !app.scopes.includes(scope));
      if (pending.scopes.length === 0 || unknown.length > 0) {
        const description = unknown.length > 0 ? `scopes not registered by the app: ${unknown.join(' ')}` : 'no scope requested';
        return server.finishConsent(req, res, { error: 'invalid_scope', description });
      }
      const who = await signedIn(req);
      if (!who) {
        res
          .set('Cache-Control', 'no-store')
          .redirect(303, `/auth/idnot/login?returnTo=${encodeURIComponent(`/oauth/interaction/${pending.uid}`)}`);
        return;
      }
      try {
        requireConsentingNotary({ db, actor: who.actor }, who.pending);
      } catch (error) {
        if (error instanceof DomainError)
          return page(res, 403, consentRefusedPage(pending.uid, error.message), consentPolicy(pending.redirectUri, null));
        throw error;
      }
      const office = await db.models.Office.findByPk(who.actor.officeId, { rejectOnEmpty: true });
      const member = await db.models.Member.findByPk(who.actor.kind === 'member' ? (who.actor.memberId ?? '') : '', {
        rejectOnEmpty: true,
      });
      page(
        res,
        200,
        consentPage({
          uid: pending.uid,
          app: { name: app.name, logoUrl: app.logoUrl },
          office: { name: office.name },
          member: { name: `${member.firstName} ${member.lastName}` },
          scopes: pending.scopes,
        }),
        consentPolicy(pending.redirectUri, app.logoUrl),
      );
    } catch (error) {
      interactionError(error, res, next);
    }
  });

  router.post('/interaction/:uid/accept', async (req, res, next) => {
    try {
      refuseCrossOrigin(req, config.baseUrl);
      const pending = await server.pendingConsent(req, res);
      const who = await signedIn(req);
      if (!who) return page(res, 401, oauthErrorPage({ error: 'login_required' }));
      const ctx = { db, actor: who.actor };
      requireConsentingNotary(ctx, who.pending);
      const grantId = await server.createGrant(who.actor.officeId, pending.clientId, pending.scopes);
      let replacedGrantId: string | null;
      try {
        ({ replacedGrantId } = await connectApp(ctx, {
          clientId: pending.clientId,
          scopes: pending.scopes,
          grantId,
          pending: who.pending,
        }));
      } catch (error) {
        await server.revokeGrant(grantId);
        throw error;
      }
      if (replacedGrantId) await server.revokeGrant(replacedGrantId);
      await server.finishConsent(req, res, { officeId: who.actor.officeId, grantId });
    } catch (error) {
      interactionError(error, res, next);
    }
  });

  router.post('/interaction/:uid/refuse', async (req, res, next) => {
    try {
      refuseCrossOrigin(req, config.baseUrl);
      await server.pendingConsent(req, res);
      await server.finishConsent(req, res, { error: 'access_denied', description: 'The office refused to connect this app.' });
    } catch (error) {
      interactionError(error, res, next);
    }
  });

  router.use((req, res, next) => {
    server.handle(req, res).catch(next);
  });
  return router;
}

/** An interaction that expired, or a browser without its cookie: a plain page, never a stack trace. */
function interactionError(error: unknown, res: Response, next: NextFunction): void {
  if (error instanceof DomainError) {
    page(res, error.kind === 'forbidden' ? 403 : 400, oauthErrorPage({ error: error.code, description: error.message }));
    return;
  }
  const name = (error as { name?: string } | null)?.name;
  if (name === 'SessionNotFound' || name === 'InvalidRequest') {
    page(
      res,
      400,
      oauthErrorPage({ error: 'invalid_request', description: 'This authorization request expired or is unknown to this browser.' }),
    );
    return;
  }
  next(error);
}
