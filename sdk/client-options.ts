import { BearerToken } from './core/bearer-token.js';
import { HttpClient } from './core/http-client.js';
import { DEFAULT_MAX_RETRIES } from './core/retry-policy.js';
import { defaultTransport, type Transport } from './core/transport.js';
import type { OAuthTokens } from './oauth.js';

const DEFAULT_TIMEOUT_MS = 60_000;

interface CommonOptions {
  /** Where the API lives, e.g. `https://api.example.fr`; a path-only value (`/api`) works in browsers. */
  baseUrl: string;
  /** Per attempt; default 60 s. */
  timeoutMs?: number;
  /** Retries after a network failure, a 429 or a 5xx; default 2. */
  maxRetries?: number;
  /** A fetch to use instead of the platform's (a proxy agent's, an instrumented one). */
  fetch?: typeof fetch;
  /** Replaces the fetch-based transport altogether; `fetch` is then ignored. */
  transport?: Transport;
}

/**
 * Exactly one credential: an office API key (`lck_…`) on a back end; a token in a browser (a widget session
 * `lcw_…` minted by the back end, or a member session), as a string or as a `BearerToken` that renews
 * itself when the API refuses it; or, on a page of the API's own site, the client's session cookie
 * (`cookieSession: true`, after `clientAuth.verify`/`login`).
 */
export type LeCoffreOptions = CommonOptions &
  (
    | { apiKey: string; token?: never; cookieSession?: never; accessToken?: never }
    | { token: string | BearerToken; apiKey?: never; cookieSession?: never; accessToken?: never }
    | { cookieSession: true; apiKey?: never; token?: never; accessToken?: never }
    | ({ apiKey?: never; token?: never; cookieSession?: never } & AppCredentials)
  );

/**
 * A vendor's app connected to one office by OAuth 2.0: its access token, and what the SDK needs to renew it
 * when the API refuses it (401): the refresh token and the app's credentials. Refresh tokens are rotated
 * on every use: `onTokens` receives the new pair, to persist before anything else (the old refresh token
 * no longer works, and using it again disconnects the app from the office).
 */
export interface AppCredentials {
  accessToken: string;
  refreshToken?: string;
  clientId?: string;
  clientSecret?: string;
  onTokens?: (tokens: OAuthTokens) => void | Promise<void>;
}

function appBearer(options: AppCredentials & CommonOptions): BearerToken {
  const { refreshToken, clientId, clientSecret, onTokens } = options;
  if (!refreshToken || !clientId || !clientSecret) return new BearerToken(options.accessToken);
  let current = refreshToken;
  return new BearerToken(options.accessToken, async () => {
    // Loaded on the first renewal: pages that embed the widgets with widget sessions never renew this way.
    const { refreshTokens } = await import('./oauth.js');
    const tokens = await refreshTokens({ baseUrl: options.baseUrl, clientId, clientSecret, fetch: options.fetch }, current);
    current = tokens.refreshToken;
    await onTokens?.(tokens);
    return tokens.accessToken;
  });
}

/**
 * The one HTTP layer every resource of a client shares (credential, renewal, retries, timeouts), from the
 * options of `new LeCoffre()` or `createClient()`, checked the same way for both. `name` is the caller,
 * for the error messages.
 */
export function httpClientFor(options: LeCoffreOptions, name: string): HttpClient {
  const credential = options.apiKey ?? options.token;
  const bearer =
    typeof options.accessToken === 'string'
      ? appBearer(options as AppCredentials & CommonOptions)
      : credential instanceof BearerToken
        ? credential
        : credential
          ? new BearerToken(credential)
          : undefined;
  if (options.cookieSession !== true && (!bearer || typeof bearer.value !== 'string')) {
    throw new TypeError(`${name}: pass an apiKey or an app accessToken (server), a token (browser) or cookieSession: true.`);
  }
  if (typeof options.baseUrl !== 'string' || options.baseUrl === '') {
    throw new TypeError(`${name}: baseUrl is required, e.g. "https://api.example.fr".`);
  }
  return new HttpClient({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    bearer: options.cookieSession === true ? undefined : bearer,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    transport: options.transport ?? defaultTransport(options.fetch),
  });
}
