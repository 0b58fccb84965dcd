import assert from 'node:assert/strict';
import { type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { masterKeyFrom } from '../../api/adapters/crypto/key-wrap.js';
import { cleanUpProducts, exited, type ProductProcess, startProduct } from '../support/product-process.js';

// `npm start` on one data dir, restarted with another master key than the one its records are sealed with.
const dataDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-master-key-'));
const children = new Set<ChildProcess>();
after(() => cleanUpProducts(dataDir, children));

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');
const idOf = (key: string) => masterKeyFrom(Buffer.from(key, 'base64')).id;

async function startWith(env: Record<string, string>): Promise<ProductProcess> {
  const product = await startProduct(dataDir, env);
  children.add(product.child);
  product.child.once('exit', () => children.delete(product.child));
  return product;
}

async function stop(product: ProductProcess): Promise<void> {
  product.child.kill('SIGTERM');
  assert.equal(await exited(product.child), 0, `graceful stop:\n${product.output()}`);
}

describe('npm start with a master key that cannot open the stored records', () => {
  it('is ready on its first key, refuses another, and starts again once the old key is a previous one', async () => {
    const first = await startWith({ LECOFFRE_MASTER_KEY: keyA });
    assert.equal((await fetch(`${first.baseUrl}/readyz`)).status, 200, 'ready once it says so');
    const apiKey = (await readFile(path.join(dataDir, 'dev-api-key'), 'utf8')).trim();
    const created = await fetch(`${first.baseUrl}/v1/webhook-endpoints`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'http://127.0.0.1:9/hooks' }),
    });
    assert.equal(created.status, 201, 'a webhook secret sealed under key A');
    await stop(first);

    const refused = await startWith({ LECOFFRE_MASTER_KEY: keyB }).then(
      () => assert.fail('started on a key that cannot open the records'),
      (error: unknown) => String(error),
    );
    assert.match(refused, /exited with 78/);
    assert.match(refused, /cannot open what the database holds/);
    assert.match(refused, new RegExp(`${idOf(keyA)} \\(webhook_secrets\\)`), 'names the key id it cannot open');
    assert.match(refused, new RegExp(`current key \\(${idOf(keyB)}\\)`));
    for (const key of [keyA, keyB]) assert.ok(!refused.includes(key), 'never prints a key');
    assert.ok(!existsSync(path.join(dataDir, 'pg', 'postmaster.pid')), 'the refused start stopped its PostgreSQL');

    const rotated = await startWith({ LECOFFRE_MASTER_KEY: keyB, LECOFFRE_PREVIOUS_MASTER_KEYS: keyA });
    assert.equal((await fetch(`${rotated.baseUrl}/readyz`)).status, 200);
    await stop(rotated);
  });
});
