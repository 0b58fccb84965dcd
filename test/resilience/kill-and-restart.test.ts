import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { cleanUpProducts, exited, startProduct } from '../support/product-process.js';

// `npm start` as a user runs it: a child process on its own data dir, killed without warning.
const dataDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-kill-'));
const children = new Set<ChildProcess>();
after(() => cleanUpProducts(dataDir, children));

async function startProductHere() {
  const product = await startProduct(dataDir);
  children.add(product.child);
  return product;
}

describe('npm start after a SIGKILL', () => {
  it('starts again on the same data, stale PostgreSQL handled, no committed folder lost', async () => {
    const first = await startProductHere();
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

    const second = await startProductHere();
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
