import type { IncomingMessage, ServerResponse } from 'node:http';

/** What an app access token stands for, as the authorization server knows it. */
export interface AppTokenInfo {
  /** The app's OAuth client id. */
  clientId: string;
  /** The office that consented (the grant's account). */
  officeId: string;
  grantId: string;
  scopes: string[];
  expiresAt: Date;
}

/** The consent the browser is asked for (an authorization request waiting for the office's answer). */
export interface PendingConsent {
  uid: string;
  clientId: string;
  /** The scopes requested (already checked against those the app registered). */
  scopes: string[];
  redirectUri: string;
}

/**
 * The OAuth 2.0 authorization server of vendor apps: the protocol endpoints (authorization code + PKCE,
 * token, RFC 7009 revocation, RFC 7662 introspection, discovery), the consent step the hosted pages drive,
 * and the lookups the API makes on its own tokens.
 */
export interface AppAuthorizationServer {
  /** Serves the protocol endpoints (mounted under the issuer's path). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** The authorization request behind an interaction uid (throws when it expired or the cookie is missing). */
  pendingConsent(req: IncomingMessage, res: ServerResponse): Promise<PendingConsent>;
  /** Creates the grant an office consented to; returns its id. */
  createGrant(officeId: string, clientId: string, scopes: readonly string[]): Promise<string>;
  /** Ends the interaction: the browser goes back to the app with a code, or with an OAuth error. */
  finishConsent(
    req: IncomingMessage,
    res: ServerResponse,
    outcome: { officeId: string; grantId: string } | { error: 'access_denied' | 'invalid_scope'; description: string },
  ): Promise<void>;
  /** Revokes a grant and every code and token issued under it. */
  revokeGrant(grantId: string): Promise<void>;
  /** The live access token's binding, or null when unknown, expired or revoked. */
  introspect(token: string): Promise<AppTokenInfo | null>;
  /**
   * Called whenever the server itself revokes a grant: the app revoked its refresh token (`revoked_by_app`), or
   * a used refresh token or authorization code came back (`token_reuse_detected`).
   */
  onGrantRevoked(listener: (grantId: string, cause: 'revoked_by_app' | 'token_reuse_detected') => void): void;
}
