import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../api/config.js';

/** The problems loadConfig reports for `env` (fails the test if it reports none). */
export function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail('expected a ConfigError');
}

/** Everything production needs, so that each test can take one thing away. */
export const productionEnv: NodeJS.ProcessEnv = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://db/lecoffre',
  LECOFFRE_BASE_URL: 'https://lecoffre.example/',
  LECOFFRE_STORAGE: 's3',
  LECOFFRE_S3_BUCKET: 'docs',
  LECOFFRE_MASTER_KEY: 'q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=',
  LECOFFRE_IDNOT_ISSUER: 'https://idnot.example/oidc',
  LECOFFRE_IDNOT_CLIENT_ID: 'lecoffre',
  LECOFFRE_IDNOT_CLIENT_SECRET: 'secret',
  LECOFFRE_SMS_URL: 'https://sms.example/send',
  LECOFFRE_SMTP_URL: 'smtps://user:pass@smtp.example:465',
  LECOFFRE_MAIL_FROM: 'no-reply@lecoffre.example',
  LECOFFRE_ANCHOR: 'tezos',
  LECOFFRE_TEZOS_RPC_URL: 'https://rpc.tzkt.io/mainnet',
  LECOFFRE_TEZOS_SECRET_KEY: 'edsk3QoqBuvdamxouPhin7swCvkQNgq4jP5KZPbwWNnwdZpSpJiEbq',
  LECOFFRE_TEZOS_CONTRACT: 'KT1PWx2mnDueood7fEmfbBDKx1D9BAnnXitn',
};
