// The widgets' hosted bundle (what the API serves under /assets/): its entries and its version. One list
// for rollup.config.mjs (the production build) and api/http/hosted/widget-assets.ts (esbuild in memory in
// development), so both always bundle the same files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * `{ 'lecoffre-widgets': '<root>/widgets/index.ts', 'lecoffre-loader': …, 'pages/verify': '<root>/widgets/pages/verify.ts', … }`:
 * every element, the loader (each element on first use), and every top-level `widgets/pages/*.ts` (a page's
 * helpers go in its sub-folder).
 */
export function widgetEntries(root = ROOT) {
  const pagesDir = path.join(root, 'widgets', 'pages');
  const pages = existsSync(pagesDir) ? readdirSync(pagesDir).filter((file) => file.endsWith('.ts') && !file.includes('.test.')) : [];
  return {
    'lecoffre-widgets': path.join(root, 'widgets', 'index.ts'),
    'lecoffre-loader': path.join(root, 'widgets', 'loader.ts'),
    ...Object.fromEntries(pages.map((file) => [`pages/${file.slice(0, -3)}`, path.join(pagesDir, file)])),
  };
}

/** The version of @lecoffre/widgets: the bundle is also served under `/assets/v<version>/`, cached for good. */
export function widgetsVersion(root = ROOT) {
  return JSON.parse(readFileSync(path.join(root, 'widgets', 'package.json'), 'utf8')).version;
}
