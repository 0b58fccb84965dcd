/**
 * `npx tsx bench/upload-pipeline.ts [--mib 1024]` — not a test. Pushes 1 GiB through storeUpload into the
 * filesystem blob store (as 25 MB files, then as one large file), reads the large file back through
 * readStoredFile, and compares with `sha256sum` on the same bytes on this machine:
 *
 *   throughput (MB/s), ratio to sha256sum (target >= 0.5), peak RSS growth (target < 100 MB).
 *
 * The source is a file on disk (in the page cache after it is written), read the same way by both.
 */
import { spawn } from 'node:child_process';
import { createCipheriv, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createEnvelopeCipher } from '../api/adapters/crypto/envelope-cipher.js';
import { createKeyRing, masterKeyFrom } from '../api/adapters/crypto/key-wrap.js';
import { FsBlobStore } from '../api/adapters/storage/fs-blob-store.js';
import { readStoredFile } from '../api/services/documents/read-stored-file.js';
import { type StoredUpload, storeUpload } from '../api/services/documents/store-upload.js';

const MB = 1_000_000;
const MiB = 1024 * 1024;
const FILE_SIZE = 25 * MB;

const { values } = parseArgs({ options: { mib: { type: 'string', default: '1024' } } });
const TOTAL = Number(values.mib) * MiB;

/** Pseudo-random bytes with a PDF header every 25 MB, so each 25 MB slice is an acceptable upload. */
async function writeSource(file: string): Promise<void> {
  const keystream = createCipheriv('aes-128-ctr', randomBytes(16), randomBytes(16));
  const header = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const handle = await open(file, 'w');
  try {
    for (let offset = 0; offset < TOTAL; offset += FILE_SIZE) {
      const length = Math.min(FILE_SIZE, TOTAL - offset);
      const block = keystream.update(Buffer.alloc(length));
      header.copy(block, 0);
      await handle.write(block);
    }
  } finally {
    await handle.close();
  }
}

async function sha256sumSeconds(file: string): Promise<number> {
  const started = process.hrtime.bigint();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('sha256sum', [file], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`sha256sum exited with ${code}`))));
  });
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Runs `work`, sampling RSS every 5 ms: seconds taken and the peak growth over the RSS before. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; rssGrowth: number }> {
  const base = process.memoryUsage.rss();
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  const started = process.hrtime.bigint();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, seconds: Number(process.hrtime.bigint() - started) / 1e9, rssGrowth: peak - base };
  } finally {
    clearInterval(timer);
  }
}

const slice = (file: string, start: number, length: number) =>
  createReadStream(file, { start, end: start + length - 1, highWaterMark: 64 * 1024 });
const mbps = (bytes: number, seconds: number) => bytes / MB / seconds;

async function main() {
  const dir = await mkdtemp(path.join(tmpdir(), 'lecoffre-bench-'));
  try {
    const source = path.join(dir, 'source.bin');
    const store = new FsBlobStore(path.join(dir, 'blobs'));
    const cipher = createEnvelopeCipher(createKeyRing(masterKeyFrom(randomBytes(32))));
    console.log(`Writing ${TOTAL / MiB} MiB of test data…`);
    await writeSource(source);

    // The machine may be shared: time sha256sum before and after the uploads and keep its best run, so
    // that noise can only make our ratio look worse, never better.
    const sumRuns = [await sha256sumSeconds(source), await sha256sumSeconds(source)];

    const small = await measured(async () => {
      const stored: StoredUpload[] = [];
      for (let offset = 0; offset < TOTAL; offset += FILE_SIZE) {
        const length = Math.min(FILE_SIZE, TOTAL - offset);
        stored.push(await storeUpload(slice(source, offset, length), { maxBytes: FILE_SIZE, blobStore: store, cipher }));
      }
      return stored;
    });
    for (const s of small.result) await store.delete(s.storageKey);

    const large = await measured(() => storeUpload(slice(source, 0, TOTAL), { maxBytes: TOTAL, blobStore: store, cipher }));
    const readBack = await measured(async () => {
      let bytes = 0;
      for await (const chunk of await readStoredFile(large.result, { blobStore: store, cipher })) bytes += (chunk as Buffer).length;
      return bytes;
    });
    if (readBack.result !== TOTAL) throw new Error(`read back ${readBack.result} bytes of ${TOTAL}`);
    sumRuns.push(await sha256sumSeconds(source));
    const baseline = mbps(TOTAL, Math.min(...sumRuns));

    const rows = [
      [`sha256sum (same bytes, best of ${sumRuns.length})`, baseline, undefined, undefined],
      [
        `storeUpload, ${small.result.length} files of 25 MB`,
        mbps(TOTAL, small.seconds),
        mbps(TOTAL, small.seconds) / baseline,
        small.rssGrowth,
      ],
      ['storeUpload, one file', mbps(TOTAL, large.seconds), mbps(TOTAL, large.seconds) / baseline, large.rssGrowth],
      ['readStoredFile, one file', mbps(TOTAL, readBack.seconds), mbps(TOTAL, readBack.seconds) / baseline, readBack.rssGrowth],
    ] as const;
    console.log(`\n${TOTAL / MiB} MiB, Node ${process.version}, fs blob store under ${tmpdir()}\n`);
    console.log(`${'path'.padEnd(40)}${'MB/s'.padStart(10)}${'ratio'.padStart(8)}${'peak RSS +MB'.padStart(15)}`);
    for (const [name, rate, ratio, rss] of rows) {
      console.log(
        `${name.padEnd(40)}${rate.toFixed(0).padStart(10)}${(ratio === undefined ? '' : ratio.toFixed(2)).padStart(8)}${(rss === undefined ? '' : (rss / MB).toFixed(1)).padStart(15)}`,
      );
    }
    const worstRatio = Math.min(rows[1][2], rows[2][2]);
    const worstRss = Math.max(rows[1][3], rows[2][3]);
    console.log(
      `\nupload ratio >= 0.5: ${worstRatio >= 0.5 ? 'yes' : 'NO'} (${worstRatio.toFixed(2)}); peak RSS growth < 100 MB: ${worstRss < 100 * MB ? 'yes' : 'NO'} (${(worstRss / MB).toFixed(1)} MB)`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
