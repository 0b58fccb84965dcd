/**
 * `npm test [-- filter...]`: node tests (node:test through tsx) against one embedded PostgreSQL for
 * the whole run, then browser tests (@web/test-runner in a real Chromium). A filter keeps the files
 * whose path contains it. The last line printed is always `N passed, N failed`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from '../api/db/embedded-postgres.js';
import { findChromium } from './support/chromium.js';
import { ADMIN_URL_ENV, buildTemplate, TEMPLATE_DATABASE } from './support/database.js';
import { patience } from './support/patience.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NODE_TEST_DIRS = ['api', 'proof', 'sdk', 'demo-host', 'test'];
const BROWSER_TEST_DIRS = ['widgets'];
const NODE_CONCURRENCY = 2;
// A single hung test fails with its name instead of hanging the whole run (2 minutes on an idle machine).
const NODE_TEST_TIMEOUT_MS = patience(120_000);

interface Outcome {
  passed: number;
  failed: number;
  /** Why the runner itself failed (crash, missing report), if it did. */
  crash?: string;
}

const children = new Set<ChildProcess>();
let server: EmbeddedPostgresHandle | undefined;
let workDir: string | undefined;
let cleaning: Promise<void> | undefined;
let interrupted = false;

async function main(): Promise<number> {
  const started = Date.now();
  const filters = process.argv.slice(2).filter((arg) => arg !== '--');
  const matches = (file: string) => filters.length === 0 || filters.some((filter) => file.includes(filter));
  const nodeFiles = (await findFiles(NODE_TEST_DIRS, (f) => f.endsWith('.test.ts') && !f.endsWith('.browser.test.ts'))).filter(matches);
  const browserFiles = (await findFiles(BROWSER_TEST_DIRS, (f) => f.endsWith('.browser.test.ts'))).filter(matches);
  if (nodeFiles.length + browserFiles.length === 0) {
    console.error(filters.length ? `No test file matches ${filters.join(', ')}.` : 'No test files found.');
    return finish([]);
  }

  // Unpacking @sparticuz/chromium takes ~2 s the first time: overlap it with PostgreSQL and node tests.
  const chromium = browserFiles.length ? findChromium() : undefined;
  chromium?.catch(() => {}); // Reported when awaited.

  const outcomes: Outcome[] = [];
  const timings: string[] = [];
  workDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-test-'));

  if (nodeFiles.length) {
    const outcome = await runNodeTests(nodeFiles, timings);
    outcomes.push(outcome);
  }
  if (browserFiles.length && chromium && !interrupted) {
    let executable: string | undefined;
    try {
      executable = await chromium;
    } catch (err) {
      outcomes.push({ passed: 0, failed: 0, crash: `no Chromium: ${(err as Error).message}` });
    }
    if (executable) {
      const t0 = Date.now();
      outcomes.push(await runBrowserTests(browserFiles, executable, timings));
      timings.push(`browser ${seconds(Date.now() - t0)}`);
    }
  }
  if (!interrupted) console.log(`\nTimings: ${timings.join(', ')}, total ${seconds(Date.now() - started)}`);
  return finish(outcomes);
}

let postgres: Promise<string> | undefined;

/** The run's PostgreSQL and its template database, started once for node and browser tests alike. */
function preparePostgres(timings: string[]): Promise<string> {
  postgres ??= (async () => {
    let t0 = Date.now();
    // Silent: a failure to start carries the server's last log lines in its message.
    server = await startEmbeddedPostgres({
      dataDir: path.join(workDir as string, 'db'),
      port: 0, // Leave 5433 to a developer's `npm start`.
      durable: false,
    });
    timings.push(`postgres ${seconds(Date.now() - t0)}`);
    t0 = Date.now();
    await buildTemplate(server.adminUrl);
    timings.push(`template ${seconds(Date.now() - t0)}`);
    return server.adminUrl;
  })();
  return postgres;
}

const postgresCrash = (err: unknown): Outcome => ({
  passed: 0,
  failed: 0,
  crash: `could not prepare PostgreSQL / ${TEMPLATE_DATABASE}: ${(err as Error).stack ?? err}`,
});

async function runNodeTests(files: string[], timings: string[]): Promise<Outcome> {
  let adminUrl: string;
  try {
    adminUrl = await preparePostgres(timings);
  } catch (err) {
    return postgresCrash(err);
  }

  const tapFile = path.join(workDir as string, 'node.tap');
  const t0 = Date.now();
  const { code, signal } = await run(
    process.execPath,
    [
      fileURLToPath(import.meta.resolve('tsx/cli')),
      '--test',
      `--test-concurrency=${NODE_CONCURRENCY}`,
      `--test-timeout=${NODE_TEST_TIMEOUT_MS}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      ...files,
    ],
    { ...process.env, [ADMIN_URL_ENV]: adminUrl },
  );
  timings.push(`node tests ${seconds(Date.now() - t0)}`);

  const tap = await readFile(tapFile, 'utf8').catch(() => '');
  const total = (name: string) => {
    const all = [...tap.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))];
    const last = all.at(-1);
    return last ? Number(last[1]) : undefined;
  };
  const pass = total('pass');
  const fail = total('fail');
  const cancelled = total('cancelled') ?? 0;
  if (pass === undefined || fail === undefined) {
    return { passed: 0, failed: 0, crash: `node test runner left no totals (exit ${code ?? signal})` };
  }
  const outcome: Outcome = { passed: pass, failed: fail + cancelled };
  if (code !== 0 && outcome.failed === 0) outcome.crash = `node test runner exited with ${code ?? signal} without a failing test`;
  return outcome;
}

async function runBrowserTests(files: string[], chromium: string, timings: string[]): Promise<Outcome> {
  // The component tests run against the real API, on a database of this run's PostgreSQL.
  let adminUrl: string;
  try {
    adminUrl = await preparePostgres(timings);
  } catch (err) {
    return postgresCrash(err);
  }
  const resultsFile = path.join(workDir as string, 'browser.json');
  const { code, signal } = await run(process.execPath, [wtrBin(), '--config', 'web-test-runner.config.mjs', ...files], {
    ...process.env,
    CHROME_PATH: chromium,
    LECOFFRE_WTR_RESULTS: resultsFile,
    [ADMIN_URL_ENV]: adminUrl,
  });
  const counts = (await readFile(resultsFile, 'utf8').then(JSON.parse, () => undefined)) as
    | { passed?: unknown; failed?: unknown }
    | undefined;
  if (typeof counts?.passed !== 'number' || typeof counts.failed !== 'number') {
    return { passed: 0, failed: 0, crash: `browser test runner left no results (exit ${code ?? signal})` };
  }
  const outcome: Outcome = { passed: counts.passed, failed: counts.failed };
  if (code !== 0 && outcome.failed === 0) outcome.crash = `browser test runner exited with ${code ?? signal} without a failing test`;
  return outcome;
}

async function finish(outcomes: Outcome[]): Promise<number> {
  // The signal handler owns the ending then (its own last line and exit code).
  if (interrupted) return new Promise<number>(() => {});
  await cleanup();
  const passed = outcomes.reduce((sum, o) => sum + o.passed, 0);
  const failed = outcomes.reduce((sum, o) => sum + o.failed, 0);
  for (const o of outcomes) if (o.crash) console.error(`\nRunner failure: ${o.crash}`);
  if (passed + failed === 0) console.error('\nNo test ran: that is a failure.');
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 || passed + failed === 0 || outcomes.some((o) => o.crash) ? 1 : 0;
}

/** The package exports no subpath for its CLI; it sits next to the entry point. */
function wtrBin(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.resolve('@web/test-runner'))), 'dist', 'bin.js');
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    // A signal may arrive between two phases: start nothing new once cleanup has begun.
    if (interrupted) return resolve({ code: null, signal: 'SIGINT' });
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    children.add(child);
    child.once('error', (err) => {
      console.error(`could not start ${command}: ${err.message}`);
      children.delete(child);
      resolve({ code: 127, signal: null });
    });
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
}

/** Repository-relative paths under dirs, sorted; node_modules and dot-directories skipped. */
async function findFiles(dirs: string[], keep: (file: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  for (const dir of dirs) {
    let entries: string[];
    try {
      entries = await readdir(path.join(ROOT, dir), { recursive: true });
    } catch (err) {
      if ((err as { code?: string }).code === 'ENOENT') continue;
      throw err;
    }
    for (const entry of entries) {
      const relative = path.join(dir, entry);
      const segments = relative.split(path.sep);
      if (segments.some((s) => s === 'node_modules' || s.startsWith('.'))) continue;
      if (keep(relative)) found.push(relative);
    }
  }
  return found.sort();
}

/** Stops children, PostgreSQL, and removes the temp dir; safe to call from every exit path. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all([...children].map((child) => stopChild(child)));
    await server?.stop().catch((err: unknown) => console.error(`could not stop PostgreSQL: ${err}`));
    if (workDir) await rm(workDir, { recursive: true, force: true }).catch(() => {});
  })();
  return cleaning;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // `on`, not `once`: tsx and npm relay the signal the terminal already sent to the whole group, and
  // with no listener left the repeat would kill us before cleanup (tsx exits on unhandled signals).
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping tests and PostgreSQL...`);
    void cleanup().finally(() => {
      console.error('Interrupted: the counts below are not results.');
      console.log('0 passed, 0 failed');
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  });
}
// Last resort if something exits the process without going through cleanup().
process.on('exit', () => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

main().then(
  (code) => process.exit(code),
  async (err: unknown) => {
    console.error(err);
    await cleanup();
    console.log('0 passed, 0 failed');
    process.exit(1);
  },
);
