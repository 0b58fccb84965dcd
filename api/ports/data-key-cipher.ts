import type { Transform } from 'node:stream';

/**
 * Envelope encryption of stored files: each file gets a fresh data key, the bytes are encrypted with it
 * as they stream, and only the data key wrapped by a master key is kept (in the file's database record).
 * Rotating the master key re-wraps data keys; the blobs are never rewritten.
 */
export interface DataKeyCipher {
  /**
   * A fresh data key, already wrapped by the current master key, and a Transform turning plaintext into
   * the stored form. Keep `wrappedDataKey` and `masterKeyId` next to the storage key: without them the
   * blob cannot be read.
   */
  createEncryptStream(): WrappedDataKey & { stream: Transform };
  /**
   * A Transform turning the stored form back into plaintext. Throws `IntegrityError` at once if the data
   * key cannot be unwrapped (unknown master key id, altered wrapped key); the stream errors with
   * `IntegrityError` as soon as a segment fails authentication, is missing, is out of order, or the
   * blob was cut short. Bytes it has emitted were authenticated first.
   */
  createDecryptStream(wrapped: WrappedDataKey): Transform;
  /** The master key new data keys are wrapped with. */
  readonly currentMasterKeyId: string;
  /**
   * The same data key, wrapped by the current master key (master key rotation: the blob is untouched).
   * Throws `IntegrityError` if it cannot be unwrapped (unknown master key id, altered wrapped key).
   */
  rewrap(wrapped: WrappedDataKey): WrappedDataKey;
}

export interface WrappedDataKey {
  /** Opaque text (`v1.` + base64url); safe to store in a text column. */
  wrappedDataKey: string;
  /** Which master key wrapped it: rotation finds the records still wrapped by an old key with this. */
  masterKeyId: string;
}

export type IntegrityFailure =
  | 'bad_header'
  | 'segment_tampered'
  | 'truncated'
  | 'unknown_master_key'
  | 'data_key_unwrap_failed'
  | 'sha256_mismatch'
  | 'size_mismatch'
  | 'blob_missing';

/**
 * Stored bytes are not what was stored: tampering, truncation, a lost blob or a wrong key. Never the
 * caller's fault: the HTTP layer answers 500 `integrity_error` (or aborts a response already started)
 * and logs an alert with `reason` and `storageKey`.
 */
export class IntegrityError extends Error {
  readonly code = 'integrity_error';
  constructor(
    public readonly reason: IntegrityFailure,
    message: string,
    /** The blob it happened on; set by the service that read it (the crypto layer does not know keys). */
    public storageKey?: string,
  ) {
    super(message);
    this.name = 'IntegrityError';
  }
}
