/**
 * SMS through Brevo, end to end: the API configured with LECOFFRE_SMS_PROVIDER=brevo against the Brevo
 * double (test/doubles/brevo-sms-double.ts, real HTTP on loopback), listening on a real port so that the
 * double posts its delivery events to the callback URL the API gave it with each message.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type BrevoSmsDouble, startBrevoSmsDouble } from '../doubles/brevo-sms-double.js';
import { eventually } from '../support/patience.js';
import { createFolderWithClient, createIdentityTestApp, type IdentityTestApp } from '../support/test-app.js';

const WEBHOOK_TOKEN = 'brevo-callback-token-0123456789abcdef';
let brevo: BrevoSmsDouble;
let t: IdentityTestApp;

before(async () => {
  brevo = await startBrevoSmsDouble();
  t = await createIdentityTestApp({
    listen: true,
    env: {
      LECOFFRE_SMS_PROVIDER: 'brevo',
      LECOFFRE_BREVO_API_KEY: brevo.apiKey,
      LECOFFRE_BREVO_SMS_SENDER: 'LeCoffre',
      LECOFFRE_BREVO_API_URL: brevo.apiUrl,
      LECOFFRE_BREVO_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
    },
  });
});
after(async () => {
  await t.close();
  await brevo.close();
});

const deliveryOf = (loginAttemptId: string) => t.db.models.SmsDelivery.findOne({ where: { loginAttemptId } });
const attemptOf = async (clientId: string) => t.db.models.ClientLoginAttempt.findOne({ where: { clientId }, order: [['id', 'DESC']] });

/** Starts a sign-in and returns the SMS Brevo accepted for it, with the attempt's delivery row. */
async function signInCode(email: string, mobile: string, clientId: string) {
  const start = await t.request.post('/v1/client-auth/start').send({ email }).expect(202);
  const sms = await brevo.waitForSms(mobile.slice(1));
  const attempt = await attemptOf(clientId);
  assert.ok(attempt);
  const row = await eventually('the SMS accepted', async () => {
    const found = await deliveryOf(attempt.id);
    return found?.status === 'accepted' && found;
  });
  return { start, sms, row };
}

describe('SMS through Brevo', () => {
  it('sends the sign-in code through Brevo, and the code signs the client in', async () => {
    const { email, mobile, clientId } = await createFolderWithClient(t.db, t.office.id);
    const { start, sms, row } = await signInCode(email, mobile, clientId);
    assert.equal(sms.sender, 'LeCoffre');
    assert.equal(sms.type, 'transactional');
    const code = /code de connexion est (\d{6})\./.exec(sms.content)?.[1];
    assert.ok(code, sms.content);
    assert.equal(sms.webUrl, `${t.baseUrl}/hooks/sms/brevo?token=${WEBHOOK_TOKEN}&ref=${row.id}`);
    assert.deepEqual([row.provider, row.purpose, row.recipient], ['brevo', 'login_code', mobile]);
    assert.equal(await t.db.models.DevOutboxMessage.count(), 0, 'nothing in the dev outbox');

    const verify = await t.request.post('/v1/client-auth/verify').send({ attempt: start.body.attempt, code }).expect(200);
    assert.equal(verify.body.client.id, clientId);
  });

  it('records the delivery events Brevo posts back, never going backwards', async () => {
    const { email, mobile, clientId } = await createFolderWithClient(t.db, t.office.id);
    const { sms, row } = await signInCode(email, mobile, clientId);

    assert.equal(await brevo.postEvent(sms, 'sent'), 204);
    assert.equal((await row.reload()).status, 'sent');
    assert.equal(await brevo.postEvent(sms, 'delivered'), 204);
    await row.reload();
    assert.deepEqual([row.status, row.providerMessageId, row.error], ['delivered', String(sms.messageId), null]);
    assert.equal(await brevo.postEvent(sms, 'sent'), 204, 'a late event is acknowledged…');
    assert.equal((await row.reload()).status, 'delivered', '…and changes nothing');
    assert.equal(await brevo.postEvent(sms, 'reply'), 204, 'an event about something else is acknowledged');
  });

  it('refuses a callback without the right token and keeps the status', async () => {
    const { email, mobile, clientId } = await createFolderWithClient(t.db, t.office.id);
    const { sms, row } = await signInCode(email, mobile, clientId);
    const forged = new URL(sms.webUrl as string);
    forged.searchParams.set('token', `${WEBHOOK_TOKEN.slice(0, -1)}x`);
    assert.equal(await brevo.postEvent(sms, 'hard_bounce', { url: forged.href }), 401);
    forged.searchParams.delete('token');
    assert.equal(await brevo.postEvent(sms, 'hard_bounce', { url: forged.href }), 401);
    assert.equal((await row.reload()).status, 'accepted');

    const refused = await t.request.post(`/hooks/sms/brevo?ref=${row.id}&token=nope`).send({ msg_status: 'delivered' }).expect(401);
    assert.match(refused.headers['content-type'], /^application\/problem\+json/);
    assert.equal(refused.body.code, 'unauthenticated');
    const unreadable = await t.request.post(`/hooks/sms/brevo?ref=${row.id}&token=${WEBHOOK_TOKEN}`).send({ status: 1 }).expect(422);
    assert.equal(unreadable.body.code, 'validation_failed');
  });

  it('keeps Brevo’s refusal on the code’s delivery row, after one try', async () => {
    const { email, mobile, clientId } = await createFolderWithClient(t.db, t.office.id);
    brevo.answerNext({ status: 400, body: { code: 'invalid_parameter', message: 'Invalid phone number' } });
    const before = brevo.attempts.length;
    await t.request.post('/v1/client-auth/start').send({ email }).expect(202);
    const attempt = await eventually('the attempt', () => attemptOf(clientId));
    const row = await eventually('the refusal recorded', async () => {
      const found = await deliveryOf(attempt.id);
      return found?.status === 'failed' && found;
    });
    assert.equal(row.error, 'Brevo refused the SMS (HTTP 400 invalid_parameter: Invalid phone number)');
    assert.equal(brevo.attempts.length - before, 1, 'a 400 is not retried');
    assert.equal(
      brevo.sent.find((m) => m.recipient === mobile.slice(1)),
      undefined,
    );
  });

  it('marks a notification failed when its SMS bounces for good', async () => {
    const { folderId, clientId, mobile } = await createFolderWithClient(t.db, t.office.id);
    const now = new Date();
    const notification = await t.db.models.Notification.create({
      id: `ntf_${clientId.slice(4)}`,
      officeId: t.office.id,
      folderId,
      kind: 'request_reminder',
      channel: 'sms',
      clientId,
      memberId: null,
      dedupeKey: `test:${clientId}`,
      data: {},
      status: 'sent',
      dueAt: now,
      createdAt: now,
    });
    const row = await t.db.models.SmsDelivery.create({
      id: `sms_${clientId.slice(4)}`,
      provider: 'brevo',
      purpose: 'notification',
      recipient: mobile,
      loginAttemptId: null,
      notificationId: notification.id,
      status: 'accepted',
      providerMessageId: null,
      error: null,
      statusAt: now,
      createdAt: now,
    });
    await t.request
      .post(`/hooks/sms/brevo?token=${WEBHOOK_TOKEN}&ref=${row.id}`)
      .send({
        id: 1,
        to: mobile.slice(1),
        messageId: 42,
        msg_status: 'hard_bounce',
        description: 'Unknown subscriber',
        type: 'transactional',
      })
      .expect(204);
    await notification.reload();
    assert.equal(notification.status, 'failed');
    assert.equal(notification.lastError, 'SMS non distribué / not delivered (hard_bounce: Unknown subscriber)');
    assert.deepEqual([(await row.reload()).status, row.error], ['hard_bounce', 'hard_bounce: Unknown subscriber']);
  });
});
