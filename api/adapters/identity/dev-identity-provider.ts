import { generateKeyPairSync, randomBytes } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { devAccounts } from './dev-accounts.js';
import { DEV_PROVIDER_CSS, devProviderPages } from './dev-provider-pages.js';
import { CRPCEN_CLAIM, ROLE_CLAIM } from './idnot-claims.js';

export interface DevIdentityProviderSettings {
  /** `<base URL>/dev/idnot`: the provider serves everything under the issuer's path. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/**
 * A real OpenID Connect provider (oidc-provider) standing in for ID.not in the embedded mode, so that
 * the login code path is the production one, over HTTP. Its login page lists the seeded accounts; a
 * click signs in as that person (no password: it only exists on a developer's machine, and app.ts never
 * mounts it when NODE_ENV=production). State lives in memory: one dev process serves it.
 *
 * oidc-provider is imported on the first request only, so that production never loads it.
 */
export function devIdentityProvider(settings: DevIdentityProviderSettings): Router {
  const mountPath = new URL(settings.issuer).pathname.replace(/\/+$/, '');
  const pages = devProviderPages(mountPath);
  let provider: Promise<Provider> | undefined;
  const getProvider = () => {
    provider ??= createProvider(settings, mountPath, pages);
    return provider;
  };

  const router = express.Router();
  router.get('/page.css', (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('css').send(DEV_PROVIDER_CSS);
  });
  router.get('/interaction/:uid', async (req, res, next) => {
    try {
      const oidc = await getProvider();
      const details = await oidc.interactionDetails(req, res);
      res
        .set('Cache-Control', 'no-store')
        .type('html')
        .send(pages.login(`${mountPath}/interaction/${details.uid}`, devAccounts));
    } catch (error) {
      next(error);
    }
  });
  router.post('/interaction/:uid/login', express.urlencoded({ extended: false, limit: '2kb' }), async (req, res, next) => {
    try {
      const oidc = await getProvider();
      await oidc.interactionDetails(req, res);
      const subject = typeof req.body?.subject === 'string' ? req.body.subject : '';
      if (!devAccounts.some((account) => account.subject === subject)) {
        res.status(400).type('text').send('Compte inconnu / Unknown account');
        return;
      }
      await oidc.interactionFinished(req, res, { login: { accountId: subject } }, { mergeWithLastSubmission: false });
    } catch (error) {
      next(error);
    }
  });
  router.post('/interaction/:uid/abort', async (req, res, next) => {
    try {
      const oidc = await getProvider();
      await oidc.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The person cancelled the login.' },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      next(error);
    }
  });
  router.use(async (req: Request, res: Response, next) => {
    try {
      (await getProvider()).callback()(req, res);
    } catch (error) {
      next(error);
    }
  });
  return router;
}

/** What oidc-provider's page callbacks write to: its Koa context. */
interface HtmlContext {
  type: string;
  body: unknown;
}

function render(ctx: HtmlContext, html: string): void {
  ctx.type = 'html';
  ctx.body = html;
}

async function createProvider(
  settings: DevIdentityProviderSettings,
  mountPath: string,
  pages: ReturnType<typeof devProviderPages>,
): Promise<Provider> {
  const { default: OidcProvider } = await import('oidc-provider');
  // A fresh signing key per process: tokens of this provider only ever go to this process's client.
  const signingKey = {
    ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }),
    alg: 'ES256',
    use: 'sig',
  };
  return new OidcProvider(settings.issuer, {
    clients: [
      {
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
        redirect_uris: [settings.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    // Seconds; set explicitly (the library nags otherwise). Short: this provider only serves local logins.
    ttl: { Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    scopes: ['openid', 'profile', 'email', 'idnot'],
    claims: {
      openid: ['sub'],
      profile: ['given_name', 'family_name', 'name'],
      email: ['email', 'email_verified'],
      idnot: [CRPCEN_CLAIM, ROLE_CLAIM],
    },
    // The library's own pages carry inline styles (and load a web font): ours link the provider's stylesheet.
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: HtmlContext, form: string) => render(ctx, pages.logout(form)),
        postLogoutSuccessSource: async (ctx: HtmlContext) => render(ctx, pages.loggedOut()),
      },
    },
    renderError: async (ctx: HtmlContext, out: Record<string, unknown>) => render(ctx, pages.error(out)),
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${mountPath}/interaction/${interaction.uid}` },
    clientBasedCORS: () => false,
    async findAccount(_ctx: unknown, subject: string) {
      const account = devAccounts.find((a) => a.subject === subject);
      if (!account) return undefined;
      return {
        accountId: subject,
        claims: () => ({
          sub: subject,
          given_name: account.firstName,
          family_name: account.lastName,
          name: `${account.firstName} ${account.lastName}`,
          email: account.email,
          email_verified: true,
          [CRPCEN_CLAIM]: account.crpcen,
          [ROLE_CLAIM]: account.role === 'notary' ? 'notaire' : 'collaborateur',
        }),
      };
    },
    // LeCoffre is the provider's only client: consent is implied, as it is with ID.not.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { oidc } = ctx;
      const clientId = oidc.client?.clientId;
      const accountId = oidc.session?.accountId;
      if (!clientId || !accountId) return undefined;
      const existing = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
      if (existing) return oidc.provider.Grant.find(existing);
      const grant = new oidc.provider.Grant({ accountId, clientId });
      grant.addOIDCScope('openid profile email idnot');
      await grant.save();
      return grant;
    },
  });
}
