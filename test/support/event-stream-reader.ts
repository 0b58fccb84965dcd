import { patience } from './patience.js';

/** One server-sent event as a browser's EventSource would dispatch it. */
export interface ReceivedEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/**
 * Reads a `text/event-stream` answer over real HTTP (fetch, so a bearer header can be sent, as the widgets
 * do) and hands out its events and comments in order. `next` waits for the next event that matches, on
 * the events themselves; its limit (scaled by patience) only ends a wait that has gone wrong.
 */
export class EventStreamReader {
  readonly events: ReceivedEvent[] = [];
  readonly comments: string[] = [];
  status = 0;
  ended = false;
  private cursor = 0;
  private wake?: () => void;
  private readonly controller = new AbortController();

  static async open(url: string, headers: Record<string, string> = {}): Promise<EventStreamReader> {
    const reader = new EventStreamReader();
    const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: reader.controller.signal });
    reader.status = res.status;
    if (!res.ok || !res.body) {
      reader.ended = true;
      reader.body = await res.text();
      return reader;
    }
    void reader.pump(res.body);
    return reader;
  }

  /** The body of a refused answer (problem+json). */
  body = '';

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = body.getReader();
    try {
      for (;;) {
        const { value: chunk, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(chunk, { stream: true });
        let at = buffer.indexOf('\n\n');
        while (at >= 0) {
          this.parse(buffer.slice(0, at));
          buffer = buffer.slice(at + 2);
          at = buffer.indexOf('\n\n');
        }
        this.wake?.();
      }
    } catch {
      // aborted by close()
    }
    this.ended = true;
    this.wake?.();
  }

  private parse(block: string): void {
    let id: string | undefined;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length > 0) this.events.push({ id, event, data: data.join('\n') });
  }

  /** The next event (after those already taken) that `matches`, skipping the others. */
  async next(what: string, matches: (event: ReceivedEvent) => boolean = () => true, limitMs = 5_000): Promise<ReceivedEvent> {
    const deadline = Date.now() + patience(limitMs);
    for (;;) {
      while (this.cursor < this.events.length) {
        const event = this.events[this.cursor++];
        if (matches(event)) return event;
      }
      if (this.ended) throw new Error(`the stream ended before ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`gave up waiting for ${what} after ${patience(limitMs)} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Resolves when the server ends the stream. */
  async closedByServer(limitMs = 5_000): Promise<void> {
    const deadline = Date.now() + patience(limitMs);
    while (!this.ended) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('the server did not end the stream');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Events taken so far or waiting, of a type. */
  typesSeen(): string[] {
    return this.events.filter((e) => e.event === 'message').map((e) => (JSON.parse(e.data) as { type: string }).type);
  }

  close(): void {
    this.controller.abort();
  }
}

/** The `type` of a data event. */
export const typeOf = (event: ReceivedEvent): string => (JSON.parse(event.data) as { type: string }).type;
