/**
 * `npx tsx bench/start-memory.ts`: how fast the production build starts and how much memory it holds idle,
 * against a bare Express + pg process started the same way, interleaved three times, medians.
 *
 *   - cold start: `node dist/server/api/main.js` (NODE_ENV=production) on an empty database, from spawn to
 *     the first `/readyz` 200: it migrates, seeds the catalogue and starts its jobs (goal: < 3 s);
 *   - warm start: the same on the database the cold start left (goal: < 1.5 s);
 *   - idle RSS: the warm process's resident memory once ready and left alone (goal: < 150 MB).
 *
 * Both sides run compiled JavaScript with no loader; PostgreSQL is one embedded server started once, given
 * as DATABASE_URL as a managed one would be, so its own start is not counted on either side. Runs
 * `npm run build` first when dist/server or proof/dist is missing. Last line: JSON.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ensureDatabase, startEmbeddedPostgres } from '../api/db/embedded-postgres.js';
import { exited, freePort } from '../test/support/product-process.js';
import { productionEnv } from '../test/support/production-env.js';
import { type BenchRow, loadavg, median } from './support/rows.js';
import { procMemory } from './support/watched-run.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER_MAIN = path.join(ROOT, 'dist', 'server', 'api', 'main.js');
const ROUNDS = 3;
/** Left alone this long after ready before its memory is read: the jobs' first cycles have run by then. */
const SETTLE_MS = 3000;

interface Started {
  child: ChildProcess;
  readyMs: number;
}

async function run(command: string, args: string[]): Promise<void> {
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
  const code = await exited(child);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`);
}

/** Spawns `script` and polls `/readyz` every 10 ms: the figure is spawn to the first 200. */
async function start(script: string, env: NodeJS.ProcessEnv, port: number): Promise<Started> {
  const began = performance.now();
  const child = spawn(process.execPath, [script], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk;
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}:\n${errors}`);
    const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return { child, readyMs: performance.now() - began };
    await sleep(10);
  }
}

async function residentMB(pid: number): Promise<number> {
  return (await procMemory(pid, 'VmRSS')) / (1024 * 1024);
}

async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await exited(child);
}

// The server's own build, and the workspace package it imports at run time (built by the same command).
if (![SERVER_MAIN, path.join(ROOT, 'proof', 'dist', 'index.js')].every((file) => existsSync(file))) await run('npm', ['run', 'build']);
const work = await mkdtemp(path.join(tmpdir(), 'lecoffre-bench-start-'));
const postgres = await startEmbeddedPostgres({ dataDir: path.join(work, 'postgres'), port: 0, durable: true });
const masterKey = randomBytes(32).toString('base64');
const cold: number[] = [];
const warm: number[] = [];
const rss: number[] = [];
const bareStart: number[] = [];
const bareRss: number[] = [];
const loads: string[] = [];
try {
  const bareUrl = await ensureDatabase(postgres.adminUrl, 'bare');
  for (let round = 0; round < ROUNDS; round++) {
    const databaseUrl = await ensureDatabase(postgres.adminUrl, `product_${round}`);
    const dataDir = path.join(work, `data-${round}`);
    const productEnv = async () => productionEnv(process.env, { port: await freePort(), databaseUrl, dataDir, masterKey });

    const bareEnv = { ...process.env, DATABASE_URL: bareUrl, PORT: String(await freePort()) };
    const bare = await start(path.join(ROOT, 'bench', 'support', 'bare-start.mjs'), bareEnv, Number(bareEnv.PORT));
    await sleep(SETTLE_MS);
    bareStart.push(bare.readyMs);
    bareRss.push(await residentMB(bare.child.pid as number));
    await stop(bare.child);

    const firstEnv = await productEnv();
    const first = await start(SERVER_MAIN, firstEnv, Number(firstEnv.PORT));
    cold.push(first.readyMs);
    await stop(first.child);

    const againEnv = await productEnv();
    const again = await start(SERVER_MAIN, againEnv, Number(againEnv.PORT));
    warm.push(again.readyMs);
    await sleep(SETTLE_MS);
    rss.push(await residentMB(again.child.pid as number));
    await stop(again.child);
    loads.push(await loadavg());
  }
} finally {
  await postgres.stop();
  await rm(work, { recursive: true, force: true });
}

const load = loads.join('/');
const [coldMs, warmMs, rssMB, bareMs, bareMB] = [median(cold), median(warm), median(rss), median(bareStart), median(bareRss)];
const row = (figure: string, product: number, baseline: number, unit: string, limit: number): BenchRow => ({
  figure,
  product: `${product.toFixed(0)} ${unit}`,
  baseline: `${baseline.toFixed(0)} ${unit} bare Express + pg`,
  ratio: product / baseline,
  goal: `< ${limit} ${unit}`,
  met: product < limit,
  load,
});
const rows: BenchRow[] = [
  row('start to /readyz, warm (dist/server)', warmMs, bareMs, 'ms', 1500),
  row('start to /readyz, cold (empty database)', coldMs, bareMs, 'ms', 3000),
  row('idle RSS of the API process', rssMB, bareMB, 'MB', 150),
];
for (const row of rows) console.log(`${row.figure}: ${row.product} vs ${row.baseline} (goal ${row.goal}) load ${row.load}`);
console.log(JSON.stringify({ bench: 'start-memory', rows, ok: rows.every((row) => row.met) }));
process.exitCode = rows.every((row) => row.met) ? 0 : 1;
