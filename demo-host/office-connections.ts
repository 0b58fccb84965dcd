import { randomBytes } from 'node:crypto';
import { authorizeUrl, exchangeCode, LeCoffre, type OAuthClient, type OAuthTokens, revokeToken } from '@lecoffre/sdk/node';
import type { Logger } from 'pino';
import type { ConnectedOffice, DeedStore } from './deed-store.js';

/** The software's OAuth app, as LeCoffre registered it (client id and secret, the app's webhook secret). */
export interface AppCredentials {
  clientId: string;
  clientSecret: string;
  /** Signs the events of every connected office, sent to the app's one endpoint. */
  webhookSecret: string;
  /** Registered exactly: `<this app>/oauth/callback`. */
  redirectUri: string;
  scopes: readonly string[];
}

/** How long a notary has to answer the consent screen before the attempt is forgotten. */
export const ATTEMPT_MS = 15 * 60_000;

const saved = (tokens: OAuthTokens): ConnectedOffice['tokens'] => ({
  accessToken: tokens.accessToken,
  refreshToken: tokens.refreshToken,
  expiresAt: tokens.expiresAt.toISOString(),
});

/**
 * The offices connected to the software, as a vendor's back end keeps them: "Connecter un office" sends a
 * notary to LeCoffre's consent screen (authorization code + PKCE, a `state` also kept in the browser's
 * cookie), the callback exchanges the code and learns which office consented (`/v1/me`), and each office
 * gets its own SDK client, whose refreshed tokens are saved before use. "Déconnecter" revokes (RFC 7009).
 */
export class OfficeConnections {
  private readonly attempts = new Map<string, { codeVerifier: string; startedAt: number }>();
  private readonly clients = new Map<string, LeCoffre>();
  private readonly oauth: OAuthClient;

  constructor(
    private readonly options: { apiBaseUrl: string; browserApiUrl: string; app: AppCredentials },
    private readonly store: DeedStore,
    private readonly logger: Logger,
  ) {
    const { app, apiBaseUrl } = options;
    this.oauth = { baseUrl: apiBaseUrl, clientId: app.clientId, clientSecret: app.clientSecret };
  }

  /** Where to send the notary, and the `state` to set in their browser's cookie. */
  async start(): Promise<{ url: string; state: string }> {
    const now = Date.now();
    for (const [state, attempt] of this.attempts) if (now - attempt.startedAt > ATTEMPT_MS) this.attempts.delete(state);
    const { app, browserApiUrl } = this.options;
    const { url, codeVerifier, state } = await authorizeUrl({
      baseUrl: browserApiUrl,
      clientId: app.clientId,
      redirectUri: app.redirectUri,
      scopes: app.scopes,
      state: randomBytes(24).toString('base64url'),
    });
    this.attempts.set(state, { codeVerifier, startedAt: now });
    return { url, state };
  }

  /**
   * The callback: the browser's `state` cookie must name an attempt of this process; the code is exchanged
   * (which checks the callback's own `state` too) and the office saved with its tokens.
   */
  async complete(callbackUrl: string, cookieState: string | undefined): Promise<ConnectedOffice> {
    const attempt = cookieState ? this.attempts.get(cookieState) : undefined;
    if (!cookieState || !attempt) throw new ConnectionError('Cette connexion n’a pas été commencée ici, ou a expiré. Recommencez.');
    this.attempts.delete(cookieState);
    const tokens = await exchangeCode(this.oauth, {
      callbackUrl,
      redirectUri: this.options.app.redirectUri,
      codeVerifier: attempt.codeVerifier,
      state: cookieState,
    });
    const me = await new LeCoffre({ accessToken: tokens.accessToken, baseUrl: this.options.apiBaseUrl }).me.retrieve();
    const office: ConnectedOffice = {
      officeId: me.office.id,
      name: me.office.name,
      crpcen: me.office.crpcen,
      timeZone: me.office.timeZone,
      connectedAt: new Date().toISOString(),
      tokens: saved(tokens),
    };
    this.clients.delete(office.officeId);
    await this.store.saveOffice(office);
    await this.store.addSampleDeeds(office.officeId);
    this.logger.info({ officeId: office.officeId }, 'demo host: office connected');
    return office;
  }

  /** The SDK client acting for one connected office (its own tokens); undefined once it is disconnected. */
  client(officeId: string): LeCoffre | undefined {
    const office = this.store.office(officeId);
    if (!office) return undefined;
    let client = this.clients.get(officeId);
    if (!client) {
      client = new LeCoffre({
        baseUrl: this.options.apiBaseUrl,
        accessToken: office.tokens.accessToken,
        refreshToken: office.tokens.refreshToken,
        clientId: this.options.app.clientId,
        clientSecret: this.options.app.clientSecret,
        // The old refresh token stops working once used: the new pair is saved before the call goes on.
        onTokens: (tokens) => this.store.saveTokens(officeId, saved(tokens)),
      });
      this.clients.set(officeId, client);
    }
    return client;
  }

  /** "Déconnecter": revokes the refresh token (ending the office's connection in LeCoffre), then forgets it. */
  async disconnect(officeId: string): Promise<void> {
    const office = this.store.office(officeId);
    if (!office) return;
    try {
      await revokeToken(this.oauth, office.tokens.refreshToken, 'refresh_token');
    } catch (error) {
      // Revoked already (the office disconnected the app from LeCoffre): nothing is lost by forgetting it.
      this.logger.warn({ err: error, officeId }, 'demo host: revocation refused; forgetting the office anyway');
    }
    await this.forget(officeId);
  }

  /** LeCoffre says the office ended the connection (`app.deauthorized`): its tokens no longer work. */
  async forget(officeId: string): Promise<void> {
    this.clients.delete(officeId);
    await this.store.removeOffice(officeId);
  }
}

/** A connection attempt the demo refuses (unknown or expired state), shown to the notary as is. */
export class ConnectionError extends Error {}
