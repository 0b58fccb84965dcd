/**
 * The last step of `npm run build`: the API server, its jobs and the operators' CLIs compiled to plain
 * JavaScript in `dist/server/`, a tree that runs with `node` alone (no tsx, no TypeScript, no tsoa
 * generator):
 *
 *   dist/server/package.json, package-lock.json, <workspace>/package.json   what `npm ci --omit=dev` needs
 *   dist/server/api/**.js               every source module of api/ (tests and fixtures left out)
 *   dist/server/scripts/*.js            rotate-master-key, originate-anchor-contract (+ widget-entries.mjs)
 *   dist/server/openapi/openapi.json    served at /openapi.json, read for the event catalogue
 *   dist/server/proof/dist              @lecoffre/proof as built by rollup (the API verifies bundles with it)
 *   dist/server/dist/widgets            the hosted pages' bundle, served under /assets/
 *   dist/server/dist/reference          the API reference's bundle and guides, served under /docs
 *
 * The tree keeps the repository's layout, so every `new URL('../…', import.meta.url)` in the sources
 * finds the same file. Each module is transpiled on its own (esbuild, no bundling): imports stay as
 * written, `@lecoffre/proof` resolves through the workspace link npm makes, like any dependency.
 *
 * Deploy: copy dist/server, `npm ci --omit=dev` in it, `node api/main.js` (see the README's Production).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = path.join(ROOT, 'dist', 'server');
const WORKSPACES = ['proof', 'sdk', 'widgets', 'api', 'demo-host'];

/** Test code never ships: the same exclusions as api/tsconfig.json. */
const TEST_ONLY = /(\.test\.ts|\.fixture\.ts|\.test-support\.ts|\.double\.ts|\/test-helpers\.ts)$/;

/** Browser modules in api/ (the reference page's script): bundled into dist/reference, never run by node. */
const BROWSER_ONLY = /\.browser\.ts$/;

/** The CLIs operators run next to the server. */
const CLIS = ['scripts/rotate-master-key.ts', 'scripts/originate-anchor-contract.ts'];

/** Files read at run time (not imported), relative to the root, copied as they are. */
const ASSETS = ['package-lock.json', 'openapi/openapi.json', 'scripts/widget-entries.mjs', 'api/adapters/anchor/contract/anchor.tz'];

/** Built by the earlier steps of `npm run build`; the server cannot start without them. */
const BUILT = ['proof/dist', 'dist/widgets', 'dist/reference'];

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .map((file) => path.join(dir, file).split(path.sep).join('/'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !TEST_ONLY.test(file) && !BROWSER_ONLY.test(file));
}

function copy(relative: string): void {
  const from = path.join(ROOT, relative);
  if (!existsSync(from)) throw new Error(`${relative} is missing: the server build needs it (run the whole \`npm run build\`)`);
  cpSync(from, path.join(OUT, relative), { recursive: true });
}

/** The root manifest without its scripts: they name tsx and rollup, which a production install lacks. */
function writeRootManifest(): void {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  manifest.scripts = { start: 'exec node api/main.js' };
  writeFileSync(path.join(OUT, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

const started = performance.now();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const entryPoints = [...sources('api'), ...CLIS];
await build({
  entryPoints: entryPoints.map((file) => path.join(ROOT, file)),
  outbase: ROOT,
  outdir: OUT,
  bundle: false,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // The decorators and class fields as tsc compiles them (tsoa reads its decorators' metadata from the routes).
  tsconfig: path.join(ROOT, 'api', 'tsconfig.json'),
  sourcemap: 'linked',
  logLevel: 'warning',
});

writeRootManifest();
for (const workspace of WORKSPACES) copy(`${workspace}/package.json`);
for (const asset of [...ASSETS, ...BUILT]) copy(asset);

const ms = Math.round(performance.now() - started);
console.log(`dist/server: ${entryPoints.length} modules compiled, assets copied in ${ms} ms; run: node dist/server/api/main.js`);
