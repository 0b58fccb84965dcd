import type { RequestHandler } from 'express';

/**
 * Reads a client may revalidate instead of download again: they answer `Cache-Control: private, no-cache`
 * and, with `If-None-Match` naming the ETag of what would be sent, 304 and no body. Every other /v1 answer
 * stays `no-store`.
 *
 * Why these: they are what an integration or the console polls (a folder, the folder and client lists, a
 * client, the catalogue), and a 304 spares the body. Why `no-cache` and not a lifetime: their content
 * changes with no notice the cache could see (completion, anchoring), so every use must ask the server; an
 * ETag over the representation makes that question exact. Why `private`: they carry clients' names and
 * contacts, for the caller's own cache only, never a shared proxy's. Safe across credentials and
 * versions on one browser: the ETag hashes the bytes, so another caller's view never matches.
 *
 * ETags: a folder sets its own (`"v<n>-<hash>"`, http/etag.ts); the others get Express's weak ETag over
 * the body (`app.set('etag', 'weak')`), and Express answers 304 when `If-None-Match` matches (`req.fresh`).
 */
export const REVALIDATED_READS = [
  'GET /v1/folders',
  'GET /v1/folders/{id}',
  'GET /v1/clients',
  'GET /v1/clients/{id}',
  'GET /v1/deed-types',
  'GET /v1/document-types',
] as const;

const PATTERNS = REVALIDATED_READS.map((route) => {
  const template = route.slice('GET '.length);
  return new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}/?$`);
});

/** After the /v1 `no-store`: the reads above are revalidated instead. */
export const revalidatedReads: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' && PATTERNS.some((pattern) => pattern.test(req.baseUrl + req.path))) {
    res.setHeader('Cache-Control', 'private, no-cache');
  }
  next();
};
