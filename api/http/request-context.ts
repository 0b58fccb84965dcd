import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

const INCOMING_ID = /^[\w.:-]{1,64}$/;

/**
 * Request ids and access logs. The id comes from the caller's `X-Request-Id` when it looks sane (so a
 * vendor can follow one call through both systems), else is made here; it is echoed in the response and
 * in every problem. Logs carry the path without its query string (`?q=` holds client names), and no
 * header at all: no secret and no personal data reaches the log.
 */
export function requestContext(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : `req_${randomBytes(9).toString('base64url')}`;
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? (res.statusCode === 503 ? 'warn' : 'error') : 'info'),
    quietReqLogger: true,
  });
}
