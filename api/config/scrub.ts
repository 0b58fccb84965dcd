/** The integrity scrub: how fast and how often stored files are re-read and checked. */
import { z } from 'zod';
import type { Config } from './shape.js';

type Env = z.infer<z.ZodObject<typeof scrubVariables>>;
export const scrubVariables = {
  LECOFFRE_SCRUB_BYTES_PER_SECOND: z.coerce
    .number({ error: 'LECOFFRE_SCRUB_BYTES_PER_SECOND must be a number of bytes' })
    .int('LECOFFRE_SCRUB_BYTES_PER_SECOND must be a whole number of bytes')
    .min(0, 'LECOFFRE_SCRUB_BYTES_PER_SECOND must be 0 (off) or more')
    .default(1024 * 1024),
  LECOFFRE_SCRUB_INTERVAL_MINUTES: z.coerce
    .number({ error: 'LECOFFRE_SCRUB_INTERVAL_MINUTES must be a number of minutes' })
    .int('LECOFFRE_SCRUB_INTERVAL_MINUTES must be a whole number of minutes')
    .min(1, 'LECOFFRE_SCRUB_INTERVAL_MINUTES must be between 1 and 59')
    .max(59, 'LECOFFRE_SCRUB_INTERVAL_MINUTES must be between 1 and 59')
    .default(10),
};

export function scrubConfig(e: Env): Pick<Config, 'scrub'> {
  return { scrub: { bytesPerSecond: e.LECOFFRE_SCRUB_BYTES_PER_SECOND, intervalMinutes: e.LECOFFRE_SCRUB_INTERVAL_MINUTES } };
}
