import type { NextFunction, Request, Response } from 'express';

/**
 * The day the `/v1/files/…` names were replaced by `/v1/documents/…` (one name for what a client sends and
 * the office reviews, as the `document.*` events always said). The old routes keep working, with the same
 * capability and behaviour, until the next major version; they say so on every answer.
 */
export const FILES_ROUTES_DEPRECATED_AT = new Date('2026-12-09T00:00:00Z');

/**
 * Marks the answer of a deprecated alias: `Deprecation` (RFC 9745: `@<unix seconds>` of the day it was
 * deprecated) and `Link: <successor>; rel="successor-version"`, the route to call instead (the request's
 * own path with the new names, so a client following it lands on the same resource).
 */
function markDeprecated(req: Request, successorPath: string): void {
  const res = req.res;
  if (!res) return;
  res.setHeader('Deprecation', `@${Math.floor(FILES_ROUTES_DEPRECATED_AT.getTime() / 1000)}`);
  res.setHeader('Link', `<${successorPath}>; rel="successor-version"`);
}

/** Each deprecated path (under /v1) and the successor its answers name. */
const DEPRECATED_ALIASES: ReadonlyArray<[RegExp, (match: RegExpExecArray) => string]> = [
  [/^\/files\/([^/]+)(\/(?:validate|refuse|preview|download))?$/, (m) => `/v1/documents/${m[1]}${m[2] ?? ''}`],
  [/^\/document-requests\/([^/]+)\/files$/, (m) => `/v1/document-requests/${m[1]}/documents`],
  [/^\/folders\/([^/]+)\/extra-files$/, (m) => `/v1/folders/${m[1]}/extra-documents`],
];

/**
 * Marks every answer of a deprecated alias before anything else answers it: an idempotent replay, a
 * refusal before the controller or the controller's own answer all carry `Deprecation` and `Link`.
 */
export function deprecatedAliases(req: Request, _res: Response, next: NextFunction): void {
  for (const [pattern, successor] of DEPRECATED_ALIASES) {
    const match = pattern.exec(req.path);
    if (match) {
      markDeprecated(req, successor(match));
      break;
    }
  }
  next();
}
