import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { IntegrityError } from '../../ports/data-key-cipher.js';
import { ByteQueue } from './byte-queue.js';

/**
 * The stored form of a file, encrypted with its own 256-bit data key (the "STREAM" online AEAD
 * construction, as in Tink's AES-GCM streaming and age):
 *
 *   header   = "LCEF" || version (1 byte) || nonce prefix (7 random bytes)            12 bytes
 *   segment  = AES-256-GCM(plaintext[i*64 KiB .. +64 KiB]) || tag                     64 KiB + 16 bytes
 *   nonce(i) = nonce prefix || i as uint32 big-endian || 1 if last segment else 0      12 bytes
 *
 * Every segment is authenticated with the header as additional data. The counter in the nonce makes a
 * reordered or dropped segment fail; the last-segment flag makes a file cut at a segment boundary fail
 * (its new last segment was sealed as "not last"); anything appended fails too. Only authenticated
 * bytes are ever emitted, and memory stays at about one segment whatever the file size.
 */
export const SEGMENT_SIZE = 64 * 1024;
export const TAG_SIZE = 16;
const MAGIC = Buffer.from('LCEF', 'latin1');
const VERSION = 1;
const NONCE_PREFIX_SIZE = 7;
export const HEADER_SIZE = MAGIC.length + 1 + NONCE_PREFIX_SIZE;
const STORED_SEGMENT_SIZE = SEGMENT_SIZE + TAG_SIZE;
const MAX_SEGMENTS = 2 ** 32;

function nonceFor(prefix: Buffer, index: number, last: boolean): Buffer {
  if (index >= MAX_SEGMENTS) throw new RangeError('File too large for one data key (2^32 segments).');
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, NONCE_PREFIX_SIZE);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

function assertDataKey(key: Buffer): void {
  if (key.length !== 32) throw new RangeError('A data key is 32 bytes (AES-256).');
}

/** Plaintext in, stored form out. The caller owns `dataKey` and must never reuse it for another file. */
export function createSegmentEncryptor(dataKey: Buffer): Transform {
  assertDataKey(dataKey);
  const prefix = randomBytes(NONCE_PREFIX_SIZE);
  const header = Buffer.concat([MAGIC, Buffer.from([VERSION]), prefix]);
  const pending = new ByteQueue();
  let index = 0;
  let headerSent = false;

  /**
   * Seals one segment given as the pieces it arrived in. GCM takes a segment in several updates with the
   * same result as in one, so a segment that spans two network chunks (nearly all of them: the multipart
   * headers shift the file's bytes) is not first copied into a buffer of its own.
   */
  const seal = (stream: Transform, plaintext: Buffer[], last: boolean) => {
    if (!headerSent) {
      stream.push(header);
      headerSent = true;
    }
    const cipher = createCipheriv('aes-256-gcm', dataKey, nonceFor(prefix, index, last));
    cipher.setAAD(header);
    for (const piece of plaintext) stream.push(cipher.update(piece));
    cipher.final();
    stream.push(cipher.getAuthTag());
    index++;
  };

  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        pending.push(chunk);
        // Keep at least one byte back: a segment is sealed "last" only once the input has ended.
        while (pending.length > SEGMENT_SIZE) seal(this, pending.takePieces(SEGMENT_SIZE), false);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        seal(this, pending.takePieces(pending.length), true);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}

/** Stored form in, plaintext out; errors with `IntegrityError` on any alteration. */
export function createSegmentDecryptor(dataKey: Buffer): Transform {
  assertDataKey(dataKey);
  const pending = new ByteQueue();
  let header: Buffer | undefined;
  let prefix: Buffer | undefined;
  let index = 0;

  const open = (stream: Transform, stored: Buffer, last: boolean) => {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, nonceFor(prefix as Buffer, index, last));
    decipher.setAAD(header as Buffer);
    decipher.setAuthTag(stored.subarray(stored.length - TAG_SIZE));
    const plaintext = decipher.update(stored.subarray(0, stored.length - TAG_SIZE));
    try {
      decipher.final();
    } catch {
      throw new IntegrityError(
        'segment_tampered',
        `Segment ${index} of the stored file failed authentication: it was altered, reordered, or the file was cut short.`,
      );
    }
    stream.push(plaintext);
    index++;
  };

  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        pending.push(chunk);
        if (!header) {
          if (pending.length < HEADER_SIZE) return callback();
          header = pending.take(HEADER_SIZE);
          if (!header.subarray(0, MAGIC.length).equals(MAGIC) || header[MAGIC.length] !== VERSION) {
            throw new IntegrityError('bad_header', 'The stored file does not start with a known LeCoffre encryption header.');
          }
          prefix = header.subarray(MAGIC.length + 1);
        }
        // A full stored segment is "not last" only if more bytes follow it.
        while (pending.length > STORED_SEGMENT_SIZE) open(this, pending.take(STORED_SEGMENT_SIZE), false);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        if (!header || pending.length < TAG_SIZE) {
          throw new IntegrityError('truncated', 'The stored file ends before its last segment.');
        }
        open(this, pending.take(pending.length), true);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}

/** Size of the stored form of `plaintextSize` bytes: lets tests and audits check a blob's length. */
export function storedSize(plaintextSize: number): number {
  const segments = Math.max(1, Math.ceil(plaintextSize / SEGMENT_SIZE));
  return HEADER_SIZE + plaintextSize + segments * TAG_SIZE;
}
