/**
 * Delivery from the outbox to a receiver on loopback that verifies every message with the
 * `standardwebhooks` package. Time is a manual clock: hours of retry schedule run in milliseconds; the
 * transport's 15 s timeout is scaled down the same way.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { patience } from '../../../test/support/patience.js';
import { httpWebhookTransport } from '../../adapters/webhooks/http-transport.js';
import { newId } from '../../domain/ids.js';
import { createFolder } from '../folders/create-folder.js';
import { updateFolder } from '../folders/update-folder.js';
import { updateWebhookEndpoint } from './manage-endpoints.js';
import { DAY, HOUR, MINUTE, SECOND } from './manual-clock.test-support.js';
import { listWebhookAttempts, recoverWebhookMessages } from './messages.js';
import { type WebhookFixture, webhookFixture } from './webhook-fixture.test-support.js';

let f: WebhookFixture;
before(async () => {
  f = await webhookFixture();
});
after(() => f.close());
afterEach(() => f.reset());

let folderCount = 0;
const newFolder = () => createFolder(f.ctx, { number: `W-${++folderCount}`, title: `Vente ${folderCount}`, deedType: 'succession' });
const attemptsOf = async (endpointId: string) => (await listWebhookAttempts(f.ctx, endpointId, { limit: 100 })).data.reverse();
const offsetsSeconds = (times: Date[], t0: Date) => times.map((t) => Math.round((t.getTime() - t0.getTime()) / 1000));

async function addNotary(): Promise<string> {
  const id = newId('mbr');
  await f.t.db.models.Member.create({
    id,
    officeId: f.t.office.id,
    idnotSubject: null,
    firstName: 'Caroline',
    lastName: 'Pallut',
    email: `notaire-${id}@notaires.fr`,
    role: 'notary',
    status: 'active',
  });
  return id;
}

describe('webhook delivery', () => {
  it('sends { type, timestamp, data } signed per Standard Webhooks, verified by the standardwebhooks package', async () => {
    const endpoint = await f.addEndpoint({ eventTypes: ['folder.created'] });
    const folder = await newFolder();
    await f.pump();
    const [delivery] = f.receiver.deliveries;
    assert.ok(delivery, 'delivered on the first turn');
    assert.equal(f.receiver.rejected.length, 0);
    assert.equal(delivery.event.type, 'folder.created');
    assert.equal(delivery.event.data.id, folder.id);
    assert.equal(delivery.event.data.title, folder.title);
    assert.match(delivery.webhookId, /^msg_/);
    assert.equal(delivery.timestamp, Math.floor(f.clock.now().getTime() / 1000));
    assert.match(delivery.signature, /^v1,[A-Za-z0-9+/]+=*$/);
    assert.equal(delivery.headers['content-type'], 'application/json');
    assert.deepEqual(delivery.verifiedWith, [endpoint.secret]);

    const [attempt] = await attemptsOf(endpoint.id);
    assert.equal(attempt.outcome, 'succeeded');
    assert.equal(attempt.responseStatus, 204);
    assert.equal(attempt.webhookId, delivery.webhookId);
  });

  it('retries a 500 five seconds later with the same webhook-id and body, and stops at the 200', async () => {
    const endpoint = await f.addEndpoint();
    let calls = 0;
    f.receiver.reply = () => (++calls === 1 ? { status: 500, body: 'database down' } : { status: 200 });
    await newFolder();
    const t0 = f.clock.now();
    await f.pump();
    f.clock.advance(4 * SECOND);
    await f.pump();
    assert.equal(f.receiver.deliveries.length, 1, 'no retry before 5 s');
    f.clock.advance(1 * SECOND);
    await f.pump();
    f.clock.advance(HOUR);
    await f.pump();

    const [first, second, ...more] = f.receiver.deliveries;
    assert.equal(more.length, 0, 'nothing after the 2xx');
    assert.equal(second.webhookId, first.webhookId);
    assert.equal(second.rawBody, first.rawBody);
    assert.equal(second.timestamp - first.timestamp, 5);
    const attempts = await attemptsOf(endpoint.id);
    assert.deepEqual(
      attempts.map((a) => [a.attempt, a.outcome, a.responseStatus, a.responseBody]),
      [
        [1, 'failed', 500, 'database down'],
        [2, 'succeeded', 200, ''],
      ],
    );
    assert.deepEqual(offsetsSeconds([attempts[0].nextAttemptAt as Date], t0), [5]);
  });

  it('keeps retrying a receiver that is down on the schedule, gives up after 8 attempts, and recover sends it later', async () => {
    await f.receiver.stop();
    const endpoint = await f.addEndpoint();
    await newFolder();
    const t0 = f.clock.now();
    await f.pump();
    for (const wait of [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR]) {
      const count = (await attemptsOf(endpoint.id)).length;
      f.clock.advance(wait - SECOND);
      await f.pump();
      assert.equal((await attemptsOf(endpoint.id)).length, count, 'not a second early');
      f.clock.advance(SECOND);
      await f.pump();
      assert.equal((await attemptsOf(endpoint.id)).length, count + 1);
    }
    f.clock.advance(2 * DAY);
    await f.pump();
    const attempts = await attemptsOf(endpoint.id);
    assert.equal(attempts.length, 8, 'the 8th attempt was the last');
    assert.ok(attempts.every((a) => a.outcome === 'failed' && a.error === 'connection_refused' && a.responseStatus === null));
    assert.deepEqual(
      offsetsSeconds(
        attempts.map((a) => a.attemptedAt),
        t0,
      ),
      [0, 5, 305, 2105, 9305, 27305, 63305, 99305],
    );
    assert.equal(attempts[7].nextAttemptAt, null);
    const message = await f.t.db.models.WebhookMessage.findOne({ where: { endpointId: endpoint.id } });
    assert.equal(message?.status, 'failed');

    // The vendor fixes the receiver, then asks for everything that failed since the outage began.
    await f.receiver.restart();
    assert.deepEqual(await recoverWebhookMessages(f.ctx, f.services, endpoint.id, { since: t0 }), { recovered: 1 });
    await f.pump();
    assert.equal(f.receiver.deliveries.length, 1, 'nothing was lost');
    assert.equal(f.receiver.deliveries[0].webhookId, message?.eventId);
  });

  it('counts an answer slower than the timeout as a failure; the receiver may see it twice, with one webhook-id', async () => {
    const realTransport = f.delivery.transport;
    // The product's 15 s, scaled to 300 ms; the receiver takes far longer on its first answer (more still on
    // a loaded machine, so that the timeout, however late it fires, comes first).
    f.delivery.transport = httpWebhookTransport({ allowLoopback: true, timeoutMs: 300 });
    const slowAnswerMs = patience(5_000);
    try {
      const endpoint = await f.addEndpoint();
      let calls = 0;
      f.receiver.reply = () => (++calls === 1 ? { status: 200, delayMs: slowAnswerMs } : { status: 200 });
      await newFolder();
      await f.pump();
      const [timedOut] = await attemptsOf(endpoint.id);
      assert.equal(timedOut.outcome, 'failed');
      assert.equal(timedOut.error, 'timeout');
      assert.ok(timedOut.durationMs >= 300 && timedOut.durationMs < slowAnswerMs, `${timedOut.durationMs} ms`);
      f.clock.advance(5 * SECOND);
      await f.pump();
      const attempts = await attemptsOf(endpoint.id);
      assert.deepEqual(
        attempts.map((a) => a.outcome),
        ['failed', 'succeeded'],
      );
      assert.equal(f.receiver.deliveries.length, 2, 'the slow receiver got it, then got it again');
      assert.equal(new Set(f.receiver.deliveries.map((d) => d.webhookId)).size, 1, 'the duplicate carries the same webhook-id');
    } finally {
      f.delivery.transport = realTransport;
    }
  });

  it('delivers each folder’s messages in order: a message being retried holds back the later ones of its folder only', async () => {
    await f.addEndpoint({ eventTypes: ['folder.created', 'folder.updated'] });
    const a = await newFolder();
    const b = await newFolder();
    await updateFolder(f.ctx, a.id, { title: 'A, second' });
    await updateFolder(f.ctx, b.id, { title: 'B, second' });
    await updateFolder(f.ctx, a.id, { title: 'A, third' });
    let folderAUp = false;
    f.receiver.reply = (d) => (d.event.data.id === a.id && !folderAUp ? { status: 503 } : { status: 200 });
    await f.pump();
    const titlesOf = (folderId: string) => f.receiver.deliveries.filter((d) => d.event.data.id === folderId).map((d) => d.event.data.title);
    assert.deepEqual(titlesOf(b.id), [b.title, 'B, second'], 'folder B is not held up by A');
    assert.deepEqual(titlesOf(a.id), [a.title], 'A’s later updates wait behind its first message');

    folderAUp = true;
    f.clock.advance(5 * SECOND);
    await f.pump();
    assert.deepEqual(titlesOf(a.id), [a.title, a.title, 'A, second', 'A, third']);
    const aIds = f.receiver.deliveries.filter((d) => d.event.data.id === a.id).map((d) => d.webhookId);
    assert.equal(new Set(aIds).size, 3, 'the only duplicate is the retried message, with its own webhook-id');
  });

  it('turns the endpoint off on a 410, tells the notaries, and resumes the waiting message once turned back on', async () => {
    const notary = await addNotary();
    const endpoint = await f.addEndpoint();
    f.receiver.reply = () => ({ status: 410 });
    const first = await newFolder();
    await f.pump();
    let row = await f.t.db.models.WebhookEndpoint.findByPk(endpoint.id);
    assert.equal(row?.enabled, false);
    assert.equal(row?.disabledReason, 'gone');
    const notices = await f.t.db.models.Notification.findAll({ where: { kind: 'endpoint_disabled', memberId: notary } });
    assert.equal(notices.length, 1);
    assert.equal(notices[0].data.reason, 'gone');

    f.receiver.reply = () => ({ status: 200 });
    await newFolder(); // while it is off: not queued for it
    f.clock.advance(HOUR);
    await f.pump();
    assert.equal(f.receiver.deliveries.length, 1, 'nothing sent to a disabled endpoint');

    await updateWebhookEndpoint(f.ctx, f.services, endpoint.id, { enabled: true });
    await f.pump();
    row = await f.t.db.models.WebhookEndpoint.findByPk(endpoint.id);
    assert.equal(row?.enabled, true);
    assert.deepEqual(
      f.receiver.deliveries.map((d) => d.event.data.id),
      [first.id, first.id],
    );
  });

  it('turns off an endpoint that has failed for 5 days and e-mails the office’s notaries', async () => {
    const notary = await addNotary();
    const endpoint = await f.addEndpoint();
    f.receiver.reply = () => ({ status: 500 });
    await newFolder();
    await f.pump();
    f.clock.advance(5 * DAY - HOUR);
    await newFolder();
    await f.pump();
    assert.equal((await f.t.db.models.WebhookEndpoint.findByPk(endpoint.id))?.enabled, true, 'not yet 5 days');
    f.clock.advance(HOUR);
    await newFolder();
    await f.pump();
    const row = await f.t.db.models.WebhookEndpoint.findByPk(endpoint.id);
    assert.equal(row?.enabled, false);
    assert.equal(row?.disabledReason, 'failing');
    const [notice] = await f.t.db.models.Notification.findAll({ where: { kind: 'endpoint_disabled', memberId: notary } });
    assert.equal(notice.data.reason, 'failing');
    assert.equal(notice.data.url, f.receiver.url);
  });
});
