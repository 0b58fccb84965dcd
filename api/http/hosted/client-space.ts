import express, { type Response, type Router } from 'express';
import type { Config } from '../../config.js';
import { contentSecurityPolicy } from '../content-security-policy.js';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Headers the page sends: its CSP, no caching (the page is tiny, the session is personal). */
function sendHostedPage(res: Response, page: string): void {
  res.set({
    'Content-Security-Policy': contentSecurityPolicy.clientSpace,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
  });
  res.type('html').send(page);
}

// The header (the client's office, once signed in) and the main column are drawn by the element itself.
const PAGE_CSS = `html { background: #f3f5f8; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1d23; }
`;

interface PageOptions {
  folderId?: string;
  requestId?: string;
  maxUploadBytes: number;
  lang: 'fr' | 'en';
}

function clientSpacePage({ folderId, requestId, maxUploadBytes, lang }: PageOptions): string {
  const attribute = (name: string, value: string | undefined) => (value ? ` ${name}="${escapeHtml(value)}"` : '');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${lang === 'en' ? 'Client space' : 'Espace client'} — LeCoffre</title>
<link rel="stylesheet" href="/espace-client/page.css">
<script type="module" src="/assets/pages/client-space.js"></script>
</head>
<body>
<lecoffre-client-space lang="${lang}" max-file-size="${maxUploadBytes}"${attribute('folder-id', folderId)}${attribute('request-id', requestId)}>
<noscript>${lang === 'en' ? 'This page needs JavaScript.' : 'Cette page a besoin de JavaScript.'}</noscript>
</lecoffre-client-space>
</body>
</html>`;
}

const ID = /^[a-z]{2,5}_[0-9a-z]{26}$/;

/**
 * `/espace-client`: the client's sign-in and upload page; the links of the e-mails land on
 * `/espace-client/dossiers/{folderId}` and `/espace-client/dossiers/{folderId}/demandes/{requestId}`.
 * The page is static (the script asks `/v1/me` who is signed in): the ids only pick what to show first.
 */
export function clientSpaceRoutes(config: Pick<Config, 'documents'>): Router {
  const router = express.Router();
  const page = (folderId?: string, requestId?: string): express.RequestHandler => {
    return (req, res) => {
      const lang = req.query.lang === 'en' ? 'en' : 'fr';
      sendHostedPage(res, clientSpacePage({ folderId, requestId, maxUploadBytes: config.documents.maxUploadBytes, lang }));
    };
  };
  router.get('/espace-client/page.css', (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('css').send(PAGE_CSS);
  });
  router.get('/espace-client', page());
  router.get('/espace-client/dossiers/:folderId', (req, res, next) =>
    ID.test(req.params.folderId) ? page(req.params.folderId)(req, res, next) : next(),
  );
  router.get('/espace-client/dossiers/:folderId/demandes/:requestId', (req, res, next) =>
    ID.test(req.params.folderId) && ID.test(req.params.requestId)
      ? page(req.params.folderId, req.params.requestId)(req, res, next)
      : next(),
  );
  return router;
}
