import { pipeline, Readable, Transform } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  paginateListObjectsV2,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertValidBlobKey, type BlobInfo, BlobNotFoundError, type BlobStore } from '../../ports/blob-store.js';

export interface S3BlobStoreOptions {
  bucket: string;
  region: string;
  /** Absent for AWS S3; the URL of an S3-compatible store (MinIO, Scaleway, OVH, s3rver in tests). */
  endpoint?: string;
  /** Absent: the SDK's default chain (environment, instance role...). */
  accessKeyId?: string;
  secretAccessKey?: string;
}

/**
 * The client settings every S3 call goes through. Since 3.729 the SDK adds CRC checksums by default and
 * sends streamed bodies `aws-chunked` with a trailer; stores that do not speak that (s3rver, several
 * S3-compatible services) silently keep the chunk framing as part of the object. Our own format already
 * authenticates every byte (AES-GCM per segment + SHA-256), so checksums are only sent where S3 requires
 * them. Path-style addressing for custom endpoints: their DNS rarely has per-bucket names.
 */
export function s3ClientConfig(options: S3BlobStoreOptions): S3ClientConfig {
  return {
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
    ...(options.accessKeyId && options.secretAccessKey
      ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
      : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}

/** Parts of a multipart upload, and how many are in flight: what one upload holds in memory at most. */
const PART_SIZE = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

const isNoSuchKey = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
};

/**
 * Blobs as objects of one bucket. Uploads are multipart (`@aws-sdk/lib-storage`): a failed upload is
 * aborted, so no object appears. A process killed mid-upload leaves invisible parts: give the bucket a
 * lifecycle rule "abort incomplete multipart uploads after 1 day".
 */
export class S3BlobStore implements BlobStore {
  readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3BlobStoreOptions, client: S3Client = new S3Client(s3ClientConfig(options))) {
    this.client = client;
    this.bucket = options.bucket;
  }

  async put(key: string, body: Readable): Promise<{ size: number }> {
    assertValidBlobKey(key);
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        callback(null, chunk);
      },
    });
    // A failing source destroys `counter`, which fails the upload (and aborts the multipart upload).
    let sourceError: Error | undefined;
    const counted = pipeline(body, counter, (error) => {
      sourceError ??= error ?? undefined;
    });
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: counted, ContentType: 'application/octet-stream' },
      partSize: PART_SIZE,
      queueSize: PARTS_IN_FLIGHT,
    });
    try {
      await upload.done();
    } catch (error) {
      // The abort that follows a failed source can fail too (a store without AbortMultipartUpload, a
      // network error): the caller needs the first cause, not the clean-up's.
      if (sourceError && error !== sourceError) throw Object.assign(sourceError, { cause: error });
      throw error;
    }
    return { size };
  }

  async get(key: string): Promise<Readable> {
    assertValidBlobKey(key);
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!(answer.Body instanceof Readable)) throw new Error('S3 GetObject returned no Node stream body.');
      return answer.Body;
    } catch (error) {
      if (isNoSuchKey(error)) throw new BlobNotFoundError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidBlobKey(key);
    // S3 answers 204 for a missing key too: deleting is idempotent by protocol.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async move(fromKey: string, toKey: string): Promise<void> {
    assertValidBlobKey(fromKey);
    assertValidBlobKey(toKey);
    try {
      // A single CopyObject handles objects up to 5 GB, far above any upload limit we allow.
      // Keys are `[A-Za-z0-9._/-]` only, so CopySource needs no URL encoding.
      await this.client.send(new CopyObjectCommand({ Bucket: this.bucket, Key: toKey, CopySource: `${this.bucket}/${fromKey}` }));
    } catch (error) {
      if (isNoSuchKey(error)) throw new BlobNotFoundError(fromKey);
      throw error;
    }
    await this.delete(fromKey);
  }

  async *list(prefix: string): AsyncIterable<BlobInfo> {
    for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: this.bucket, Prefix: prefix })) {
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        yield { key: object.Key, size: object.Size ?? 0, lastModified: object.LastModified ?? new Date(0) };
      }
    }
  }
}
