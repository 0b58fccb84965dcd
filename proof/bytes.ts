/** Byte helpers for the proof verifier: browsers have no Buffer, and proof/ must run there too. */

const HEX = /^(?:[0-9a-f]{2})*$/;

export function isHex(value: unknown, bytes?: number): value is string {
  return typeof value === 'string' && HEX.test(value) && (bytes === undefined || value.length === bytes * 2);
}

export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  if (!isHex(hex.toLowerCase())) throw new TypeError('Not an even-length hexadecimal string.');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** SHA-256 through WebCrypto (`globalThis.crypto.subtle`): browsers, Node >= 20, Deno, workers. */
export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('WebCrypto (crypto.subtle) is not available here: a secure context (https) is needed.');
  // WebCrypto wants an ArrayBuffer-backed view; a copy also detaches us from views over shared buffers.
  return new Uint8Array(await subtle.digest('SHA-256', new Uint8Array(data)));
}

export async function sha256Hex(data: Uint8Array): Promise<string> {
  return bytesToHex(await sha256(data));
}
