import { ConnectionError, type LeCoffreError } from '../core/errors.js';
import type { PostOptions, RequestOptions } from '../core/http-client.js';
import { Resource } from '../core/resource.js';
import type { DocumentFile, RefuseFileInput } from '../types.js';

/**
 * What `upload` reports as it goes: each file hashed, then the bytes of the request as they leave, then
 * the files stored. `sending` events come as the bytes go (in a browser through XMLHttpRequest, in Node
 * as fetch reads the body); a retried request (network failure, 429, 5xx, a renewed token) sends again
 * from 0.
 */
export interface UploadProgress {
  phase: 'hashing' | 'sending' | 'sent';
  /** Files done in this phase (hashed, or entirely sent), and how many there are. */
  files: number;
  totalFiles: number;
  /** Bytes of the files done in this phase (for `sending`, sent so far), and of all of them. */
  bytes: number;
  totalBytes: number;
  /** `bytes`, file by file, in the order given. */
  fileBytes: number[];
}

export interface UploadOptions extends PostOptions {
  onProgress?: (progress: UploadProgress) => void;
  /**
   * The hex SHA-256 of each file, in the order given, when the caller computed them already (e.g.
   * streaming through a large file): the hashing phase is skipped. The server still checks them.
   */
  sha256?: readonly string[];
  /** Told before each automatic retry, with the error that caused it and the wait before it. */
  onRetry?: (error: LeCoffreError, delayMs: number) => void;
}

/** A file to send: a Blob (a browser File is one; in Node, `fs.openAsBlob(path)` reads from disk as it goes). */
export type UploadSource = Blob;

/**
 * Documents clients sent, and their review: `/v1/documents/{id}`, and sending them.
 *
 * Uploads hash each file first (SHA-256, WebCrypto), so that the server refuses bytes altered on the way
 * (`checksum_mismatch`), then send one multipart request: every file is stored, or none. Every retry
 * sends the same body with the same idempotency key; on a 401 the token is renewed once (BearerToken).
 * Progress is reported per file while hashing, then byte by byte while sending (see UploadProgress).
 */
export class Documents extends Resource {
  /** Sends files for a request ("Ajouter un document"); the request becomes `submitted`. */
  upload(requestId: string, sources: UploadSource | UploadSource[], options: UploadOptions = {}): Promise<DocumentFile[]> {
    return this.send(`/v1/document-requests/${encodeURIComponent(requestId)}/documents`, sources, {}, options);
  }

  /** "Documents supplémentaires": files without a request; a member sends them for one client of the folder. */
  uploadExtra(
    folderId: string,
    sources: UploadSource | UploadSource[],
    options: UploadOptions & { clientId?: string } = {},
  ): Promise<DocumentFile[]> {
    const fields: Record<string, string> = options.clientId ? { clientId: options.clientId } : {};
    return this.send(`/v1/folders/${encodeURIComponent(folderId)}/extra-documents`, sources, fields, options);
  }

  private async send(
    path: string,
    sources: UploadSource | UploadSource[],
    fields: Record<string, string>,
    options: UploadOptions,
  ): Promise<DocumentFile[]> {
    // Hashing, the multipart framing and the progress count are a chunk of their own, fetched on the first
    // upload: a browser page that only reads (a notary's review) never downloads them.
    const { sendDocuments } = await import('./send-documents.js').catch((error: unknown) => {
      throw new ConnectionError('Could not load the upload code of the LeCoffre SDK.', error);
    });
    return sendDocuments(this.http, path, sources, fields, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<DocumentFile> {
    return this.call('GET /v1/documents/{id}', { path: { id } }, options);
  }

  validate(id: string, options?: PostOptions): Promise<DocumentFile> {
    return this.call('POST /v1/documents/{id}/validate', { path: { id } }, options);
  }

  /** Refuses the document; the reason is e-mailed to the client, who sends another. */
  refuse(id: string, body: RefuseFileInput = {}, options?: PostOptions): Promise<DocumentFile> {
    return this.call('POST /v1/documents/{id}/refuse', { path: { id }, json: body }, options);
  }

  /** The document's file; the API serves it once validated (PermissionError `file_not_validated` before). */
  download(id: string, options?: RequestOptions): Promise<Blob> {
    return this.call('GET /v1/documents/{id}/download', { path: { id } }, options);
  }

  /** The document's file to show in a viewer, whatever its review state (a Blob, as for `download`). */
  preview(id: string, options?: RequestOptions): Promise<Blob> {
    return this.call('GET /v1/documents/{id}/preview', { path: { id } }, options);
  }
}
