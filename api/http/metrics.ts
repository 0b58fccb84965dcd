import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';
import type { Metrics, MetricsExposition } from '../ports/metrics.js';
import { HttpProblem } from './problem.js';

/**
 * The route template of an answered request, so the latency histogram has one series per route and not
 * one per folder id: `/v1/folders/:id` from the matched route; the mount path (`/assets/*`) for what a
 * mounted middleware answered (static files, idempotent replays); `(unmatched)` for everything else (404s,
 * scanners), which a caller may vary at will.
 */
export function routeTemplate(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  if (typeof route?.path === 'string') return `${req.baseUrl}${route.path}`;
  return req.baseUrl ? `${req.baseUrl}/*` : '(unmatched)';
}

/** Times every answer, from the request's arrival to its last byte (or the client going away). */
export function httpMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('close', () => {
      metrics.httpRequest({
        route: routeTemplate(req),
        method: req.method,
        status: res.statusCode,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      });
    });
    next();
  };
}

function sameToken(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison leaks neither the token nor its length.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * GET /metrics on the public port (mounted there by app.ts), for a scraper that cannot reach the private metrics port: only with
 * `Authorization: Bearer <LECOFFRE_METRICS_TOKEN>` (401 otherwise). Without a token configured the route
 * does not exist (404), so the public port never shows what runs behind it.
 */
export function publicMetricsRoute(exposition: MetricsExposition, token: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (!token) return next();
    const given = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    if (!given || !sameToken(given, token)) {
      next(
        new HttpProblem(401, 'unauthenticated', 'The metrics need the metrics bearer token.', undefined, {
          'WWW-Authenticate': 'Bearer realm="metrics"',
        }),
      );
      return;
    }
    exposition.scrape().then(({ contentType, body }) => {
      res.setHeader('Cache-Control', 'no-store');
      res.type(contentType).send(body);
    }, next);
  };
}

/**
 * The private metrics port (LECOFFRE_METRICS_PORT, bound to 127.0.0.1 unless LECOFFRE_METRICS_HOST says
 * otherwise): GET /metrics and nothing else, no token; whoever reaches the port is the scraper.
 */
export function metricsPortListener(exposition: MetricsExposition, onError: (error: unknown) => void) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found: GET /metrics\n');
      return;
    }
    exposition.scrape().then(
      ({ contentType, body }) => {
        res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : body);
      },
      (error: unknown) => {
        onError(error);
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Metrics could not be read.\n');
      },
    );
  };
}
