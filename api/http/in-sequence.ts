import type { NextFunction, RequestHandler } from 'express';

/**
 * Several middlewares as one. Mounted on a path, Express matches that path and trims it from the URL once
 * for all of them rather than once each: on every /v1 call, the product's busiest path, that was a tenth
 * of a folder read's CPU. Each handler sees the request as it would mounted alone on the same path; an
 * error, thrown, passed to `next` or a rejected promise, skips the rest, as in Express.
 *
 * Why not an express.Router(): tracing names a request's span after the routers it went through, and a
 * router the request leaves again would put its path into the route name of every API call.
 */
export function inSequence(...handlers: RequestHandler[]): RequestHandler {
  return (req, res, next) => {
    let index = 0;
    const step: NextFunction = (error?: unknown) => {
      if (error !== undefined && error !== null) {
        next(error);
        return;
      }
      const handler = handlers[index++];
      if (!handler) {
        next();
        return;
      }
      try {
        const result: unknown = handler(req, res, step);
        if (result instanceof Promise) result.catch((reason: unknown) => next(reason ?? new Error('A middleware rejected')));
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}
