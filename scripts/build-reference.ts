/**
 * A step of `npm run build`: the API reference's files in `dist/reference/`, which a production start and
 * the compiled server (dist/server) serve at /docs:
 *
 *   dist/reference/reference.js          Redoc and its dependencies, one minified ES module
 *   dist/reference/guides/<slug>.html    each guide of docs/guides/, as a page
 *
 * The same build the API makes in memory in development (api/http/hosted/reference/), written to disk.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { renderGuides } from '../api/http/hosted/reference/guides.js';
import { referenceBuildOptions } from '../api/http/hosted/reference/reference-bundle.js';
import { REFERENCE_DIST_DIR } from '../api/http/hosted/reference/reference-routes.js';

const started = performance.now();
rmSync(REFERENCE_DIST_DIR, { recursive: true, force: true });
await build({ ...referenceBuildOptions(), outdir: REFERENCE_DIST_DIR, logLevel: 'warning' });
mkdirSync(path.join(REFERENCE_DIST_DIR, 'guides'), { recursive: true });
for (const [slug, html] of await renderGuides()) writeFileSync(path.join(REFERENCE_DIST_DIR, 'guides', `${slug}.html`), html);
console.log(`dist/reference: the API reference and its guides in ${Math.round(performance.now() - started)} ms`);
