import { createHash, generateKeyPairSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';
import type { AppAuthorizationServer, AppTokenInfo, PendingConsent } from '../../ports/app-authorization.js';
import { postgresOAuthAdapter, sharedOAuthKey } from './postgres-oauth-adapter.js';

export interface AppsAuthorizationServerSettings {
  /** `<base URL>/oauth`: every endpoint lives under it (`/oauth/authorize`, `/oauth/token`…). */
  issuer: string;
  /** The audience of app access tokens: the API (`<base URL>/v1`). */
  apiResource: string;
  /** Every scope an app may register (the capability table's app scopes). */
  scopes: readonly string[];
  /** Seconds. */
  accessTokenSeconds: number;
  refreshTokenSeconds: number;
  /** Behind a TLS-terminating proxy: trust X-Forwarded-Proto for the provider's secure cookies. */
  behindProxy: boolean;
  /** Renders the provider's own error pages (unknown client, wrong redirect URI…). */
  errorPage(error: { error: string; description?: string }): string;
}

const ownTokensOnly = (_ctx: unknown, client: { clientId: string }, token: { clientId?: string }) => token.clientId === client.clientId;

/** A client secret as stored and compared: its SHA-256 (secrets are 256 random bits, like API keys). */
export const clientSecretDigest = (secret: string) => createHash('sha256').update(secret).digest('hex');

interface HtmlContext {
  type: string;
  body: unknown;
}

/**
 * The authorization server of vendor apps, on oidc-provider (a certified OpenID/OAuth implementation: no
 * protocol code of ours). OAuth 2.0 only, no OpenID Connect: authorization code with PKCE S256 required,
 * exact redirect URI match, opaque access tokens for the API resource bound to (app, office, scopes),
 * refresh tokens rotated on every use (the provider revokes the whole grant when a used one comes back, and
 * when a code is replayed), RFC 7009 revocation and RFC 7662 introspection. The account of a grant is the
 * office that consented. State lives in PostgreSQL (postgres-oauth-adapter.ts).
 *
 * The provider is built on first use: its cookie keys come from the database, shared by every process.
 */
export function appsAuthorizationServer(db: Database, settings: AppsAuthorizationServerSettings): AppAuthorizationServer {
  const mountPath = new URL(settings.issuer).pathname.replace(/\/+$/, '');
  const revokedListeners: ((grantId: string, cause: 'revoked_by_app' | 'token_reuse_detected') => void)[] = [];
  let built: Promise<Provider> | undefined;
  const provider = () => {
    built ??= build();
    return built;
  };

  async function build(): Promise<Provider> {
    const { default: OidcProvider } = await import('oidc-provider');
    const cookieKey = await sharedOAuthKey(db, 'cookies', () => randomBytes(32).toString('base64url'));
    // Only ID tokens would be signed, and none is issued (no openid scope): the key exists because the
    // library requires one; shared so that every process publishes the same JWKS.
    const signingKey = await sharedOAuthKey(db, 'signing-jwk', () =>
      JSON.stringify({
        ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }),
        alg: 'ES256',
        use: 'sig',
      }),
    );
    const render = (ctx: HtmlContext, out: Record<string, unknown>) => {
      ctx.type = 'html';
      ctx.body = settings.errorPage({
        error: String(out.error ?? 'server_error'),
        description: typeof out.error_description === 'string' ? out.error_description : undefined,
      });
    };
    const oidc = new OidcProvider(settings.issuer, {
      adapter: postgresOAuthAdapter(db),
      jwks: { keys: [JSON.parse(signingKey)] },
      cookies: { keys: [cookieKey], long: { signed: true }, short: { signed: true } },
      scopes: [...settings.scopes],
      claims: { openid: ['sub'] },
      responseTypes: ['code'],
      pkce: { required: () => true },
      routes: {
        authorization: '/authorize',
        token: '/token',
        revocation: '/revoke',
        introspection: '/introspect',
        jwks: '/jwks',
        end_session: '/session/end',
      },
      ttl: {
        Interaction: 600,
        Session: 600,
        Grant: 365 * 24 * 3600,
        AuthorizationCode: 60,
        AccessToken: settings.accessTokenSeconds,
        RefreshToken: settings.refreshTokenSeconds,
      },
      // Tokens live as long as the office's consent, not as long as the consenting browser's session.
      expiresWithSession: () => false,
      issueRefreshToken: (_ctx: unknown, client: { grantTypeAllowed(type: string): boolean }) => client.grantTypeAllowed('refresh_token'),
      rotateRefreshToken: true,
      features: {
        devInteractions: { enabled: false },
        userinfo: { enabled: false },
        // An app revokes and introspects its own tokens only.
        revocation: { enabled: true, allowedPolicy: ownTokensOnly },
        introspection: { enabled: true, allowedPolicy: ownTokensOnly },
        rpInitiatedLogout: { enabled: false },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => settings.apiResource,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx: unknown, resource: string, client: { scope?: string }) => {
            if (resource !== settings.apiResource) throw new oidcErrors.InvalidTarget();
            return {
              scope: client.scope ?? '',
              audience: settings.apiResource,
              accessTokenFormat: 'opaque',
              accessTokenTTL: settings.accessTokenSeconds,
            };
          },
        },
      },
      // Consent is always asked: a grant is never reused across browser sessions (the signed-in notary may
      // belong to another office than the one who consented before in this browser).
      loadExistingGrant: async (ctx: { oidc: { result?: { consent?: { grantId?: string } }; provider: Provider } }) => {
        const grantId = ctx.oidc.result?.consent?.grantId;
        return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
      },
      findAccount: async (_ctx: unknown, officeId: string) => {
        const [office] = await db.sequelize.query<{ id: string }>('SELECT id FROM offices WHERE id = :officeId', {
          replacements: { officeId },
          type: QueryTypes.SELECT,
        });
        if (!office) return undefined;
        return { accountId: officeId, claims: () => ({ sub: officeId }) };
      },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${mountPath}/interaction/${interaction.uid}` },
      renderError: async (ctx: HtmlContext, out: Record<string, unknown>) => render(ctx, out),
      clientBasedCORS: () => false,
    });
    oidc.proxy = settings.behindProxy;
    // Client secrets are stored as digests: the client's `client_secret` is the digest, and the presented
    // secret is digested before the library's comparison. (A leaked digest is no secret: it digests again.)
    const clientPrototype = oidc.Client.prototype as { compareClientSecret(actual: string): boolean; clientSecret: string };
    clientPrototype.compareClientSecret = function compareDigest(this: { clientSecret: string }, actual: string) {
      const expected = Buffer.from(this.clientSecret);
      const presented = Buffer.from(clientSecretDigest(actual));
      return expected.length === presented.length && timingSafeEqual(expected, presented);
    };
    oidc.on('grant.revoked', (ctx: unknown, grantId: unknown) => {
      if (typeof grantId !== 'string') return;
      const route = (ctx as { oidc?: { route?: string } } | undefined)?.oidc?.route;
      const cause = route === 'revocation' ? 'revoked_by_app' : 'token_reuse_detected';
      for (const listener of revokedListeners) listener(grantId, cause);
    });
    return oidc;
  }

  // Resolved with the library: its error classes are only reachable once it is loaded.
  let oidcErrors: { InvalidTarget: new () => Error };
  const ready = async () => {
    const oidc = await provider();
    oidcErrors ??= (await import('oidc-provider')).errors as unknown as typeof oidcErrors;
    return oidc;
  };

  return {
    async handle(req, res) {
      const oidc = await ready();
      oidc.callback()(req, res);
    },

    async pendingConsent(req: IncomingMessage, res: ServerResponse): Promise<PendingConsent> {
      const oidc = await ready();
      const details = await oidc.interactionDetails(req, res);
      const params = details.params as Record<string, string | undefined>;
      return {
        uid: details.uid,
        clientId: String(params.client_id),
        scopes: (params.scope ?? '').split(' ').filter((scope) => scope.length > 0),
        redirectUri: String(params.redirect_uri),
      };
    },

    async createGrant(officeId, clientId, scopes) {
      const oidc = await ready();
      const grant = new oidc.Grant({ accountId: officeId, clientId });
      // The scopes are known to the provider (listed in `scopes`, which client metadata is checked against)
      // and are the API resource's: the consent covers both, and tokens carry the resource's.
      grant.addOIDCScope(scopes.join(' '));
      grant.addResourceScope(settings.apiResource, scopes.join(' '));
      return grant.save();
    },

    async finishConsent(req, res, outcome) {
      const oidc = await ready();
      const result =
        'error' in outcome
          ? { error: outcome.error, error_description: outcome.description }
          : { login: { accountId: outcome.officeId }, consent: { grantId: outcome.grantId } };
      await oidc.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    },

    async revokeGrant(grantId) {
      const oidc = await ready();
      await Promise.all([oidc.AccessToken, oidc.RefreshToken, oidc.AuthorizationCode].map((model) => model.revokeByGrantId(grantId)));
      const grant = await oidc.Grant.find(grantId);
      await grant?.destroy();
    },

    async introspect(token): Promise<AppTokenInfo | null> {
      const oidc = await ready();
      const found = await oidc.AccessToken.find(token);
      if (!found || found.isExpired || found.aud !== settings.apiResource || !found.grantId) return null;
      return {
        clientId: found.clientId,
        officeId: found.accountId,
        grantId: found.grantId,
        scopes: (found.scope ?? '').split(' ').filter((scope) => scope.length > 0),
        expiresAt: new Date(found.exp * 1000),
      };
    },

    onGrantRevoked(listener) {
      revokedListeners.push(listener);
    },
  };
}
