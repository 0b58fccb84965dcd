import * as oauth from 'openid-client';
import type { Database } from '../../api/db/database.js';
import type { SecretSealer } from '../../api/ports/secret-sealer.js';
import type { AppWebhookDeps } from '../../api/services/apps/app-webhook.js';
import { type RegisterAppInput, registerApp } from '../../api/services/apps/register-app.js';
import { CookieBrowser } from './test-app.js';

export const VENDOR_CALLBACK = 'https://redaction.example/oauth/callback';

/** What registering an app needs in tests: the test app's sealer, loopback receivers allowed, the real clock. */
export function appWebhookDeps(t: { webhookSealer: SecretSealer }): AppWebhookDeps {
  return { clock: { now: () => new Date() }, sealer: t.webhookSealer, urlRules: { allowLoopback: true, requireHttps: false } };
}

export interface TestVendor {
  appId: string;
  clientId: string;
  clientSecret: string;
  /** The app endpoint's signing secret, when registered with a webhook URL. */
  webhookSecret: string | null;
  config: oauth.Configuration;
  issuer: string;
}

/** Registers an app and discovers the authorization server with openid-client, as a vendor's back end would. */
export async function registerTestVendor(
  t: { db: Database; baseUrl: string; webhookSealer: SecretSealer },
  input: Partial<RegisterAppInput> = {},
): Promise<TestVendor> {
  const { db, baseUrl } = t;
  const app = await registerApp(db, appWebhookDeps(t), {
    name: 'Rédacto',
    logoUrl: null,
    redirectUris: [VENDOR_CALLBACK],
    scopes: ['folders:read', 'folders:create', 'folders:write', 'requests:write', 'files:review', 'proofs:read', 'widget_sessions:create'],
    ...input,
  });
  const issuer = `${baseUrl}/oauth`;
  const config = await vendorConfig(issuer, app.clientId, app.clientSecret);
  return { appId: app.id, clientId: app.clientId, clientSecret: app.clientSecret, webhookSecret: app.webhookSecret, config, issuer };
}

export function vendorConfig(issuer: string, clientId: string, clientSecret: string): Promise<oauth.Configuration> {
  return oauth.discovery(new URL(issuer), clientId, undefined, oauth.ClientSecretBasic(clientSecret), {
    execute: [oauth.allowInsecureRequests],
  });
}

export interface AuthorizationStart {
  url: URL;
  verifier: string;
  state: string;
}

/** An authorization request with PKCE S256 and state, built by openid-client. */
export async function startAuthorization(
  vendor: Pick<TestVendor, 'config'>,
  scope = 'folders:read folders:create folders:write',
  redirectUri = VENDOR_CALLBACK,
): Promise<AuthorizationStart> {
  const verifier = oauth.randomPKCECodeVerifier();
  const state = oauth.randomState();
  const url = oauth.buildAuthorizationUrl(vendor.config, {
    redirect_uri: redirectUri,
    scope,
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  return { url, verifier, state };
}

/**
 * Walks an authorization request in a cookie-keeping HTTP client signed in as a member (session cookie):
 * authorize -> consent page -> "Autoriser" -> the redirect to the vendor's callback, which is returned.
 */
export async function consentHeadless(
  start: AuthorizationStart,
  session: { cookieName: string; token: string },
  answer: 'accept' | 'refuse' = 'accept',
): Promise<{ callback: URL | null; consentStatus: number; consentHtml: string }> {
  const browser = new CookieBrowser();
  browser.cookies.set(session.cookieName, session.token);
  const first = await browser.follow(start.url.href);
  const consentUrl = first.visited.at(-1) as string;
  const consentHtml = await first.res.text();
  if (first.res.status !== 200) return { callback: null, consentStatus: first.res.status, consentHtml };
  const origin = new URL(consentUrl).origin;
  let res = await browser.fetch(`${consentUrl}/${answer}`, { method: 'POST', form: {}, headers: { origin } });
  let location = res.headers.get('location');
  let current = `${consentUrl}/${answer}`;
  while (location) {
    const next = new URL(location, current);
    if (next.href.startsWith(VENDOR_CALLBACK.split('?')[0] as string) || next.origin !== origin) {
      return { callback: next, consentStatus: 200, consentHtml };
    }
    current = next.href;
    res = await browser.fetch(current);
    location = res.headers.get('location');
  }
  throw new Error(`the consent did not lead back to the app (${res.status}: ${await res.text()})`);
}

/** Exchanges the code at the token endpoint with openid-client (checks state and sends the PKCE verifier). */
export function exchangeCode(vendor: Pick<TestVendor, 'config'>, callback: URL, start: AuthorizationStart) {
  return oauth.authorizationCodeGrant(vendor.config, callback, { pkceCodeVerifier: start.verifier, expectedState: start.state });
}
