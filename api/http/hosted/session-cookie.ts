import type { Request, Response } from 'express';
import type { Config } from '../../config.js';

type CookieConfig = Pick<Config, 'sessions'>;

/**
 * In production the cookies are `__Host-` prefixed: the browser then insists on Secure, Path=/ and no
 * Domain, so no sibling subdomain can set or shadow them.
 */
const name = (config: CookieConfig, base: string) => (config.sessions.cookieSecure ? `__Host-${base}` : base);

export const sessionCookieName = (config: CookieConfig) => name(config, 'lecoffre_session');
export const loginCookieName = (config: CookieConfig) => name(config, 'lecoffre_idnot_login');

/** One cookie's value from the Cookie header (RFC 6265 syntax; values we set are base64url, never quoted). */
export function readCookie(req: Request, cookieName: string): string | undefined {
  const header = req.get('cookie');
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === cookieName) {
      const value = pair.slice(at + 1).trim();
      return value.length > 0 && value.length <= 512 ? value : undefined;
    }
  }
  return undefined;
}

export const readSessionCookie = (req: Request, config: CookieConfig) => readCookie(req, sessionCookieName(config));

/**
 * The hosted pages' session: httpOnly (no script reads it), SameSite=Lax (sent on the top-level
 * navigation back from ID.not, not on cross-site POSTs), Secure in production. No Max-Age: it ends with
 * the browser, and the server's idle and absolute expiries end it sooner.
 */
export function setSessionCookie(res: Response, config: CookieConfig, token: string): void {
  res.cookie(sessionCookieName(config), token, { httpOnly: true, secure: config.sessions.cookieSecure, sameSite: 'lax', path: '/' });
}

export function clearSessionCookie(res: Response, config: CookieConfig): void {
  res.clearCookie(sessionCookieName(config), { httpOnly: true, secure: config.sessions.cookieSecure, sameSite: 'lax', path: '/' });
}
