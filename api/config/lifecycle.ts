/** How a stopping process winds down. */
import { z } from 'zod';
import type { Config } from './shape.js';

type Env = z.infer<z.ZodObject<typeof lifecycleVariables>>;

export const lifecycleVariables = {
  // 10 s: longer than any ordinary request; uploads still streaming after it are answered 503 and removed.
  // Keep it below the supervisor's own grace period (systemd TimeoutStopSec, Kubernetes terminationGracePeriodSeconds).
  LECOFFRE_SHUTDOWN_DRAIN_MS: z.coerce
    .number({ error: 'LECOFFRE_SHUTDOWN_DRAIN_MS must be a number of milliseconds' })
    .int('LECOFFRE_SHUTDOWN_DRAIN_MS must be a whole number of milliseconds')
    .min(0, 'LECOFFRE_SHUTDOWN_DRAIN_MS must be between 0 and 600000 milliseconds')
    .max(600_000, 'LECOFFRE_SHUTDOWN_DRAIN_MS must be between 0 and 600000 milliseconds')
    .default(10_000),
  // 0: a process alone stops accepting at once. Behind a balancer, set it above the time its health checks
  // take to see `/readyz` fail (HAProxy: fall × inter + check timeout): until then the balancer still sends
  // new requests, and a connection accepted just as the listening socket closes would be cut unanswered.
  LECOFFRE_SHUTDOWN_DELAY_MS: z.coerce
    .number({ error: 'LECOFFRE_SHUTDOWN_DELAY_MS must be a number of milliseconds' })
    .int('LECOFFRE_SHUTDOWN_DELAY_MS must be a whole number of milliseconds')
    .min(0, 'LECOFFRE_SHUTDOWN_DELAY_MS must be between 0 and 60000 milliseconds')
    .max(60_000, 'LECOFFRE_SHUTDOWN_DELAY_MS must be between 0 and 60000 milliseconds')
    .default(0),
};

export function lifecycleConfig(e: Env): Pick<Config, 'shutdownDrainMs' | 'shutdownDelayMs'> {
  return { shutdownDrainMs: e.LECOFFRE_SHUTDOWN_DRAIN_MS, shutdownDelayMs: e.LECOFFRE_SHUTDOWN_DELAY_MS };
}
