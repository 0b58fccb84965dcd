import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsOf, productionEnv } from '../test/support/config.js';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to the embedded mode', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.demoHostPort, 4000);
    assert.equal(config.baseUrl, 'http://localhost:3000');
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.storage.kind, 'fs');
    assert.equal(config.devMode, true);
    assert.match(config.dataDir, /\.lecoffre$/);
  });

  it('treats blank variables as unset, as a blank line in .env does', () => {
    assert.equal(loadConfig({ PORT: '', DATABASE_URL: '' }).port, 3000);
  });

  it('names each wrong value', () => {
    const problems = problemsOf({ PORT: 'abc', LECOFFRE_STORAGE: 'ftp', NODE_ENV: 'staging' });
    assert.ok(problems.includes('PORT must be a number'), problems.join());
    assert.ok(problems.includes('LECOFFRE_STORAGE must be fs or s3'), problems.join());
    assert.ok(problems.includes('NODE_ENV must be one of development, test, production'), problems.join());
  });

  it('requires a bucket for S3 storage', () => {
    assert.deepEqual(problemsOf({ LECOFFRE_STORAGE: 's3' }), ['LECOFFRE_S3_BUCKET is required when LECOFFRE_STORAGE=s3']);
    const config = loadConfig({ LECOFFRE_STORAGE: 's3', LECOFFRE_S3_BUCKET: 'docs' });
    assert.equal(config.storage.kind === 's3' && config.storage.bucket, 'docs');
  });

  it('refuses the embedded defaults in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    assert.ok(
      problems.some((p) => p.startsWith('DATABASE_URL is required')),
      problems.join(),
    );
    assert.ok(
      problems.some((p) => p.startsWith('LECOFFRE_BASE_URL is required')),
      problems.join(),
    );
    assert.ok(
      problems.some((p) => p.startsWith('LECOFFRE_DATA_DIR must be set explicitly')),
      problems.join(),
    );
    assert.ok(
      problems.some((p) => p.startsWith('LECOFFRE_MASTER_KEY is required')),
      problems.join(),
    );
    assert.ok(
      problems.some((p) => p.includes('LECOFFRE_IDNOT_ISSUER')),
      problems.join(),
    );
    assert.deepEqual(problemsOf({ ...productionEnv, LECOFFRE_BASE_URL: 'http://lecoffre.example' }), [
      'LECOFFRE_BASE_URL must be an https:// URL when NODE_ENV=production',
    ]);
    const config = loadConfig(productionEnv);
    assert.equal(config.devMode, false);
    assert.equal(config.baseUrl, 'https://lecoffre.example');
  });

  it('anchors locally by default, and only on Tezos in production', () => {
    assert.deepEqual(loadConfig({}).anchoring.anchor, { kind: 'local-dev' });
    assert.deepEqual(problemsOf({ ...productionEnv, LECOFFRE_ANCHOR: 'local-dev' }), [
      'LECOFFRE_ANCHOR=local-dev is refused when NODE_ENV=production (its proofs are not on a public chain)',
    ]);
    assert.deepEqual(problemsOf({ LECOFFRE_ANCHOR: 'tezos', LECOFFRE_TEZOS_CONTRACT: 'KT1PWx2mnDueood7fEmfbBDKx1D9BAnnXitn' }), [
      'LECOFFRE_TEZOS_RPC_URL is required when anchoring on Tezos',
      'LECOFFRE_TEZOS_SECRET_KEY is required when anchoring on Tezos',
    ]);
    const tezos = loadConfig(productionEnv).anchoring;
    assert.equal(tezos.anchor.kind === 'tezos' && tezos.anchor.network, 'mainnet');
    assert.equal(tezos.intervalSeconds, 60);
  });
});
