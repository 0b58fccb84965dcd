import { randomFillSync } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { Level, Logger } from 'pino';

const INCOMING_ID = /^[\w.:-]{1,64}$/;
const ID_BYTES = 9;

/**
 * Request ids and access logs. The id comes from the caller's `X-Request-Id` when it looks sane (so a
 * vendor can follow one call through both systems), else is made here; it is echoed in the response and
 * in every problem. Logs carry the path without its query string (`?q=` holds client names), and no
 * header at all: no secret and no personal data reaches the log.
 *
 * Written on pino directly rather than through pino-http, which makes two child loggers per request (the
 * second serialising the request as it binds it) whether or not anything is logged: a fifth of the CPU of
 * a folder read. Here the request's logger is made only when a handler asks for it (requestLogger), and
 * the access line is built only when its level is enabled.
 */
export function requestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : newRequestId();
    res.setHeader('X-Request-Id', id);
    contexts.set(req, { id, base: logger });
    const startedAt = Date.now();
    // Logged on 'finish', which runs in the request's async context (a trace id set by the tracing reaches
    // the line; 'close' runs in the server's), or on 'close' when the response never finished: the caller
    // went away.
    const done = () => {
      res.off('finish', done);
      res.off('close', done);
      const aborted = !res.writableFinished;
      const level: Level = res.statusCode >= 500 ? (res.statusCode === 503 ? 'warn' : 'error') : aborted ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          req: { id, method: req.method, path: (req.originalUrl ?? req.url).split('?')[0] },
          res: { statusCode: res.statusCode },
          responseTime: Date.now() - startedAt,
        },
        aborted ? 'request aborted' : 'request completed',
      );
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}

interface RequestContext {
  id: string;
  base: Logger;
  log?: Logger;
}
const contexts = new WeakMap<IncomingMessage, RequestContext>();

/** The logger of a request (its lines carry `reqId`), made on first use; undefined outside requestContext. */
export function requestLogger(req: IncomingMessage): Logger | undefined {
  const context = contexts.get(req);
  if (!context) return undefined;
  context.log ??= context.base.child({ reqId: context.id });
  return context.log;
}

// Request ids are drawn from a pool of random bytes filled a few hundred ids at a time: one call into the
// random generator (and its fork check) per request was a measurable part of a small read.
const pool = Buffer.alloc(ID_BYTES * 256);
let poolOffset = pool.length;

function newRequestId(): string {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += ID_BYTES;
  return `req_${pool.toString('base64url', poolOffset - ID_BYTES, poolOffset)}`;
}
