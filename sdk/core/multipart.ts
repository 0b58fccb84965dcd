/**
 * A multipart/form-data body laid out by the SDK rather than by FormData, so that its length and the
 * offset of every file are known before a byte is sent: that is what turns "bytes of the body sent" into
 * "bytes of each file sent", in any runtime. The framing is the one browsers and Node's fetch write for a
 * FormData (quotes and line breaks in names escaped as %22 / %0D / %0A, names in UTF-8).
 */
export interface MultipartFile {
  blob: Blob;
  name: string;
}

export interface MultipartBody {
  /** The whole body; its parts are the files' own Blobs, so nothing is copied or read to build it. */
  body: Blob;
  contentType: string;
  /** Where each file's bytes start in `body`, in the order given. */
  offsets: number[];
}

const escapeName = (text: string) => text.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');

function boundary(): string {
  const random = new Uint8Array(12);
  globalThis.crypto.getRandomValues(random);
  return `----LeCoffreFormBoundary${Array.from(random, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Text `fields` first, then each file as a `file` part preceded by its `sha256` field. */
export function multipartBody(fields: Array<[string, string]>, files: MultipartFile[], hashes: string[]): MultipartBody {
  const mark = boundary();
  const encoder = new TextEncoder();
  const parts: BlobPart[] = [];
  const offsets: number[] = [];
  let length = 0;
  const text = (value: string) => {
    const bytes = encoder.encode(value);
    parts.push(bytes);
    length += bytes.byteLength;
  };
  const field = (name: string, value: string) =>
    text(`--${mark}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${value.replace(/\r\n|\r|\n/g, '\r\n')}\r\n`);
  for (const [name, value] of fields) field(name, value);
  files.forEach((file, index) => {
    field('sha256', hashes[index]);
    const type = file.blob.type || 'application/octet-stream';
    text(`--${mark}\r\nContent-Disposition: form-data; name="file"; filename="${escapeName(file.name)}"\r\nContent-Type: ${type}\r\n\r\n`);
    offsets.push(length);
    parts.push(file.blob);
    length += file.blob.size;
    text('\r\n');
  });
  text(`--${mark}--\r\n`);
  return { body: new Blob(parts), contentType: `multipart/form-data; boundary=${mark}`, offsets };
}

/** Bytes of each file within the first `sent` bytes of the body. */
export function sentPerFile(sent: number, offsets: number[], sizes: number[]): number[] {
  return sizes.map((size, index) => Math.min(size, Math.max(0, sent - offsets[index])));
}
