import {
  Body,
  Controller,
  Middlewares,
  NoSecurity,
  OperationId,
  Post,
  Request,
  Response,
  Route,
  Security,
  SuccessResponse,
  Tags,
} from '@tsoa/runtime';
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { revokeSessionByToken } from '../../services/auth/sessions.js';
import type { ClientAuthDeps, RequestMeta } from '../../services/client-auth/client-auth-deps.js';
import { type ClientPasswordLoginInput, loginClientWithPassword } from '../../services/client-auth/login-client-with-password.js';
import { type SetClientPasswordInput, setClientPassword } from '../../services/client-auth/set-client-password.js';
import { type ClientLoginStarted, type StartClientLoginInput, startClientLogin } from '../../services/client-auth/start-client-login.js';
import { type VerifyClientCodeInput, verifyClientCode } from '../../services/client-auth/verify-client-code.js';
import type { ClientSignedIn, ClientSignIn } from '../../services/client-auth/views.js';
import { rules } from '../../services/rate-limits/rules.js';
import { appServices, serviceContext } from '../app-services.js';
import { identityDependencies, optionalCredential } from '../authentication.js';
import { clearSessionCookie, setSessionCookie } from '../hosted/session-cookie.js';
import type { Problem } from '../problem.js';
import { rateLimit, withServiceRateLimits } from '../rate-limit.js';

function clientAuthDeps(req: ExpressRequest): ClientAuthDeps {
  const { config, db } = appServices(req);
  const { sms, clock, logger } = identityDependencies(req);
  return {
    db,
    sms,
    clock,
    sessions: config.sessions,
    appHost: new URL(config.baseUrl).host,
    onSmsError: (error) => logger.error({ err: error }, 'login code SMS not sent'),
  };
}

const metaOf = (req: ExpressRequest): RequestMeta => ({ ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null });

/** The session goes in the httpOnly cookie, never in the body: page scripts cannot read it. */
function signedIn(req: ExpressRequest, signIn: ClientSignIn): ClientSignedIn {
  const res = req.res as ExpressResponse;
  setSessionCookie(res, appServices(req).config, signIn.session.token);
  res.setHeader('Cache-Control', 'no-store');
  return signIn.view;
}

/**
 * The client's sign-in (the guide's "Identifiez-vous"): e-mail, then a code by SMS, then a password of
 * their choosing; later, e-mail and password. The session is an httpOnly cookie for the hosted client
 * page. Every call counts against a per-IP limit (RateLimit-* headers).
 */
@Route('v1/client-auth')
@Tags('Client sign-in')
@Middlewares(rateLimit(rules.clientAuthPerIp))
@Response<Problem>(429, 'Too many requests (Retry-After says when to retry)')
export class ClientAuthController extends Controller {
  /**
   * Sends a 6-digit code by SMS to the client's mobile if the e-mail belongs to a client with an open
   * folder. The answer is the same whether it does or not. Calling it again (after `resendAfter`) sends
   * a new code and retires the previous attempt.
   * @summary Send a sign-in code to a client
   */
  @Post('start')
  @SuccessResponse(202, 'Accepted')
  @Response<Problem>(422, 'Not an e-mail address')
  @NoSecurity()
  @OperationId('clientAuth.start')
  public async start(@Request() req: ExpressRequest, @Body() body: StartClientLoginInput): Promise<ClientLoginStarted> {
    const started = await withServiceRateLimits(req, () => startClientLogin(clientAuthDeps(req), body, metaOf(req)));
    this.setStatus(202);
    this.setHeader('Cache-Control', 'no-store');
    return started;
  }

  /**
   * Checks the SMS code of an attempt and opens the client's session (cookie). `passwordSet: false`
   * means the client must now choose a password. 5 wrong codes burn the attempt.
   * @summary Verify a client's sign-in code
   */
  @Post('verify')
  @Response<Problem>(422, 'Wrong, expired, used or burnt code (see `code`)')
  @NoSecurity()
  @OperationId('clientAuth.verify')
  public async verify(@Request() req: ExpressRequest, @Body() body: VerifyClientCodeInput): Promise<ClientSignedIn> {
    return signedIn(req, await verifyClientCode(clientAuthDeps(req), body, metaOf(req)));
  }

  /**
   * Chooses (or, after a new SMS code, replaces) the password, under the rule below (written from the
   * code's rule by `npm run generate`). Needs a session opened by an SMS code less than 15 minutes ago.
   * Ends the client's other sessions.
   * @summary Set a client's password
   */
  @Post('password')
  @SuccessResponse(204, 'Password set')
  @Response<Problem>(401, 'Not signed in')
  @Response<Problem>(403, 'Sign in with an SMS code first')
  @Response<Problem>(422, 'Weak password (the reasons are in `errors`)')
  @Security('bearer', ['client_auth:password'])
  @OperationId('clientAuth.setPassword')
  public async setPassword(@Request() req: ExpressRequest, @Body() body: SetClientPasswordInput): Promise<void> {
    await setClientPassword(serviceContext(req), identityDependencies(req).clock, body);
    this.setStatus(204);
  }

  /**
   * E-mail and password; the same 401 for an unknown e-mail and a wrong password. Failures are throttled.
   * @summary Sign a client in with a password
   */
  @Post('login')
  @Response<Problem>(401, 'Wrong e-mail or password')
  @NoSecurity()
  @OperationId('clientAuth.login')
  public async login(@Request() req: ExpressRequest, @Body() body: ClientPasswordLoginInput): Promise<ClientSignedIn> {
    return signedIn(req, await withServiceRateLimits(req, () => loginClientWithPassword(clientAuthDeps(req), body, metaOf(req))));
  }

  /**
   * Ends the client's session and clears its cookie. Answers 204 even without a session.
   * @summary Sign a client out
   */
  @Post('logout')
  @SuccessResponse(204, 'Signed out')
  @NoSecurity()
  @OperationId('clientAuth.logout')
  public async logout(@Request() req: ExpressRequest): Promise<void> {
    const token = optionalCredential(req);
    if (token?.startsWith('lcs_')) await revokeSessionByToken(appServices(req).db, token, identityDependencies(req).clock.now());
    clearSessionCookie(req.res as ExpressResponse, appServices(req).config);
    this.setStatus(204);
  }
}
