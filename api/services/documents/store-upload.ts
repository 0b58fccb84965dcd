import { pipeline, type Readable } from 'node:stream';
import { invalidField } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import type { BlobStore } from '../../ports/blob-store.js';
import type { DataKeyCipher } from '../../ports/data-key-cipher.js';
import { type AcceptedFileType, UploadInspector } from './upload-inspector.js';

export { ACCEPTED_FILE_TYPES, type AcceptedFileType } from './upload-inspector.js';
export { UploadRejected } from './upload-rejected.js';

/** Blobs still being written or checked. Anything here older than an hour is an orphan (sweep-orphans.ts). */
export const TEMP_PREFIX = 'tmp/';
/** Blobs that passed every check; each should have a `document_files` record. */
export const FILES_PREFIX = 'files/';

export interface StoreUploadOptions {
  /** Refused with 413 as soon as the stream goes one byte past this. */
  maxBytes: number;
  /** The SHA-256 the client computed, in hex (either case). Absent: the server's own hash is recorded. */
  expectedSha256?: string;
  blobStore: BlobStore;
  cipher: DataKeyCipher;
}

/** What the file record must keep: the blob cannot be found or decrypted without it. */
export interface StoredUpload {
  /** Server-generated, e.g. `files/2025/06/blob_01jx…`; never derived from the file name. */
  storageKey: string;
  /** Plaintext bytes. */
  size: number;
  /** Hex SHA-256 of the plaintext: what the notary validates and what gets anchored. */
  sha256: string;
  /** `client`: the client announced this hash and the bytes matched it. `server`: no hash was announced. */
  sha256Source: 'client' | 'server';
  /** From the magic bytes, whatever the name or the declared type said. */
  detectedType: AcceptedFileType;
  wrappedDataKey: string;
  masterKeyId: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Stores one uploaded file in a single pass over `input`, never holding the whole file in memory:
 * size limit, SHA-256, type check by magic bytes (PDF, PNG, JPEG; HTML polyglots refused) and
 * encryption all happen as the bytes stream into the blob store under a temporary key. Only when every
 * check passed is the blob moved to its final key; the promise resolves once it is durable there.
 *
 * Rejections: `UploadRejected` (413 `file_too_large`, 415 `unsupported_file_type`, 422 `empty_file` or
 * `checksum_mismatch`), a 422 `validation_failed` DomainError for a malformed `expectedSha256`, or the
 * input's own error (client went away). In every case nothing is left in the store and `input` has been
 * destroyed (a refused 10 GB upload is not read to its end: answer and close the connection).
 *
 * Crash safety: a crash before the move leaves a temporary blob for `sweepOrphans`; after the move and
 * before the caller's record commits, an unreferenced blob under `files/` (sweepOrphans with
 * `isReferenced`). If the caller fails to record it, it should `blobStore.delete(storageKey)`.
 */
export async function storeUpload(input: Readable, options: StoreUploadOptions): Promise<StoredUpload> {
  const expectedSha256 = options.expectedSha256?.toLowerCase();
  if (expectedSha256 !== undefined && !SHA256_HEX.test(expectedSha256)) {
    input.destroy();
    throw invalidField('sha256', 'must be the SHA-256 of the file in hexadecimal (64 characters)');
  }
  const { blobStore } = options;
  const inspector = new UploadInspector(options.maxBytes, expectedSha256);
  const { stream: encryptor, wrappedDataKey, masterKeyId } = options.cipher.createEncryptStream();
  const tempKey = `${TEMP_PREFIX}${newId('upl')}`;
  const storageKey = newStorageKey();
  // Any failure destroys every stage, so the blob write fails with it; it is reported from there.
  const encrypted = pipeline(input, inspector, encryptor, () => {});
  let moved = false;
  try {
    await blobStore.put(tempKey, encrypted);
    await blobStore.move(tempKey, storageKey);
    moved = true;
  } catch (error) {
    await Promise.allSettled([blobStore.delete(tempKey), blobStore.delete(storageKey)]);
    throw inspector.rejection ?? error;
  } finally {
    if (!moved) input.destroy();
  }
  return {
    storageKey,
    size: inspector.size,
    sha256: inspector.sha256 as string,
    sha256Source: expectedSha256 === undefined ? 'server' : 'client',
    detectedType: inspector.detectedType as AcceptedFileType,
    wrappedDataKey,
    masterKeyId,
  };
}

/** Month folders keep any one fs directory to a reasonable size; the id is time-ordered and random. */
function newStorageKey(now = new Date()): string {
  const month = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  return `${FILES_PREFIX}${month}/${newId('blob', now.getTime())}`;
}
