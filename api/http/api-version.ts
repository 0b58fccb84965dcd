import type { Request, RequestHandler } from 'express';
import { API_VERSION_HEADER, API_VERSIONS, type ApiVersion, CURRENT_API_VERSION, isApiVersion } from '../domain/api-versions.js';
import { HttpProblem } from './problem.js';

/**
 * `LeCoffre-Version` on /v1: the dated contract the caller was written against (api/domain/api-versions.ts).
 * Absent: the current version. Unknown: 400 `unsupported_api_version`, before anything else runs. Every
 * answer names the version it follows; `res.locals.apiVersion` tells the handlers.
 */
export const apiVersion: RequestHandler = (req, res, next) => {
  const asked = req.get(API_VERSION_HEADER);
  const version = asked === undefined ? CURRENT_API_VERSION : asked.trim();
  if (!isApiVersion(version)) {
    res.setHeader(API_VERSION_HEADER, CURRENT_API_VERSION);
    return next(
      new HttpProblem(
        400,
        'unsupported_api_version',
        `Version d'API inconnue ; versions : ${API_VERSIONS.join(', ')}. / Unknown API version; known versions: ${API_VERSIONS.join(', ')}.`,
        [{ path: API_VERSION_HEADER, message: `must be one of ${API_VERSIONS.join(', ')}` }],
      ),
    );
  }
  res.setHeader(API_VERSION_HEADER, version);
  res.locals.apiVersion = version;
  next();
};

/** The version this request is answered at (set by `apiVersion` above; the current one outside /v1). */
export function requestApiVersion(req: Request): ApiVersion {
  return (req.res?.locals.apiVersion as ApiVersion | undefined) ?? CURRENT_API_VERSION;
}
