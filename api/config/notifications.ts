/** Webhooks and notifications: SMTP, sender address, loopback webhooks in development. */
import { z } from 'zod';
import type { Config } from './shape.js';

type Env = z.infer<z.ZodObject<typeof notificationVariables>>;
export const notificationVariables = {
  LECOFFRE_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'LECOFFRE_SMTP_URL must be an smtp:// or smtps:// URL (smtps://user:password@smtp.example.com:465)')
    .optional(),
  LECOFFRE_MAIL_FROM: z
    .email({ error: 'LECOFFRE_MAIL_FROM must be an e-mail address (no-reply@example.com); the office is the sender name' })
    .optional(),
  LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK: z.stringbool({ error: 'LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK must be true or false' }).optional(),
};

export function notificationProblems(e: Env, production: boolean): string[] {
  const problems: string[] = [];
  if (production && !e.LECOFFRE_SMTP_URL)
    problems.push('LECOFFRE_SMTP_URL is required when NODE_ENV=production (clients and notaries are e-mailed)');
  if (production && !e.LECOFFRE_MAIL_FROM) problems.push('LECOFFRE_MAIL_FROM is required when NODE_ENV=production');
  if (production && e.LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK) {
    problems.push(
      'LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK must not be true when NODE_ENV=production (webhooks to loopback are for local development)',
    );
  }
  return problems;
}

/**
 * Webhooks to loopback are refused (SSRF) except when asked for, and by default under `npm start`
 * (NODE_ENV=development), where the demo drafting software receives its webhooks on localhost.
 */
export function notificationConfig(e: Env, baseUrl: string, env: Config['env']): Pick<Config, 'mail' | 'webhooks'> {
  const from = e.LECOFFRE_MAIL_FROM ?? `no-reply@${new URL(baseUrl).hostname}`;
  return {
    mail: e.LECOFFRE_SMTP_URL ? { kind: 'smtp', url: e.LECOFFRE_SMTP_URL, from } : { kind: 'dev_outbox', from },
    webhooks: { allowLoopback: e.LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK ?? env === 'development' },
  };
}
