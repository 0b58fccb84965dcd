import type { PostOptions, RequestOptions } from '../core/http-client.js';
import { Resource } from '../core/resource.js';
import type { DocumentFile, RefuseFileInput } from '../types.js';

/**
 * Files clients sent, and their review: `/v1/files/{id}`.
 *
 * Not yet here: `upload(requestId, sources, { onProgress })` and `uploadExtra(folderId, …)` over
 * `POST /v1/document-requests/{id}/files` and `POST /v1/folders/{id}/extra-files` (multipart: a `sha256`
 * field before each `file` part). Design: sources are Blobs (a browser File is one); hash each first
 * (Node: streamed through node:crypto), then send a FormData made anew per attempt (`ApiRequest.body` is a
 * factory). In Node, a path becomes a file-backed Blob (`fs.openAsBlob`), and the body must go through a
 * node:http transport: Node 20's fetch holds a streamed request body in memory (measured: 141 MB for a
 * 150 MB file), where http.request + `Readable.fromWeb(new Response(formData).body)` stays at 9 MB.
 */
export class Files extends Resource {
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
