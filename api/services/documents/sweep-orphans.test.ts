import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, beforeEach, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createEnvelopeCipher } from '../../adapters/crypto/envelope-cipher.js';
import { createKeyRing, masterKeyFrom } from '../../adapters/crypto/key-wrap.js';
import { FsBlobStore } from '../../adapters/storage/fs-blob-store.js';
import { samplePdf } from './sample-files.test-support.js';
import { storeUpload } from './store-upload.js';
import { sweepOrphans } from './sweep-orphans.js';

const HOUR = 3600_000;
const cipher = createEnvelopeCipher(createKeyRing(masterKeyFrom(randomBytes(32))));
const roots: string[] = [];
let root: string;
let store: FsBlobStore;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'lecoffre-sweep-'));
  roots.push(root);
  store = new FsBlobStore(root);
});
after(() => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

async function age(key: string, hours: number) {
  const when = new Date(Date.now() - hours * HOUR);
  await utimes(path.join(root, key), when, when);
}

async function keys(prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for await (const blob of store.list(prefix)) found.push(blob.key);
  return found.sort();
}

const anHourAgo = () => new Date(Date.now() - HOUR);

describe('sweepOrphans', () => {
  it('removes what an interrupted upload left, once it is an hour old, and nothing else', async () => {
    // An upload whose process died mid-stream: its partial blob stays under tmp/.
    const stalled = new PassThrough();
    const pending = storeUpload(stalled, { maxBytes: 10_000_000, blobStore: store, cipher });
    stalled.write(Buffer.concat([await samplePdf(), randomBytes(200_000)]));
    while ((await keys('tmp/')).length === 0) await sleep(5);
    const [partial] = await keys('tmp/');
    assert.match(partial, /^tmp\/\.upl_.+\.partial$/);

    const kept = await storeUpload(Readable.from([await samplePdf()]), { maxBytes: 10_000_000, blobStore: store, cipher });
    await store.put('tmp/upl_recent', Readable.from([Buffer.from('in progress')]));
    await store.put('tmp/upl_old', Readable.from([Buffer.from('abandoned')]));
    await age('tmp/upl_old', 2);
    await age(kept.storageKey, 5);

    assert.deepEqual((await sweepOrphans(store, anHourAgo())).deleted, ['tmp/upl_old'], 'the stalled upload is still recent');
    await age(partial, 1.5);
    assert.deepEqual((await sweepOrphans(store, anHourAgo())).deleted, [partial]);
    assert.deepEqual(await keys(), [kept.storageKey, 'tmp/upl_recent'].sort());
    stalled.destroy(new Error('process killed'));
    await assert.rejects(pending);
  });

  it('with the records at hand, also removes old blobs no record points to', async () => {
    const recorded = await storeUpload(Readable.from([await samplePdf('A')]), { maxBytes: 10_000_000, blobStore: store, cipher });
    const unrecorded = await storeUpload(Readable.from([await samplePdf('B')]), { maxBytes: 10_000_000, blobStore: store, cipher });
    const justUploaded = await storeUpload(Readable.from([await samplePdf('C')]), { maxBytes: 10_000_000, blobStore: store, cipher });
    await age(recorded.storageKey, 3);
    await age(unrecorded.storageKey, 3);
    const asked: string[][] = [];
    const result = await sweepOrphans(store, anHourAgo(), {
      batchSize: 1,
      isReferenced: async (storageKeys) => {
        asked.push(storageKeys);
        return new Set(storageKeys.filter((k) => k === recorded.storageKey));
      },
    });
    assert.deepEqual(result.deleted, [unrecorded.storageKey]);
    assert.deepEqual(await keys(), [recorded.storageKey, justUploaded.storageKey].sort());
    assert.deepEqual(asked.flat().sort(), [recorded.storageKey, unrecorded.storageKey].sort(), 'recent blobs are not even looked up');
    assert.ok(asked.every((batch) => batch.length === 1));
  });

  it('without the records, never touches files/', async () => {
    const stored = await storeUpload(Readable.from([await samplePdf()]), { maxBytes: 10_000_000, blobStore: store, cipher });
    await age(stored.storageKey, 48);
    assert.deepEqual((await sweepOrphans(store, anHourAgo())).deleted, []);
    assert.deepEqual(await readdir(path.join(root, path.dirname(stored.storageKey))), [path.basename(stored.storageKey)]);
  });
});
