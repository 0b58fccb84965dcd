/** Finding and dealing with a PostgreSQL left running by a process that was killed (SIGKILL). */
import { execFile } from 'node:child_process';
import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { buildUrl, type EmbeddedPostgresHandle, exists, HOST, isNotFound, sleep, USER } from './cluster-files.js';

const execFileAsync = promisify(execFile);

/**
 * Deals with `<pgDir>/postmaster.pid` left by a previous run. Returns a handle when the running
 * server is ours and usable as is; otherwise makes sure no server runs on this directory.
 */
export async function recoverStaleServer(args: {
  pgDir: string;
  password: string;
  wantedPort: number | undefined;
  log: (msg: string) => void;
}): Promise<EmbeddedPostgresHandle | undefined> {
  const { pgDir, password, wantedPort, log } = args;
  const pidFile = path.join(pgDir, 'postmaster.pid');
  let content: string;
  try {
    content = await readFile(pidFile, 'utf8');
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
  // postmaster.pid: line 1 pid, line 4 port (PostgreSQL's documented lock-file layout).
  const lines = content.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);

  if (!Number.isInteger(pid) || pid <= 0 || !(await isPostmasterOf(pid, pgDir))) {
    // Dead, or the pid now belongs to another process. PostgreSQL (running as `postgres`) cannot
    // signal a root-owned process, would take it for a live postmaster and refuse to start.
    log(`embedded-postgres: removing stale ${pidFile} (pid ${lines[0]} is not a running postmaster)`);
    await unlink(pidFile).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
    });
    return undefined;
  }

  const portOk = wantedPort === undefined || wantedPort === 0 || wantedPort === port;
  if (portOk && Number.isInteger(port) && (await canConnect(port, password))) {
    log(`embedded-postgres: reusing the server already running on ${HOST}:${port} (pid ${pid})`);
    let stopping: Promise<void> | undefined;
    return {
      adminUrl: buildUrl(port, password, 'postgres'),
      port,
      stop() {
        stopping ??= terminate(pid, log);
        return stopping;
      },
    };
  }
  log(`embedded-postgres: stopping the server left running from ${pgDir} (pid ${pid})`);
  await terminate(pid, log);
  return undefined;
}

/** Fast shutdown of a postmaster we did not spawn; escalates to immediate shutdown if it hangs. */
async function terminate(pid: number, log: (msg: string) => void): Promise<void> {
  const steps: Array<[NodeJS.Signals, number]> = [
    ['SIGINT', 30_000],
    ['SIGQUIT', 10_000],
  ];
  for (const [signal, timeoutMs] of steps) {
    if (!(await isAlive(pid))) return;
    try {
      process.kill(pid, signal);
    } catch (err) {
      if ((err as { code?: string }).code === 'ESRCH') return;
      throw err;
    }
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!(await isAlive(pid))) return;
      await sleep(50);
    }
    log(`embedded-postgres: pid ${pid} still alive ${timeoutMs} ms after ${signal}`);
  }
  throw new Error(`embedded-postgres: could not stop postmaster pid ${pid}`);
}

/** Whether pid is a running process (a zombie is not). Exported for lock files in test support. */
export async function isAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: alive but owned by another user.
    if ((err as { code?: string }).code !== 'EPERM') return false;
  }
  // An orphan that exited stays a zombie when pid 1 does not reap (common in containers).
  try {
    const statLine = await readFile(`/proc/${pid}/stat`, 'utf8');
    const state = statLine.slice(statLine.lastIndexOf(')') + 2, statLine.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true; // No /proc (not Linux): trust kill(0).
  }
}

async function isPostmasterOf(pid: number, pgDir: string): Promise<boolean> {
  if (!(await isAlive(pid))) return false;
  let argv: string[];
  try {
    argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(Boolean);
  } catch (err) {
    if (!isNotFound(err)) throw err;
    if (await exists('/proc/self')) return false; // Linux: the process is gone.
    try {
      const { stdout } = await execFileAsync('ps', ['-o', 'args=', '-p', String(pid)]);
      argv = stdout.trim().split(/\s+/);
    } catch {
      return false;
    }
  }
  const dashD = argv.indexOf('-D');
  return path.basename(argv[0] ?? '') === 'postgres' && dashD >= 0 && path.resolve(argv[dashD + 1] ?? '') === pgDir;
}

async function canConnect(port: number, password: string): Promise<boolean> {
  const client = new pg.Client({ host: HOST, port, user: USER, password, database: 'postgres', connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
