import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive } from '../../api/db/embedded-postgres.js';
import { patience, patientDatabaseEnv } from './patience.js';

/** `npm start` as a user runs it: `scripts/start.ts` in a child process, on a data dir of its own. */
export interface ProductProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  output(): string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/**
 * Starts the product and resolves once it printed "LeCoffre is ready". `timeoutMs` is the limit on an idle
 * machine, scaled by `patience`; a start that does not make it is killed, and awaited, before the error.
 */
export async function startProduct(dataDir: string, env: Record<string, string> = {}, timeoutMs = 60_000): Promise<ProductProcess> {
  const [port, demoPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DEMO_HOST_PORT: String(demoPort),
      LECOFFRE_DATA_DIR: dataDir,
      LECOFFRE_LOG_LEVEL: 'warn',
      LECOFFRE_EMBEDDED_PG_PORT: '0',
      ...patientDatabaseEnv(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // 'close' comes after the last output is read: a start that refuses is judged on all it printed.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let out = '';
  const limitMs = patience(timeoutMs);
  await new Promise<void>((resolve, reject) => {
    const onOutput = (chunk: Buffer) => {
      out += chunk;
      if (out.includes('LeCoffre is ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    void closed.then(() => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${child.exitCode ?? child.signalCode}:\n${out}`));
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      void closed.then(() => reject(new Error(`not ready after ${limitMs} ms:\n${out}`)));
    }, limitMs);
  });
  return { child, port, baseUrl: `http://127.0.0.1:${port}`, output: () => out };
}

export function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** PostgreSQL outlives a SIGKILLed product; a test that failed before a clean stop stops it here, and waits for it to exit. */
export async function stopLeftoverPostgres(dataDir: string): Promise<void> {
  const pid = Number.parseInt(await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').catch(() => ''), 10);
  if (!Number.isInteger(pid) || !(await isAlive(pid))) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + patience(10_000);
  while ((await isAlive(pid)) && Date.now() < deadline) await sleep(50);
  // A fast shutdown that does not come (a machine under load): an immediate one, then wait for real.
  if (await isAlive(pid)) process.kill(pid, 'SIGQUIT');
  while (await isAlive(pid)) await sleep(50);
}

/**
 * The end of a test that ran products on `dataDir`: kills those still running and waits for them to exit,
 * stops the PostgreSQL they may have left and waits for it too, and only then removes the directory
 * (removing it under a live process fails with ENOTEMPTY, or worse, half-succeeds).
 */
export async function cleanUpProducts(dataDir: string, children: Iterable<ChildProcess>): Promise<void> {
  await Promise.all(
    [...children].map(async (child) => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited(child);
    }),
  );
  await stopLeftoverPostgres(dataDir);
  await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
}
