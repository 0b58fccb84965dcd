/**
 * OAuth 2.0 for vendors' apps: the authorization URL (with PKCE S256 and state), the code exchange, the
 * refresh (rotated: every refresh answers a new refresh token, which must replace the old one) and the
 * revocation (RFC 7009). Standard protocol over fetch and WebCrypto: Node >= 20 and browsers (though the
 * client secret belongs on a back end).
 */

/** What the token endpoint answered, with the expiry made absolute. */
export interface OAuthTokens {
  accessToken: string;
  /** Rotated on every use: persist the new one, the old one revokes the whole connection if used again. */
  refreshToken: string;
  /** When the access token stops working (it lives about ten minutes). */
  expiresAt: Date;
  scope: string;
}

export interface OAuthClient {
  /** The API's base URL, e.g. `https://api.lecoffre.example` (the endpoints are under `/oauth`). */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
}

/** The OAuth error the server answered (`invalid_grant`, `invalid_client`…), as RFC 6749 names it. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string | undefined,
    readonly status: number,
  ) {
    super(description ? `${error}: ${description}` : error);
    this.name = 'OAuthError';
  }
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const random = (size = 32) => base64url(crypto.getRandomValues(new Uint8Array(size)));
const endpoint = (baseUrl: string, path: string) => `${baseUrl.replace(/\/+$/, '')}/oauth/${path}`;

/**
 * Where to send the notary to connect their office, and what to keep (in the user's server-side session)
 * until the callback: the PKCE verifier and the state.
 */
export async function authorizeUrl(options: {
  baseUrl: string;
  clientId: string;
  redirectUri: string;
  /** Capabilities the app registered, e.g. `['folders:read', 'folders:create']`. */
  scopes: readonly string[];
  state?: string;
}): Promise<{ url: string; codeVerifier: string; state: string }> {
  const codeVerifier = random(32);
  const state = options.state ?? random(16);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(codeVerifier))));
  const url = new URL(endpoint(options.baseUrl, 'authorize'));
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    scope: options.scopes.join(' '),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  return { url: url.href, codeVerifier, state };
}

async function tokenRequest(client: OAuthClient, path: 'token' | 'revoke', form: Record<string, string>): Promise<Response> {
  const response = await (client.fetch ?? fetch)(endpoint(client.baseUrl, path), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      // RFC 6749 §2.3.1: both parts form-encoded before base64.
      authorization: `Basic ${btoa(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`)}`,
    },
    body: new URLSearchParams(form).toString(),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string; error_description?: string };
    throw new OAuthError(body.error ?? 'server_error', body.error_description, response.status);
  }
  return response;
}

async function readTokens(response: Response): Promise<OAuthTokens> {
  const body = (await response.json()) as { access_token: string; refresh_token: string; expires_in: number; scope?: string };
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    expiresAt: new Date(Date.now() + body.expires_in * 1000),
    scope: body.scope ?? '',
  };
}

/**
 * The callback: checks `state` against the one kept, then exchanges the code (with the PKCE verifier).
 * `callbackUrl` is the full URL the browser came back to.
 */
export async function exchangeCode(
  client: OAuthClient,
  options: { callbackUrl: string; redirectUri: string; codeVerifier: string; state: string },
): Promise<OAuthTokens> {
  const params = new URL(options.callbackUrl).searchParams;
  if (params.get('state') !== options.state) throw new OAuthError('invalid_state', 'the state does not match the one sent', 400);
  const error = params.get('error');
  if (error) throw new OAuthError(error, params.get('error_description') ?? undefined, 400);
  const code = params.get('code');
  if (!code) throw new OAuthError('invalid_request', 'the callback carries no code', 400);
  return readTokens(
    await tokenRequest(client, 'token', {
      grant_type: 'authorization_code',
      code,
      redirect_uri: options.redirectUri,
      code_verifier: options.codeVerifier,
    }),
  );
}

/** A new access token, and a new refresh token that replaces `refreshToken` (which stops working). */
export async function refreshTokens(client: OAuthClient, refreshToken: string): Promise<OAuthTokens> {
  return readTokens(await tokenRequest(client, 'token', { grant_type: 'refresh_token', refresh_token: refreshToken }));
}

/** RFC 7009: revoking the refresh token ends the app's connection to that office. */
export async function revokeToken(
  client: OAuthClient,
  token: string,
  hint: 'refresh_token' | 'access_token' = 'refresh_token',
): Promise<void> {
  await tokenRequest(client, 'revoke', { token, token_type_hint: hint });
}
