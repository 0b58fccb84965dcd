/** Metrics: a port of their own on a private interface, and/or a bearer token on the public port. */
import { z } from 'zod';
import type { Config } from './shape.js';

type Env = z.infer<z.ZodObject<typeof observabilityVariables>>;
export const observabilityVariables = {
  LECOFFRE_METRICS_PORT: z.coerce
    .number({ error: 'LECOFFRE_METRICS_PORT must be a number' })
    .int('LECOFFRE_METRICS_PORT must be a whole number')
    .min(0, 'LECOFFRE_METRICS_PORT must be between 0 and 65535')
    .max(65535, 'LECOFFRE_METRICS_PORT must be between 0 and 65535')
    .optional(),
  LECOFFRE_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  // Long enough that guessing it is out of reach: `openssl rand -hex 32` gives 64 characters.
  LECOFFRE_METRICS_TOKEN: z
    .string()
    .min(32, 'LECOFFRE_METRICS_TOKEN must be at least 32 characters (openssl rand -hex 32)')
    .regex(/^[\x21-\x7e]+$/, 'LECOFFRE_METRICS_TOKEN must be printable ASCII without spaces')
    .optional(),
};

export function observabilityConfig(e: Env): Pick<Config, 'metrics'> {
  return {
    metrics: {
      port: e.LECOFFRE_METRICS_PORT,
      host: e.LECOFFRE_METRICS_HOST,
      token: e.LECOFFRE_METRICS_TOKEN,
    },
  };
}
