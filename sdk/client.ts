import { BearerToken } from './core/bearer-token.js';
import { HttpClient } from './core/http-client.js';
import { DEFAULT_MAX_RETRIES } from './core/retry-policy.js';
import { defaultTransport, type Transport } from './core/transport.js';
import type { OAuthTokens } from './oauth.js';
import { ApiKeys } from './resources/api-keys.js';
import { Catalogue } from './resources/catalogue.js';
import { ClientAuth } from './resources/client-auth.js';
import { Clients } from './resources/clients.js';
import { DocumentRequests } from './resources/document-requests.js';
import { Documents } from './resources/documents.js';
import { Folders } from './resources/folders.js';
import { Me } from './resources/me.js';
import { Members } from './resources/members.js';
import { Office } from './resources/office.js';
import { WebhookEndpoints } from './resources/webhook-endpoints.js';
import { WidgetSessions } from './resources/widget-sessions.js';

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
 * The LeCoffre API client. One instance per credential; it is cheap and holds no connection of its own.
 *
 * ```ts
 * const lecoffre = new LeCoffre({ apiKey: process.env.LECOFFRE_API_KEY!, baseUrl: 'https://api.example.fr' });
 * const folder = await lecoffre.folders.create({ number: '2024-001', title: 'Vente Martin', deedType: 'vente' });
 * ```
 */
export class LeCoffre {
  readonly folders: Folders;
  readonly catalogue: Catalogue;
  readonly clients: Clients;
  readonly documentRequests: DocumentRequests;
  readonly documents: Documents;
  /**
   * @deprecated Use `documents` (the same methods: `documents.upload`, `documents.refuse`…). What a client
   * sends is a document everywhere in the API; kept until the next major version.
   */
  readonly files: Documents;
  readonly office: Office;
  readonly members: Members;
  readonly webhookEndpoints: WebhookEndpoints;
  readonly apiKeys: ApiKeys;
  readonly widgetSessions: WidgetSessions;
  readonly me: Me;
  readonly clientAuth: ClientAuth;

  constructor(options: LeCoffreOptions) {
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
      throw new TypeError('new LeCoffre(): pass an apiKey or an app accessToken (server), a token (browser) or cookieSession: true.');
    }
    if (typeof options.baseUrl !== 'string' || options.baseUrl === '') {
      throw new TypeError('new LeCoffre(): baseUrl is required, e.g. "https://api.example.fr".');
    }
    const http = new HttpClient({
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      bearer: options.cookieSession === true ? undefined : bearer,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      transport: options.transport ?? defaultTransport(options.fetch),
    });
    this.folders = new Folders(http);
    this.catalogue = new Catalogue(http);
    this.clients = new Clients(http);
    this.documentRequests = new DocumentRequests(http);
    this.documents = new Documents(http);
    this.files = this.documents;
    this.office = new Office(http);
    this.members = new Members(http);
    this.webhookEndpoints = new WebhookEndpoints(http);
    this.apiKeys = new ApiKeys(http);
    this.widgetSessions = new WidgetSessions(http);
    this.me = new Me(http);
    this.clientAuth = new ClientAuth(http);
  }
}
