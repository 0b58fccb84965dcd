import express, { type Router } from 'express';

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const PLAIN_PAGE_STYLESHEET = '/pages/plain.css';

// A file and not a <style> element: the policy allows no inline style on any page of this origin.
const PLAIN_PAGE_CSS = `body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 3rem auto; padding: 0 1rem; color: #1d2433; line-height: 1.5; }
em { color: #5a6275; }
.outbox li { margin: 1rem 0; }
.outbox pre { white-space: pre-wrap; background: #f4f5f7; padding: .5rem; }
`;

/**
 * The shell of the server's plain pages (the sign-in dead ends, the logged-out page, the dev outbox): no
 * script, one stylesheet of this origin. `body` is HTML the caller has escaped.
 */
export function plainPage({ title, body }: { title: string; body: string }): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${PLAIN_PAGE_STYLESHEET}">
</head>
<body>
${body}
</body>
</html>`;
}

export function plainPageRoutes(): Router {
  const router = express.Router();
  router.get(PLAIN_PAGE_STYLESHEET, (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('css').send(PLAIN_PAGE_CSS);
  });
  return router;
}
