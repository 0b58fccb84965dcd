import type { Database } from '../db/database.js';
import type { WidgetComponent } from '../domain/capabilities.js';
import type { IdempotencyClaim } from './idempotency/idempotency-store.js';

/**
 * Someone of the office: an office API key (acts for the whole office, like a notary), a member signed in
 * through ID.not, or a widget session minted for a member. Every query a service makes is filtered by
 * `officeId`: tenant isolation starts here.
 */
export interface StaffActor {
  /**
   * `system`: LeCoffre's own jobs (anchoring), acting for the office whose folder they handle. `app`: a vendor's
   * app connected by OAuth 2.0, acting for the office within the scopes the office consented to.
   */
  kind: 'api_key' | 'member' | 'widget' | 'system' | 'app';
  officeId: string;
  /** The credential used (API key id, session id, widget session id): what the audit trail records. */
  credentialId: string;
  /** The member acting; null for an API key acting for the office. */
  memberId: string | null;
  /** null for an API key: it has a notary's reach over the office's folders. */
  role: 'notary' | 'collaborator' | null;
  /** A widget session bound to one folder may reach nothing else. */
  folderId: string | null;
  /** Set for a widget session: the components it was minted for, which decide what it may do. */
  components?: readonly WidgetComponent[];
  /** Set for a connected app (the credential is then its connection `apc_…`): which app, and its token's scopes. */
  app?: { id: string; scopes: readonly string[] };
  ip: string | null;
}

/** A client of the office (signed in with e-mail + SMS code / password, or a widget session for a client). */
export interface ClientActor {
  kind: 'client';
  officeId: string;
  credentialId: string;
  clientId: string;
  folderId: string | null;
  /** Set for a client's widget session (`upload`); absent for the client's own sign-in session. */
  components?: readonly WidgetComponent[];
  ip: string | null;
}

export type Actor = StaffActor | ClientActor;

export interface ServiceContext {
  db: Database;
  actor: Actor;
  /**
   * The request's hold on its Idempotency-Key, when it sent one: the audit event every write records marks
   * it in the write's transaction, so that a committed write is never run again under the same key.
   */
  idempotencyClaim?: IdempotencyClaim;
}
