import express, { type Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import { contentSecurityPolicy } from '../content-security-policy.js';

// swagger-ui-express's own page inlines its start-up script and a <style>, which would need 'unsafe-inline'
// on the session cookie's origin. Only its static files are used: the page, its stylesheet and its start-up
// script are ours, all external.

/** The files of swagger-ui-dist the page loads; the rest of that folder (a demo page…) is not served. */
const SWAGGER_UI_FILES = new Set(['/swagger-ui.css', '/swagger-ui-bundle.js', '/favicon-32x32.png', '/favicon-16x16.png']);

const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>LeCoffre API</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
<link rel="stylesheet" href="/docs/page.css">
<link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
<link rel="icon" type="image/png" href="/docs/favicon-16x16.png" sizes="16x16">
<script src="/docs/swagger-ui-bundle.js" defer></script>
<script src="/docs/start.js" defer></script>
</head>
<body>
<div id="swagger-ui"><noscript><p lang="fr">Cette page a besoin de JavaScript.</p><p>This page needs JavaScript.</p></noscript></div>
</body>
</html>`;

const PAGE_CSS = `html { box-sizing: border-box; overflow-y: scroll; }
*, *::before, *::after { box-sizing: inherit; }
body { margin: 0; background: #fafafa; }
`;

// No validator badge: it is an image from validator.swagger.io, which the policy (rightly) refuses.
const START_JS = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
`;

/** `/docs`: Swagger UI on the committed spec (`/openapi.json`). */
export function apiDocsRoutes(): Router {
  const router = express.Router();
  const swaggerFiles = express.Router().use(swaggerUi.serveWithOptions({ index: false, redirect: false }));
  // Express matches `/docs/` here too; every URL of the page is absolute, so both work.
  router.get('/docs', (_req, res) => {
    res.set({ 'Content-Security-Policy': contentSecurityPolicy.apiDocs, 'Cache-Control': 'no-cache' });
    res.type('html').send(DOCS_PAGE);
  });
  router.get('/docs/page.css', (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('css').send(PAGE_CSS);
  });
  router.get('/docs/start.js', (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('js').send(START_JS);
  });
  router.use('/docs', (req, res, next) => (SWAGGER_UI_FILES.has(req.path) ? swaggerFiles(req, res, next) : next()));
  return router;
}
