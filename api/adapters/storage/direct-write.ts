import { constants } from 'node:fs';
import { type FileHandle, open, unlink } from 'node:fs/promises';
import path from 'node:path';
import { finished, type Readable } from 'node:stream';
import { ByteQueue } from '../crypto/byte-queue.js';

/**
 * Writing a blob with O_DIRECT: the bytes go from our memory to the disk, not through the page cache.
 *
 * Why: a buffered write copies every byte into freshly allocated page-cache pages, and then fsync pushes
 * them to the disk. Measured on a 2-core virtual machine (bench/upload.ts), the threads beside the main
 * one spent about 1.5 CPU seconds per GiB uploaded that way, against 0.4 with O_DIRECT, and each file's
 * fsync then waited for the whole file to reach the disk. With O_DIRECT a block costs a memcpy into an
 * aligned buffer on the main thread, the disk write runs while the next block fills, and the closing
 * fsync only has metadata and the device's cache left to flush. Nothing about durability changes: the
 * caller still fsyncs before it renames the file into place.
 *
 * O_DIRECT needs the buffer address, the length and the file offset aligned to the device's logical
 * block size. Node cannot align a Buffer, but a WebAssembly.Memory is page-aligned: blocks come from one
 * such memory shared by every write in the process, so memory stays flat whatever the number of uploads.
 */

/** The one WebAssembly API used here, which the server's type libraries (no DOM) do not declare. */
declare const WebAssembly: { Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer } };

/** Bytes per write: big enough that a syscall per block costs nothing, small enough to keep the pool small. */
export const DIRECT_BLOCK_SIZE = 1024 * 1024;
/** Alignment asked by O_DIRECT: 4096 covers disks with 512-byte and 4 KiB logical blocks. */
const ALIGNMENT = 4096;
/** Blocks in the shared pool: 16 MiB of memory for the whole process. */
const POOL_BLOCKS = 16;
/**
 * Writes one blob may have in flight while it fills the next block. One block takes ~3 ms of the main
 * thread to receive and ~0.5 ms for the disk: two are enough to never wait on the disk.
 */
const MAX_IN_FLIGHT = 2;
/** How long bytes wait for the rest of their block before what is aligned of them is written anyway. */
const STALL_FLUSH_MS = 100;

/** Open flags for a new partial file written with O_DIRECT; undefined where the platform has none. */
export const DIRECT_OPEN_FLAGS =
  constants.O_DIRECT === undefined ? undefined : constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_DIRECT;

/**
 * A fixed set of aligned blocks. A block is taken only to be filled and written at once, and given back
 * when its write completes: a slow client never holds one while its bytes trickle in, so uploads cannot
 * starve each other of blocks for longer than a disk write.
 */
class BlockPool {
  private memory: { readonly buffer: ArrayBuffer } | undefined;
  private readonly free: Buffer[] = [];
  private readonly waiting: Array<(block: Buffer) => void> = [];

  acquire(): Buffer | Promise<Buffer> {
    if (!this.memory) {
      // Pages are reserved here and only become resident once used: the pool costs what uploads touch.
      this.memory = new WebAssembly.Memory({ initial: (POOL_BLOCKS * DIRECT_BLOCK_SIZE) / 65536 });
      for (let i = 0; i < POOL_BLOCKS; i++) {
        this.free.push(Buffer.from(this.memory.buffer, i * DIRECT_BLOCK_SIZE, DIRECT_BLOCK_SIZE));
      }
    }
    const block = this.free.pop();
    if (block) return block;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(block: Buffer): void {
    const next = this.waiting.shift();
    if (next) next(block);
    else this.free.push(block);
  }
}

const pool = new BlockPool();

/**
 * Writes the whole of `body` at the start of `handle`, opened with DIRECT_OPEN_FLAGS, and resolves with
 * its length in bytes once every write has completed (the caller still has to fsync). The last block is
 * padded with zeros to the alignment, then the file is truncated to the real length. If `body` or a
 * write fails, waits for the writes in flight (their blocks must not be reused under them), then rejects.
 *
 * `body` is read with 'data' events, not `for await`: the async iterator calls `read()`, which
 * concatenates whatever is buffered into one new Buffer, a copy of every byte for nothing.
 */
export function writeDirect(handle: FileHandle, body: Readable): Promise<number> {
  /** Bytes received and not yet copied into a block. */
  const pending = new ByteQueue();
  let position = 0;
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  /** Set while `body` is paused and blocks are being handed to the disk. */
  let draining: Promise<void> | undefined;
  let stallTimer: NodeJS.Timeout | undefined;
  let ended = false;

  const writeBlock = async (length: number, last: boolean) => {
    while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    if (failure) throw failure.error;
    const taken = pool.acquire();
    const block = taken instanceof Promise ? await taken : taken;
    let filled = 0;
    for (const piece of pending.takePieces(length)) filled += piece.copy(block, filled);
    const padded = last ? Math.ceil(length / ALIGNMENT) * ALIGNMENT : length;
    block.fill(0, length, padded);
    const at = position;
    position += length;
    const write = (async () => {
      try {
        let done = 0;
        // A short write is rare (a signal); the device writes whole blocks, so the rest stays aligned.
        while (done < padded) {
          const { bytesWritten } = await handle.write(block, done, padded - done, at + done);
          if (bytesWritten === 0) throw new Error('The disk accepted no bytes.');
          done += bytesWritten;
        }
      } catch (error) {
        failure ??= { error };
      } finally {
        pool.release(block);
      }
    })();
    inFlight.add(write);
    void write.then(() => inFlight.delete(write));
  };

  return new Promise<number>((resolve, reject) => {
    const fail = (error: unknown) => {
      failure ??= { error };
      clearTimeout(stallTimer);
      body.off('data', onData);
      body.destroy();
      void Promise.all([draining, ...inFlight]).then(() => reject(failure?.error));
    };
    /**
     * Pauses `body` and writes full blocks while there are any; with `flushAligned`, then also what is
     * aligned of the rest. Lets `body` flow again after.
     */
    const drain = (flushAligned: boolean) => {
      const nextLength = () => {
        if (pending.length >= DIRECT_BLOCK_SIZE) return DIRECT_BLOCK_SIZE;
        return flushAligned ? pending.length - (pending.length % ALIGNMENT) : 0;
      };
      body.pause();
      draining = (async () => {
        try {
          for (let length = nextLength(); length > 0; length = nextLength()) await writeBlock(length, false);
          draining = undefined;
          body.resume();
        } catch (error) {
          draining = undefined;
          fail(error);
        }
      })();
    };
    // A slow client fills a block slowly: what it sent is written once it stalls, so an upload holds less
    // than a block in memory for long, and what reached the server shows on disk.
    const flushStalled = () => {
      stallTimer = undefined;
      if (!draining && !failure && !ended && pending.length >= ALIGNMENT) drain(true);
    };
    const onData = (data: Buffer | string) => {
      pending.push(typeof data === 'string' ? Buffer.from(data) : data);
      if (pending.length < DIRECT_BLOCK_SIZE) {
        stallTimer ??= setTimeout(flushStalled, STALL_FLUSH_MS).unref();
        return;
      }
      if (!draining) drain(false);
    };
    body.on('data', onData);
    // finished() also reports a stream that failed or ended before it was handed over here. 'end' may come
    // while a drain is under way: the last chunk was already received when it paused.
    finished(body, { writable: false }, async (error) => {
      ended = true;
      clearTimeout(stallTimer);
      if (error) return fail(error);
      try {
        await draining;
        if (failure) return;
        const size = position + pending.length;
        if (pending.length > 0) await writeBlock(pending.length, true);
        await Promise.all(inFlight);
        if (failure) throw (failure as { error: unknown }).error;
        if (size % ALIGNMENT !== 0) await handle.truncate(size);
        resolve(size);
      } catch (error) {
        fail(error);
      }
    });
  });
}

/**
 * Whether files under `dir` can be written with O_DIRECT: tmpfs and some network or FUSE filesystems
 * refuse it (at open or at the first write), and a blob store there writes through the page cache.
 * Tries once with a small file of its own, removed afterwards.
 */
export async function directWriteWorks(dir: string): Promise<boolean> {
  if (DIRECT_OPEN_FLAGS === undefined) return false;
  const probe = path.join(dir, `.direct-write-probe.${process.pid}.${Date.now()}`);
  let handle: FileHandle | undefined;
  const taken = pool.acquire();
  const block = taken instanceof Promise ? await taken : taken;
  try {
    handle = await open(probe, DIRECT_OPEN_FLAGS, 0o600);
    block.fill(0, 0, ALIGNMENT);
    await handle.write(block, 0, ALIGNMENT, 0);
    await handle.truncate(1);
    return true;
  } catch {
    return false;
  } finally {
    pool.release(block);
    await handle?.close().catch(() => {});
    await unlink(probe).catch(() => {});
  }
}
