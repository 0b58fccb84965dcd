import {
  ACCEPTED_FILE_EXTENSIONS,
  ACCEPTED_FILE_TYPES,
  type DocumentFile,
  type LeCoffreError,
  type UploadOptions,
  type UploadProgress,
} from '@lecoffre/sdk';
import type { WidgetConnection } from './connection.js';

/**
 * Uploads from the widgets, through the SDK's `files.upload` / `files.uploadExtra`: one retry policy, one
 * token renewal (a 401 renews once and resends with the same Idempotency-Key) and one error mapping for
 * every call a widget makes. The SDK reports the bytes as they leave (XMLHttpRequest in the browser).
 */

/** Where a file goes: a document request, or the folder's "documents supplémentaires". */
export type UploadTarget = { kind: 'request'; requestId: string } | { kind: 'extra'; folderId: string };

export interface SendFilesOptions {
  connection: WidgetConnection;
  target: UploadTarget;
  /** Sent in one request: all are stored, or none. A File keeps its name. */
  files: Blob[];
  /** Hex SHA-256 of each file computed beforehand (streaming for large ones); the SDK hashes them otherwise. */
  sha256?: readonly string[];
  /** For a member's extra files: the client they are for. */
  clientId?: string;
  /** Bytes of each file sent so far (same order as `files`), as they go; back to 0 when the request is sent again. */
  onProgress?: (sentPerFile: number[]) => void;
  signal?: AbortSignal;
  /** Retries after a network failure, 429 or 5xx; default 3. */
  maxRetries?: number;
  /** Told before each automatic retry, with the error that caused it. */
  onRetry?: (error: LeCoffreError, delayMs: number) => void;
  /** Per attempt; default 10 minutes (large files on slow lines). */
  timeoutMs?: number;
}

/** What the API accepts (the SDK's copy of its list), checked on the bytes server-side; here on the type to answer at once. */
export { ACCEPTED_FILE_TYPES };
/** For `<input type="file" accept>`. */
export const ACCEPT_ATTRIBUTE = [...ACCEPTED_FILE_EXTENSIONS, ...ACCEPTED_FILE_TYPES].join(',');

/** False for a file the API would refuse by its type (`unsupported_file_type`), judged by MIME type or name. */
export function hasAcceptedType(file: File): boolean {
  if ((ACCEPTED_FILE_TYPES as readonly string[]).includes(file.type)) return true;
  const name = file.name.toLowerCase();
  return file.type === '' && ACCEPTED_FILE_EXTENSIONS.some((extension) => name.endsWith(extension));
}

/** Sends the files; resolves with the stored files, or rejects with the SDK's typed errors (or the signal's reason). */
export function sendFiles(options: SendFilesOptions): Promise<DocumentFile[]> {
  const { connection, target, files } = options;
  const upload: UploadOptions = {
    sha256: options.sha256,
    signal: options.signal,
    maxRetries: options.maxRetries ?? 3,
    timeoutMs: options.timeoutMs ?? 600_000,
    onRetry: options.onRetry,
    // Only when asked for: progress is what takes the browser's XMLHttpRequest transport instead of fetch.
    onProgress: options.onProgress
      ? (progress: UploadProgress) => {
          if (progress.phase !== 'hashing') options.onProgress?.(progress.fileBytes);
        }
      : undefined,
  };
  return target.kind === 'request'
    ? connection.client.documents.upload(target.requestId, files, upload)
    : connection.client.documents.uploadExtra(target.folderId, files, { ...upload, clientId: options.clientId });
}
