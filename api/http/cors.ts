import type { RequestHandler } from 'express';

const ALLOWED_HEADERS =
  'Authorization, Content-Type, Idempotency-Key, If-Match, If-None-Match, Last-Event-ID, X-Request-Id, LeCoffre-Version';
const EXPOSED_HEADERS =
  'ETag, Location, X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Idempotent-Replayed, Content-Disposition, X-Content-SHA256, LeCoffre-Version';

/**
 * The widgets run on vendors' pages (any origin) and call /v1 with a Bearer token: every origin may, but
 * without credentials (`*` forbids cookies), so the hosted pages' cookie session is never usable from
 * another site. The token, not the origin, is what grants access.
 */
export const cors: RequestHandler = (req, res, next) => {
  if (!req.get('origin')) return next();
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  if (req.method === 'OPTIONS' && req.get('access-control-request-method')) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
    return;
  }
  next();
};

/** Public, credential-free resources (the widgets' scripts): readable from any page. */
export const allowAnyOrigin: RequestHandler = (_req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  next();
};
