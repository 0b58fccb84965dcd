import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsOf } from '../../test/support/config.js';
import { loadConfig } from '../config.js';

describe('e-mail and webhook configuration', () => {
  it('keeps e-mails in the dev outbox, and allows loopback webhooks only under npm start by default', () => {
    const config = loadConfig({});
    assert.deepEqual(config.mail, { kind: 'dev_outbox', from: 'no-reply@localhost' });
    assert.deepEqual(config.webhooks, { allowLoopback: true }, 'npm start: the demo host receives its webhooks on localhost');
    assert.deepEqual(loadConfig({ NODE_ENV: 'test' }).webhooks, { allowLoopback: false });
    assert.deepEqual(loadConfig({ LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK: 'false' }).webhooks, { allowLoopback: false });
  });

  it('sends through SMTP when given a server, from the given address', () => {
    const config = loadConfig({
      LECOFFRE_SMTP_URL: 'smtps://user:pw@smtp.example.com:465',
      LECOFFRE_MAIL_FROM: 'no-reply@lecoffre.example',
    });
    assert.deepEqual(config.mail, { kind: 'smtp', url: 'smtps://user:pw@smtp.example.com:465', from: 'no-reply@lecoffre.example' });
    assert.equal(loadConfig({ LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK: 'true' }).webhooks.allowLoopback, true);
  });

  it('names each wrong value', () => {
    const problems = problemsOf({
      LECOFFRE_SMTP_URL: 'https://smtp.example.com',
      LECOFFRE_MAIL_FROM: 'nobody',
      LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK: 'maybe',
    });
    assert.ok(
      problems.some((p) => p.startsWith('LECOFFRE_SMTP_URL must be an smtp:// or smtps:// URL')),
      problems.join(),
    );
    assert.ok(
      problems.some((p) => p.startsWith('LECOFFRE_MAIL_FROM must be an e-mail address')),
      problems.join(),
    );
    assert.ok(problems.includes('LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK must be true or false'), problems.join());
  });

  it('requires SMTP in production and refuses loopback webhooks there', () => {
    const problems = problemsOf({ NODE_ENV: 'production', LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK: 'true' });
    assert.ok(
      problems.some((p) => p.startsWith('LECOFFRE_SMTP_URL is required')),
      problems.join(),
    );
    assert.ok(
      problems.some((p) => p.startsWith('LECOFFRE_MAIL_FROM is required')),
      problems.join(),
    );
    assert.ok(
      problems.some((p) => p.startsWith('LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK must not be true')),
      problems.join(),
    );
  });
});
