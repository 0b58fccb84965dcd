import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../api/config.js';
import { isAlive, startEmbeddedPostgres } from '../api/db/embedded-postgres.js';

/**
 * The configured database for an operations command: DATABASE_URL, or the data dir's embedded
 * PostgreSQL, started if `npm start` is not running it. A server already running on the data dir is
 * reused and left running for `npm start`. The `lecoffre` database is the one `npm start` created; it is
 * never created here: a command on an empty one means a wrong data dir.
 */
export async function connectConfiguredDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'embeddedPostgresPort'>,
): Promise<{ databaseUrl: string; stopDatabase: () => Promise<void> }> {
  if (config.databaseUrl) return { databaseUrl: config.databaseUrl, stopDatabase: async () => {} };
  const runningPid = await readPostmasterPid(config.dataDir);
  const alreadyRunning = runningPid !== undefined && (await isAlive(runningPid));
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort });
  const databaseUrl = new URL(embedded.adminUrl);
  databaseUrl.pathname = '/lecoffre';
  return {
    databaseUrl: databaseUrl.toString(),
    stopDatabase: () => (alreadyRunning ? Promise.resolve() : embedded.stop()),
  };
}

async function readPostmasterPid(dataDir: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Runs an operator command and exits with its code: 78 (EX_CONFIG, as main.ts) with the message alone for
 * a configuration to fix, 1 with the message alone for an error the command explains itself, 1 with the
 * whole error for anything else.
 */
export function runOperatorCommand(
  main: () => Promise<number>,
  errors: { configuration: readonly ErrorClass[]; explained?: readonly ErrorClass[] },
): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const among = (classes: readonly ErrorClass[] = []) => classes.some((c) => error instanceof c);
      console.error(among(errors.configuration) || among(errors.explained) ? (error as Error).message : error);
      process.exit(among(errors.configuration) ? 78 : 1);
    },
  );
}
