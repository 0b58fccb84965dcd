import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { type BrevoSmsDouble, startBrevoSmsDouble } from '../../../test/doubles/brevo-sms-double.js';
import { SmsDeliveryError } from '../../ports/sms-sender.js';
import { askedWaitMs, type BrevoSmsSettings, brevoSmsSender } from './brevo-sms-sender.js';

let brevo: BrevoSmsDouble;
before(async () => {
  brevo = await startBrevoSmsDouble();
});
after(() => brevo.close());
beforeEach(() => {
  brevo.sent.length = 0;
  brevo.attempts.length = 0;
});

const sender = (overrides: Partial<BrevoSmsSettings> = {}) =>
  brevoSmsSender({
    apiKey: brevo.apiKey,
    sender: 'LeCoffre',
    apiUrl: brevo.apiUrl,
    statusUrl: (ref) => `https://lecoffre.example/hooks/sms/brevo?token=t&ref=${ref}`,
    retryBaseMs: 1,
    ...overrides,
  });

const refusal = (check: (error: SmsDeliveryError) => boolean) => (error: unknown) => error instanceof SmsDeliveryError && check(error);

describe('Brevo SMS sender', () => {
  it('sends a transactional SMS the way Brevo documents it, with the callback URL of its reference', async () => {
    await sender().send({ to: '+33626597292', text: 'LeCoffre : votre code est 123456.', reference: 'sms_1' });
    assert.deepEqual(brevo.sent, [
      {
        sender: 'LeCoffre',
        recipient: '33626597292',
        content: 'LeCoffre : votre code est 123456.',
        type: 'transactional',
        tag: 'lecoffre',
        webUrl: 'https://lecoffre.example/hooks/sms/brevo?token=t&ref=sms_1',
        messageId: brevo.sent[0]?.messageId,
      },
    ]);
    await sender().send({ to: '+33626597292', text: 'sans suivi' });
    assert.equal(brevo.sent[1].webUrl, undefined, 'no reference, no callback asked for');
  });

  it('gives a clear, permanent error on a 400 and does not try again', async () => {
    brevo.answerNext({ status: 400, body: { code: 'invalid_parameter', message: 'Invalid phone number' } });
    await assert.rejects(
      sender().send({ to: '+33626597292', text: 'x' }),
      refusal(
        (e) => e.permanent && e.status === 400 && e.message === 'Brevo refused the SMS (HTTP 400 invalid_parameter: Invalid phone number)',
      ),
    );
    assert.equal(brevo.attempts.length, 1);
  });

  it('is refused for good with a wrong key (401), once', async () => {
    await assert.rejects(
      sender({ apiKey: 'xkeysib-wrong' }).send({ to: '+33626597292', text: 'x' }),
      refusal((e) => e.permanent && /HTTP 401 unauthorized: Key not found/.test(e.message)),
    );
    assert.equal(brevo.attempts.length, 1);
  });

  it('tries again after a 429 (as long as Retry-After asks) and after 5xx, until accepted', async () => {
    brevo.answerNext(
      { status: 429, body: { code: 'too_many_requests', message: 'Rate limit' }, headers: { 'retry-after': '1' } },
      { status: 503, body: { code: 'internal_error', message: 'Unavailable' } },
    );
    await sender().send({ to: '+33626597292', text: 'x' });
    assert.deepEqual(
      brevo.attempts.map((a) => a.status),
      [429, 503, 201],
    );
    assert.equal(brevo.sent.length, 1);
  });

  it('gives up, retryable, after its attempts or when asked to wait longer than it may', async () => {
    brevo.answerNext({ status: 502 }, { status: 502 }, { status: 502 });
    await assert.rejects(
      sender().send({ to: '+33626597292', text: 'x' }),
      refusal((e) => !e.permanent && e.status === 502),
    );
    assert.equal(brevo.attempts.length, 3);

    brevo.attempts.length = 0;
    brevo.answerNext({ status: 429, headers: { 'retry-after': '3600' } });
    await assert.rejects(
      sender().send({ to: '+33626597292', text: 'x' }),
      refusal((e) => !e.permanent && e.status === 429),
    );
    assert.equal(brevo.attempts.length, 1);
  });

  it('reads the wait from Retry-After (seconds or date), else from x-sib-ratelimit-reset', () => {
    const now = Date.parse('2026-12-02T09:00:00Z');
    assert.equal(askedWaitMs(new Headers({ 'retry-after': '7' }), now), 7000);
    assert.equal(askedWaitMs(new Headers({ 'retry-after': 'Wed, 02 Dec 2026 09:00:30 GMT' }), now), 30_000);
    assert.equal(askedWaitMs(new Headers({ 'x-sib-ratelimit-reset': '2' }), now), 2000);
    assert.equal(askedWaitMs(new Headers({}), now), null);
  });

  it('fails, retryable, when Brevo cannot be reached', async () => {
    await assert.rejects(
      brevoSmsSender({ apiKey: 'k', sender: 'LeCoffre', apiUrl: 'http://127.0.0.1:9/v3', retryBaseMs: 1 }).send({
        to: '+33626597292',
        text: 'x',
      }),
      refusal((e) => !e.permanent && /^Brevo unreachable/.test(e.message)),
    );
  });
});
