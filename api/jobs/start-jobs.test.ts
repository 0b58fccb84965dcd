/**
 * The jobs as main.ts runs them: real pg-boss workers, real time, a receiver on loopback. Proves the
 * wiring (trigger -> NOTIFY -> dispatcher -> lane job -> delivery; deferred retry; notifications) that
 * the clock-driven tests of services/webhooks and services/notifications take for granted.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import PgBoss from 'pg-boss';
import { QueryTypes } from 'sequelize';
import { officeActor } from '../../test/support/files.js';
import { patience } from '../../test/support/patience.js';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { systemClock } from '../adapters/clock/system-clock.js';
import { devOutboxMailer } from '../adapters/mail/dev-outbox-mailer.js';
import { devOutboxSmsSender, listDevOutbox } from '../adapters/sms/dev-outbox.js';
import { httpWebhookTransport } from '../adapters/webhooks/http-transport.js';
import { createFolder } from '../services/folders/create-folder.js';
import { createWebhookEndpoint } from '../services/webhooks/manage-endpoints.js';
import { startTestReceiver, type TestReceiver } from '../services/webhooks/test-receiver.test-support.js';
import { connectionOf } from './connection.js';
import { QUEUES } from './queues.js';
import { type Jobs, startJobs } from './start-jobs.js';

let t: TestApp;
let boss: PgBoss;
const ctx = () => ({ db: t.db, actor: officeActor(t.office.id) });
const services = () => ({ clock: systemClock, sealer: t.webhookSealer, urlRules: { allowLoopback: true, requireHttps: false } });
let receiver: TestReceiver;
let jobs: Jobs;

before(async () => {
  t = await createTestApp({ LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK: 'true' });
  receiver = await startTestReceiver(systemClock);
  const endpoint = await createWebhookEndpoint(ctx(), services(), { url: receiver.url, eventTypes: ['folder.created'] });
  receiver.secrets.push(endpoint.secret);
  // As main.ts does: one pg-boss for the process (anchoring runs on it too).
  boss = new PgBoss({ ...connectionOf(t.db), max: 4 });
  await boss.start();
  jobs = await startJobs({
    boss,
    db: t.db,
    config: t.config,
    mailer: devOutboxMailer(t.db),
    sms: devOutboxSmsSender(t.db),
    sealer: t.webhookSealer,
    transport: httpWebhookTransport({ allowLoopback: true, timeoutMs: patience(2000) }),
    // The schedule's first retry is 5 s ± 10 %: pin the jitter low so the retry test waits 4.5 s.
    random: () => 0,
  });
});
after(async () => {
  await jobs?.stop();
  await boss?.stop({ graceful: true, timeout: 5000 });
  await receiver?.stop();
  await t?.close();
});

/** `timeoutMs` is the limit on an idle machine, scaled by `patience`: it ends a wait gone wrong, it measures nothing. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + patience(timeoutMs);
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** pg-boss jobs of the outbox queue, done or not. */
async function outboxJobs(): Promise<number> {
  const [row] = await t.db.sequelize.query<{ count: string }>('SELECT count(*) FROM pgboss.job WHERE name = :name', {
    replacements: { name: QUEUES.outbox },
    type: QueryTypes.SELECT,
  });
  return Number(row?.count);
}

describe('startJobs (pg-boss workers, real time)', () => {
  // No clock in these assertions: how fast is for benchmarks; here, that it happens, without a poll's delay to wait out.
  it('delivers a committed change to the receiver, woken by the commit', async () => {
    const started = performance.now();
    const folder = await createFolder(ctx(), { number: 'J-1', title: 'Succession Pallut', deedType: 'succession' });
    const delivery = await waitFor('the delivery', () => receiver.deliveries.find((d) => d.event.data.id === folder.id));
    assert.equal(delivery.event.type, 'folder.created');
    assert.equal(receiver.rejected.length, 0);
    console.log(`# commit-to-receiver latency: ${Math.round(performance.now() - started)} ms`);
  });

  it('dispatches a wake-up in the process, queueing no pg-boss job for it (the job is the retried path)', async () => {
    const before = await outboxJobs();
    for (const number of ['J-W1', 'J-W2', 'J-W3', 'J-W4']) {
      const folder = await createFolder(ctx(), { number, title: 'Vente Pallut', deedType: 'succession' });
      await waitFor(`the delivery of ${number}`, () => receiver.deliveries.find((d) => d.event.data.id === folder.id));
    }
    // The minute's sweep may queue one while this runs; a job per wake-up would be four.
    const queued = (await outboxJobs()) - before;
    assert.ok(queued <= 1, `${queued} outbox jobs queued for four wake-ups`);
  });

  it('queues the outbox job when the dispatch of a wake-up fails, and that job delivers once the database is back', async () => {
    const before = await outboxJobs();
    // The dispatch writes webhook messages: with their table gone, it fails after the folder's commit.
    await t.db.sequelize.query('ALTER TABLE webhook_messages RENAME TO webhook_messages_away');
    let restored = false;
    try {
      const folder = await createFolder(ctx(), { number: 'J-F1', title: 'Vente Pallut', deedType: 'succession' });
      await waitFor('the outbox job queued by the failed dispatch', async () => ((await outboxJobs()) > before ? true : undefined));
      await t.db.sequelize.query('ALTER TABLE webhook_messages_away RENAME TO webhook_messages');
      restored = true;
      // pg-boss retries the job (its own attempt may have failed too) 2 s later, well before the minute's sweep.
      const delivery = await waitFor('the delivery', () => receiver.deliveries.find((d) => d.event.data.id === folder.id), 8000);
      assert.equal(delivery.event.type, 'folder.created');
    } finally {
      if (!restored) await t.db.sequelize.query('ALTER TABLE webhook_messages_away RENAME TO webhook_messages');
    }
  });

  it('sends a manual resend at once (the API NOTIFYs the workers), with the same webhook-id', async () => {
    const first = receiver.deliveries.find((d) => d.event.data.number === 'J-1');
    assert.ok(first);
    const message = await t.db.models.WebhookMessage.findOne({ where: { eventId: first.webhookId } });
    await t.request.post(`/v1/webhook-messages/${message?.id}/resend`).set('Authorization', t.office.auth).expect(202);
    const both = await waitFor('the resend', () => {
      const got = receiver.deliveries.filter((d) => d.webhookId === first.webhookId);
      return got.length === 2 ? got : undefined;
    });
    assert.deepEqual(
      both.map((d) => d.event.data.id),
      [first.event.data.id, first.event.data.id],
      'the same event, in order',
    );
  });

  it('retries a failed delivery on schedule through a deferred job (5 s ± 10 %)', async () => {
    let calls = 0;
    receiver.reply = (d) => (d.event.data.number === 'J-2' && ++calls === 1 ? { status: 500 } : { status: 204 });
    const started = performance.now();
    const folder = await createFolder(ctx(), { number: 'J-2', title: 'Vente Michou', deedType: 'succession' });
    const deliveries = await waitFor(
      'the retry',
      () => {
        const got = receiver.deliveries.filter((d) => d.event.data.id === folder.id);
        return got.length === 2 ? got : undefined;
      },
      8000,
    );
    // Never before its schedule (a busy machine can only make it later).
    const retryAfterMs = performance.now() - started;
    assert.ok(retryAfterMs > 4400, `retried after ${Math.round(retryAfterMs)} ms`);
    assert.equal(deliveries[0].webhookId, deliveries[1].webhookId);
    receiver.reply = () => ({ status: 204 });
  });

  it('e-mails the client "dossier mis en ligne" once documents are requested (dev outbox)', async () => {
    const folder = await createFolder(ctx(), { number: 'J-3', title: 'Succession Michou', deedType: 'succession' });
    const add = await t.request
      .post(`/v1/folders/${folder.id}/clients`)
      .set('Authorization', t.office.auth)
      .send({ client: { lastName: 'Michou', firstName: 'Claire', mobile: '06 26 59 72 92', email: 'claire.michou@example.fr' } })
      .expect(200);
    const types = (await t.request.get('/v1/document-types').set('Authorization', t.office.auth).expect(200)).body.data as Array<{
      id: string;
    }>;
    await t.request
      .post(`/v1/folders/${folder.id}/document-requests`)
      .set('Authorization', t.office.auth)
      .send({ clientId: add.body.client.id, documents: [{ documentTypeId: types[0].id }] })
      .expect(201);
    const mail = await waitFor('the e-mail', async () => (await listDevOutbox(t.db, { to: 'claire.michou@example.fr', kind: 'email' }))[0]);
    assert.equal(mail.subject, 'Votre dossier a été mis en ligne par SELAS AP NOTAIRES');
    assert.match(mail.text, /Bonjour Claire Michou/);
  });
});
