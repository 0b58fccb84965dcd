import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsOf } from '../../test/support/config.js';
import { loadConfig } from '../config.js';

describe('identity configuration', () => {
  it('defaults to the dev identity provider, the dev outbox and 30 min / 12 h sessions', () => {
    const config = loadConfig({ PORT: '3100' });
    assert.deepEqual(config.idnot, {
      issuer: 'http://localhost:3100/dev/idnot',
      clientId: 'lecoffre-dev',
      clientSecret: 'lecoffre-dev-secret',
      redirectUri: 'http://localhost:3100/auth/idnot/callback',
      dev: true,
    });
    assert.deepEqual(config.sms, { kind: 'dev_outbox' });
    assert.deepEqual(config.sessions, { idleMinutes: 30, absoluteHours: 12, cookieSecure: false });
    assert.equal(config.trustProxy, false);
  });

  it('uses ID.not and an SMS provider when configured', () => {
    const config = loadConfig({
      LECOFFRE_BASE_URL: 'https://lecoffre.example',
      LECOFFRE_IDNOT_ISSUER: 'https://idnot.example/oidc',
      LECOFFRE_IDNOT_CLIENT_ID: 'lecoffre',
      LECOFFRE_IDNOT_CLIENT_SECRET: 's3cret',
      LECOFFRE_SMS_URL: 'https://sms.example/send',
      LECOFFRE_SMS_TOKEN: 'tok',
      LECOFFRE_SESSION_IDLE_MINUTES: '15',
      LECOFFRE_SESSION_ABSOLUTE_HOURS: '8',
      LECOFFRE_TRUST_PROXY: '1',
    });
    assert.equal(config.idnot.dev, false);
    assert.equal(config.idnot.issuer, 'https://idnot.example/oidc');
    assert.equal(config.idnot.redirectUri, 'https://lecoffre.example/auth/idnot/callback');
    assert.deepEqual(config.sms, { kind: 'http', url: 'https://sms.example/send', token: 'tok' });
    assert.deepEqual([config.sessions.idleMinutes, config.sessions.absoluteHours], [15, 8]);
    assert.equal(config.trustProxy, 1);
    assert.equal(loadConfig({ LECOFFRE_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy, 'loopback, 10.0.0.0/8');
  });

  it('refuses a half-configured ID.not client, naming what is missing', () => {
    assert.deepEqual(problemsOf({ LECOFFRE_IDNOT_ISSUER: 'https://idnot.example/oidc' }), [
      'LECOFFRE_IDNOT_CLIENT_ID, LECOFFRE_IDNOT_CLIENT_SECRET must be set too: set all of LECOFFRE_IDNOT_ISSUER, LECOFFRE_IDNOT_CLIENT_ID, LECOFFRE_IDNOT_CLIENT_SECRET, or none to use the dev identity provider',
    ]);
  });

  it('refuses production without ID.not or without an SMS provider', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    assert.ok(
      problems.includes(
        'LECOFFRE_IDNOT_ISSUER, LECOFFRE_IDNOT_CLIENT_ID, LECOFFRE_IDNOT_CLIENT_SECRET are required when NODE_ENV=production (members sign in with ID.not)',
      ),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) =>
        p.startsWith('LECOFFRE_SMS_PROVIDER (brevo, or http with LECOFFRE_SMS_URL) is required when NODE_ENV=production'),
      ),
      problems.join('\n'),
    );
    const http = problemsOf({
      NODE_ENV: 'production',
      LECOFFRE_IDNOT_ISSUER: 'http://idnot.example',
      LECOFFRE_IDNOT_CLIENT_ID: 'a',
      LECOFFRE_IDNOT_CLIENT_SECRET: 'b',
    });
    assert.ok(http.includes('LECOFFRE_IDNOT_ISSUER must be an https:// URL when NODE_ENV=production'), http.join('\n'));
  });

  it('names wrong session and proxy values', () => {
    assert.deepEqual(problemsOf({ LECOFFRE_SESSION_IDLE_MINUTES: '0' }), ['LECOFFRE_SESSION_IDLE_MINUTES must be at least 1']);
    assert.deepEqual(problemsOf({ LECOFFRE_SESSION_ABSOLUTE_HOURS: 'soon' }), [
      'LECOFFRE_SESSION_ABSOLUTE_HOURS must be a number of hours',
    ]);
    assert.deepEqual(problemsOf({ LECOFFRE_SESSION_IDLE_MINUTES: '120', LECOFFRE_SESSION_ABSOLUTE_HOURS: '1' }), [
      'LECOFFRE_SESSION_IDLE_MINUTES must not exceed the absolute lifetime (LECOFFRE_SESSION_ABSOLUTE_HOURS × 60)',
    ]);
    assert.equal(problemsOf({ LECOFFRE_TRUST_PROXY: 'yes please!' }).length, 1);
    assert.deepEqual(problemsOf({ LECOFFRE_SMS_URL: 'not a url' }), [
      'LECOFFRE_SMS_URL must be an absolute URL (the SMS provider endpoint)',
    ]);
  });
});
