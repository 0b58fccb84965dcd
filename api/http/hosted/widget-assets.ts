import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler, type Router } from 'express';
import type { Logger } from 'pino';

/**
 * `/assets/`: the widgets' browser bundle for the hosted pages (and any page that wants it):
 *   /assets/lecoffre-widgets.js      registers every element (widgets/index.ts)
 *   /assets/pages/<name>.js          one script per hosted page (widgets/pages/<name>.ts)
 *   /assets/chunks/…                 code they share (lit, the SDK…) and what loads on demand (hash-wasm)
 *
 * In production they come from `dist/widgets/`, built by `npm run build` (rollup). Elsewhere esbuild
 * bundles them in memory on the first request, so `npm install && npm start` needs no build step and a
 * restart picks up edits.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WIDGETS_DIST_DIR = path.join(ROOT, 'dist', 'widgets');

/** The bundle's entries: the widgets, and every top-level `widgets/pages/*.ts` (helpers go in sub-folders). */
export function widgetEntries(root = ROOT): Record<string, string> {
  const pagesDir = path.join(root, 'widgets', 'pages');
  const pages = existsSync(pagesDir) ? readdirSync(pagesDir).filter((file) => file.endsWith('.ts') && !file.includes('.test.')) : [];
  return {
    'lecoffre-widgets': path.join(root, 'widgets', 'index.ts'),
    ...Object.fromEntries(pages.map((file) => [`pages/${file.slice(0, -3)}`, path.join(root, 'widgets', 'pages', file)])),
  };
}

export interface Asset {
  body: Buffer;
  type: string;
}

/** Bundles every entry with esbuild into memory (~0.3 s), keyed by path under /assets; also for size measurements. */
export async function bundleWidgets(): Promise<Map<string, Asset>> {
  // esbuild comes with tsx (a dependency); loaded only outside production.
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: widgetEntries(),
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    outdir: '/assets',
    chunkNames: 'chunks/[name]-[hash]',
    tsconfig: path.join(ROOT, 'widgets', 'tsconfig.json'),
    legalComments: 'none',
    logLevel: 'silent',
  });
  const assets = new Map<string, Asset>();
  for (const file of result.outputFiles) {
    assets.set(file.path.slice('/assets'.length), { body: Buffer.from(file.contents), type: 'text/javascript; charset=utf-8' });
  }
  return assets;
}

/** Hashed chunk names never change content: cache them for a year; entries are revalidated (ETag). */
function cacheControl(assetPath: string): string {
  return assetPath.startsWith('/chunks/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function inMemoryAssets(logger: Logger): RequestHandler {
  let bundling: Promise<Map<string, Asset>> | undefined;
  return async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    try {
      bundling ??= bundleWidgets().catch((error: unknown) => {
        bundling = undefined; // The next request tries again (after the file is fixed).
        throw error;
      });
      const asset = (await bundling).get(req.path);
      if (!asset) return next();
      res.set('Cache-Control', cacheControl(req.path));
      res.type(asset.type).send(asset.body);
    } catch (error) {
      logger.error({ err: error }, 'could not bundle the widgets');
      next(error);
    }
  };
}

export interface WidgetAssetsOptions {
  /** Serve `distDir` (production) rather than bundle in memory. */
  prebuilt: boolean;
  logger: Logger;
  /** Where `npm run build` wrote the bundle; dist/widgets by default. */
  distDir?: string;
}

export function widgetAssets(options: WidgetAssetsOptions): Router {
  const router = express.Router();
  if (!options.prebuilt) {
    router.use(inMemoryAssets(options.logger));
    return router;
  }
  const distDir = options.distDir ?? WIDGETS_DIST_DIR;
  if (!existsSync(path.join(distDir, 'lecoffre-widgets.js'))) {
    options.logger.error(`${distDir} is missing: run \`npm run build\` before starting in production`);
  }
  const assetPath = (file: string) => `/${path.relative(distDir, file).split(path.sep).join('/')}`;
  router.use(express.static(distDir, { index: false, setHeaders: (res, file) => res.set('Cache-Control', cacheControl(assetPath(file))) }));
  return router;
}
