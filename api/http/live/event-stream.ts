import type { Request, Response } from 'express';
import type { LiveEvent } from '../../services/live/live-events.js';
import { HttpProblem } from '../problem.js';
import type { LiveHub } from './live-hub.js';

export interface EventStreamTiming {
  /** A comment line this often keeps proxies from closing an idle stream and lets clients notice a dead one. */
  heartbeatMs: number;
  /** The stream ends after this long; the client reconnects at once (re-authenticated, resumed). */
  maxAgeMs: number;
  /** What the stream asks EventSource to wait before reconnecting. */
  retryMs: number;
}

export const DEFAULT_TIMING: EventStreamTiming = { heartbeatMs: 15_000, maxAgeMs: 5 * 60_000, retryMs: 1_000 };

export interface EventStreamSource {
  hub: LiveHub;
  officeId: string;
  /** The events a resuming client missed, after its Last-Event-ID. */
  replay(afterSeq: string): Promise<{ events: LiveEvent[]; truncated: boolean }>;
  /** Where a fresh stream starts. */
  latestSeq(): Promise<string>;
  /** Whether one live event is for this stream and its caller may still see it. */
  admits(event: LiveEvent): Promise<boolean>;
  timing: EventStreamTiming;
}

/** `Last-Event-ID` (sent by EventSource on reconnect), or `lastEventId` in the query for a first connection. */
export function lastEventIdOf(req: Request, fromQuery: string | undefined): string | undefined {
  const value = req.get('last-event-id') ?? fromQuery;
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,18}$/.test(value)) {
    throw new HttpProblem(422, 'validation_failed', 'Last-Event-ID must be the id of an event this stream sent.', [
      { path: 'Last-Event-ID', message: 'must be a decimal event id' },
    ]);
  }
  return value;
}

function frame(event: LiveEvent): string {
  const data = { type: event.type, folderId: event.folderId, occurredAt: event.occurredAt };
  return `id: ${event.seq}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Answers `text/event-stream`: the missed events after `lastEventId` (when given), then `event: ready`
 * (with an id to resume from), then each change as it commits, heartbeats in between. With `follow`
 * false, ends after the replay (for clients that poll). Resolves when the stream is over: the client left,
 * the stream reached its maximum age, or the process is stopping (the hub ends it).
 */
export async function streamEvents(
  req: Request,
  res: Response,
  source: EventStreamSource,
  lastEventId: string | undefined,
  follow: boolean,
): Promise<void> {
  const { timing } = source;
  // Live events are queued until the replay is out, then written in order, one visibility check at a time.
  const queued: LiveEvent[] = [];
  let replaying = true;
  let writing = Promise.resolve();
  const sent = new Set<string>();
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  let over = false;
  const end = () => {
    if (over) return;
    over = true;
    finish();
  };
  const write = (event: LiveEvent) => {
    writing = writing.then(async () => {
      if (over || sent.has(event.seq)) return;
      if (!(await source.admits(event).catch(() => false))) return;
      sent.add(event.seq);
      res.write(frame(event));
    });
  };

  const leave = follow
    ? await source.hub.subscribe({
        officeId: source.officeId,
        deliver: (event) => (replaying ? queued.push(event) : write(event)),
        end,
      })
    : () => {};
  req.on('close', end);
  try {
    const start = lastEventId ?? (await source.latestSeq());
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Accel-Buffering', 'no'); // nginx would otherwise hold the events back
    res.flushHeaders();
    res.write(`retry: ${timing.retryMs}\n\n`);
    let last = start;
    if (lastEventId !== undefined) {
      const { events, truncated } = await source.replay(lastEventId);
      if (truncated) res.write('event: reset\ndata: {}\n\n');
      for (const event of events) {
        sent.add(event.seq);
        res.write(frame(event));
      }
      last = events.at(-1)?.seq ?? last;
    }
    res.write(`id: ${last}\nevent: ready\ndata: {}\n\n`);
    if (!follow) return;
    replaying = false;
    for (const event of queued.splice(0)) write(event);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), timing.heartbeatMs);
    const maxAge = setTimeout(end, timing.maxAgeMs);
    await finished;
    clearInterval(heartbeat);
    clearTimeout(maxAge);
    await writing;
  } finally {
    leave();
    req.off('close', end);
    if (!res.writableEnded) res.end();
  }
}
