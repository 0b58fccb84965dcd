import * as oidc from 'openid-client';
import {
  type AuthorizationRequest,
  type IdentityProvider,
  IdentityProviderError,
  type LoginSecrets,
  type ProfessionalIdentity,
} from '../../ports/identity-provider.js';
import { IDNOT_SCOPE, identityFromClaims } from './idnot-claims.js';

export interface OpenIdSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/**
 * ID.not (or the dev provider) through openid-client: authorization code + PKCE (S256), state and nonce,
 * ID token checked by the library (signature, issuer, audience, expiry, nonce), then userinfo.
 * Discovery runs at the first login, not at start-up: the API starts even if ID.not is down, and a failed
 * discovery is retried at the next login.
 */
export function openIdIdentityProvider(settings: OpenIdSettings): IdentityProvider {
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    discovered ??= oidc
      .discovery(new URL(settings.issuer), settings.clientId, undefined, oidc.ClientSecretBasic(settings.clientSecret), {
        // Only the dev provider is plain http (config refuses an http issuer in production).
        execute: settings.issuer.startsWith('http://') ? [oidc.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw new IdentityProviderError(`ID.not discovery failed: ${(error as Error).message}`, 'discovery_failed');
      });
    return discovered;
  };

  return {
    async beginLogin(): Promise<AuthorizationRequest> {
      const config = await configuration();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: IDNOT_SCOPE,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, state, nonce, codeVerifier };
    },

    async completeLogin(callbackUrl: URL, expected: LoginSecrets): Promise<ProfessionalIdentity> {
      const config = await configuration();
      try {
        const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: expected.codeVerifier,
          expectedState: expected.state,
          expectedNonce: expected.nonce,
          idTokenExpected: true,
        });
        const idClaims = tokens.claims();
        if (!idClaims) throw new IdentityProviderError('ID.not sent no ID token', 'missing_id_token');
        const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        return identityFromClaims({ ...idClaims, ...userinfo });
      } catch (error) {
        if (error instanceof IdentityProviderError) throw error;
        const code = (error as { error?: unknown; code?: unknown }).error ?? (error as { code?: unknown }).code;
        throw new IdentityProviderError(`ID.not login failed: ${(error as Error).message}`, typeof code === 'string' ? code : undefined);
      }
    },
  };
}
