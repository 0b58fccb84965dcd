import type { OpenedSession } from '../auth/sessions.js';

/** The answer to a successful code or password sign-in; the session itself travels in an httpOnly cookie. */
export interface ClientSignedIn {
  client: { id: string; firstName: string; lastName: string };
  /** False after a first code: the client must now choose a password (`POST /v1/client-auth/password`). */
  passwordSet: boolean;
  /** The session ends then at the latest (sooner when idle). */
  sessionExpiresAt: string;
}

/** What a sign-in use case hands to the HTTP layer: the view, and the session secret to put in the cookie. */
export interface ClientSignIn {
  view: ClientSignedIn;
  session: OpenedSession;
}
