import path from 'node:path';
import { z } from 'zod';
import { anchoringConfig, anchoringProblems, anchoringVariables } from './config/anchoring.js';
import { databaseConfig, databaseVariables } from './config/database.js';
import { documentConfig, documentProblems, documentVariables } from './config/documents.js';
import { identityConfig, identityProblems, identityVariables } from './config/identity.js';
import { lifecycleConfig, lifecycleVariables } from './config/lifecycle.js';
import { notificationConfig, notificationProblems, notificationVariables } from './config/notifications.js';
import { observabilityConfig, observabilityVariables } from './config/observability.js';
import { scrubConfig, scrubVariables } from './config/scrub.js';
import type { Config } from './config/shape.js';
import { smsConfig, smsProblems, smsVariables } from './config/sms.js';

export { DEV_IDNOT_CLIENT } from './config/identity.js';

export type { Config } from './config/shape.js';

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
  ...databaseVariables,
  ...lifecycleVariables,
  ...identityVariables,
  ...smsVariables,
  ...notificationVariables,
  ...documentVariables,
  ...anchoringVariables,
  ...scrubVariables,
  ...observabilityVariables,
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
  problems.push(...smsProblems(e, production));
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
    ...databaseConfig(e),
    ...lifecycleConfig(e),
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
    ...smsConfig(e),
    ...notificationConfig(e, baseUrl, e.NODE_ENV),
    ...documentConfig(e),
    ...anchoringConfig(e, production),
    ...scrubConfig(e),
    ...observabilityConfig(e),
  };
}
