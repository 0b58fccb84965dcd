import { contentSecurityPolicy } from '../content-security-policy.js';

/**
 * The consent page's policy: the site's default, plus the app's logo origin for `img-src`, and the origin of
 * the app's redirect URI in `form-action` (browsers check a form's redirects too: the answer to "Autoriser"
 * redirects to the app). The redirect URI is one the app registered (the authorization server matched it).
 */
export function consentPolicy(redirectUri: string, logoUrl: string | null): string {
  let policy = contentSecurityPolicy.default;
  const origin = (url: string) => {
    try {
      return new URL(url).origin;
    } catch {
      return null;
    }
  };
  const redirectOrigin = origin(redirectUri);
  if (redirectOrigin) policy = policy.replace("form-action 'self'", `form-action 'self' ${redirectOrigin}`);
  const logoOrigin = logoUrl ? origin(logoUrl) : null;
  if (logoOrigin) policy = policy.replace("img-src 'self'", `img-src 'self' ${logoOrigin}`);
  return policy;
}
