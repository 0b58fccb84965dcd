import pg from 'pg';
import type { PgConnection } from '../../jobs/connection.js';
import type { LiveEvent } from '../../services/live/live-events.js';
import { type OutboxAnnouncement as Announcement, LIVE_CHANNEL as CHANNEL } from '../../services/outbox/announce-outbox.js';
import { HttpProblem } from '../problem.js';

/** A stream waiting for its office's events; `end` is called when the hub can no longer feed it. */
export interface LiveSubscriber {
  officeId: string;
  deliver(event: LiveEvent): void;
  end(): void;
}

/**
 * The process's one LISTEN on `lecoffre_live` (the process that wrote announces each outbox row after its
 * commit, whichever process it is), fanned out to the streams open here, by office. It connects when the first
 * stream subscribes and disconnects when the last leaves, so a process (or a test) without streams holds
 * no connection. A lost connection ends every stream: NOTIFY is not replayed, but the clients reconnect
 * with Last-Event-ID and the outbox, which is the truth, replays what they missed.
 */
export class LiveHub {
  private readonly subscribers = new Map<string, Set<LiveSubscriber>>();
  private count = 0;
  private client?: Promise<pg.Client>;
  private closed = false;

  constructor(
    private readonly connection: () => PgConnection,
    private readonly onError: (error: Error) => void = () => {},
  ) {}

  /** Resolves once LISTEN is active: every change committed after that reaches `subscriber`. */
  async subscribe(subscriber: LiveSubscriber): Promise<() => void> {
    if (this.closed) {
      throw new HttpProblem(503, 'server_shutting_down', 'The server is stopping: connect again.', undefined, { 'Retry-After': '1' });
    }
    let set = this.subscribers.get(subscriber.officeId);
    if (!set) {
      set = new Set();
      this.subscribers.set(subscriber.officeId, set);
    }
    set.add(subscriber);
    this.count++;
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      const current = this.subscribers.get(subscriber.officeId);
      current?.delete(subscriber);
      if (current?.size === 0) this.subscribers.delete(subscriber.officeId);
      if (--this.count === 0) this.disconnect();
    };
    try {
      this.client ??= this.connect();
      await this.client;
    } catch (error) {
      leave();
      throw error;
    }
    return leave;
  }

  /** How many streams this process feeds (for tests and metrics). */
  get size(): number {
    return this.count;
  }

  /** Ends every stream and refuses new ones: the process is stopping, clients reconnect to another. */
  async close(): Promise<void> {
    this.closed = true;
    this.endAll();
    const client = this.client;
    this.client = undefined;
    await client?.then((c) => c.end()).catch(() => {});
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ ...this.connection(), application_name: 'lecoffre-live-listen' });
    client.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload) this.announce(message.payload);
    });
    client.on('error', (error) => {
      this.onError(error);
      client.end().catch(() => {});
      if (this.client) {
        this.client = undefined;
        this.endAll();
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      client.end().catch(() => {});
      this.client = undefined;
      throw error;
    }
    return client;
  }

  private disconnect(): void {
    const client = this.client;
    this.client = undefined;
    void client?.then((c) => c.end()).catch(() => {});
  }

  private announce(payload: string): void {
    let parsed: Announcement;
    try {
      parsed = JSON.parse(payload) as Announcement;
    } catch {
      return;
    }
    // Events of no folder (a member awaiting approval) are not streamed: no page shows them live.
    if (!parsed.folder) return;
    const event: LiveEvent = {
      seq: String(parsed.seq),
      officeId: parsed.office,
      folderId: parsed.folder,
      type: parsed.type,
      occurredAt: new Date(parsed.at).toISOString(),
    };
    for (const subscriber of this.subscribers.get(event.officeId) ?? []) subscriber.deliver(event);
  }

  private endAll(): void {
    for (const set of [...this.subscribers.values()]) for (const subscriber of [...set]) subscriber.end();
  }
}
