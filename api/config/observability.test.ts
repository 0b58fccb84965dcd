import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsOf } from '../../test/support/config.js';
import { loadConfig } from '../config.js';

describe('metrics configuration', () => {
  it('is off by default: no metrics port, no token, the port bound to loopback once set', () => {
    assert.deepEqual(loadConfig({}).metrics, { port: undefined, host: '127.0.0.1', token: undefined });
    assert.deepEqual(loadConfig({ LECOFFRE_METRICS_PORT: '9464' }).metrics, { port: 9464, host: '127.0.0.1', token: undefined });
  });

  it('refuses a token short enough to guess and a port out of range', () => {
    assert.deepEqual(problemsOf({ LECOFFRE_METRICS_TOKEN: 'secret' }), [
      'LECOFFRE_METRICS_TOKEN must be at least 32 characters (openssl rand -hex 32)',
    ]);
    assert.deepEqual(problemsOf({ LECOFFRE_METRICS_PORT: '70000' }), ['LECOFFRE_METRICS_PORT must be between 0 and 65535']);
    assert.equal(loadConfig({ LECOFFRE_METRICS_TOKEN: 'a'.repeat(64) }).metrics.token, 'a'.repeat(64));
  });
});
