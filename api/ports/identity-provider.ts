/**
 * The profession's identity provider (ID.not), spoken to through OpenID Connect: authorization code flow
 * with PKCE, state and nonce. In the embedded mode the same code talks to the dev provider the app
 * mounts under /dev/idnot.
 */
export interface IdentityProvider {
  /** Where to send the browser, and the one-time secrets the callback must be checked against. */
  beginLogin(): Promise<AuthorizationRequest>;
  /**
   * Exchanges the code of the callback (whose full URL is given) for the person's identity. Rejects with
   * `IdentityProviderError` when the provider reports an error or any check fails (state, nonce, PKCE,
   * ID token signature, issuer, audience, expiry) or a claim we need is missing.
   */
  completeLogin(callbackUrl: URL, expected: LoginSecrets): Promise<ProfessionalIdentity>;
}

export interface LoginSecrets {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface AuthorizationRequest extends LoginSecrets {
  url: string;
}

/** What LeCoffre needs to know about a member of the profession. */
export interface ProfessionalIdentity {
  /** The provider's stable subject: the ID.not login ("APap35026"). */
  subject: string;
  firstName: string;
  lastName: string;
  email: string;
  /** The office the person belongs to, by its CRPCEN. */
  crpcen: string;
  role: 'notary' | 'collaborator';
}

export class IdentityProviderError extends Error {
  constructor(
    message: string,
    /** The OAuth error code when the provider sent one (`access_denied` when the person cancelled). */
    public readonly code?: string,
  ) {
    super(message);
    this.name = 'IdentityProviderError';
  }
}
