/** Anchoring: local-dev or Tezos, batch interval and size, and the RFC 3161 authority that timestamps each batch. */
import bs58check from 'bs58check';
import { z } from 'zod';
import type { Config } from './shape.js';

function hasValidChecksum(base58: string): boolean {
  try {
    bs58check.decode(base58);
    return true;
  } catch {
    return false;
  }
}

type Env = z.infer<z.ZodObject<typeof anchoringVariables>>;
export const anchoringVariables = {
  LECOFFRE_ANCHOR: z.enum(['local-dev', 'tezos'], { error: 'LECOFFRE_ANCHOR must be local-dev or tezos' }).optional(),
  LECOFFRE_ANCHOR_INTERVAL: z.coerce
    .number({ error: 'LECOFFRE_ANCHOR_INTERVAL must be a number of seconds' })
    .int('LECOFFRE_ANCHOR_INTERVAL must be a whole number of seconds')
    .min(1, 'LECOFFRE_ANCHOR_INTERVAL must be at least 1 second')
    .optional(),
  LECOFFRE_ANCHOR_MAX_BATCH: z.coerce
    .number({ error: 'LECOFFRE_ANCHOR_MAX_BATCH must be a number of folders' })
    .int()
    .min(1, 'LECOFFRE_ANCHOR_MAX_BATCH must be at least 1')
    .max(100_000, 'LECOFFRE_ANCHOR_MAX_BATCH must be at most 100000')
    .default(1000),
  LECOFFRE_TSA_URL: z.url({ error: 'LECOFFRE_TSA_URL must be an absolute URL (an RFC 3161 time-stamping authority)' }).optional(),
  LECOFFRE_TEZOS_RPC_URL: z.url({ error: 'LECOFFRE_TEZOS_RPC_URL must be an absolute URL (a Tezos node RPC)' }).optional(),
  LECOFFRE_TEZOS_NETWORK: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'LECOFFRE_TEZOS_NETWORK must be a network name such as mainnet or ghostnet')
    .default('mainnet'),
  LECOFFRE_TEZOS_SECRET_KEY: z
    .string()
    .regex(/^(edsk|spsk|p2sk)[1-9A-HJ-NP-Za-km-z]+$/, 'LECOFFRE_TEZOS_SECRET_KEY must be a Tezos secret key (edsk…)')
    // Taquito, which would find a mistyped key, is loaded only by the first anchoring: its checksum is checked here.
    .refine(
      hasValidChecksum,
      'LECOFFRE_TEZOS_SECRET_KEY is not a valid Tezos secret key: its checksum does not match (a character mistyped?)',
    )
    .optional(),
  LECOFFRE_TEZOS_CONTRACT: z
    .string()
    .regex(/^KT1[1-9A-HJ-NP-Za-km-z]{33}$/, 'LECOFFRE_TEZOS_CONTRACT must be a KT1… contract address')
    .optional(),
};

export function anchoringProblems(e: Env, production: boolean): string[] {
  const kind = e.LECOFFRE_ANCHOR ?? (production ? 'tezos' : 'local-dev');
  if (production && kind === 'local-dev')
    return ['LECOFFRE_ANCHOR=local-dev is refused when NODE_ENV=production (its proofs are not on a public chain)'];
  if (kind !== 'tezos') return [];
  const missing = (['LECOFFRE_TEZOS_RPC_URL', 'LECOFFRE_TEZOS_SECRET_KEY', 'LECOFFRE_TEZOS_CONTRACT'] as const).filter((name) => !e[name]);
  return missing.map((name) => `${name} is required when anchoring on Tezos`);
}

export function anchoringConfig(e: Env, production: boolean): Pick<Config, 'anchoring'> {
  const kind = e.LECOFFRE_ANCHOR ?? (production ? 'tezos' : 'local-dev');
  return {
    anchoring: {
      intervalSeconds: e.LECOFFRE_ANCHOR_INTERVAL ?? (production ? 60 : 10),
      maxBatch: e.LECOFFRE_ANCHOR_MAX_BATCH,
      // Without a TSA URL: the local development TSA in embedded mode, no timestamps in production.
      timestamps: e.LECOFFRE_TSA_URL ? { kind: 'rfc3161', url: e.LECOFFRE_TSA_URL } : production ? { kind: 'none' } : { kind: 'dev' },
      anchor:
        kind === 'tezos'
          ? {
              kind,
              rpcUrl: e.LECOFFRE_TEZOS_RPC_URL as string,
              network: e.LECOFFRE_TEZOS_NETWORK,
              secretKey: e.LECOFFRE_TEZOS_SECRET_KEY as string,
              contract: e.LECOFFRE_TEZOS_CONTRACT as string,
            }
          : { kind: 'local-dev' },
    },
  };
}
