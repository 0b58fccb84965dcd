import type { Express, Request } from 'express';
import type { Database } from '../../db/database.js';
import { connectionOf } from '../../jobs/connection.js';
import { DEFAULT_TIMING, type EventStreamTiming } from './event-stream.js';
import { LiveHub } from './live-hub.js';

/** What the live streams share in one app (`app.locals.live`): the process's hub and the stream timing. */
export interface LiveDependencies {
  hub: LiveHub;
  timing: EventStreamTiming;
}

export function liveDependencies(db: Database, onError: (error: Error) => void): LiveDependencies {
  return { hub: new LiveHub(() => connectionOf(db), onError), timing: { ...DEFAULT_TIMING } };
}

export function liveOf(req: Request): LiveDependencies {
  return req.app.locals.live as LiveDependencies;
}

/** Ends every live stream of the app and refuses new ones (main.ts, before draining the server). */
export function closeLiveStreams(app: Express): Promise<void> {
  return (app.locals.live as LiveDependencies).hub.close();
}
