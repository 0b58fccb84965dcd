import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { apiReferencePolicy, contentSecurityPolicy, newStyleNonce } from '../../content-security-policy.js';
import { docsHeader, GUIDES, renderGuides } from './guides.js';
import { bundleReference, REFERENCE_ENTRY } from './reference-bundle.js';

/**
 * `/docs`: the API reference (Redoc on `/openapi.json`) and the integration guides (docs/guides/*.md as
 * HTML). Their files come from `dist/reference/` (`npm run build`) in production and in the compiled
 * server; elsewhere they are built in memory on the first request (esbuild, marked), so `npm start` needs
 * no build step and a restart picks up edits.
 */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const REFERENCE_DIST_DIR = path.join(ROOT, 'dist', 'reference');

/** The reference page; `nonce` is the one its policy names for the styles Redoc injects. */
function referencePage(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="csp-nonce" nonce="${nonce}">
<title>LeCoffre API reference</title>
<link rel="stylesheet" href="/docs/reference.css">
<script type="module" src="/docs/reference.js"></script>
</head>
<body>
${docsHeader()}
<main id="redoc"><noscript><p lang="fr">Cette page a besoin de JavaScript : la spécification est à <a href="/openapi.json">/openapi.json</a>.</p><p>This page needs JavaScript: the specification is at <a href="/openapi.json">/openapi.json</a>.</p></noscript></main>
</body>
</html>`;
}

/** A file and not a <style> element: the policy allows inline styles to no one but Redoc's nonce. */
const PAGE_CSS = `body { margin: 0; }
body > header { position: sticky; top: 0; z-index: 10; display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem 1.25rem;
  padding: .6rem 1rem; background: #1d2433; font: 15px/1.4 system-ui, sans-serif; }
body > header a { color: #fff; text-decoration: none; }
body > header a:hover, body > header a:focus-visible { text-decoration: underline; }
body > header .home { font-weight: 600; }
body > header nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
body > header nav a { color: #d7dcea; }
.guide { max-width: 52rem; margin: 0 auto; padding: 1rem 1rem 4rem; font: 16px/1.6 system-ui, sans-serif; color: #1d2433; }
.guide pre { overflow-x: auto; background: #f4f5f7; padding: .75rem 1rem; border-radius: 4px; font-size: 14px; line-height: 1.45; }
.guide code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
.guide table { border-collapse: collapse; display: block; overflow-x: auto; }
.guide th, .guide td { border: 1px solid #d7dcea; padding: .3rem .6rem; text-align: left; vertical-align: top; }
`;

export interface ReferenceRoutesOptions {
  /** Serve `distDir` (production, or the compiled server) rather than build in memory. */
  prebuilt: boolean;
  logger: Logger;
  /** Where `npm run build` wrote the files; dist/reference by default. */
  distDir?: string;
}

/** Built once on first use; a failed build is tried again on the next request (after the file is fixed). */
function once<T>(build: () => Promise<T>): () => Promise<T> {
  let building: Promise<T> | undefined;
  return () => {
    building ??= build().catch((error: unknown) => {
      building = undefined;
      throw error;
    });
    return building;
  };
}

export function referenceRoutes(options: ReferenceRoutesOptions): Router {
  const router = express.Router();
  // Express matches `/docs/` here too; every URL of the page is absolute, so both work.
  router.get('/docs', (_req, res) => {
    const nonce = newStyleNonce();
    res.set({ 'Content-Security-Policy': apiReferencePolicy(nonce), 'Cache-Control': 'no-store' });
    res.type('html').send(referencePage(nonce));
  });
  router.get('/docs/reference.css', (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('css').send(PAGE_CSS);
  });
  const guideHeaders = (res: express.Response) =>
    res.set({ 'Content-Security-Policy': contentSecurityPolicy.guides, 'Cache-Control': 'no-cache' });

  if (!options.prebuilt && existsSync(REFERENCE_ENTRY)) {
    const script = once(async () => (await bundleReference()).get('/reference.js'));
    const guides = once(() => renderGuides());
    const fail = (error: unknown, next: express.NextFunction) => {
      options.logger.error({ err: error }, 'could not build the API reference');
      next(error);
    };
    router.get('/docs/reference.js', async (_req, res, next) => {
      try {
        const body = await script();
        if (!body) return next();
        res.set('Cache-Control', 'no-cache').type('js').send(body);
      } catch (error) {
        fail(error, next);
      }
    });
    router.get('/docs/guides/:slug', async (req, res, next) => {
      try {
        const html = (await guides()).get(req.params.slug);
        if (html === undefined) return next();
        guideHeaders(res).type('html').send(html);
      } catch (error) {
        fail(error, next);
      }
    });
    return router;
  }

  const distDir = options.distDir ?? REFERENCE_DIST_DIR;
  if (!existsSync(path.join(distDir, 'reference.js'))) {
    options.logger.error(`${distDir} is missing: run \`npm run build\` before starting in production`);
  }
  router.get('/docs/reference.js', (_req, res, next) => {
    res.set('Cache-Control', 'no-cache').sendFile(path.join(distDir, 'reference.js'), (error) => error && next());
  });
  router.get('/docs/guides/:slug', (req, res, next) => {
    const guide = GUIDES.find((g) => g.slug === req.params.slug);
    if (!guide) return next();
    guideHeaders(res)
      .type('html')
      .sendFile(path.join(distDir, 'guides', `${guide.slug}.html`), (error) => error && next());
  });
  return router;
}
