/** How long a process waits on PostgreSQL before it answers 503 instead. */
import { z } from 'zod';
import type { Config } from './shape.js';

type Env = z.infer<z.ZodObject<typeof databaseVariables>>;

const milliseconds = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a number of milliseconds` })
    .int(`${name} must be a whole number of milliseconds`)
    .min(100, `${name} must be between 100 and 600000 milliseconds`)
    .max(600_000, `${name} must be between 100 and 600000 milliseconds`)
    .default(fallback);

export const databaseVariables = {
  // 3 s: an unreachable database is a quick 503, which a balancer or a client retries elsewhere.
  LECOFFRE_DB_CONNECT_TIMEOUT_MS: milliseconds('LECOFFRE_DB_CONNECT_TIMEOUT_MS', 3_000),
  // 5 s: a request waiting longer than that for one of the pool's connections is better answered 503.
  LECOFFRE_DB_ACQUIRE_TIMEOUT_MS: milliseconds('LECOFFRE_DB_ACQUIRE_TIMEOUT_MS', 5_000),
};

export function databaseConfig(e: Env): Pick<Config, 'database'> {
  return { database: { connectTimeoutMs: e.LECOFFRE_DB_CONNECT_TIMEOUT_MS, acquireTimeoutMs: e.LECOFFRE_DB_ACQUIRE_TIMEOUT_MS } };
}
