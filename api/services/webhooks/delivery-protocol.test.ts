/**
 * The protocol details of a delivery, seen by a receiver on loopback that verifies every message with
 * the `standardwebhooks` package: secret rotation, redirects, Retry-After, and the address check at
 * delivery time. Time is a manual clock.
 */
import assert from 'node:assert/strict';
import type { LookupAddress } from 'node:dns';
import { after, afterEach, before, describe, it } from 'node:test';
import { httpWebhookTransport } from '../../adapters/webhooks/http-transport.js';
import { createFolder } from '../folders/create-folder.js';
import { createWebhookEndpoint, rotateWebhookSecret } from './manage-endpoints.js';
import { HOUR, SECOND } from './manual-clock.test-support.js';
import { listWebhookAttempts } from './messages.js';
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

describe('webhook delivery protocol', () => {
  it('signs with the old and the new secret for 24 h after a rotation, then with the new one only', async () => {
    const endpoint = await f.addEndpoint({ eventTypes: ['folder.created'] });
    const oldSecret = endpoint.secret;
    const rotated = await rotateWebhookSecret(f.ctx, f.services, endpoint.id);
    assert.notEqual(rotated.secret, oldSecret);
    assert.match(rotated.secret, /^whsec_[A-Za-z0-9+/]{43}=$/, '32 random bytes');
    f.receiver.secrets.push(rotated.secret);

    await newFolder();
    await f.pump();
    const during = f.receiver.deliveries[0];
    assert.equal(during.signature.split(' ').length, 2);
    assert.deepEqual(during.verifiedWith, [oldSecret, rotated.secret], 'a receiver holding either secret accepts it');

    f.clock.advance(24 * HOUR + SECOND);
    await newFolder();
    await f.pump();
    const afterwards = f.receiver.deliveries[1];
    assert.equal(afterwards.signature.split(' ').length, 1);
    assert.deepEqual(afterwards.verifiedWith, [rotated.secret], 'the old secret no longer verifies');
  });

  it('does not follow redirects: a 3xx is a failed attempt', async () => {
    const endpoint = await f.addEndpoint({ eventTypes: ['folder.created'] });
    f.receiver.reply = () => ({ status: 302, headers: { location: `${f.receiver.url}/moved` } });
    await newFolder();
    await f.pump();
    const [attempt] = await attemptsOf(endpoint.id);
    assert.equal(attempt.outcome, 'failed');
    assert.equal(attempt.responseStatus, 302);
    assert.equal(f.receiver.hits, 1, 'the Location was not requested');
  });

  it('honours Retry-After when the receiver asks for a longer wait than the schedule', async () => {
    const endpoint = await f.addEndpoint({ eventTypes: ['folder.created'] });
    f.receiver.reply = () => ({ status: 503, headers: { 'retry-after': '600' } });
    await newFolder();
    const t0 = f.clock.now();
    await f.pump();
    f.clock.advance(5 * SECOND);
    await f.pump();
    assert.equal(f.receiver.deliveries.length, 1, 'not retried at 5 s');
    const [attempt] = await attemptsOf(endpoint.id);
    assert.deepEqual(offsetsSeconds([attempt.nextAttemptAt as Date], t0), [600]);
  });

  it('refuses at delivery time a host that now resolves to a private address (DNS rebinding)', async () => {
    const realTransport = f.delivery.transport;
    const port = new URL(f.receiver.url).port;
    // At creation the name resolved to a public address; at delivery it resolves to loopback.
    const created = await createWebhookEndpoint(
      f.ctx,
      { ...f.services, urlRules: { allowLoopback: false, requireHttps: false, resolve: async () => ['93.184.215.14'] } },
      { url: `http://hooks.vendor.example:${port}/lecoffre`, eventTypes: ['folder.created'] },
    );
    f.receiver.secrets.push(created.secret);
    const rebound = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) =>
      options.all
        ? callback(null, [{ address: '127.0.0.1', family: 4 }] satisfies LookupAddress[])
        : callback(null, '127.0.0.1', 4)) as unknown as typeof import('node:dns').lookup;
    f.delivery.transport = httpWebhookTransport({ allowLoopback: false, timeoutMs: 1000, lookup: rebound });
    try {
      await newFolder();
      await f.pump();
      const [attempt] = await attemptsOf(created.id);
      assert.equal(attempt.outcome, 'failed');
      assert.equal(attempt.error, 'blocked_address');
      assert.equal(f.receiver.hits, 0, 'no request left for loopback');
    } finally {
      f.delivery.transport = realTransport;
    }
  });
});
