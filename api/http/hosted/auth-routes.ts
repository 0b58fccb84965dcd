import express, { type Request, type Response, type Router } from 'express';
import { IdentityProviderError } from '../../ports/identity-provider.js';
import { saveLoginTransaction, takeLoginTransaction } from '../../services/auth/idnot-login-transactions.js';
import { revokeAllSessions, revokeSessionByToken } from '../../services/auth/sessions.js';
import { signInMember } from '../../services/auth/sign-in-member.js';
import { rules } from '../../services/rate-limits/rules.js';
import { appServices } from '../app-services.js';
import { identityDependencies, optionalCredential, refuseCrossOrigin } from '../authentication.js';
import { rateLimit } from '../rate-limit.js';
import { authPages } from './auth-pages.js';
import { clearSessionCookie, loginCookieName, readCookie, setSessionCookie } from './session-cookie.js';

const LOGIN_COOKIE_MAX_AGE_MS = 10 * 60 * 1000;

/** Only a path of this site: an absolute or protocol-relative URL would make the login an open redirect. */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || /[\u0000-\u001f]/.test(value)) return '/';
  return value;
}

function page(res: Response, status: number, html: string): void {
  res.status(status).set('Cache-Control', 'no-store').type('html').send(html);
}

/**
 * The hosted pages' sign-in with ID.not (authorization code + PKCE, state and nonce kept server-side until
 * the callback) and sign-out. Mounted at /auth by app.ts.
 */
export function authRoutes(): Router {
  const router = express.Router();

  router.get('/idnot/login', rateLimit(rules.idnotLoginPerIp), async (req, res, next) => {
    try {
      const { config, db } = appServices(req);
      const { identityProvider, clock, logger } = identityDependencies(req);
      let request: Awaited<ReturnType<typeof identityProvider.beginLogin>>;
      try {
        request = await identityProvider.beginLogin();
      } catch (error) {
        logger.warn({ err: error }, 'ID.not discovery failed');
        return page(res, 503, authPages.providerUnavailable());
      }
      const handle = await saveLoginTransaction(db, request, safeReturnTo(req.query.returnTo), clock.now());
      res.cookie(loginCookieName(config), handle, {
        httpOnly: true,
        secure: config.sessions.cookieSecure,
        sameSite: 'lax',
        path: '/',
        maxAge: LOGIN_COOKIE_MAX_AGE_MS,
      });
      res.set('Cache-Control', 'no-store').redirect(303, request.url);
    } catch (error) {
      next(error);
    }
  });

  router.get('/idnot/callback', async (req, res, next) => {
    try {
      const { config, db } = appServices(req);
      const { identityProvider, clock, logger } = identityDependencies(req);
      const cookieOptions = { httpOnly: true, secure: config.sessions.cookieSecure, sameSite: 'lax' as const, path: '/' };
      const handle = readCookie(req, loginCookieName(config));
      res.clearCookie(loginCookieName(config), cookieOptions);
      const login = handle ? await takeLoginTransaction(db, handle, clock.now()) : null;
      if (!login) return page(res, 400, authPages.loginExpired());
      if (req.query.error === 'access_denied') return page(res, 400, authPages.loginCancelled());

      // The provider redirected to the registered redirect URI: rebuild it (a proxy may have rewritten the host).
      const callbackUrl = new URL(config.idnot.redirectUri);
      callbackUrl.search = new URL(req.originalUrl, 'http://callback.invalid').search;
      let identity: Awaited<ReturnType<typeof identityProvider.completeLogin>>;
      try {
        identity = await identityProvider.completeLogin(callbackUrl, login.secrets);
      } catch (error) {
        if (!(error instanceof IdentityProviderError)) throw error;
        logger.warn({ err: error, code: error.code }, 'ID.not login failed');
        return page(
          res,
          error.code === 'discovery_failed' ? 503 : 400,
          error.code === 'discovery_failed' ? authPages.providerUnavailable() : authPages.loginFailed(),
        );
      }

      const signIn = await signInMember(
        db,
        identity,
        { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null },
        config.sessions,
        clock.now(),
      );
      if (signIn.outcome === 'unknown_office') return page(res, 403, authPages.unknownOffice(signIn.crpcen));
      if (signIn.outcome === 'other_office') return page(res, 403, authPages.otherOffice(signIn.crpcen));
      setSessionCookie(res, config, signIn.session.token);
      res.set('Cache-Control', 'no-store').redirect(303, login.returnTo);
    } catch (error) {
      next(error);
    }
  });

  // `everywhere=true` (form field, JSON body or query) ends every session of the member or client.
  router.post('/logout', express.urlencoded({ extended: false, limit: '1kb' }), express.json({ limit: '1kb' }), async (req, res, next) => {
    try {
      const { config, db } = appServices(req);
      const { clock } = identityDependencies(req);
      refuseCrossOrigin(req, config.baseUrl);
      const token = optionalCredential(req);
      const everywhere = [req.body?.everywhere, req.query.everywhere].some((v) => v === true || v === 'true' || v === 'on');
      if (token?.startsWith('lcs_')) {
        const now = clock.now();
        const session = await revokeSessionByToken(db, token, now);
        if (session && everywhere) {
          await revokeAllSessions(db, session.memberId ? { memberId: session.memberId } : { clientId: session.clientId as string }, now);
        }
      }
      clearSessionCookie(res, config);
      if (req.accepts(['html', 'json']) === 'json') return void res.status(204).end();
      res.redirect(303, '/auth/logged-out');
    } catch (error) {
      next(error);
    }
  });

  router.get('/logged-out', (_req: Request, res: Response) => page(res, 200, authPages.loggedOut()));
  return router;
}
