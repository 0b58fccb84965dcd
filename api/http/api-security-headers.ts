import type { RequestHandler } from 'express';
import { contentSecurityPolicy } from './content-security-policy.js';

/**
 * The security headers of every /v1 answer (JSON, problems, file downloads), the set OWASP asks of a REST
 * API: a JSON answer must never be sniffed into a page, framed, or reached over plain HTTP. Pages get
 * helmet's whole set instead (app.ts). Its other headers govern documents a browser renders (DNS
 * prefetching, old IE downloads and XSS filter, popup isolation, agent clusters, Flash policies) and do
 * nothing on JSON; each costs every API answer its bytes and its validation.
 *
 * Same values as helmet's for the headers both send, except frames: `DENY`, which is what the policy's
 * `frame-ancestors 'none'` already says. A route may still replace one (a file download's own policy).
 */
const API_SECURITY_HEADERS: ReadonlyArray<readonly [name: string, value: string]> = [
  ['Content-Security-Policy', contentSecurityPolicy.default],
  ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  // No page of another origin may load an answer as an image or a script (no-cors); CORS reads, which the
  // widgets make, are not affected.
  ['Cross-Origin-Resource-Policy', 'same-origin'],
];

export const apiSecurityHeaders: RequestHandler = (_req, res, next) => {
  for (const [name, value] of API_SECURITY_HEADERS) res.setHeader(name, value);
  next();
};
