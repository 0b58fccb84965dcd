import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { localDevStatement } from '@lecoffre/proof';
import { LOCAL_ANCHOR_KEY_FILE, LocalDevAnchor } from './local-dev-anchor.js';

const ROOT = Buffer.alloc(32, 0x42);
const NOW = new Date('2026-03-05T09:30:12.345Z');

describe('LocalDevAnchor', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-local-anchor-'));
  });
  after(async () => rm(dataDir, { recursive: true, force: true }));

  it('creates its key once, private to the owner, and reuses it', async () => {
    const [first, second] = await Promise.all([LocalDevAnchor.open(dataDir), LocalDevAnchor.open(dataDir)]);
    const third = await LocalDevAnchor.open(dataDir);
    assert.equal(first.publicKey, second.publicKey, 'two processes starting together end up with one key');
    assert.equal(first.publicKey, third.publicKey);
    const file = path.join(dataDir, LOCAL_ANCHOR_KEY_FILE);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.match(await readFile(file, 'utf8'), /^-----BEGIN PRIVATE KEY-----/);
  });

  it('signs root and time; the result is final at once, says local-dev, and says it is not on a public chain', async () => {
    const anchor = await LocalDevAnchor.open(dataDir, { now: () => NOW });
    const prepared = await anchor.prepare(ROOT);
    assert.equal(prepared.network, 'local-dev');
    assert.equal(prepared.preparedAt, '2026-03-05T09:30:12Z');
    assert.match(prepared.operationHash, /^local-dev-[0-9a-f]{32}$/);
    assert.equal((await anchor.inject(prepared)).operationHash, prepared.operationHash);

    const status = await anchor.confirm(structuredClone(prepared));
    assert.equal(status.state, 'final');
    if (status.state !== 'final' || status.anchor.kind !== 'local-dev') return;
    assert.equal(status.anchor.network, 'local-dev');
    assert.equal(status.anchor.timestamp, '2026-03-05T09:30:12Z');
    assert.match(status.anchor.notice.fr, /N'EST PAS ancrée sur une blockchain publique/);
    assert.match(status.anchor.notice.en, /NOT anchored on a public blockchain/);

    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(status.anchor.publicKey, 'hex').toString('base64url') },
      format: 'jwk',
    });
    const statement = Buffer.from(localDevStatement(ROOT.toString('hex'), status.anchor.timestamp));
    assert.equal(verify(null, statement, publicKey, Buffer.from(status.anchor.signature, 'hex')), true);
    const otherRoot = Buffer.from(localDevStatement('00'.repeat(32), status.anchor.timestamp));
    assert.equal(verify(null, otherRoot, publicKey, Buffer.from(status.anchor.signature, 'hex')), false);
    assert.equal(anchor.explorerUrl(), null);
  });

  it('does not confirm a record it did not sign', async () => {
    const anchor = await LocalDevAnchor.open(dataDir);
    const prepared = await anchor.prepare(ROOT);
    assert.deepEqual(await anchor.confirm({ ...prepared, root: '00'.repeat(32) }), { state: 'not_found' }, 'another root');
    assert.deepEqual(await anchor.confirm({ ...prepared, preparedAt: '2020-01-01T00:00:00Z' }), { state: 'not_found' }, 'another time');
    const otherDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-other-key-'));
    const otherKey = await LocalDevAnchor.open(otherDir);
    await rm(otherDir, { recursive: true });
    assert.deepEqual(await otherKey.confirm(prepared), { state: 'not_found' }, 'another key');
    await assert.rejects(anchor.prepare(Buffer.alloc(31)), TypeError);
  });
});
