import type { Database } from '../db/database.js';

/**
 * Someone of the office: an office API key (acts for the whole office, like a notary), a member signed in
 * through ID.not, or a widget session minted for a member. Every query a service makes is filtered by
 * `officeId`: tenant isolation starts here.
 */
export interface StaffActor {
  /** `system`: LeCoffre's own jobs (anchoring), acting for the office whose folder they handle. */
  kind: 'api_key' | 'member' | 'widget' | 'system';
  officeId: string;
  /** The credential used (API key id, session id, widget session id): what the audit trail records. */
  credentialId: string;
  /** The member acting; null for an API key acting for the office. */
  memberId: string | null;
  /** null for an API key: it has a notary's reach over the office's folders. */
  role: 'notary' | 'collaborator' | null;
  /** A widget session bound to one folder may reach nothing else. */
  folderId: string | null;
  ip: string | null;
}

/** A client of the office (signed in with e-mail + SMS code / password, or a widget session for a client). */
export interface ClientActor {
  kind: 'client';
  officeId: string;
  credentialId: string;
  clientId: string;
  folderId: string | null;
  ip: string | null;
}

export type Actor = StaffActor | ClientActor;

export interface ServiceContext {
  db: Database;
  actor: Actor;
}
