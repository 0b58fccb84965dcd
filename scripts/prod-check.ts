/**
 * `npm run prod:check [-- --no-build]`: the production build as an operator deploys it. Builds (unless
 * --no-build), copies `dist/server` into a directory outside the repository, installs it with
 * `npm ci --omit=dev` (npm cache first), then starts `node api/main.js` there with NODE_ENV=production on
 * a PostgreSQL of its own (embedded, in the temporary directory, given as DATABASE_URL as a managed one
 * would be), and checks:
 *
 *   - no build tool was installed (tsx, typescript, the tsoa generator, rollup) and none is needed;
 *   - /readyz answers 200 once the process has migrated the database and started its jobs;
 *   - an API key creates a folder (201) and reads it back; /openapi.json and the widgets' bundle
 *     (/assets/lecoffre-widgets.js, from dist/widgets) are served;
 *   - SIGTERM stops it: not ready, drained, exit code 0.
 *
 * The ID.not issuer, the SMTP relay, the SMS gateway and the Tezos node are configured (production requires
 * them) but never contacted: nothing here signs in, mails, texts or anchors. Prints each step with its
 * time; exits 1 at the first failure, with what the server printed.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../api/db/database.js';
import { type EmbeddedPostgresHandle, ensureDatabase, startEmbeddedPostgres } from '../api/db/embedded-postgres.js';
import { seedDemoOffice } from '../api/db/seed/seed.js';
import { patience, patientConnection } from '../test/support/patience.js';
import { freePort } from '../test/support/product-process.js';
import { productionEnv } from '../test/support/production-env.js';
import { cleanEnv, mustRun, since } from './pack-check/run.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER_BUILD = path.join(ROOT, 'dist', 'server');
/** Packages that only build or generate: a production install must not bring them. */
const BUILD_ONLY = ['tsx', 'typescript', 'tsoa', '@tsoa/cli', 'rollup', '@biomejs/biome'];
const READY_TIMEOUT_MS = 120_000;

let child: ChildProcess | undefined;
let output = '';

async function step<T>(what: string, body: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await body();
    console.log(`  ok    ${what} (${since(started)})`);
    return result;
  } catch (error) {
    console.log(`  FAIL  ${what} (${since(started)})`);
    throw error;
  }
}

/** The variables production requires; the services behind them are not contacted by this check. */
function productionEnvFor(port: number, databaseUrl: string, dataDir: string): NodeJS.ProcessEnv {
  return productionEnv(cleanEnv(), { port, databaseUrl, dataDir });
}

function exited(process: ChildProcess): Promise<number | null> {
  return process.exitCode !== null || process.signalCode !== null
    ? Promise.resolve(process.exitCode)
    : new Promise((resolve) => process.once('exit', (code) => resolve(code)));
}

async function waitReady(baseUrl: string): Promise<void> {
  const limitMs = patience(READY_TIMEOUT_MS);
  const deadline = Date.now() + limitMs;
  for (;;) {
    if (child?.exitCode !== null) throw new Error(`the server exited with ${child?.exitCode} before it was ready`);
    const status = await fetch(`${baseUrl}/readyz`).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`/readyz still ${status || 'unreachable'} after ${limitMs / 1000} s`);
    await sleep(100);
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const noBuild = process.argv.includes('--no-build');
  if (!noBuild) await step('npm run build', () => mustRun('npm run build', 'npm', ['run', 'build'], ROOT));
  if (!existsSync(path.join(SERVER_BUILD, 'api', 'main.js'))) throw new Error('dist/server is missing: run `npm run build`');

  const work = await mkdtemp(path.join(tmpdir(), 'lecoffre-prod-check-'));
  const app = path.join(work, 'app');
  let postgres: EmbeddedPostgresHandle | undefined;
  try {
    await step('copy dist/server out of the repository', () => cp(SERVER_BUILD, app, { recursive: true }));
    await step('npm ci --omit=dev', () =>
      mustRun('npm ci', 'npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], app, cleanEnv()),
    );
    await step('no build tool installed', async () => {
      const present = BUILD_ONLY.filter((name) => existsSync(path.join(app, 'node_modules', name)));
      assert.deepEqual(present, [], `a production install brings build tools: ${present.join(', ')}`);
    });

    postgres = await step('PostgreSQL (embedded, as DATABASE_URL)', () =>
      startEmbeddedPostgres({ dataDir: path.join(work, 'postgres'), port: 0, durable: false }),
    );
    const databaseUrl = await ensureDatabase(postgres.adminUrl, 'lecoffre');
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;

    await step('node api/main.js, NODE_ENV=production: /readyz 200', async () => {
      child = spawn(process.execPath, ['api/main.js'], {
        cwd: app,
        env: productionEnvFor(port, databaseUrl, path.join(work, 'data')),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (chunk) => {
        output += chunk;
      });
      child.stderr?.on('data', (chunk) => {
        output += chunk;
      });
      await waitReady(baseUrl);
    });

    await step('an API key creates a folder and reads it back', async () => {
      // Production seeds nothing: the office and its key are provisioned in the database, as an operator does.
      const db = openDatabase(databaseUrl, patientConnection());
      const { apiKey } = await seedDemoOffice(db, path.join(work, 'keys')).finally(() => db.close());
      const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
      const created = await fetch(`${baseUrl}/v1/folders`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ number: 'PROD-1', title: 'Succession Mme Michou', deedType: 'succession' }),
      });
      const folder = (await created.json()) as { id: string };
      assert.equal(created.status, 201, JSON.stringify(folder));
      const read = await fetch(`${baseUrl}/v1/folders/${folder.id}`, { headers });
      assert.equal(read.status, 200);
      assert.equal(((await read.json()) as { number: string }).number, 'PROD-1');
    });

    await step('/openapi.json and /assets/lecoffre-widgets.js served', async () => {
      for (const url of ['/openapi.json', '/assets/lecoffre-widgets.js']) {
        const res = await fetch(`${baseUrl}${url}`);
        assert.equal(res.status, 200, url);
        await res.arrayBuffer();
      }
    });

    await step('SIGTERM: exit code 0', async () => {
      child?.kill('SIGTERM');
      assert.equal(await exited(child as ChildProcess), 0);
    });
    console.log(`prod:check passed in ${since(started)}`);
  } catch (error) {
    if (output) console.error(`--- what the server printed ---\n${output}`);
    throw error;
  } finally {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited(child);
    }
    await postgres?.stop();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
