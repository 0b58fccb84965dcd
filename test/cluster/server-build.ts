/**
 * The cluster runs what production runs: `node dist/server/api/main.js`, the compiled build (`npm run
 * build`), not the sources through tsx. It starts in seconds rather than a minute under load, so a restarted
 * process is back before the next fault. Built first when missing, or older than any source it is made of.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SERVER_ENTRY = path.join(ROOT, 'dist', 'server', 'api', 'main.js');

/** What the build is made of: the server's and the bundles' sources, the spec, the manifests, the build scripts. */
const INPUTS = ['api', 'proof', 'widgets', 'sdk', 'scripts', 'openapi', 'package.json', 'package-lock.json', 'rollup.config.mjs'];
const SKIPPED = new Set(['node_modules', 'dist', 'generated-docs']);

function newestMtime(relative: string): number {
  const full = path.join(ROOT, relative);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name) || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(relative, entry.name)));
  }
  return newest;
}

/** Runs `npm run build` unless dist/server is there and newer than every input. */
export function ensureServerBuild(log: (line: string) => void): void {
  const built = existsSync(SERVER_ENTRY) ? statSync(SERVER_ENTRY).mtimeMs : 0;
  const changed = Math.max(...INPUTS.map(newestMtime));
  if (built > changed) return;
  log(built ? 'dist/server is older than its sources: npm run build' : 'dist/server is missing: npm run build');
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build failed with ${result.status ?? result.signal}`);
  log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
}
