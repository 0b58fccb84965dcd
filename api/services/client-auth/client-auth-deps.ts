import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../ports/clock.js';
import type { SmsSender } from '../../ports/sms-sender.js';
import type { SessionMeta, SessionPolicy } from '../auth/sessions.js';

/** What the client sign-in use cases need (they run before there is an actor, so no ServiceContext). */
export interface ClientAuthDeps {
  db: Database;
  sms: SmsSender;
  clock: Clock;
  sessions: SessionPolicy;
  /** Host named in the SMS's last line ("@lecoffre.io #123456") so that phones offer to fill the code in. */
  appHost: string;
  /** SMS are sent after the answer (see startClientLogin); their failures are reported here. */
  onSmsError(error: unknown): void;
}

export type RequestMeta = SessionMeta;

/** The e-mail as logins compare it (the same normalisation as clients.email_normalized). */
export const normalizeLoginEmail = (email: string) => email.trim().toLowerCase();

/** Rate-limit and attempt rows key on this, never on the address itself. */
export const emailDigest = (normalizedEmail: string) => createHash('sha256').update(`email:${normalizedEmail}`).digest('hex');
