import type { HttpClient } from '../core/http-client.js';
import { multipartBody, sentPerFile } from '../core/multipart.js';
import type { DocumentFile } from '../types.js';
import type { UploadOptions, UploadProgress, UploadSource } from './documents.js';

// An empty id would address another route; ids are URL-encoded into the path.
const requestIdPattern = /^\/v1\/(document-requests|folders)\/[^/]+\//;

function fileName(source: Blob, index: number): string {
  const name = (source as Blob & { name?: unknown }).name;
  return typeof name === 'string' && name ? name : `document-${index + 1}`;
}

async function sha256Hex(source: Blob): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', await source.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The upload behind `documents.upload` and `documents.uploadExtra` (see Documents): every file hashed, one
 * multipart request, progress per file. Loaded on the first upload only.
 */
export async function sendDocuments(
  http: HttpClient,
  path: string,
  sources: UploadSource | UploadSource[],
  fields: Record<string, string>,
  options: UploadOptions,
): Promise<DocumentFile[]> {
  if (!requestIdPattern.test(path)) throw new TypeError('upload: the id must be a non-empty string.');
  const files = Array.isArray(sources) ? sources : [sources];
  if (files.length === 0) throw new TypeError('upload: give at least one file.');
  if (options.sha256 && options.sha256.length !== files.length) throw new TypeError('upload: give one sha256 per file.');
  const sizes = files.map((file) => file.size);
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0);
  const report = (phase: UploadProgress['phase'], fileBytes: number[]) =>
    options.onProgress?.({
      phase,
      files: fileBytes.filter((bytes, index) => bytes === sizes[index]).length,
      totalFiles: files.length,
      bytes: fileBytes.reduce((sum, bytes) => sum + bytes, 0),
      totalBytes,
      fileBytes,
    });
  const upTo = (done: number) => sizes.map((size, index) => (index < done ? size : 0));
  let hashes = options.sha256 ? [...options.sha256] : undefined;
  if (!hashes) {
    hashes = [];
    // One after the other: a file is read into memory to be hashed, never two at once.
    for (const [index, file] of files.entries()) {
      hashes.push(await sha256Hex(file));
      report('hashing', upTo(index + 1));
    }
  }
  const named = files.map((blob, index) => ({ blob, name: fileName(blob, index) }));
  const { body, contentType, offsets } = multipartBody(Object.entries(fields), named, hashes);
  let last = -1;
  const onUploadProgress = options.onProgress
    ? (sent: number) => {
        // Framing bytes move nothing the caller sees: only report when a file's share moved.
        const fileBytes = sentPerFile(sent, offsets, sizes);
        const bytes = fileBytes.reduce((sum, value) => sum + value, 0);
        if (bytes === last) return;
        last = bytes;
        report('sending', fileBytes);
      }
    : undefined;
  const response = await http.request(
    {
      method: 'POST',
      path,
      body: () => {
        last = -1;
        return body;
      },
      headers: { 'Content-Type': contentType },
      idempotencyKey: options.idempotencyKey,
      onUploadProgress,
      onRetry: options.onRetry,
    },
    options,
  );
  report('sent', sizes);
  return (response.data as { data: DocumentFile[] }).data;
}
