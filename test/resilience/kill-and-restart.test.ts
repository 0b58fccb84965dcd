import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

// `npm start` as a user runs it: a child process on its own data dir, killed without warning.
const dataDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-kill-'));
after(() => rm(dataDir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

interface Started {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
}

async function startProduct(): Promise<Started> {
  const [port, demoPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DEMO_HOST_PORT: String(demoPort),
      LECOFFRE_DATA_DIR: dataDir,
      LECOFFRE_LOG_LEVEL: 'warn',
      LECOFFRE_EMBEDDED_PG_PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    out += chunk;
  });
  const deadline = Date.now() + 60_000;
  while (!out.includes('LeCoffre is ready')) {
    if (child.exitCode !== null) assert.fail(`npm start exited with ${child.exitCode}:\n${out}`);
    if (Date.now() > deadline) assert.fail(`not ready after 60 s:\n${out}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, baseUrl: `http://127.0.0.1:${port}`, output: () => out };
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('npm start after a SIGKILL', () => {
  it('starts again on the same data, stale PostgreSQL handled, no committed folder lost', async () => {
    const first = await startProduct();
    const apiKey = (await readFile(path.join(dataDir, 'dev-api-key'), 'utf8')).trim();
    assert.match(first.output(), new RegExp(`Dev API key +${apiKey}`), 'the dev key is printed at start');
    const created = await fetch(`${first.baseUrl}/v1/folders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ number: 'K-1', title: 'Succession Mme Michou', deedType: 'succession' }),
    });
    assert.equal(created.status, 201);
    const folder = (await created.json()) as { id: string };

    first.child.kill('SIGKILL');
    await exited(first.child);
    // PostgreSQL outlives its killed parent: that is the stale server the next start must handle.
    assert.ok(existsSync(path.join(dataDir, 'pg', 'postmaster.pid')));

    const second = await startProduct();
    try {
      const got = await fetch(`${second.baseUrl}/v1/folders/${folder.id}`, { headers: { authorization: `Bearer ${apiKey}` } });
      assert.equal(got.status, 200, 'the same dev key still works and the folder is there');
      assert.equal(((await got.json()) as { number: string }).number, 'K-1');
      assert.equal((await fetch(`${second.baseUrl}/readyz`)).status, 200);
    } finally {
      second.child.kill('SIGTERM');
    }
    assert.equal(await exited(second.child), 0, `graceful stop:\n${second.output()}`);
    assert.ok(!existsSync(path.join(dataDir, 'pg', 'postmaster.pid')), 'SIGTERM stops the embedded PostgreSQL too');
  });
});
