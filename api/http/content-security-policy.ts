import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';

type Directives = Readonly<Record<string, readonly string[]>>;

/**
 * What every answer of this origin starts from. The session cookie lives here, so no page may run or style
 * with anything it did not load from this origin: never `'unsafe-inline'`, no scheme-wide source such as
 * `https:`. Nothing may frame a page (clickjacking), rebase its relative URLs or load a plugin.
 */
const BASE: Directives = {
  'default-src': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** A page's policy: the base one, some directives replaced (never loosened to inline code). */
function policy(changes: Directives = {}): string {
  return Object.entries({ ...BASE, ...changes })
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The one place the site's policies are written; pages pick theirs by name. */
export const contentSecurityPolicy = {
  /**
   * Every answer without a policy of its own: the API's JSON, problems (404 and other errors), the sign-in
   * dead ends and the logged-out page, the dev outbox. None runs a script.
   */
  default: policy(),

  /**
   * The dev identity provider's pages. They run no script of ours, but oidc-provider answers some requests
   * with a self-submitting form (sign-out without a session, `response_mode=form_post`) whose inline
   * script it allows by adding that script's SHA-256 to `script-src`, and only if the directive exists.
   * A hash names that one script and nothing else: it is the library's code, not ours to move to a file.
   */
  devIdentityProvider: policy({ 'script-src': ["'self'"] }),

  /**
   * `/espace-client`: WebAssembly compile is allowed for the lazily loaded streaming SHA-256 (not eval);
   * previews are shown from blob: URLs.
   */
  clientSpace: policy({
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'img-src': ["'self'", 'blob:', 'data:'],
    'connect-src': ["'self'"],
  }),

  /** `/app`: the PDF viewer fetches a file with the session and shows it from memory (blob: frames and images). */
  appConsole: policy({
    'script-src': ["'self'"],
    'img-src': ["'self'", 'blob:', 'data:'],
    'frame-src': ['blob:'],
    'connect-src': ["'self'"],
  }),

  /**
   * `/verify`: the browser may call the Tezos node the visitor names, so that the anchor is checked against a
   * node they trust and not through LeCoffre: any https node, or one on their own computer. That is the one
   * scheme-wide source of the site, and only for `connect-src` (what the page may fetch, never run or style).
   * The page posts nothing.
   */
  verifyPage: policy({
    'script-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'connect-src': ["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*'],
    'form-action': ["'none'"],
  }),

  /** `/docs/guides/…`: the guides, static HTML with one stylesheet, no script. */
  guides: policy(),
} as const;

/**
 * `/docs`, the API reference (Redoc): its styles are made at run time by styled-components, which injects
 * `<style>` elements. They carry a nonce, fresh for each answer of the page (`newStyleNonce()`), so that
 * only the styles of the scripts the page loaded from this origin apply: a nonce names those elements, it
 * does not open `style-src` to inline styles in general. Redoc's icons are data: URIs; it fetches the spec
 * from this origin.
 */
export function apiReferencePolicy(styleNonce: string): string {
  if (!/^[A-Za-z0-9+/]{22,}={0,2}$/.test(styleNonce)) throw new Error('a CSP nonce is base64 of at least 128 random bits');
  return policy({
    'script-src': ["'self'"],
    'style-src': ["'self'", `'nonce-${styleNonce}'`],
    'img-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
  });
}

/** 128 random bits for `apiReferencePolicy`, new for every answer (a reused nonce would be a standing permission). */
export function newStyleNonce(): string {
  return randomBytes(16).toString('base64');
}

export type PagePolicy = keyof typeof contentSecurityPolicy;

/** Sets one of the policies above on every answer that passes (a page handler may still pick another). */
export function withContentSecurityPolicy(name: PagePolicy): RequestHandler {
  const value = contentSecurityPolicy[name];
  return (_req, res, next) => {
    res.setHeader('Content-Security-Policy', value);
    next();
  };
}
