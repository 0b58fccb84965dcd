/** Documents at rest: upload limit and the master key ring. */
import { z } from 'zod';
import type { Config } from './shape.js';

type Env = z.infer<z.ZodObject<typeof documentVariables>>;
export const documentVariables = {
  LECOFFRE_MAX_UPLOAD_BYTES: z.coerce
    .number({ error: 'LECOFFRE_MAX_UPLOAD_BYTES must be a number of bytes' })
    .int('LECOFFRE_MAX_UPLOAD_BYTES must be a whole number of bytes')
    .min(1024, 'LECOFFRE_MAX_UPLOAD_BYTES must be at least 1024 bytes')
    .default(25 * 1024 * 1024),
  LECOFFRE_MASTER_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'LECOFFRE_MASTER_KEY must be 32 random bytes in base64 (openssl rand -base64 32)')
    .optional(),
  LECOFFRE_PREVIOUS_MASTER_KEYS: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=(,[A-Za-z0-9+/]{43}=)*$/, 'LECOFFRE_PREVIOUS_MASTER_KEYS must be base64 keys separated by commas')
    .optional(),
};

export function documentProblems(e: Env, production: boolean): string[] {
  return production && !e.LECOFFRE_MASTER_KEY
    ? ['LECOFFRE_MASTER_KEY is required when NODE_ENV=production (files are encrypted at rest)']
    : [];
}

export function documentConfig(e: Env): Pick<Config, 'documents'> {
  return {
    documents: {
      maxUploadBytes: e.LECOFFRE_MAX_UPLOAD_BYTES,
      masterKey: e.LECOFFRE_MASTER_KEY,
      previousMasterKeys: e.LECOFFRE_PREVIOUS_MASTER_KEYS?.split(',') ?? [],
    },
  };
}
