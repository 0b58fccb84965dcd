/** Small file, port and URL helpers of the embedded cluster. */
import { randomBytes } from 'node:crypto';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

/** A running cluster (here beside the file helpers, so that stale-server.ts and embedded-postgres.ts share it without a cycle). */
export interface EmbeddedPostgresHandle {
  /** Superuser URL on the `postgres` database. */
  adminUrl: string;
  port: number;
  /** Fast shutdown (SIGINT); idempotent. */
  stop(): Promise<void>;
}

export const DEFAULT_PORT = 5433;
export const HOST = '127.0.0.1';
export const USER = 'postgres';

export async function choosePort(wanted: number | undefined, recorded: number | undefined): Promise<number> {
  if (wanted !== undefined && wanted !== 0) {
    if (!(await isPortFree(wanted))) throw new Error(`embedded-postgres: port ${wanted} is already in use`);
    return wanted;
  }
  if (recorded !== undefined && (await isPortFree(recorded))) return recorded;
  if (wanted === undefined && (await isPortFree(DEFAULT_PORT))) return DEFAULT_PORT;
  return freePort();
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: HOST, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export function freePort(): Promise<number> {
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

export async function readOrCreatePassword(file: string, clusterExists: boolean): Promise<string> {
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

export async function readPort(file: string): Promise<number | undefined> {
  try {
    const port = Number.parseInt(await readFile(file, 'utf8'), 10);
    return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Adds o+x on dir and every ancestor that lacks it (a mkdtemp dir is 0700, /root is 0700). */
export async function ensureTraversable(dir: string, log: (msg: string) => void): Promise<void> {
  for (let current = dir; ; current = path.dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      await chmod(current, (mode & 0o7777) | 0o001);
      log(`embedded-postgres: made ${current} traversable for the postgres user`);
    }
    if (path.dirname(current) === current) return;
  }
}

export function buildUrl(port: number, password: string, database: string): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@${HOST}:${port}/${encodeURIComponent(database)}`;
}

export function withTail(message: string, cause: unknown, tail: string[]): Error {
  const detail = cause instanceof Error ? cause.message : cause === undefined ? '' : String(cause);
  return new Error(`embedded-postgres: ${message}${detail ? `: ${detail}` : ''}\n${tail.join('\n')}`, { cause });
}

export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

export function isNotFound(err: unknown): boolean {
  return (err as { code?: string }).code === 'ENOENT';
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
