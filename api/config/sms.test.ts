import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsOf } from '../../test/support/config.js';
import { loadConfig } from '../config.js';

const brevo = {
  LECOFFRE_SMS_PROVIDER: 'brevo',
  LECOFFRE_BREVO_API_KEY: 'xkeysib-test',
  LECOFFRE_BREVO_SMS_SENDER: 'LeCoffre',
  LECOFFRE_BREVO_WEBHOOK_TOKEN: 'a'.repeat(40),
};

describe('SMS provider configuration', () => {
  it('chooses Brevo with its key, sender and callback token; the API URL defaults to Brevo', () => {
    assert.deepEqual(loadConfig(brevo).sms, {
      kind: 'brevo',
      apiKey: 'xkeysib-test',
      sender: 'LeCoffre',
      apiUrl: 'https://api.brevo.com/v3',
      webhookToken: 'a'.repeat(40),
    });
    assert.equal(loadConfig({ ...brevo, LECOFFRE_BREVO_API_URL: 'http://127.0.0.1:9/v3' }).sms.kind, 'brevo');
  });

  it('keeps LECOFFRE_SMS_URL alone meaning the HTTP gateway, and the dev outbox by default', () => {
    assert.deepEqual(loadConfig({ LECOFFRE_SMS_URL: 'https://sms.example/send' }).sms, {
      kind: 'http',
      url: 'https://sms.example/send',
      token: undefined,
    });
    assert.deepEqual(loadConfig({}).sms, { kind: 'dev_outbox' });
  });

  it('names what Brevo lacks, and refuses a sender phones would not show', () => {
    assert.deepEqual(problemsOf({ LECOFFRE_SMS_PROVIDER: 'brevo' }), [
      'LECOFFRE_BREVO_API_KEY is required when LECOFFRE_SMS_PROVIDER=brevo',
      'LECOFFRE_BREVO_SMS_SENDER is required when LECOFFRE_SMS_PROVIDER=brevo',
      'LECOFFRE_BREVO_WEBHOOK_TOKEN is required when LECOFFRE_SMS_PROVIDER=brevo',
    ]);
    for (const sender of ['LeCoffreNotaires', 'Le Coffre', 'Étude']) {
      assert.deepEqual(problemsOf({ ...brevo, LECOFFRE_BREVO_SMS_SENDER: sender }), [
        'LECOFFRE_BREVO_SMS_SENDER must be at most 11 letters and digits (LeCoffre), or a number of at most 15 digits',
      ]);
    }
    assert.equal(loadConfig({ ...brevo, LECOFFRE_BREVO_SMS_SENDER: '33612345678' }).sms.kind, 'brevo');
    assert.equal(problemsOf({ ...brevo, LECOFFRE_BREVO_WEBHOOK_TOKEN: 'short' }).length, 1);
    assert.deepEqual(problemsOf({ LECOFFRE_SMS_PROVIDER: 'http' }), ['LECOFFRE_SMS_URL is required when LECOFFRE_SMS_PROVIDER=http']);
    assert.deepEqual(problemsOf({ LECOFFRE_SMS_PROVIDER: 'twilio' }), ['LECOFFRE_SMS_PROVIDER must be one of brevo, http, dev-outbox']);
  });
});
