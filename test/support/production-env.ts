import { randomBytes } from 'node:crypto';
import { b58Encode, PrefixV2 } from '@taquito/utils';
import { patientDatabaseEnv } from './patience.js';

/**
 * The variables a production start (`NODE_ENV=production`) requires, pointing every outside service at an
 * address that is never contacted: nothing started with them signs in, mails, texts or anchors. Used by
 * `npm run prod:check` and the start benchmark, which both run the compiled server as an operator would.
 */
export function productionEnv(
  base: NodeJS.ProcessEnv,
  options: { port: number; databaseUrl: string; dataDir: string; masterKey?: string },
): NodeJS.ProcessEnv {
  return {
    ...base,
    NODE_ENV: 'production',
    PORT: String(options.port),
    DATABASE_URL: options.databaseUrl,
    LECOFFRE_BASE_URL: 'https://lecoffre.invalid',
    LECOFFRE_DATA_DIR: options.dataDir,
    LECOFFRE_LOG_LEVEL: 'warn',
    LECOFFRE_MASTER_KEY: options.masterKey ?? randomBytes(32).toString('base64'),
    LECOFFRE_SMTP_URL: 'smtp://127.0.0.1:9',
    LECOFFRE_MAIL_FROM: 'no-reply@lecoffre.invalid',
    LECOFFRE_IDNOT_ISSUER: 'https://idnot.invalid',
    LECOFFRE_IDNOT_CLIENT_ID: 'prod-check',
    LECOFFRE_IDNOT_CLIENT_SECRET: 'prod-check',
    LECOFFRE_SMS_URL: 'http://127.0.0.1:9/sms',
    LECOFFRE_TEZOS_RPC_URL: 'http://127.0.0.1:9',
    LECOFFRE_TEZOS_SECRET_KEY: b58Encode(new Uint8Array(32).fill(7), PrefixV2.Ed25519Seed),
    LECOFFRE_TEZOS_CONTRACT: 'KT1BEqzn5Wx8uJrZNvuS9DVHmLvG9td3fDLi',
    // The product's database limits, scaled to this machine's load (CI machines are shared too).
    ...patientDatabaseEnv(),
  };
}
