import { createHash } from 'node:crypto';
import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import { BlobNotFoundError, type BlobStore } from '../../ports/blob-store.js';
import { type DataKeyCipher, IntegrityError } from '../../ports/data-key-cipher.js';

/** The columns of a file record that reading needs. */
export interface StoredFileRef {
  storageKey: string;
  wrappedDataKey: string;
  masterKeyId: string;
  /** Hex SHA-256 recorded at upload. */
  sha256: string;
  /** Plaintext size recorded at upload; checked too when given. */
  size?: number;
}

export interface ReadStoredFileDeps {
  blobStore: BlobStore;
  cipher: DataKeyCipher;
}

/**
 * The plaintext of a stored file, decrypted as it streams: every 64 KiB segment is authenticated before
 * its bytes are emitted, and the SHA-256 (and size) of the whole is checked against the record at the
 * end. Never silently wrong bytes: any mismatch is an `IntegrityError` (`code: 'integrity_error'`,
 * with `reason` and `storageKey` for the alert log).
 *
 * Resolves once the blob is open and its first segment authenticated, so the commonest failures (missing
 * blob, unknown master key, altered header or first segment) reject before a byte is sent: answer a clean
 * 500 problem. Failures further in arrive as an `'error'` event on
 * the returned stream after bytes went out: the HTTP layer must then abort the response (destroying it,
 * as `stream.pipeline(file, res)` does) so the client sees a failed download, not a short file.
 */
export async function readStoredFile(stored: StoredFileRef, deps: ReadStoredFileDeps): Promise<Readable> {
  const tagged = (error: unknown) => {
    if (error instanceof IntegrityError) error.storageKey ??= stored.storageKey;
    return error;
  };
  let decryptor: Transform;
  let blob: Readable;
  try {
    decryptor = deps.cipher.createDecryptStream(stored);
    blob = await deps.blobStore.get(stored.storageKey);
  } catch (error) {
    if (error instanceof BlobNotFoundError) {
      throw new IntegrityError('blob_missing', 'The stored file has a record but no blob.', stored.storageKey);
    }
    throw tagged(error);
  }
  // Registered before pipeline's own listener, so downstream stages see the error with its key.
  decryptor.on('error', tagged);

  return new Promise<Readable>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    const verifier = new FinalHashCheck(stored, () => settle(() => resolve(verifier)));
    // Stays attached: an error nobody listened to would crash the process; the caller adds its own.
    verifier.on('error', (error) => settle(() => reject(tagged(error))));
    pipeline(blob, decryptor, verifier, () => {});
  });
}

/** Passes plaintext through, hashing it; fails at the end if it is not what the record says. */
class FinalHashCheck extends Transform {
  private readonly hash = createHash('sha256');
  private size = 0;

  constructor(
    private readonly stored: StoredFileRef,
    /** Called at the first authenticated bytes (or at a verified end). */
    private readonly onReady: () => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    callback(null, chunk);
    this.onReady();
  }

  override _flush(callback: TransformCallback): void {
    const problem = this.mismatch();
    if (problem) {
      callback(problem);
      return;
    }
    callback();
    this.onReady();
  }

  private mismatch(): IntegrityError | undefined {
    const { sha256: recorded, size, storageKey } = this.stored;
    const sha256 = this.hash.digest('hex');
    if (sha256 !== recorded.toLowerCase()) {
      return new IntegrityError('sha256_mismatch', `The decrypted file hashes to ${sha256}, not the recorded ${recorded}.`, storageKey);
    }
    if (size !== undefined && this.size !== size) {
      return new IntegrityError('size_mismatch', `The decrypted file has ${this.size} bytes, not the recorded ${size}.`, storageKey);
    }
    return undefined;
  }
}
