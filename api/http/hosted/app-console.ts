import express, { type Request, type Response, type Router } from 'express';
import type { Config } from '../../config.js';
import { contentSecurityPolicy } from '../content-security-policy.js';
import { readSessionCookie } from './session-cookie.js';

const PAGE_CSS = `html { background: #f3f5f8; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1d23; }
`;

function consolePage(lang: 'fr' | 'en'): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${lang === 'en' ? 'Notary console' : 'Espace notaire'} — LeCoffre</title>
<link rel="stylesheet" href="/app/page.css">
<script type="module" src="/assets/pages/app-console.js"></script>
</head>
<body>
<lecoffre-app-console lang="${lang}">
<noscript>${lang === 'en' ? 'This page needs JavaScript.' : 'Cette page a besoin de JavaScript.'}</noscript>
</lecoffre-app-console>
</body>
</html>`;
}

/** Only a path of the console goes into `returnTo`: the login redirects there after ID.not. */
function loginUrl(req: Request): string {
  const path = req.originalUrl.startsWith('/app') ? req.originalUrl : '/app';
  return `/auth/idnot/login?returnTo=${encodeURIComponent(path)}`;
}

/**
 * `/app`: the hosted notary console (`/app`, `/app/nouveau`, `/app/office`, `/app/dossiers/{id}`, all the same page; its
 * script reads the URL). Without a session cookie the browser goes to the ID.not login first and comes
 * back to the same URL; a cookie that has expired is caught by the page itself (401 from `/v1/me`).
 */
export function appConsoleRoutes(config: Pick<Config, 'sessions'>): Router {
  const router = express.Router();
  router.get('/app/page.css', (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('css').send(PAGE_CSS);
  });
  const page = (req: Request, res: Response) => {
    res.set('Cache-Control', 'no-store');
    if (!readSessionCookie(req, config)) return res.redirect(303, loginUrl(req));
    res.set({ 'Content-Security-Policy': contentSecurityPolicy.appConsole, 'Referrer-Policy': 'no-referrer' });
    res.type('html').send(consolePage(req.query.lang === 'en' ? 'en' : 'fr'));
  };
  router.get('/app', page);
  router.get('/app/nouveau', page);
  router.get('/app/office', page);
  router.get(/^\/app\/dossiers\/[a-z]{2,5}_[0-9a-z]{26}\/?$/, page);
  return router;
}
