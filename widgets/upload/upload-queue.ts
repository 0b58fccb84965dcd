import type { DocumentFile } from '@lecoffre/sdk';
import { ConnectionError, LeCoffreError } from '@lecoffre/sdk';
import type { WidgetConnection } from '../core/connection.js';
import { isTransient } from '../core/errors.js';
import { sha256Hex } from '../core/sha256.js';
import { hasAcceptedType, sendFiles, type UploadTarget } from '../core/upload.js';

export type { UploadTarget };

export type UploadState = 'hashing' | 'uploading' | 'retrying' | 'failed' | 'done';

export interface UploadItem {
  readonly key: number;
  readonly file: File;
  readonly target: UploadTarget;
  state: UploadState;
  /** 0..1 of the bytes sent. */
  progress: number;
  /** Bytes sent so far, and when the first byte left (ms, `performance.now()`): for "time left". */
  sent: number;
  startedAt?: number;
  /** Aborts this file's hashing or request ("Annuler"). */
  abort?: AbortController;
  /** Why it failed (state `failed`). */
  error?: unknown;
  /** Worth retrying (no answer, 5xx, 429) rather than choosing another file. */
  retryable: boolean;
  stored?: DocumentFile[];
}

export interface UploadQueueHooks {
  connection: () => WidgetConnection | undefined;
  /** Limit checked before sending, if the page knows the server's; the server checks anyway. */
  maxFileSize: () => number | undefined;
  changed: () => void;
  stored: (item: UploadItem, files: DocumentFile[]) => void;
  failed: (item: UploadItem, error: unknown) => void;
  /** The user cancelled a file before it was stored: nothing was kept. */
  cancelled: (item: UploadItem) => void;
}

/** Seconds left at the pace so far; undefined until a second of sending gives a pace worth trusting. */
export function secondsLeft(item: UploadItem, now = performance.now()): number | undefined {
  if (item.startedAt === undefined || item.sent <= 0) return undefined;
  const elapsed = (now - item.startedAt) / 1000;
  if (elapsed < 1) return undefined;
  return Math.max(0, Math.ceil(((item.file.size - item.sent) * elapsed) / item.sent));
}

/** A refusal decided in the browser, shaped like the server's so one message table serves both. */
function localRefusal(code: 'unsupported_file_type' | 'file_too_large' | 'empty_file', status: number): LeCoffreError {
  return new LeCoffreError(code, { status, code, requestId: undefined, problem: undefined });
}

/**
 * The files a user dropped, each hashed then sent on its own (one file refused does not hold the others
 * back), one at a time so a slow line gives each its full bandwidth.
 */
export class UploadQueue {
  readonly items: UploadItem[] = [];
  private nextKey = 1;
  private running = false;

  constructor(private readonly hooks: UploadQueueHooks) {}

  add(files: Iterable<File>, target: UploadTarget): void {
    const max = this.hooks.maxFileSize();
    for (const file of files) {
      const item: UploadItem = { key: this.nextKey++, file, target, state: 'hashing', progress: 0, sent: 0, retryable: false };
      const refusal = !hasAcceptedType(file)
        ? localRefusal('unsupported_file_type', 415)
        : max !== undefined && file.size > max
          ? localRefusal('file_too_large', 413)
          : file.size === 0
            ? localRefusal('empty_file', 422)
            : undefined;
      this.items.push(item);
      if (refusal) this.fail(item, refusal);
    }
    this.hooks.changed();
    void this.drain();
  }

  retry(key: number): void {
    const item = this.items.find((candidate) => candidate.key === key);
    if (item?.state !== 'failed' || !item.retryable) return;
    Object.assign(item, { state: 'hashing', progress: 0, sent: 0, startedAt: undefined, error: undefined, retryable: false });
    this.hooks.changed();
    void this.drain();
  }

  /** Every failure that a better connection may fix (called when the browser comes back online). */
  retryTransient(): void {
    for (const item of this.items) if (item.state === 'failed' && item.retryable) this.retry(item.key);
  }

  /** "Annuler": stops the file's hashing or request (the browser drops the connection); nothing is stored. */
  cancel(key: number): void {
    const item = this.items.find((candidate) => candidate.key === key);
    if (!item || !['hashing', 'uploading', 'retrying'].includes(item.state)) return;
    if (item.abort) item.abort.abort(new DOMException('Cancelled by the user.', 'AbortError'));
    else this.remove(item);
  }

  private remove(item: UploadItem): void {
    const index = this.items.indexOf(item);
    if (index >= 0) this.items.splice(index, 1);
    this.hooks.changed();
    this.hooks.cancelled(item);
  }

  dismiss(key: number): void {
    const index = this.items.findIndex((item) => item.key === key);
    if (index >= 0 && ['failed', 'done'].includes(this.items[index].state)) this.items.splice(index, 1);
    this.hooks.changed();
  }

  /** Forgets finished files once the server's lists show them. */
  clearDone(): void {
    for (let i = this.items.length - 1; i >= 0; i--) if (this.items[i].state === 'done') this.items.splice(i, 1);
    this.hooks.changed();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let item = this.nextWaiting(); item; item = this.nextWaiting()) await this.send(item);
    } finally {
      this.running = false;
    }
  }

  private nextWaiting(): UploadItem | undefined {
    return this.items.find((item) => item.state === 'hashing');
  }

  private async send(item: UploadItem): Promise<void> {
    const connection = this.hooks.connection();
    if (!connection) return this.fail(item, new ConnectionError('No LeCoffre connection configured.', undefined));
    const abort = new AbortController();
    item.abort = abort;
    try {
      const sha256 = await sha256Hex(item.file, { signal: abort.signal });
      this.update(item, { state: 'uploading', startedAt: performance.now() });
      const stored = await sendFiles({
        connection,
        target: item.target,
        files: [item.file],
        sha256: [sha256],
        signal: abort.signal,
        onProgress: ([sent]) => this.update(item, { state: 'uploading', sent, progress: item.file.size ? sent / item.file.size : 1 }),
        onRetry: () => this.update(item, { state: 'retrying', progress: 0, sent: 0, startedAt: performance.now() }),
      });
      this.update(item, { state: 'done', progress: 1, stored });
      this.hooks.stored(item, stored);
    } catch (error) {
      if (abort.signal.aborted) this.remove(item);
      else this.fail(item, error);
    } finally {
      item.abort = undefined;
    }
  }

  private fail(item: UploadItem, error: unknown): void {
    Object.assign(item, { state: 'failed', error, retryable: isTransient(error) });
    this.hooks.changed();
    this.hooks.failed(item, error);
  }

  private update(item: UploadItem, changes: Partial<UploadItem>): void {
    Object.assign(item, changes);
    this.hooks.changed();
  }
}
