import { readFile } from 'node:fs/promises';
import express, { type Router } from 'express';
import { PROOF_FORMAT_PUBLIC_PATH } from '../../services/anchoring/proof-format-path.js';
import { contentSecurityPolicy } from '../content-security-policy.js';

const PROOF_FORMAT_FILE = new URL('../../../docs/proof-format.md', import.meta.url);

const PAGE_CSS = `html { background: #f3f5f8; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1d23; }
.brand { background: #1f4e8c; color: #fff; padding: 0.75rem 1rem; font-weight: 700; letter-spacing: 0.02em; }
main { max-width: 60rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
`;

function verifyPage(lang: 'fr' | 'en'): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${lang === 'en' ? 'Verify a proof' : 'Vérifier une preuve'} — LeCoffre</title>
<link rel="stylesheet" href="/verify/page.css">
<script type="module" src="/assets/pages/verify.js"></script>
</head>
<body>
<header class="brand">LeCoffre</header>
<main>
<lecoffre-verify lang="${lang}">
<noscript>${lang === 'en' ? 'This page needs JavaScript: the proof is verified in your browser.' : 'Cette page a besoin de JavaScript : la preuve est vérifiée dans votre navigateur.'}</noscript>
</lecoffre-verify>
</main>
</body>
</html>`;
}

/**
 * `/verify`: anyone drops a proof bundle (the ZIP of `GET /v1/folders/{id}/proof`) and the page's script
 * verifies it in the browser with the SDK's verifier (@lecoffre/proof). The bundle never reaches the server:
 * the page has no form and the script posts nothing, so the check does not ask anyone to trust LeCoffre.
 */
export function verifyPageRoutes(): Router {
  const router = express.Router();
  router.get('/verify/page.css', (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('css').send(PAGE_CSS);
  });
  // The format a verifier implements, named on every certificate PDF: public, like the page itself.
  router.get(PROOF_FORMAT_PUBLIC_PATH, async (_req, res, next) => {
    try {
      const text = await readFile(PROOF_FORMAT_FILE, 'utf8');
      res.set({ 'Content-Security-Policy': "default-src 'none'", 'Cache-Control': 'no-cache' });
      res.type('text/markdown; charset=utf-8').send(text);
    } catch (error) {
      next(error);
    }
  });
  router.get('/verify', (req, res) => {
    res.set({ 'Content-Security-Policy': contentSecurityPolicy.verifyPage, 'Cache-Control': 'no-cache', 'Referrer-Policy': 'no-referrer' });
    res.type('html').send(verifyPage(req.query.lang === 'en' ? 'en' : 'fr'));
  });
  return router;
}
