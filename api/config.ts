import path from 'node:path';
import { z } from 'zod';

/**
 * The one typed configuration of the service, read from the environment (and `.env`, loaded by main.ts).
 * Every default is the embedded mode; production refuses the defaults that only make sense on a laptop.
 * Each variable is documented in the README's configuration table: keep both in step.
 */
export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  demoHostPort: number;
  baseUrl: string;
  dataDir: string;
  /** Absent in embedded mode: main.ts then starts PostgreSQL itself under dataDir. */
  databaseUrl: string | undefined;
  embeddedPostgresPort: number | undefined;
  storage:
    | { kind: 'fs'; dir: string }
    | {
        kind: 's3';
        bucket: string;
        region: string;
        endpoint: string | undefined;
        accessKeyId: string | undefined;
        secretAccessKey: string | undefined;
      };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** JSON bodies above this are refused with 413 before they are parsed. */
  jsonBodyLimitBytes: number;
  /** True where dev-only routes and the seeded demo office may exist. */
  devMode: boolean;
  /**
   * The ID.not OpenID Connect client. Without LECOFFRE_IDNOT_ISSUER (embedded mode only) it points at the
   * dev identity provider that the app itself mounts under /dev/idnot (`dev: true`).
   */
  idnot: { issuer: string; clientId: string; clientSecret: string; redirectUri: string; dev: boolean };
  /** Where SMS one-time codes go: an HTTP provider, or the dev outbox (embedded mode only). */
  sms: { kind: 'http'; url: string; token: string | undefined } | { kind: 'dev_outbox' };
  sessions: {
    /** A session unused this long is over. */
    idleMinutes: number;
    /** A session is over this long after sign-in, however busy. */
    absoluteHours: number;
    /** Session cookies are `Secure` (and `__Host-` prefixed) in production. */
    cookieSecure: boolean;
  };
  /** Express `trust proxy`: how many proxies (or which addresses) to trust for the client IP that rate limits key on. */
  trustProxy: number | string | false;
  // --- webhooks and notifications (issue 7) ---
  /** Where e-mails go: an SMTP server, or the dev outbox (embedded mode only). `from` is the address; the office is the sender name. */
  mail: { kind: 'smtp'; url: string; from: string } | { kind: 'dev_outbox'; from: string };
  /** Webhook endpoints on loopback addresses (embedded mode only: local development and tests). */
  webhooks: { allowLoopback: boolean };
  // --- end webhooks and notifications ---
  // --- documents at rest (issue 5) ---
  documents: {
    /** Largest file accepted, in bytes; refused with 413 as soon as an upload goes past it. */
    maxUploadBytes: number;
    /** Base64 master key wrapping every file's data key; absent in embedded mode (generated into the data dir). */
    masterKey: string | undefined;
    /** Keys being rotated out: still able to unwrap, never used to wrap. */
    previousMasterKeys: string[];
  };
  // --- end documents at rest ---
  // --- anchoring (issue 6) ---
  anchoring: {
    /** Seconds between two batches (a batch also starts as soon as maxBatch folders wait). */
    intervalSeconds: number;
    maxBatch: number;
    anchor: { kind: 'local-dev' } | { kind: 'tezos'; rpcUrl: string; network: string; secretKey: string; contract: string };
  };
  // --- end anchoring ---
}

/** The dev identity provider's one client: not a secret, as the provider only exists on a developer's machine. */
export const DEV_IDNOT_CLIENT = { clientId: 'lecoffre-dev', clientSecret: 'lecoffre-dev-secret' } as const;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const port = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(0, `${name} must be between 0 and 65535`)
    .max(65535, `${name} must be between 0 and 65535`);

// --- documents at rest (issue 5) ---
const documentVariables = {
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

function documentProblems(e: Env, production: boolean): string[] {
  return production && !e.LECOFFRE_MASTER_KEY
    ? ['LECOFFRE_MASTER_KEY is required when NODE_ENV=production (files are encrypted at rest)']
    : [];
}

function documentConfig(e: Env): Pick<Config, 'documents'> {
  return {
    documents: {
      maxUploadBytes: e.LECOFFRE_MAX_UPLOAD_BYTES,
      masterKey: e.LECOFFRE_MASTER_KEY,
      previousMasterKeys: e.LECOFFRE_PREVIOUS_MASTER_KEYS?.split(',') ?? [],
    },
  };
}
// --- end documents at rest ---

// --- anchoring (issue 6) ---
const anchoringVariables = {
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
  LECOFFRE_TEZOS_RPC_URL: z.url({ error: 'LECOFFRE_TEZOS_RPC_URL must be an absolute URL (a Tezos node RPC)' }).optional(),
  LECOFFRE_TEZOS_NETWORK: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'LECOFFRE_TEZOS_NETWORK must be a network name such as mainnet or ghostnet')
    .default('mainnet'),
  LECOFFRE_TEZOS_SECRET_KEY: z
    .string()
    .regex(/^(edsk|spsk|p2sk)[1-9A-HJ-NP-Za-km-z]+$/, 'LECOFFRE_TEZOS_SECRET_KEY must be a Tezos secret key (edsk…)')
    .optional(),
  LECOFFRE_TEZOS_CONTRACT: z
    .string()
    .regex(/^KT1[1-9A-HJ-NP-Za-km-z]{33}$/, 'LECOFFRE_TEZOS_CONTRACT must be a KT1… contract address')
    .optional(),
};

function anchoringProblems(e: Env, production: boolean): string[] {
  const kind = e.LECOFFRE_ANCHOR ?? (production ? 'tezos' : 'local-dev');
  if (production && kind === 'local-dev')
    return ['LECOFFRE_ANCHOR=local-dev is refused when NODE_ENV=production (its proofs are not on a public chain)'];
  if (kind !== 'tezos') return [];
  const missing = (['LECOFFRE_TEZOS_RPC_URL', 'LECOFFRE_TEZOS_SECRET_KEY', 'LECOFFRE_TEZOS_CONTRACT'] as const).filter((name) => !e[name]);
  return missing.map((name) => `${name} is required when anchoring on Tezos`);
}

function anchoringConfig(e: Env, production: boolean): Pick<Config, 'anchoring'> {
  const kind = e.LECOFFRE_ANCHOR ?? (production ? 'tezos' : 'local-dev');
  return {
    anchoring: {
      intervalSeconds: e.LECOFFRE_ANCHOR_INTERVAL ?? (production ? 60 : 10),
      maxBatch: e.LECOFFRE_ANCHOR_MAX_BATCH,
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
// --- end anchoring ---

// --- webhooks and notifications (issue 7): variables, checks and the resulting config ---
const notificationVariables = {
  LECOFFRE_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'LECOFFRE_SMTP_URL must be an smtp:// or smtps:// URL (smtps://user:password@smtp.example.com:465)')
    .optional(),
  LECOFFRE_MAIL_FROM: z
    .email({ error: 'LECOFFRE_MAIL_FROM must be an e-mail address (no-reply@example.com); the office is the sender name' })
    .optional(),
  LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK: z.stringbool({ error: 'LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK must be true or false' }).default(false),
};

function notificationProblems(e: Env, production: boolean): string[] {
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

function notificationConfig(e: Env, baseUrl: string): Pick<Config, 'mail' | 'webhooks'> {
  const from = e.LECOFFRE_MAIL_FROM ?? `no-reply@${new URL(baseUrl).hostname}`;
  return {
    mail: e.LECOFFRE_SMTP_URL ? { kind: 'smtp', url: e.LECOFFRE_SMTP_URL, from } : { kind: 'dev_outbox', from },
    webhooks: { allowLoopback: e.LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK },
  };
}
// --- end webhooks and notifications ---

const schema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], {
      error: 'NODE_ENV must be one of development, test, production',
    })
    .default('development'),
  PORT: port('PORT').default(3000),
  DEMO_HOST_PORT: port('DEMO_HOST_PORT').default(4000),
  LECOFFRE_BASE_URL: z.url({ error: 'LECOFFRE_BASE_URL must be an absolute URL' }).optional(),
  LECOFFRE_DATA_DIR: z.string().min(1).default('./.lecoffre'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  LECOFFRE_EMBEDDED_PG_PORT: port('LECOFFRE_EMBEDDED_PG_PORT').optional(),
  LECOFFRE_STORAGE: z.enum(['fs', 's3'], { error: 'LECOFFRE_STORAGE must be fs or s3' }).default('fs'),
  LECOFFRE_S3_BUCKET: z.string().min(1).optional(),
  LECOFFRE_S3_REGION: z.string().min(1).default('eu-west-3'),
  LECOFFRE_S3_ENDPOINT: z.url({ error: 'LECOFFRE_S3_ENDPOINT must be an absolute URL' }).optional(),
  LECOFFRE_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  LECOFFRE_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  LECOFFRE_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'LECOFFRE_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  LECOFFRE_JSON_BODY_LIMIT: z.coerce
    .number({ error: 'LECOFFRE_JSON_BODY_LIMIT must be a number of bytes' })
    .int()
    .min(1024, 'LECOFFRE_JSON_BODY_LIMIT must be at least 1024 bytes')
    .default(256 * 1024),
  LECOFFRE_IDNOT_ISSUER: z.url({ error: 'LECOFFRE_IDNOT_ISSUER must be an absolute URL (the ID.not OpenID issuer)' }).optional(),
  LECOFFRE_IDNOT_CLIENT_ID: z.string().min(1).optional(),
  LECOFFRE_IDNOT_CLIENT_SECRET: z.string().min(1).optional(),
  LECOFFRE_IDNOT_REDIRECT_URI: z.url({ error: 'LECOFFRE_IDNOT_REDIRECT_URI must be an absolute URL' }).optional(),
  LECOFFRE_SMS_URL: z.url({ error: 'LECOFFRE_SMS_URL must be an absolute URL (the SMS provider endpoint)' }).optional(),
  LECOFFRE_SMS_TOKEN: z.string().min(1).optional(),
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
  ...notificationVariables,
  ...documentVariables,
  ...anchoringVariables,
});

/** Empty strings in the environment mean "unset", as a blank line in a .env file does. */
function withoutBlanks(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => issue.message));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const production = e.NODE_ENV === 'production';

  if (e.LECOFFRE_STORAGE === 's3' && !e.LECOFFRE_S3_BUCKET) {
    problems.push('LECOFFRE_S3_BUCKET is required when LECOFFRE_STORAGE=s3');
  }
  if (production) {
    if (!e.DATABASE_URL) problems.push('DATABASE_URL is required when NODE_ENV=production (no embedded PostgreSQL)');
    if (!e.LECOFFRE_BASE_URL) problems.push('LECOFFRE_BASE_URL is required when NODE_ENV=production');
    else if (!e.LECOFFRE_BASE_URL.startsWith('https://')) {
      problems.push('LECOFFRE_BASE_URL must be an https:// URL when NODE_ENV=production');
    }
    if (e.LECOFFRE_STORAGE === 'fs' && env.LECOFFRE_DATA_DIR === undefined) {
      problems.push('LECOFFRE_DATA_DIR must be set explicitly when NODE_ENV=production and LECOFFRE_STORAGE=fs');
    }
  }
  problems.push(...identityProblems(e, production));
  problems.push(...notificationProblems(e, production));
  problems.push(...documentProblems(e, production));
  problems.push(...anchoringProblems(e, production));
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = path.resolve(e.LECOFFRE_DATA_DIR);
  const baseUrl = (e.LECOFFRE_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    demoHostPort: e.DEMO_HOST_PORT,
    baseUrl,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    embeddedPostgresPort: e.LECOFFRE_EMBEDDED_PG_PORT,
    storage:
      e.LECOFFRE_STORAGE === 's3'
        ? {
            kind: 's3',
            bucket: e.LECOFFRE_S3_BUCKET as string,
            region: e.LECOFFRE_S3_REGION,
            endpoint: e.LECOFFRE_S3_ENDPOINT,
            accessKeyId: e.LECOFFRE_S3_ACCESS_KEY_ID,
            secretAccessKey: e.LECOFFRE_S3_SECRET_ACCESS_KEY,
          }
        : { kind: 'fs', dir: path.join(dataDir, 'blobs') },
    logLevel: e.LECOFFRE_LOG_LEVEL,
    jsonBodyLimitBytes: e.LECOFFRE_JSON_BODY_LIMIT,
    devMode: !production,
    ...identityConfig(e, production, baseUrl),
    ...notificationConfig(e, baseUrl),
    ...documentConfig(e),
    ...anchoringConfig(e, production),
  };
}

type Env = z.infer<typeof schema>;

const IDNOT_VARIABLES = ['LECOFFRE_IDNOT_ISSUER', 'LECOFFRE_IDNOT_CLIENT_ID', 'LECOFFRE_IDNOT_CLIENT_SECRET'] as const;

function identityProblems(e: Env, production: boolean): string[] {
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
  if (production && !e.LECOFFRE_SMS_URL) {
    problems.push('LECOFFRE_SMS_URL is required when NODE_ENV=production (clients receive their sign-in codes by SMS)');
  }
  if (e.LECOFFRE_SESSION_IDLE_MINUTES > e.LECOFFRE_SESSION_ABSOLUTE_HOURS * 60) {
    problems.push('LECOFFRE_SESSION_IDLE_MINUTES must not exceed the absolute lifetime (LECOFFRE_SESSION_ABSOLUTE_HOURS × 60)');
  }
  return problems;
}

function identityConfig(e: Env, production: boolean, baseUrl: string): Pick<Config, 'idnot' | 'sms' | 'sessions' | 'trustProxy'> {
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
    sms: e.LECOFFRE_SMS_URL ? { kind: 'http', url: e.LECOFFRE_SMS_URL, token: e.LECOFFRE_SMS_TOKEN } : { kind: 'dev_outbox' },
    sessions: {
      idleMinutes: e.LECOFFRE_SESSION_IDLE_MINUTES,
      absoluteHours: e.LECOFFRE_SESSION_ABSOLUTE_HOURS,
      cookieSecure: production,
    },
    trustProxy: trust === undefined ? false : /^\d+$/.test(trust) ? Number(trust) : trust,
  };
}
