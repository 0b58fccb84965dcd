import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { type EmbeddedPostgresHandle, ensureDatabase, startEmbeddedPostgres } from './embedded-postgres.js';

const tempDirs: string[] = [];
const handles: EmbeddedPostgresHandle[] = [];

async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lecoffre-pg-test-'));
  tempDirs.push(dir);
  return dir;
}

async function start(dataDir: string, port?: number, log?: (msg: string) => void): Promise<EmbeddedPostgresHandle> {
  // port 0: never compete for 5433 with a developer's running `npm start`.
  const handle = await startEmbeddedPostgres({ dataDir, port: port ?? 0, durable: false, log });
  handles.push(handle);
  return handle;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function postmasterPid(dataDir: string): Promise<number> {
  return Number.parseInt(await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8'), 10);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // pid 1 of a container may never reap the orphan: a zombie has stopped running.
  return !/\) Z /.test(safeRead(`/proc/${pid}/stat`));
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Starts the server from a separate Node process (tsx loader), creates a table, then SIGKILLs that
 * process: the postmaster survives it, orphaned, exactly as after a crash of `npm start`.
 */
async function startInChildThenKill(dataDir: string): Promise<number> {
  const moduleUrl = new URL('./embedded-postgres.ts', import.meta.url).href;
  const code = `
    import pg from 'pg';
    const { startEmbeddedPostgres } = await import(${JSON.stringify(moduleUrl)});
    const handle = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: 0, durable: false });
    const client = new pg.Client({ connectionString: handle.adminUrl });
    await client.connect();
    await client.query("create table if not exists survivor (note text); insert into survivor values ('kept')");
    await client.end();
    console.log('READY ' + handle.port);
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), '--input-type=module', '-e', code], {
    cwd: path.dirname(new URL(import.meta.url).pathname),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`child exited early (${code}): ${output}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return port;
}

after(async () => {
  for (const handle of handles) await handle.stop().catch(() => {});
  // A failed assertion may leave an orphaned postmaster behind; never leave it running.
  for (const dir of tempDirs) {
    const pid = await postmasterPid(dir).catch(() => 0);
    if (pid > 0 && isRunning(pid)) {
      process.kill(pid, 'SIGQUIT');
      // Its files are removed only once it has exited: removing them under it fails (ENOTEMPTY).
      while (isRunning(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  }
});

describe('startEmbeddedPostgres', () => {
  test('starts a cluster, keeps its data, password and port across restarts', async () => {
    const dataDir = await tempDataDir();
    const first = await start(dataDir);
    assert.deepEqual(await query(first.adminUrl, 'select 1 as one'), [{ one: 1 }]);
    assert.equal((await stat(path.join(dataDir, 'pg-password'))).mode & 0o777, 0o600);
    assert.equal(Number.parseInt(await readFile(path.join(dataDir, 'pg-port'), 'utf8'), 10), first.port);
    await query(first.adminUrl, "create table kept (v text); insert into kept values ('still here')");
    await first.stop();
    await first.stop(); // idempotent

    await assert.rejects(query(first.adminUrl, 'select 1'));
    const second = await start(dataDir);
    assert.equal(second.port, first.port, 'the recorded port is reused');
    assert.equal(second.adminUrl, first.adminUrl, 'the password is generated once');
    assert.deepEqual(await query(second.adminUrl, 'select v from kept'), [{ v: 'still here' }]);
    await second.stop();
  });

  test('ensureDatabase creates once and returns a usable URL', async () => {
    const handle = await start(await tempDataDir());
    const url = await ensureDatabase(handle.adminUrl, 'lecoffre_x');
    assert.equal(await ensureDatabase(handle.adminUrl, 'lecoffre_x'), url);
    assert.equal(new URL(url).pathname, '/lecoffre_x');
    assert.deepEqual(await query(url, 'select current_database() as db'), [{ db: 'lecoffre_x' }]);
    const count = await query<{ n: number }>(handle.adminUrl, "select count(*)::int as n from pg_database where datname = 'lecoffre_x'");
    assert.deepEqual(count, [{ n: 1 }]);
    // createDatabase of the package leaks a connection on "already exists"; we must not.
    const others = await query<{ n: number }>(
      handle.adminUrl,
      'select count(*)::int as n from pg_stat_activity where backend_type = $$client backend$$ and pid <> pg_backend_pid()',
    );
    assert.deepEqual(others, [{ n: 0 }]);
    await handle.stop();
  });

  test('after a SIGKILL of the owner, reuses the orphaned server, then restarts it for another port', async () => {
    const dataDir = await tempDataDir();
    const port = await startInChildThenKill(dataDir);
    const orphan = await postmasterPid(dataDir);
    assert.ok(isRunning(orphan), 'the postmaster outlives its parent');

    const reused = await start(dataDir);
    assert.equal(reused.port, port);
    assert.equal(await postmasterPid(dataDir), orphan, 'the same server is reused');
    assert.deepEqual(await query(reused.adminUrl, 'select note from survivor'), [{ note: 'kept' }]);
    await reused.stop();
    assert.ok(!isRunning(orphan), 'stop() stops a reused server too');

    // Same crash, but the caller wants another port: the orphan must be stopped and replaced.
    await startInChildThenKill(dataDir);
    const secondOrphan = await postmasterPid(dataDir);
    const otherPort = port + 1 === 5433 ? port + 2 : port + 1;
    const restarted = await start(dataDir, otherPort);
    assert.equal(restarted.port, otherPort);
    assert.ok(!isRunning(secondOrphan), 'the orphan was stopped');
    assert.notEqual(await postmasterPid(dataDir), secondOrphan);
    assert.deepEqual(await query(restarted.adminUrl, 'select count(*)::int as n from survivor'), [{ n: 2 }]);
    await restarted.stop();
  });

  test('removes a stale postmaster.pid whose pid is dead or is not a postmaster', async () => {
    const dataDir = await tempDataDir();
    const handle = await start(dataDir);
    await query(handle.adminUrl, 'create table marker (id int)');
    await handle.stop();
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');

    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.once('exit', resolve));
    // A pid nobody uses any more, and a live process that is not PostgreSQL (this one, owned by
    // root: PostgreSQL cannot signal it and would believe another postmaster is running).
    for (const pid of [dead.pid, process.pid]) {
      await writeFile(pidFile, `${pid}\n${path.join(dataDir, 'pg')}\n0\n${handle.port}\n\n127.0.0.1\n0 0\nready\n`);
      const messages: string[] = [];
      const restarted = await start(dataDir, undefined, (msg) => messages.push(msg));
      assert.ok(
        messages.some((msg) => msg.includes(`removing stale ${pidFile}`)),
        `pid ${pid}: ${messages.join('\n')}`,
      );
      assert.deepEqual(await query(restarted.adminUrl, 'select count(*)::int as n from marker'), [{ n: 0 }]);
      await restarted.stop();
    }
  });
});
