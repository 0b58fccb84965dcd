/**
 * The webhook pump under concurrency, against a receiver on loopback that verifies every delivery with
 * the `standardwebhooks` package: many folders, many events, two deliverers on one database, and a
 * deliverer that dies holding lanes. What is checked is what a receiver would notice: every event
 * arrives, each folder's events in the order committed, never two of one folder at once.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { patience } from '../../test/support/patience.js';
import { systemClock } from '../adapters/clock/system-clock.js';
import { httpWebhookTransport } from '../adapters/webhooks/http-transport.js';
import type { WebhookRequest, WebhookResponse, WebhookTransport } from '../ports/webhook-transport.js';
import { emitEvent } from '../services/outbox/emit-event.js';
import { type DeliveryDeps, deliverDue } from '../services/webhooks/deliver.js';
import { SECOND } from '../services/webhooks/manual-clock.test-support.js';
import type { Delivery } from '../services/webhooks/test-receiver.test-support.js';
import { type WebhookFixture, webhookFixture } from '../services/webhooks/webhook-fixture.test-support.js';
import { dispatchOutbox } from './dispatch-outbox.js';
import { startWebhookPump, type WebhookPump } from './webhook-pump.js';

let f: WebhookFixture;
before(async () => {
  f = await webhookFixture();
});
after(() => f.close());
afterEach(() => f.reset());

let batch = 0;

/**
 * `folders` folders with `perFolder` folder.updated events each, committed as the API would: round j
 * holds update j of every folder (one transaction per round), so each folder's events are committed in
 * order. Returns the folder ids.
 */
async function commitEvents(folders: number, perFolder: number): Promise<string[]> {
  batch++;
  const ids = Array.from({ length: folders }, (_, i) => `fld_test_${batch}_${i}`);
  for (let j = 0; j < perFolder; j++) {
    await f.t.db.sequelize.transaction(async (transaction) => {
      for (const id of ids) await emitEvent(f.ctx, transaction, 'folder.updated', id, { id, title: `#${j}` });
    });
  }
  return ids;
}

/** Each folder's update numbers, in arrival order. */
function arrivals(deliveries: Delivery[]): Map<string, number[]> {
  const byFolder = new Map<string, number[]>();
  for (const d of deliveries) {
    const id = String(d.event.data.id);
    byFolder.set(id, [...(byFolder.get(id) ?? []), Number(String(d.event.data.title).slice(1))]);
  }
  return byFolder;
}

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Resolves when the receiver has `count` deliveries (checked on each arrival, not on a timer). */
function received(count: number): Promise<void> {
  return new Promise((resolve) => {
    const previous = f.receiver.reply;
    const check = () => {
      if (f.receiver.deliveries.length < count) return false;
      f.receiver.reply = previous;
      resolve();
      return true;
    };
    if (check()) return;
    f.receiver.reply = (d) => {
      const reply = previous(d);
      check();
      return reply;
    };
  });
}

/**
 * Answers after a short, varying delay and notes any request of a folder that arrives while an earlier
 * one of the same folder has not been answered yet (a parallel delivery within a lane).
 */
function watchOverlaps(): { overlaps: string[] } {
  // A folder is busy from a delivery's arrival until its answer is written: a deliverer keeping order
  // cannot send the folder's next message before it has read that answer.
  const unanswered = new Map<string, number>();
  const overlaps: string[] = [];
  let n = 0;
  f.receiver.reply = (d) => {
    const folder = String(d.event.data.id);
    if ((unanswered.get(folder) ?? 0) > 0) overlaps.push(`${folder} ${d.event.data.title}`);
    unanswered.set(folder, (unanswered.get(folder) ?? 0) + 1);
    const onAnswer = () => unanswered.set(folder, (unanswered.get(folder) ?? 1) - 1);
    return { status: 204, delayMs: n++ % 3, onAnswer };
  };
  return { overlaps };
}

function realTimeDeps(): DeliveryDeps {
  return { ...f.delivery, clock: systemClock, transport: httpWebhookTransport({ allowLoopback: true, timeoutMs: patience(5000) }) };
}

describe('webhook pump', () => {
  it('keeps every folder’s order with 40 folders × 10 events delivered 64 lanes at a time', async () => {
    const endpoint = await f.addEndpoint({ eventTypes: ['folder.updated'] });
    const { overlaps } = watchOverlaps();
    const folders = await commitEvents(40, 10);
    const all = received(400);
    const pump = startWebhookPump(realTimeDeps(), { concurrency: 64 });
    try {
      await dispatchOutbox({ db: f.t.db, clock: systemClock }, () => pump.kick());
      await all;
    } finally {
      await pump.stop();
    }
    const byFolder = arrivals(f.receiver.deliveries);
    for (const id of folders) assert.deepEqual(byFolder.get(id), upTo(10), `folder ${id}`);
    assert.deepEqual(overlaps, [], 'never two messages of one folder at once');
    assert.equal(f.receiver.rejected.length, 0);
    const attempts = await f.t.db.models.WebhookAttempt.count({ where: { endpointId: endpoint.id, outcome: 'succeeded' } });
    assert.equal(attempts, 400, 'every delivery is in the attempts log, once');
    assert.equal(await f.t.db.models.WebhookMessage.count({ where: { endpointId: endpoint.id, status: 'delivered' } }), 400);
  });

  it('two deliverers on one database share the lanes: each message once, in order, never two of a folder at once', async () => {
    await f.addEndpoint({ eventTypes: ['folder.updated'] });
    const { overlaps } = watchOverlaps();
    const sentBy = { a: 0, b: 0 };
    const counting = (name: 'a' | 'b'): WebhookTransport => {
      const inner = httpWebhookTransport({ allowLoopback: true, timeoutMs: patience(5000) });
      return {
        post: (request) => {
          sentBy[name]++;
          return inner.post(request);
        },
      };
    };
    const folders = await commitEvents(30, 8);
    const all = received(240);
    // Few lanes each, so that both stay busy and race for the same heads.
    const pumps: WebhookPump[] = [
      startWebhookPump({ ...realTimeDeps(), transport: counting('a') }, { concurrency: 4 }),
      startWebhookPump({ ...realTimeDeps(), transport: counting('b') }, { concurrency: 4 }),
    ];
    try {
      await dispatchOutbox({ db: f.t.db, clock: systemClock }, () => {
        for (const pump of pumps) pump.kick();
      });
      await all;
    } finally {
      await Promise.all(pumps.map((p) => p.stop()));
    }
    const ids = f.receiver.deliveries.map((d) => d.webhookId);
    assert.equal(new Set(ids).size, ids.length, 'no message was sent twice');
    const byFolder = arrivals(f.receiver.deliveries);
    for (const id of folders) assert.deepEqual(byFolder.get(id), upTo(8), `folder ${id}`);
    assert.deepEqual(overlaps, []);
    assert.equal(sentBy.a + sentBy.b, 240);
    console.log(`# deliverer a sent ${sentBy.a}, deliverer b sent ${sentBy.b}`);
  });

  it('a deliverer that dies mid-delivery loses nothing: once its lease runs out another takes over, in order', async () => {
    const endpoint = await f.addEndpoint({ eventTypes: ['folder.updated'] });
    const [folder] = await commitEvents(1, 5);
    await dispatchOutbox({ db: f.t.db, clock: f.clock });

    // Deliverer A sends the first message for real, then dies before it hears the answer (or records it).
    let dead!: () => void;
    const died = new Promise<void>((resolve) => {
      dead = resolve;
    });
    const dying: WebhookTransport = {
      async post(request: WebhookRequest): Promise<WebhookResponse> {
        await f.delivery.transport.post(request);
        dead();
        return new Promise<WebhookResponse>(() => {});
      },
    };
    void deliverDue({ ...f.delivery, transport: dying });
    await died;
    assert.deepEqual(arrivals(f.receiver.deliveries).get(folder), [0]);

    // While A's lease holds, nobody else touches the lane.
    await f.pump();
    assert.equal(f.receiver.deliveries.length, 1, 'the lane stays with A until its lease runs out');

    f.clock.advance(61 * SECOND);
    await f.pump();
    assert.deepEqual(arrivals(f.receiver.deliveries).get(folder), [0, 0, 1, 2, 3, 4], 'the unrecorded message again, then the rest');
    const [first, again] = f.receiver.deliveries;
    assert.equal(again.webhookId, first.webhookId, 'the repeat carries the same webhook-id');
    assert.equal(await f.t.db.models.WebhookMessage.count({ where: { endpointId: endpoint.id, status: 'delivered' } }), 5);
  });
});
