/**
 * SHA-256 of a file, in the browser, before it is sent: the server refuses the bytes unless they hash the
 * same (`checksum_mismatch`), and this hash is what the notary validates and what gets anchored.
 *
 * WebCrypto is the fastest (~450 MB/s here) but digests a whole buffer: the file is read into memory. Above
 * `STREAMING_THRESHOLD_BYTES`, or where WebCrypto is missing (plain-http pages are not secure contexts),
 * hash-wasm hashes the file chunk by chunk in constant memory; it is loaded on first use only.
 */
export const STREAMING_THRESHOLD_BYTES = 256 * 1024 * 1024;

export interface HashOptions {
  /** Bytes hashed so far, and the total. */
  onProgress?: (hashed: number, total: number) => void;
  signal?: AbortSignal;
  /** For tests: force one path. */
  method?: 'webcrypto' | 'streaming';
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(blob: Blob, options: HashOptions = {}): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  const method = options.method ?? (subtle && blob.size <= STREAMING_THRESHOLD_BYTES ? 'webcrypto' : 'streaming');
  options.signal?.throwIfAborted();
  if (method === 'webcrypto' && subtle) {
    const digest = await subtle.digest('SHA-256', await blob.arrayBuffer());
    options.onProgress?.(blob.size, blob.size);
    return toHex(new Uint8Array(digest));
  }
  return streamingSha256(blob, options);
}

async function streamingSha256(blob: Blob, { onProgress, signal }: HashOptions): Promise<string> {
  const { createSHA256 } = await import('hash-wasm');
  const hasher = await createSHA256();
  hasher.init();
  const reader = blob.stream().getReader();
  let hashed = 0;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      hasher.update(value);
      hashed += value.byteLength;
      onProgress?.(hashed, blob.size);
    }
  } finally {
    reader.releaseLock();
  }
  return hasher.digest('hex');
}
