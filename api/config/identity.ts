/** Identity and access: ID.not, sessions, proxies (the SMS provider is in sms.ts). */
import { z } from 'zod';
import type { Config } from './shape.js';

/** The dev identity provider's one client: not a secret, as the provider only exists on a developer's machine. */
export const DEV_IDNOT_CLIENT = { clientId: 'lecoffre-dev', clientSecret: 'lecoffre-dev-secret' } as const;

type Env = z.infer<z.ZodObject<typeof identityVariables>>;

export const identityVariables = {
  LECOFFRE_IDNOT_ISSUER: z.url({ error: 'LECOFFRE_IDNOT_ISSUER must be an absolute URL (the ID.not OpenID issuer)' }).optional(),
  LECOFFRE_IDNOT_CLIENT_ID: z.string().min(1).optional(),
  LECOFFRE_IDNOT_CLIENT_SECRET: z.string().min(1).optional(),
  LECOFFRE_IDNOT_REDIRECT_URI: z.url({ error: 'LECOFFRE_IDNOT_REDIRECT_URI must be an absolute URL' }).optional(),
  LECOFFRE_SESSION_IDLE_MINUTES: z.coerce
    .number({ error: 'LECOFFRE_SESSION_IDLE_MINUTES must be a number of minutes' })
    .int('LECOFFRE_SESSION_IDLE_MINUTES must be a whole number of minutes')
    .min(1, 'LECOFFRE_SESSION_IDLE_MINUTES must be at least 1')
    .max(24 * 60, 'LECOFFRE_SESSION_IDLE_MINUTES must be at most 1440 (one day)')
    .default(30),
  LECOFFRE_SESSION_ABSOLUTE_HOURS: z.coerce
    .number({ error: 'LECOFFRE_SESSION_ABSOLUTE_HOURS must be a number of hours' })
    .int('LECOFFRE_SESSION_ABSOLUTE_HOURS must be a whole number of hours')
    .min(1, 'LECOFFRE_SESSION_ABSOLUTE_HOURS must be at least 1')
    .max(24 * 30, 'LECOFFRE_SESSION_ABSOLUTE_HOURS must be at most 720 (30 days)')
    .default(12),
  LECOFFRE_TRUST_PROXY: z
    .string()
    .regex(
      /^(\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/,
      'LECOFFRE_TRUST_PROXY must be a number of proxies (1) or addresses/subnets (loopback, 10.0.0.0/8)',
    )
    .optional(),
};

const IDNOT_VARIABLES = ['LECOFFRE_IDNOT_ISSUER', 'LECOFFRE_IDNOT_CLIENT_ID', 'LECOFFRE_IDNOT_CLIENT_SECRET'] as const;

export function identityProblems(e: Env, production: boolean): string[] {
  const problems: string[] = [];
  const missing = IDNOT_VARIABLES.filter((name) => !e[name]);
  if (production && missing.length > 0) {
    problems.push(
      `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} required when NODE_ENV=production (members sign in with ID.not)`,
    );
  } else if (missing.length > 0 && missing.length < IDNOT_VARIABLES.length) {
    problems.push(
      `${missing.join(', ')} must be set too: set all of ${IDNOT_VARIABLES.join(', ')}, or none to use the dev identity provider`,
    );
  }
  if (production && e.LECOFFRE_IDNOT_ISSUER && !e.LECOFFRE_IDNOT_ISSUER.startsWith('https://')) {
    problems.push('LECOFFRE_IDNOT_ISSUER must be an https:// URL when NODE_ENV=production');
  }
  if (e.LECOFFRE_SESSION_IDLE_MINUTES > e.LECOFFRE_SESSION_ABSOLUTE_HOURS * 60) {
    problems.push('LECOFFRE_SESSION_IDLE_MINUTES must not exceed the absolute lifetime (LECOFFRE_SESSION_ABSOLUTE_HOURS × 60)');
  }
  return problems;
}

export function identityConfig(e: Env, production: boolean, baseUrl: string): Pick<Config, 'idnot' | 'sessions' | 'trustProxy'> {
  const redirectUri = e.LECOFFRE_IDNOT_REDIRECT_URI ?? `${baseUrl}/auth/idnot/callback`;
  const idnot =
    e.LECOFFRE_IDNOT_ISSUER && e.LECOFFRE_IDNOT_CLIENT_ID && e.LECOFFRE_IDNOT_CLIENT_SECRET
      ? {
          issuer: e.LECOFFRE_IDNOT_ISSUER,
          clientId: e.LECOFFRE_IDNOT_CLIENT_ID,
          clientSecret: e.LECOFFRE_IDNOT_CLIENT_SECRET,
          redirectUri,
          dev: false,
        }
      : { issuer: `${baseUrl}/dev/idnot`, ...DEV_IDNOT_CLIENT, redirectUri, dev: true };
  const trust = e.LECOFFRE_TRUST_PROXY;
  return {
    idnot,
    sessions: {
      idleMinutes: e.LECOFFRE_SESSION_IDLE_MINUTES,
      absoluteHours: e.LECOFFRE_SESSION_ABSOLUTE_HOURS,
      cookieSecure: production,
    },
    trustProxy: trust === undefined ? false : /^\d+$/.test(trust) ? Number(trust) : trust,
  };
}
