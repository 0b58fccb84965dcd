import type { PostOptions, RequestOptions } from '../core/http-client.js';
import { Resource } from '../core/resource.js';

// An empty id would address another route; ids are URL-encoded into the path.
const requestIdPattern = /^\/v1\/(document-requests|folders)\/[^/]+\//;

import type { DocumentFile, RefuseFileInput } from '../types.js';

/** What `upload` reports as it goes: each file hashed, then the request sent and stored. */
export interface UploadProgress {
  phase: 'hashing' | 'sent';
  /** Files done in this phase, and how many there are. */
  files: number;
  totalFiles: number;
  /** Bytes of the files done in this phase, and of all of them. */
  bytes: number;
  totalBytes: number;
}

export interface UploadOptions extends PostOptions {
  onProgress?: (progress: UploadProgress) => void;
}

/** A file to send: a Blob (a browser File is one; in Node, `fs.openAsBlob(path)` reads from disk as it goes). */
export type UploadSource = Blob;

function fileName(source: Blob, index: number): string {
  const name = (source as Blob & { name?: unknown }).name;
  return typeof name === 'string' && name ? name : `document-${index + 1}`;
}

async function sha256Hex(source: Blob): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', await source.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Files clients sent, and their review: `/v1/files/{id}`, and sending them.
 *
 * Uploads hash each file first (SHA-256, WebCrypto), so that the server refuses bytes altered on the way
 * (`checksum_mismatch`), then send one multipart request: every file is stored, or none. The body is made
 * anew for each retry (same idempotency key). Progress is reported per file; for byte-level progress in a
 * browser, the widgets upload with XMLHttpRequest (widgets/core/upload.ts).
 */
export class Files extends Resource {
  /** Sends files for a request ("Ajouter un document"); the request becomes `submitted`. */
  upload(requestId: string, sources: UploadSource | UploadSource[], options: UploadOptions = {}): Promise<DocumentFile[]> {
    return this.send(`/v1/document-requests/${encodeURIComponent(requestId)}/files`, sources, {}, options);
  }

  /** "Documents supplémentaires": files without a request; a member sends them for one client of the folder. */
  uploadExtra(
    folderId: string,
    sources: UploadSource | UploadSource[],
    options: UploadOptions & { clientId?: string } = {},
  ): Promise<DocumentFile[]> {
    const fields: Record<string, string> = options.clientId ? { clientId: options.clientId } : {};
    return this.send(`/v1/folders/${encodeURIComponent(folderId)}/extra-files`, sources, fields, options);
  }

  private async send(
    path: string,
    sources: UploadSource | UploadSource[],
    fields: Record<string, string>,
    options: UploadOptions,
  ): Promise<DocumentFile[]> {
    if (!requestIdPattern.test(path)) throw new TypeError('upload: the id must be a non-empty string.');
    const files = Array.isArray(sources) ? sources : [sources];
    if (files.length === 0) throw new TypeError('upload: give at least one file.');
    const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
    const report = (phase: UploadProgress['phase'], done: number) =>
      options.onProgress?.({
        phase,
        files: done,
        totalFiles: files.length,
        bytes: files.slice(0, done).reduce((s, f) => s + f.size, 0),
        totalBytes,
      });
    const hashes: string[] = [];
    // One after the other: a file is read into memory to be hashed, never two at once.
    for (const [index, file] of files.entries()) {
      hashes.push(await sha256Hex(file));
      report('hashing', index + 1);
    }
    const body = () => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      files.forEach((file, index) => {
        form.append('sha256', hashes[index]);
        form.append('file', file, fileName(file, index));
      });
      return form;
    };
    const response = await this.http.request({ method: 'POST', path, body, idempotencyKey: options.idempotencyKey }, options);
    report('sent', files.length);
    return (response.data as { data: DocumentFile[] }).data;
  }

  retrieve(id: string, options?: RequestOptions): Promise<DocumentFile> {
    return this.call('GET /v1/files/{id}', { path: { id } }, options);
  }

  validate(id: string, options?: PostOptions): Promise<DocumentFile> {
    return this.call('POST /v1/files/{id}/validate', { path: { id } }, options);
  }

  /** Refuses the file; the reason is e-mailed to the client, who sends another. */
  refuse(id: string, body: RefuseFileInput = {}, options?: PostOptions): Promise<DocumentFile> {
    return this.call('POST /v1/files/{id}/refuse', { path: { id }, json: body }, options);
  }

  /**
   * The file itself; the API serves it once validated (PermissionError `file_not_validated` before).
   * Typed here as a Blob: the contract says 204 because tsoa cannot describe a streamed binary answer.
   */
  download(id: string, options?: RequestOptions): Promise<Blob> {
    return this.call('GET /v1/files/{id}/download', { path: { id } }, options) as Promise<unknown> as Promise<Blob>;
  }

  /** The file to show in a viewer, whatever its review state (a Blob, as for `download`). */
  preview(id: string, options?: RequestOptions): Promise<Blob> {
    return this.call('GET /v1/files/{id}/preview', { path: { id } }, options) as Promise<unknown> as Promise<Blob>;
  }
}
