import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdtemp, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { DIRECT_BLOCK_SIZE, DIRECT_OPEN_FLAGS, directWriteWorks, writeDirect } from './direct-write.js';

let dir: string;
let supported = false;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lecoffre-direct-write-'));
  supported = await directWriteWorks(dir);
});
after(() => rm(dir, { recursive: true, force: true }));

/** `bytes` cut in chunks of the given sizes, in turn: network chunks never line up with the blocks. */
function chunked(bytes: Buffer, sizes: number[]): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length] as number;
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return Readable.from(chunks);
}

let count = 0;
/** Writes `body` to a new file opened for O_DIRECT; resolves with the file's path and the size reported. */
async function writeFileDirect(body: Readable): Promise<{ file: string; size: number }> {
  const file = path.join(dir, `blob-${count++}`);
  const handle = await open(file, DIRECT_OPEN_FLAGS as number, 0o600);
  try {
    return { file, size: await writeDirect(handle, body) };
  } finally {
    await handle.close();
  }
}

describe('O_DIRECT writes', () => {
  it('finds that the test machine’s temporary directory takes them (else the tests below prove nothing)', (t) => {
    if (!supported) t.skip('this filesystem refuses O_DIRECT; the blob store writes through the page cache there');
    assert.equal(supported, true);
  });

  for (const size of [
    0,
    1,
    4095,
    4096,
    4097,
    DIRECT_BLOCK_SIZE - 1,
    DIRECT_BLOCK_SIZE,
    DIRECT_BLOCK_SIZE + 1,
    3 * DIRECT_BLOCK_SIZE + 12_345,
  ]) {
    it(`stores ${size} bytes exactly: padded to the alignment on the way, the file cut back to its length`, async (t) => {
      if (!supported) return t.skip('no O_DIRECT here');
      const bytes = randomBytes(size);
      const { file, size: written } = await writeFileDirect(chunked(bytes, [65_536 + 57, 1, 300_001, 16_384]));
      assert.equal(written, size);
      assert.ok((await readFile(file)).equals(bytes), 'the bytes read back are the bytes sent');
    });
  }

  it('lets many writes share the block pool at once: each completes with its own bytes', async (t) => {
    if (!supported) return t.skip('no O_DIRECT here');
    // 24 writes of 3 MiB need far more blocks than the pool holds: later ones wait for blocks, none hangs.
    const bodies = Array.from({ length: 24 }, () => randomBytes(3 * DIRECT_BLOCK_SIZE + 777));
    const files = await Promise.all(bodies.map((bytes) => writeFileDirect(chunked(bytes, [65_536]))));
    for (const [i, { file }] of files.entries()) assert.ok((await readFile(file)).equals(bodies[i] as Buffer), `file ${i}`);
  });

  it('writes what a stalled client sent before its block is full, then the rest once it goes on', async (t) => {
    if (!supported) return t.skip('no O_DIRECT here');
    const bytes = randomBytes(300_000);
    const body = new PassThrough();
    const file = path.join(dir, 'stalled');
    const handle = await open(file, DIRECT_OPEN_FLAGS as number, 0o600);
    try {
      const written = writeDirect(handle, body);
      body.write(bytes.subarray(0, 100_000));
      // The client says nothing more: the aligned part of what it sent reaches the disk all the same.
      while ((await stat(file)).size < 98_304) await sleep(10);
      assert.ok((await readFile(file)).subarray(0, 98_304).equals(bytes.subarray(0, 98_304)));
      body.end(bytes.subarray(100_000));
      assert.equal(await written, bytes.length);
    } finally {
      await handle.close();
    }
    assert.ok((await readFile(file)).equals(bytes));
  });

  it('rejects with the body’s error, once the writes under way have finished', async (t) => {
    if (!supported) return t.skip('no O_DIRECT here');
    let sent = 0;
    const body = new Readable({
      read() {
        if (sent >= 3 * DIRECT_BLOCK_SIZE) this.destroy(new Error('client went away'));
        else {
          sent += 65_536;
          this.push(randomBytes(65_536));
        }
      },
    });
    await assert.rejects(writeFileDirect(body), /client went away/);
    // The blocks went back to the pool: a write after the failure still completes.
    const bytes = randomBytes(2 * DIRECT_BLOCK_SIZE);
    const { file } = await writeFileDirect(chunked(bytes, [65_536]));
    assert.ok((await readFile(file)).equals(bytes));
  });

  it('rejects when the disk refuses a write, and stops reading the body', async (t) => {
    if (!supported) return t.skip('no O_DIRECT here');
    const file = path.join(dir, 'read-only');
    await (await open(file, 'w')).close();
    // Opened for reading only: every write fails with EBADF, as a failing disk would fail it.
    const handle = await open(file, constants.O_RDONLY | constants.O_DIRECT);
    const body = chunked(randomBytes(8 * DIRECT_BLOCK_SIZE), [65_536]);
    try {
      await assert.rejects(writeDirect(handle, body), { code: 'EBADF' });
    } finally {
      await handle.close();
    }
    assert.equal(body.destroyed, true, 'the rest of the body is not read');
  });

  it('probes with a file of its own, which it removes', async () => {
    const probeDir = await mkdtemp(path.join(dir, 'probe-'));
    await directWriteWorks(probeDir);
    assert.deepEqual(await readdir(probeDir), []);
  });
});
