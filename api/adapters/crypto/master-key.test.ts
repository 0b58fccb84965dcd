import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { masterKeyFrom } from './key-wrap.js';
import { loadKeyRing, MASTER_KEY_FILE, MasterKeyError } from './master-key.js';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lecoffre-master-key-'));
  dirs.push(dir);
  return path.join(dir, 'data');
}
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('master key', () => {
  it('takes LECOFFRE_MASTER_KEY when set, and writes no file', async () => {
    const bytes = randomBytes(32);
    const dataDir = await freshDir();
    const ring = await loadKeyRing({ masterKey: bytes.toString('base64'), dataDir, generateIfMissing: true });
    assert.equal(ring.current.id, masterKeyFrom(bytes).id);
    await assert.rejects(stat(dataDir), { code: 'ENOENT' });
  });

  it('names the variable when its value is not 32 bytes of base64', async () => {
    const dataDir = await freshDir();
    for (const bad of ['secret', randomBytes(16).toString('base64'), randomBytes(33).toString('base64'), randomBytes(32).toString('hex')]) {
      await assert.rejects(loadKeyRing({ masterKey: bad, dataDir, generateIfMissing: true }), (error: unknown) => {
        assert.ok(error instanceof MasterKeyError);
        assert.match(error.message, /^LECOFFRE_MASTER_KEY must be 32 bytes in base64/);
        return true;
      });
    }
  });

  it('in embedded mode, generates the key once into <dataDir>/master-key, mode 0600, and reuses it', async () => {
    const dataDir = await freshDir();
    const first = await loadKeyRing({ dataDir, generateIfMissing: true });
    const file = path.join(dataDir, MASTER_KEY_FILE);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.match(await readFile(file, 'utf8'), /^[A-Za-z0-9+/]{43}=\n$/, 'what LECOFFRE_MASTER_KEY takes, to move to production');
    const second = await loadKeyRing({ dataDir, generateIfMissing: true });
    assert.equal(second.current.id, first.current.id);
    assert.deepEqual(second.current.key, first.current.key);
  });

  it('gives one key to processes starting together', async () => {
    const dataDir = await freshDir();
    const rings = await Promise.all(Array.from({ length: 8 }, () => loadKeyRing({ dataDir, generateIfMissing: true })));
    assert.equal(new Set(rings.map((r) => r.current.id)).size, 1);
    assert.deepEqual(await readdir(dataDir), [MASTER_KEY_FILE], 'no temporary file left');
  });

  it('refuses a key file other users can read, and a missing one in production', async () => {
    const dataDir = await freshDir();
    await loadKeyRing({ dataDir, generateIfMissing: true });
    await chmod(path.join(dataDir, MASTER_KEY_FILE), 0o644);
    await assert.rejects(loadKeyRing({ dataDir, generateIfMissing: true }), /readable by other users \(mode 644\): run chmod 600/);
    await assert.rejects(loadKeyRing({ dataDir: await freshDir(), generateIfMissing: false }), /LECOFFRE_MASTER_KEY is not set/);
  });

  it('keeps previous keys for unwrapping only', async () => {
    const current = randomBytes(32);
    const previous = [randomBytes(32), randomBytes(32)];
    const ring = await loadKeyRing({
      masterKey: current.toString('base64'),
      previousMasterKeys: previous.map((k) => k.toString('base64')).join(','),
      dataDir: await freshDir(),
      generateIfMissing: false,
    });
    assert.equal(ring.current.id, masterKeyFrom(current).id);
    for (const k of previous) assert.equal(ring.find(masterKeyFrom(k).id)?.id, masterKeyFrom(k).id);
    await assert.rejects(
      loadKeyRing({ masterKey: current.toString('base64'), previousMasterKeys: 'nope', dataDir: '/nonexistent', generateIfMissing: false }),
      /LECOFFRE_PREVIOUS_MASTER_KEYS \(key 1\) must be 32 bytes/,
    );
  });

  it('reads a key file written by an operator', async () => {
    const dataDir = await freshDir();
    const bytes = randomBytes(32);
    await loadKeyRing({ dataDir, generateIfMissing: true }); // creates the directory
    await writeFile(path.join(dataDir, MASTER_KEY_FILE), `${bytes.toString('base64')}\n`, { mode: 0o600 });
    assert.equal((await loadKeyRing({ dataDir, generateIfMissing: false })).current.id, masterKeyFrom(bytes).id);
  });
});
