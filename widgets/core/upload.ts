import type { DocumentFile } from '@lecoffre/sdk';
import {
  ACCEPTED_FILE_EXTENSIONS,
  ACCEPTED_FILE_TYPES,
  ConnectionError,
  errorFromResponse,
  type LeCoffreError,
  newIdempotencyKey,
  retryDelayMs,
  TimeoutError,
} from '@lecoffre/sdk';
import type { LeCoffreConnection } from './connection.js';

/**
 * Multipart uploads from the browser, over XMLHttpRequest: fetch cannot report upload progress. Speaks the
 * API's contract (`POST /v1/document-requests/{id}/files`, `POST /v1/folders/{id}/extra-files`): a `sha256`
 * field before each `file` part; all files of one call are stored, or none. Retries like the SDK does
 * (no answer, 429, 5xx; a 401 once, with the connection's renewed token), with one Idempotency-Key for
 * every attempt.
 */
export interface UploadPart {
  blob: Blob;
  /** The name the server records (a File's own name by default). */
  name?: string;
  /** Hex SHA-256 computed beforehand; the server then refuses bytes that hash otherwise. */
  sha256?: string;
}

export interface SendFilesOptions {
  connection: LeCoffreConnection;
  /** `/v1/document-requests/{id}/files` or `/v1/folders/{id}/extra-files`. */
  path: string;
  files: UploadPart[];
  /** Fields sent before the files (e.g. `clientId` for a member's extra files). */
  fields?: Record<string, string>;
  /** Bytes of each file sent so far (same order as `files`), on every progress event. */
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

export function requestFilesPath(requestId: string): string {
  return `/v1/document-requests/${encodeURIComponent(requestId)}/files`;
}

export function extraFilesPath(folderId: string): string {
  return `/v1/folders/${encodeURIComponent(folderId)}/extra-files`;
}

function formData(files: UploadPart[], fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const part of files) {
    if (part.sha256) form.append('sha256', part.sha256);
    form.append('file', part.blob, part.name ?? (part.blob instanceof File ? part.blob.name : 'document'));
  }
  return form;
}

/**
 * Spreads the body's bytes sent over the files, in order: the multipart framing is a few hundred bytes,
 * so the share of each file is what the user needs to see move.
 */
function perFile(loaded: number, total: number, sizes: number[]): number[] {
  const payload = sizes.reduce((sum, size) => sum + size, 0);
  let remaining = total > 0 ? (loaded / total) * payload : 0;
  return sizes.map((size) => {
    const sent = Math.min(size, Math.max(0, remaining));
    remaining -= size;
    return sent;
  });
}

type Attempt = { ok: true; files: DocumentFile[] } | { ok: false; error: LeCoffreError; retryAfter: string | null };

function attempt(options: SendFilesOptions, idempotencyKey: string, token: string | undefined): Promise<Attempt> {
  const { connection, path, files, signal } = options;
  const sizes = files.map((part) => part.blob.size);
  const timeoutMs = options.timeoutMs ?? 600_000;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${connection.baseUrl}${path}`);
    xhr.timeout = timeoutMs;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Idempotency-Key', idempotencyKey);
    if (token !== undefined) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    else xhr.withCredentials = true;
    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = (result: Attempt | { reason: unknown }) => {
      signal?.removeEventListener('abort', onAbort);
      if ('reason' in result) reject(result.reason);
      else resolve(result);
    };
    xhr.upload.onprogress = (event) => options.onProgress?.(perFile(event.loaded, event.total, sizes));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(sizes);
        const body = JSON.parse(xhr.responseText) as { data: DocumentFile[] };
        settle({ ok: true, files: body.data });
        return;
      }
      const headers = new Headers();
      for (const name of ['content-type', 'x-request-id', 'retry-after']) {
        const value = xhr.getResponseHeader(name);
        if (value !== null) headers.set(name, value);
      }
      const error = errorFromResponse(new Response(null, { status: xhr.status, headers }), xhr.responseText);
      settle({ ok: false, error, retryAfter: headers.get('retry-after') });
    };
    xhr.onerror = () =>
      settle({
        ok: false,
        error: new ConnectionError(`No answer from LeCoffre at ${connection.baseUrl} (POST ${path}).`, undefined),
        retryAfter: null,
      });
    xhr.ontimeout = () => settle({ ok: false, error: new TimeoutError(timeoutMs), retryAfter: null });
    xhr.onabort = () => settle({ reason: signal?.reason ?? new DOMException('Upload aborted', 'AbortError') });
    xhr.send(formData(files, options.fields ?? {}));
  });
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** Sends the files; resolves with the stored files, or rejects with the SDK's typed errors. */
export async function sendFiles(options: SendFilesOptions): Promise<DocumentFile[]> {
  const maxRetries = options.maxRetries ?? 3;
  const idempotencyKey = newIdempotencyKey();
  const { bearer } = options.connection;
  // One token for every attempt, even if another call renews it meanwhile: the API scopes idempotency
  // keys by credential, so a retry under a new token after a lost answer would store the files twice.
  // Only a 401 switches it, once: the refused token stored nothing with this key.
  let token = bearer?.value;
  let renewed = false;
  for (let retry = 0; ; ) {
    options.signal?.throwIfAborted();
    const result = await attempt(options, idempotencyKey, token);
    if (result.ok) return result.files;
    if (result.error.status === 401 && token !== undefined && !renewed) {
      renewed = true;
      const fresh = await bearer?.renew(token);
      if (fresh !== undefined) {
        token = fresh;
        options.onProgress?.(options.files.map(() => 0));
        continue;
      }
    }
    const delay = retry < maxRetries ? retryDelayMs(result.error, retry, result.retryAfter) : undefined;
    if (delay === undefined) throw result.error;
    options.onProgress?.(options.files.map(() => 0));
    options.onRetry?.(result.error, delay);
    await wait(delay, options.signal);
    retry++;
  }
}
