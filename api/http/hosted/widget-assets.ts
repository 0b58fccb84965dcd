import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler, type Router } from 'express';
import type { Logger } from 'pino';
import { widgetEntries, widgetsVersion } from '../../../scripts/widget-entries.mjs';

export { widgetEntries, widgetsVersion };

/**
 * `/assets/`: the widgets' browser bundle for the hosted pages (and any page that wants it):
 *   /assets/lecoffre-widgets.js      registers every element (widgets/index.ts)
 *   /assets/lecoffre-loader.js       defines each element on first use, with only its code (widgets/loader.ts)
 *   /assets/pages/<name>.js          one script per hosted page (widgets/pages/<name>.ts)
 *   /assets/chunks/…                 code they share (lit, the SDK…) and what loads on demand (hash-wasm)
 *   /assets/v<version>/…             the same files, for vendors who pin a version (with SRI hashes, see
 *                                    widgets/README.md): cached for a year, as they never change
 *
 * In production they come from `dist/widgets/`, built by `npm run build` (rollup). Elsewhere esbuild
 * bundles them in memory on the first request, so `npm install && npm start` needs no build step and a
 * restart picks up edits.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WIDGETS_DIST_DIR = path.join(ROOT, 'dist', 'widgets');
/** The compiled server (`dist/server`) ships the built bundle and not the widgets' sources: it serves the bundle whatever NODE_ENV says. */
const HAS_SOURCES = existsSync(path.join(ROOT, 'widgets', 'index.ts'));

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

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Hashed chunk names never change content: cached for a year; so are the files under the version's
 * prefix (a new release has a new version). The unversioned entries are revalidated (ETag).
 */
function cacheControl(assetPath: string, versioned: boolean): string {
  return versioned || assetPath.startsWith('/chunks/') ? IMMUTABLE : 'no-cache';
}

/** `/v0.1.0/lecoffre-widgets.js` → `/lecoffre-widgets.js`, marked versioned; another version is not served. */
function unversioned(requestPath: string, prefix: string): { path: string; versioned: boolean } {
  return requestPath.startsWith(`${prefix}/`)
    ? { path: requestPath.slice(prefix.length), versioned: true }
    : { path: requestPath, versioned: false };
}

function inMemoryAssets(logger: Logger, prefix: string): RequestHandler {
  let bundling: Promise<Map<string, Asset>> | undefined;
  return async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    try {
      bundling ??= bundleWidgets().catch((error: unknown) => {
        bundling = undefined; // The next request tries again (after the file is fixed).
        throw error;
      });
      const wanted = unversioned(req.path, prefix);
      const asset = (await bundling).get(wanted.path);
      if (!asset) return next();
      // Not immutable here even under the version: these bytes change with every edit of the sources.
      res.set('Cache-Control', cacheControl(wanted.path, false));
      res.type(asset.type).send(asset.body);
    } catch (error) {
      logger.error({ err: error }, 'could not bundle the widgets');
      next(error);
    }
  };
}

export interface WidgetAssetsOptions {
  /** Serve `distDir` (production, or a compiled server) rather than bundle in memory. */
  prebuilt: boolean;
  logger: Logger;
  /** Where `npm run build` wrote the bundle; dist/widgets by default. */
  distDir?: string;
  /** The version served under `/v<version>/`; widgets/package.json's by default. */
  version?: string;
}

export function widgetAssets(options: WidgetAssetsOptions): Router {
  const router = express.Router();
  const prefix = `/v${options.version ?? widgetsVersion()}`;
  if (!options.prebuilt && HAS_SOURCES) {
    router.use(inMemoryAssets(options.logger, prefix));
    return router;
  }
  const distDir = options.distDir ?? WIDGETS_DIST_DIR;
  if (!existsSync(path.join(distDir, 'lecoffre-widgets.js'))) {
    options.logger.error(`${distDir} is missing: run \`npm run build\` before starting in production`);
  }
  const assetPath = (file: string) => `/${path.relative(distDir, file).split(path.sep).join('/')}`;
  const serve = (versioned: boolean) =>
    express.static(distDir, {
      index: false,
      setHeaders: (res, file) => res.set('Cache-Control', cacheControl(assetPath(file), versioned)),
    });
  router.use(prefix, serve(true));
  router.use(serve(false));
  return router;
}
