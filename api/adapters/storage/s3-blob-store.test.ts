import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import S3rver from 's3rver';
import { BlobNotFoundError } from '../../ports/blob-store.js';
import { blobStoreContract } from './blob-store-contract.test-support.js';
import { S3BlobStore, type S3BlobStoreOptions } from './s3-blob-store.js';
import { type SigV4CheckingProxy, startSigV4CheckingProxy } from './sigv4-checking-proxy.double.js';

// s3rver knows one account; it checks that the key id exists, never the signature.
const ACCESS_KEY_ID = 'S3RVER';
const SECRET_ACCESS_KEY = 'S3RVER';
const BUCKET = 'lecoffre-test';

interface RunningS3rver {
  endpoint: string;
  close(): Promise<void>;
}

async function startS3rver(): Promise<RunningS3rver> {
  const directory = await mkdtemp(path.join(tmpdir(), 'lecoffre-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: BUCKET }] });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

const options = (endpoint: string, secretAccessKey = SECRET_ACCESS_KEY): S3BlobStoreOptions => ({
  bucket: BUCKET,
  region: 'eu-west-3',
  endpoint,
  accessKeyId: ACCESS_KEY_ID,
  secretAccessKey,
});

blobStoreContract(
  'S3 (s3rver on loopback)',
  async () => {
    const s3rver = await startS3rver();
    const store = new S3BlobStore(options(s3rver.endpoint));
    return {
      store,
      async close() {
        store.client.destroy();
        await s3rver.close();
      },
    };
  },
  // Multipart uploads hold up to two 5 MiB parts; s3rver runs in this process too.
  { largeFileRssGrowthBytes: 80 * 1024 * 1024 },
);

describe('S3 blob store: request signing, as a real S3 checks it', () => {
  let s3rver: RunningS3rver;
  let proxy: SigV4CheckingProxy;
  before(async () => {
    s3rver = await startS3rver();
    proxy = await startSigV4CheckingProxy(s3rver.endpoint, SECRET_ACCESS_KEY);
  });
  after(async () => {
    await proxy.close();
    await s3rver.close();
  });

  it('signs every kind of request it sends so that S3 accepts it', async () => {
    const store = new S3BlobStore(options(proxy.endpoint));
    const data = randomBytes(6 * 1024 * 1024); // two parts: create, upload part x2, complete
    await store.put('tmp/signed', Readable.from([data]));
    await store.move('tmp/signed', 'files/2025/06/signed');
    const keys = [];
    for await (const blob of store.list('files/')) keys.push(blob.key);
    assert.deepEqual(keys, ['files/2025/06/signed']);
    const chunks: Buffer[] = [];
    for await (const chunk of await store.get('files/2025/06/signed')) chunks.push(chunk as Buffer);
    assert.deepEqual(Buffer.concat(chunks), data);
    await store.delete('files/2025/06/signed');
    await assert.rejects(store.get('files/2025/06/signed'), BlobNotFoundError);
    assert.deepEqual(proxy.refused, []);
    assert.ok(proxy.accepted >= 9, `${proxy.accepted} requests checked`);
    store.client.destroy();
  });

  it('with a wrong secret key, is refused and stores nothing', async () => {
    const wrong = new S3BlobStore(options(proxy.endpoint, 'not-the-secret'));
    await assert.rejects(wrong.put('tmp/forged', Readable.from([Buffer.from('%PDF-1.7')])), { name: 'SignatureDoesNotMatch' });
    assert.deepEqual(proxy.refused, ['SignatureDoesNotMatch']);
    const right = new S3BlobStore(options(s3rver.endpoint));
    await assert.rejects(right.get('tmp/forged'), BlobNotFoundError);
    wrong.client.destroy();
    right.client.destroy();
  });
});
