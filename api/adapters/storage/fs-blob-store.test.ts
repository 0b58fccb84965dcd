import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { blobStoreContract } from './blob-store-contract.test-support.js';
import { FsBlobStore } from './fs-blob-store.js';

const dirs: string[] = [];
async function freshRoot(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lecoffre-fs-blobs-'));
  dirs.push(dir);
  return path.join(dir, 'blobs');
}
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

// Written with O_DIRECT where the filesystem takes it (direct-write.test.ts checks that this one does).
blobStoreContract('filesystem', async () => ({ store: new FsBlobStore(await freshRoot()), close: async () => {} }), {
  largeFileRssGrowthBytes: 40 * 1024 * 1024,
});
// Where it does not, through the page cache.
blobStoreContract(
  'filesystem, page cache',
  async () => ({ store: new FsBlobStore(await freshRoot(), { directWrite: false }), close: async () => {} }),
  { largeFileRssGrowthBytes: 40 * 1024 * 1024 },
);

describe('filesystem blob store', () => {
  it('keeps blobs readable by the service user only', async () => {
    const root = await freshRoot();
    const store = new FsBlobStore(root);
    await store.put('files/2025/06/a', Readable.from([Buffer.from('x')]));
    assert.equal((await stat(path.join(root, 'files/2025/06/a'))).mode & 0o777, 0o600);
    assert.equal((await stat(path.join(root, 'files'))).mode & 0o777, 0o700);
  });

  for (const directWrite of [true, false]) {
    it(`writes beside the target and renames into place: a failed write leaves no file at all (${directWrite ? 'O_DIRECT' : 'page cache'})`, async () => {
      const root = await freshRoot();
      const store = new FsBlobStore(root, { directWrite });
      const broken = new Readable({
        read() {
          this.push(Buffer.alloc(1000));
          this.destroy(new Error('disk unplugged'));
        },
      });
      await assert.rejects(store.put('tmp/x', broken), /disk unplugged/);
      assert.deepEqual(await readdir(path.join(root, 'tmp')), []);
    });
  }

  it('lists the partial files a crash left, so the sweeper can remove them', async () => {
    const root = await freshRoot();
    const store = new FsBlobStore(root);
    await store.put('tmp/upl_1', Readable.from([Buffer.from('x')]));
    // What a process killed mid-write leaves behind.
    await writeFile(path.join(root, 'tmp', '.upl_2.a1b2c3.partial'), 'half');
    const old = new Date(Date.now() - 2 * 3600_000);
    await utimes(path.join(root, 'tmp', '.upl_2.a1b2c3.partial'), old, old);
    const listed = [];
    for await (const blob of store.list('tmp/')) listed.push(blob);
    listed.sort((a, b) => a.key.localeCompare(b.key));
    assert.deepEqual(
      listed.map((b) => b.key),
      ['tmp/.upl_2.a1b2c3.partial', 'tmp/upl_1'],
    );
    assert.equal(listed[0].lastModified.getTime(), old.getTime());
    await store.delete('tmp/.upl_2.a1b2c3.partial');
    assert.deepEqual(await readdir(path.join(root, 'tmp')), ['upl_1']);
  });
});
