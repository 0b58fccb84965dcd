import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive } from '../../api/db/embedded-postgres.js';

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
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // 'exit' can come before the last output is read: a start that refuses is judged on all it printed.
  const closed = new Promise((resolve) => child.once('close', resolve));
  let out = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    out += chunk;
  });
  const deadline = Date.now() + timeoutMs;
  while (!out.includes('LeCoffre is ready')) {
    if (child.exitCode !== null) {
      await closed;
      throw new Error(`npm start exited with ${child.exitCode}:\n${out}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`not ready after ${timeoutMs} ms:\n${out}`);
    }
    await sleep(100);
  }
  return { child, port, baseUrl: `http://127.0.0.1:${port}`, output: () => out };
}

export function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** PostgreSQL outlives a SIGKILLed product; a test that failed before a clean stop stops it here. */
export async function stopLeftoverPostgres(dataDir: string): Promise<void> {
  const pid = Number.parseInt(await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').catch(() => ''), 10);
  if (!Number.isInteger(pid) || !(await isAlive(pid))) return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 200 && (await isAlive(pid)); i++) await sleep(50);
}
