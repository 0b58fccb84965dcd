import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WidgetConnection } from './connection.js';

/**
 * Live updates shared by every LeCoffre element of a page: one store of "what changed" (the page bus)
 * and at most one server-sent event stream per API and scope, whichever elements (and tokens) ask for it.
 * Events only say which folder changed; each element reads the change with its own credential, so
 * sharing a stream never shows an element more than it may read. Elements also tell the bus of their
 * own changes, so that two elements on one page agree without waiting for the server's echo.
 */
export interface LiveChange {
  /** The folder that changed; null when a stream (re)started and anything may have changed (reload). */
  folderId: string | null;
  /** The webhook event type, `ready` (stream started: catch up), or `reset` (too much missed: reload). */
  type: string;
  /** Who announced it: an element skips what it announced itself. */
  origin?: object;
}

/** Where a stream reads from: one folder, or every folder the caller may open. */
export type LiveScope = { folderId: string } | { office: true };

type Listener = (change: LiveChange) => void;

interface PageLive {
  listeners: Set<Listener>;
  streams: Map<string, SharedStream>;
}

// One per page, even with two copies of the widgets loaded (a vendor bundle and the CDN script).
const KEY = Symbol.for('lecoffre.live');
function page(): PageLive {
  const holder = globalThis as unknown as Record<symbol, PageLive | undefined>;
  holder[KEY] ??= { listeners: new Set(), streams: new Map() };
  return holder[KEY];
}

/** Tells every element of the page that `folderId` changed (after an action this page made). */
export function announceChange(change: LiveChange): void {
  for (const listener of [...page().listeners]) listener(change);
}

const RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/** One stream, fed by whichever of its subscribers' connections works; reconnects, resuming after the last id. */
class SharedStream {
  readonly users = new Set<() => WidgetConnection | undefined>();
  private lastEventId?: string;
  private abort?: AbortController;
  private timer?: ReturnType<typeof setTimeout>;
  private failures = 0;

  constructor(
    private readonly key: string,
    private readonly url: string,
    private readonly folderId: string | null,
  ) {}

  start(): void {
    if (!this.abort && this.timer === undefined) void this.run();
  }

  stop(): void {
    this.abort?.abort();
    clearTimeout(this.timer);
    page().streams.delete(this.key);
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    const api = [...this.users].map((use) => use()).find(Boolean);
    if (!api) return;
    const abort = new AbortController();
    this.abort = abort;
    let retryMs = RETRY_MS;
    try {
      const headers: Record<string, string> = { accept: 'text/event-stream' };
      if (api.token) headers.authorization = `Bearer ${api.token}`;
      if (this.lastEventId) headers['last-event-id'] = this.lastEventId;
      const res = await fetch(this.url, {
        headers,
        signal: abort.signal,
        credentials: api.token ? 'omit' : 'same-origin',
        cache: 'no-store',
      });
      if (res.status === 401 && api.bearer && api.token) await api.bearer.renew(api.token);
      if (!res.ok || !res.body) throw new Error(String(res.status));
      this.failures = 0;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n?/g, '\n');
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          retryMs = this.frame(buffer.slice(0, end)) ?? retryMs;
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // Offline, refused, or the server stopping: try again, slower after each failure in a row.
      retryMs = Math.min(MAX_RETRY_MS, RETRY_MS * 2 ** this.failures++);
    }
    if (this.abort !== abort || abort.signal.aborted) return;
    this.abort = undefined;
    this.timer = setTimeout(() => void this.run(), retryMs);
  }

  /** Handles one event block; answers the server's `retry` when it sends one. */
  private frame(block: string): number | undefined {
    let event = 'message';
    let data: string | undefined;
    let retry: number | undefined;
    for (const line of block.split('\n')) {
      const at = line.indexOf(':');
      const field = at < 0 ? line : line.slice(0, at);
      const value = at < 0 ? '' : line.slice(at + 1).replace(/^ /, '');
      if (field === 'id') this.lastEventId = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data = value;
      else if (field === 'retry') retry = Number(value);
    }
    if (event === 'ready' || event === 'reset') announceChange({ folderId: this.folderId, type: event });
    else if (data) {
      const parsed = JSON.parse(data) as { folderId: string; type: string };
      announceChange({ folderId: parsed.folderId, type: parsed.type });
    }
    return retry;
  }
}

function join(connection: () => WidgetConnection | undefined, baseUrl: string, scope: LiveScope): () => void {
  const path = 'folderId' in scope ? `/v1/folders/${encodeURIComponent(scope.folderId)}/live` : '/v1/office/live';
  const key = baseUrl + path;
  const streams = page().streams;
  let stream = streams.get(key);
  if (!stream) {
    stream = new SharedStream(key, key, 'folderId' in scope ? scope.folderId : null);
    streams.set(key, stream);
  }
  const joined = stream;
  joined.users.add(connection);
  joined.start();
  return () => {
    joined.users.delete(connection);
    if (joined.users.size === 0) joined.stop();
  };
}

export interface LiveHost extends ReactiveControllerHost {
  readonly api: WidgetConnection | undefined;
}

/**
 * Keeps an element on the page's live updates: while connected, the stream of `scope()` (shared with any
 * other element of the page that follows it) runs, and `changed` is called for each change another
 * element or the server announced, coalesced: never two at once, one more if changes came meanwhile.
 */
export class LiveController implements ReactiveController {
  private leave?: () => void;
  private followed?: string;
  private running = false;
  private again?: LiveChange;
  /** Lit may still update a removed element (an answer arriving late): it must not follow again then. */
  private connected = false;

  constructor(
    private readonly host: LiveHost,
    private readonly scope: () => LiveScope | undefined,
    private readonly changed: (change: LiveChange) => Promise<void>,
    private readonly wants: (change: LiveChange) => boolean = () => true,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    page().listeners.add(this.listener);
    this.follow();
  }

  hostUpdated(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.connected = false;
    page().listeners.delete(this.listener);
    this.leave?.();
    this.leave = undefined;
    this.followed = undefined;
  }

  /** Tells the other elements of the page that this one changed `folderId`. */
  announce(folderId: string, type: string): void {
    announceChange({ folderId, type, origin: this });
  }

  private follow(): void {
    const api = this.host.api;
    const scope = this.scope();
    const wanted = this.connected && api && scope ? `${api.baseUrl} ${JSON.stringify(scope)}` : undefined;
    if (wanted === this.followed) return;
    this.leave?.();
    this.leave = undefined;
    this.followed = wanted;
    if (wanted && api && scope) this.leave = join(() => this.host.api, api.baseUrl, scope);
  }

  private readonly listener = (change: LiveChange) => {
    if (change.origin === this || !this.wants(change)) return;
    if (this.running) {
      this.again = change;
      return;
    }
    this.running = true;
    void this.changed(change)
      .catch(() => {})
      .finally(() => {
        this.running = false;
        const next = this.again;
        this.again = undefined;
        if (next) this.listener(next);
      });
  };
}
