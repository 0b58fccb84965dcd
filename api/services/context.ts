import type { Database } from '../db/database.js';

/**
 * Who is acting. Every service call is made on behalf of one office: tenant isolation starts here, as
 * every query a service makes is filtered by `actor.officeId`.
 */
export interface Actor {
  officeId: string;
  kind: 'api_key' | 'member';
  /** The credential used (API key id, session id): what the audit trail records. */
  credentialId: string;
  memberId: string | null;
  ip: string | null;
}

export interface ServiceContext {
  db: Database;
  actor: Actor;
}
