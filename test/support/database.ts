import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { isAlive, startEmbeddedPostgres } from '../../api/db/embedded-postgres.js';
import { migrate } from '../../api/db/migrate.js';

/** Migrated once per run; every test database is a copy of it (a file copy: fast). */
export const TEMPLATE_DATABASE = 'lecoffre_template';
/** Set by test/run.ts for its children: superuser URL of the run's PostgreSQL. */
export const ADMIN_URL_ENV = 'LECOFFRE_TEST_ADMIN_URL';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OWN_CLUSTERS_DIR = path.join(REPO_ROOT, '.tmp', 'test-pg');
// Each process running test files without test/run.ts needs a cluster of its own (it stops it when
// it exits); slots let several such processes run at once and still reuse initdb across runs.
const MAX_SLOTS = 16;

export interface TestDatabase {
  url: string;
  /** Drops the database, closing connections left open; idempotent. */
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file (`empty`: no schema at all, as a DBA hands one over). */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = process.env[ADMIN_URL_ENV] || (await ownAdminUrl());
  const name = `t_${randomBytes(8).toString('hex')}`;
  const template = options.empty ? 'template0' : TEMPLATE_DATABASE;
  await withClient(adminUrl, (client) =>
    client.query(`create database ${client.escapeIdentifier(name)} template ${client.escapeIdentifier(template)}`),
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropping: Promise<void> | undefined;
  return {
    url: url.toString(),
    drop() {
      dropping ??= withClient(adminUrl, async (client) => {
        await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
      });
      return dropping;
    },
  };
}

/** (Re)creates the template database from the migrations, then locks it as a template. */
export async function buildTemplate(adminUrl: string): Promise<void> {
  const template = pg.escapeIdentifier(TEMPLATE_DATABASE);
  await withClient(adminUrl, async (client) => {
    // Rebuilt rather than migrated forward: a migration edited in place must show up in tests.
    const existing = await client.query('select 1 from pg_database where datname = $1', [TEMPLATE_DATABASE]);
    if (existing.rowCount) {
      await client.query(`alter database ${template} with is_template false`);
      await client.query(`drop database ${template} with (force)`);
    }
    await client.query(`create database ${template}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${TEMPLATE_DATABASE}`;
  await migrate(url.toString());
  // No connections allowed: CREATE DATABASE ... TEMPLATE fails if anyone (autovacuum included) is
  // connected to the template.
  await withClient(adminUrl, (client) => client.query(`alter database ${template} with is_template true allow_connections false`));
}

let own: Promise<string> | undefined;

/** Without test/run.ts (`npx tsx --test one.test.ts`): a cluster under .tmp/test-pg for this process. */
function ownAdminUrl(): Promise<string> {
  own ??= (async () => {
    await mkdir(OWN_CLUSTERS_DIR, { recursive: true });
    const slot = await claimSlot();
    const server = await startEmbeddedPostgres({
      dataDir: path.join(OWN_CLUSTERS_DIR, `slot-${slot}`),
      port: 0,
      durable: false,
      // Test files rarely stop what their helpers started: let the process exit, the server follows.
      unref: true,
    });
    await buildTemplate(server.adminUrl);
    return server.adminUrl;
  })();
  return own;
}

async function claimSlot(): Promise<number> {
  for (let slot = 0; slot < MAX_SLOTS; slot++) {
    const lock = path.join(OWN_CLUSTERS_DIR, `slot-${slot}.lock`);
    if (await tryLock(lock)) {
      process.on('exit', () => {
        try {
          unlinkSync(lock);
        } catch {
          // Already gone: nothing to release.
        }
      });
      return slot;
    }
  }
  throw new Error(`all ${MAX_SLOTS} test PostgreSQL slots in ${OWN_CLUSTERS_DIR} are in use`);
}

async function tryLock(lock: string): Promise<boolean> {
  // link() publishes the lock with its content in one step: a reader never sees an empty lock.
  const candidate = `${lock}.${process.pid}`;
  await writeFile(candidate, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await link(candidate, lock);
        return true;
      } catch (err) {
        if ((err as { code?: string }).code !== 'EEXIST') throw err;
      }
      const owner = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && (await isAlive(owner))) return false;
      // The owner died without its exit hook (SIGKILL): the slot is free.
      await unlink(lock).catch(() => {});
    }
    return false;
  } finally {
    await unlink(candidate).catch(() => {});
  }
}

async function withClient<T>(url: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}
