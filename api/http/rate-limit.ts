import type { Request, RequestHandler, Response } from 'express';
import type { ProblemCode } from '../domain/problem-codes.js';
import {
  hitRateLimit,
  RateLimitExceeded,
  type RateLimitRule,
  type RateLimitState,
  secondsUntilReset,
} from '../services/rate-limits/rate-limiter.js';
import { appServices } from './app-services.js';
import { identityDependencies } from './authentication.js';
import { HttpProblem } from './problem.js';

/** The IETF draft's headers (draft-ietf-httpapi-ratelimit-headers): what is left and when it resets. */
function setRateLimitHeaders(res: Response, rule: RateLimitRule, state: RateLimitState, now: Date): void {
  res.setHeader('RateLimit-Limit', String(state.limit));
  res.setHeader('RateLimit-Remaining', String(state.remaining));
  res.setHeader('RateLimit-Reset', String(secondsUntilReset(state, now)));
  res.setHeader('RateLimit-Policy', `${rule.limit};w=${rule.windowSeconds}`);
}

function tooManyRequests(code: ProblemCode, detail: string, state: RateLimitState, now: Date): HttpProblem {
  return new HttpProblem(429, code, detail, undefined, { 'Retry-After': String(secondsUntilReset(state, now)) });
}

/**
 * Counts each request against `rule` for the subject `keyOf` returns (null: not limited), in PostgreSQL,
 * so that every API process shares the count. Over the limit: 429 `rate_limited` with Retry-After.
 */
export function rateLimit(rule: RateLimitRule, keyOf: (req: Request) => string | null = clientIp): RequestHandler {
  return async (req, res, next) => {
    try {
      const subject = keyOf(req);
      if (subject === null) return next();
      const now = identityDependencies(req).clock.now();
      const state = await hitRateLimit(appServices(req).db, rule, subject, now);
      setRateLimitHeaders(res, rule, state, now);
      if (state.exceeded) {
        throw tooManyRequests('rate_limited', 'Trop de requêtes ; réessayez plus tard. / Too many requests; retry later.', state, now);
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** The caller's address as Express sees it (honouring `trust proxy`, see LECOFFRE_TRUST_PROXY). */
export const clientIp = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/**
 * Runs a service call and turns its RateLimitExceeded (a per-e-mail, per-phone or per-account limit)
 * into a 429 problem with Retry-After and the RateLimit headers.
 */
export async function withServiceRateLimits<T>(req: Request, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof RateLimitExceeded)) throw error;
    const now = identityDependencies(req).clock.now();
    const res = req.res as Response;
    res.setHeader('RateLimit-Limit', String(error.state.limit));
    res.setHeader('RateLimit-Remaining', '0');
    res.setHeader('RateLimit-Reset', String(secondsUntilReset(error.state, now)));
    throw tooManyRequests(error.code, error.message, error.state, now);
  }
}
