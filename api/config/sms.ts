/** The SMS provider: Brevo, a generic HTTP gateway, or the dev outbox (embedded mode only). */
import { z } from 'zod';
import type { Config } from './shape.js';

type Env = z.infer<z.ZodObject<typeof smsVariables>>;

export const smsVariables = {
  LECOFFRE_SMS_PROVIDER: z
    .enum(['brevo', 'http', 'dev-outbox'], { error: 'LECOFFRE_SMS_PROVIDER must be one of brevo, http, dev-outbox' })
    .optional(),
  LECOFFRE_SMS_URL: z.url({ error: 'LECOFFRE_SMS_URL must be an absolute URL (the SMS provider endpoint)' }).optional(),
  LECOFFRE_SMS_TOKEN: z.string().min(1).optional(),
  LECOFFRE_BREVO_API_KEY: z.string().min(1).optional(),
  // Brevo's rule for the sender: at most 11 alphanumeric characters, or a number of at most 15 digits.
  LECOFFRE_BREVO_SMS_SENDER: z
    .string()
    .regex(
      /^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$|^\d{1,15}$/,
      'LECOFFRE_BREVO_SMS_SENDER must be at most 11 letters and digits (LeCoffre), or a number of at most 15 digits',
    )
    .optional(),
  LECOFFRE_BREVO_API_URL: z.url({ error: 'LECOFFRE_BREVO_API_URL must be an absolute URL (https://api.brevo.com/v3)' }).optional(),
  LECOFFRE_BREVO_WEBHOOK_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9_-]{32,}$/, 'LECOFFRE_BREVO_WEBHOOK_TOKEN must be at least 32 letters, digits, - or _ (openssl rand -hex 32)')
    .optional(),
};

/** Without LECOFFRE_SMS_PROVIDER, a configured LECOFFRE_SMS_URL still means the HTTP gateway (older setups). */
const providerOf = (e: Env) => e.LECOFFRE_SMS_PROVIDER ?? (e.LECOFFRE_SMS_URL ? 'http' : 'dev-outbox');

export function smsProblems(e: Env, production: boolean): string[] {
  const problems: string[] = [];
  const provider = providerOf(e);
  if (production && provider === 'dev-outbox') {
    problems.push(
      'LECOFFRE_SMS_PROVIDER (brevo, or http with LECOFFRE_SMS_URL) is required when NODE_ENV=production (clients receive their sign-in codes by SMS)',
    );
  }
  if (provider === 'http' && !e.LECOFFRE_SMS_URL) problems.push('LECOFFRE_SMS_URL is required when LECOFFRE_SMS_PROVIDER=http');
  if (provider === 'brevo') {
    for (const name of ['LECOFFRE_BREVO_API_KEY', 'LECOFFRE_BREVO_SMS_SENDER', 'LECOFFRE_BREVO_WEBHOOK_TOKEN'] as const) {
      if (!e[name]) problems.push(`${name} is required when LECOFFRE_SMS_PROVIDER=brevo`);
    }
  }
  return problems;
}

export function smsConfig(e: Env): Pick<Config, 'sms'> {
  const provider = providerOf(e);
  if (provider === 'brevo') {
    return {
      sms: {
        kind: 'brevo',
        // Present: smsProblems refused the configuration otherwise.
        apiKey: e.LECOFFRE_BREVO_API_KEY as string,
        sender: e.LECOFFRE_BREVO_SMS_SENDER as string,
        apiUrl: e.LECOFFRE_BREVO_API_URL ?? 'https://api.brevo.com/v3',
        webhookToken: e.LECOFFRE_BREVO_WEBHOOK_TOKEN as string,
      },
    };
  }
  if (provider === 'http') return { sms: { kind: 'http', url: e.LECOFFRE_SMS_URL as string, token: e.LECOFFRE_SMS_TOKEN } };
  return { sms: { kind: 'dev_outbox' } };
}
