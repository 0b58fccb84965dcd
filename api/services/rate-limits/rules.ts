import type { RateLimitRule } from './rate-limiter.js';

/**
 * Every limit of the identity endpoints in one place. Per-IP limits are generous (an office or a family
 * may share one address); per-e-mail, per-phone and per-account limits are what stop guessing.
 */
export const rules = {
  /** Any client-auth call from one IP (start, verify, login). */
  clientAuthPerIp: { name: 'client-auth:ip', limit: 60, windowSeconds: 15 * 60 },
  /** The resend cool-down: one code per e-mail per minute. */
  codeCooldownPerEmail: { name: 'client-code:email:cooldown', limit: 1, windowSeconds: 60 },
  codesPerEmail: { name: 'client-code:email', limit: 5, windowSeconds: 60 * 60 },
  codesPerPhone: { name: 'client-code:phone', limit: 5, windowSeconds: 60 * 60 },
  codesPerIp: { name: 'client-code:ip', limit: 20, windowSeconds: 60 * 60 },
  /** Failed password logins (only failures count). */
  passwordFailuresPerAccount: { name: 'client-password:account', limit: 5, windowSeconds: 15 * 60 },
  passwordFailuresPerIp: { name: 'client-password:ip', limit: 20, windowSeconds: 15 * 60 },
  /** ID.not logins started from one IP (each creates a login transaction row). */
  idnotLoginPerIp: { name: 'idnot-login:ip', limit: 30, windowSeconds: 5 * 60 },
  /** Widget sessions minted per API key: a vendor mints one per page view, not per request. */
  widgetSessionsPerApiKey: { name: 'widget-sessions:api-key', limit: 600, windowSeconds: 60 },
} satisfies Record<string, RateLimitRule>;
