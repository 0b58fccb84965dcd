import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsOf } from '../../test/support/config.js';
import { loadConfig } from '../config.js';

describe('shutdown drain', () => {
  it('is 10 s unless set, and refuses what is not a number of milliseconds', () => {
    assert.equal(loadConfig({}).shutdownDrainMs, 10_000);
    assert.equal(loadConfig({ LECOFFRE_SHUTDOWN_DRAIN_MS: '45000' }).shutdownDrainMs, 45_000);
    assert.deepEqual(problemsOf({ LECOFFRE_SHUTDOWN_DRAIN_MS: '-1' }), [
      'LECOFFRE_SHUTDOWN_DRAIN_MS must be between 0 and 600000 milliseconds',
    ]);
  });
});

describe('shutdown delay', () => {
  it('is 0 unless set (no balancer to wait for), and refuses what is not a number of milliseconds', () => {
    assert.equal(loadConfig({}).shutdownDelayMs, 0);
    assert.equal(loadConfig({ LECOFFRE_SHUTDOWN_DELAY_MS: '2000' }).shutdownDelayMs, 2_000);
    assert.deepEqual(problemsOf({ LECOFFRE_SHUTDOWN_DELAY_MS: '120000' }), [
      'LECOFFRE_SHUTDOWN_DELAY_MS must be between 0 and 60000 milliseconds',
    ]);
  });
});

describe('database wait limits', () => {
  it('are 3 s to connect and 5 s to get a pooled connection unless set', () => {
    assert.deepEqual(loadConfig({}).database, { connectTimeoutMs: 3_000, acquireTimeoutMs: 5_000 });
    const set = loadConfig({ LECOFFRE_DB_CONNECT_TIMEOUT_MS: '12000', LECOFFRE_DB_ACQUIRE_TIMEOUT_MS: '20000' });
    assert.deepEqual(set.database, { connectTimeoutMs: 12_000, acquireTimeoutMs: 20_000 });
  });

  it('refuses a limit that is not a sensible number of milliseconds', () => {
    assert.deepEqual(problemsOf({ LECOFFRE_DB_CONNECT_TIMEOUT_MS: '3s' }), [
      'LECOFFRE_DB_CONNECT_TIMEOUT_MS must be a number of milliseconds',
    ]);
    assert.deepEqual(problemsOf({ LECOFFRE_DB_ACQUIRE_TIMEOUT_MS: '0' }), [
      'LECOFFRE_DB_ACQUIRE_TIMEOUT_MS must be between 100 and 600000 milliseconds',
    ]);
    assert.deepEqual(problemsOf({ LECOFFRE_DB_ACQUIRE_TIMEOUT_MS: '2.5' }), [
      'LECOFFRE_DB_ACQUIRE_TIMEOUT_MS must be a whole number of milliseconds',
    ]);
  });
});
