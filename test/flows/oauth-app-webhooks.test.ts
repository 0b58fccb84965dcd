/**
 * An app's one webhook endpoint hears every office connected to the app, through the office endpoints'
 * pipeline (lanes per folder, signatures, retries): each body names its office and the app that acted;
 * an office hears nothing more once disconnected, and an office never connected is never heard.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { httpWebhookTransport } from '../../api/adapters/webhooks/http-transport.js';
import { sessionCookieName } from '../../api/http/hosted/session-cookie.js';
import { dispatchOutbox } from '../../api/jobs/dispatch-outbox.js';
import { type DeliveryDeps, deliverDue } from '../../api/services/webhooks/deliver.js';
import { createWebhookEndpoint } from '../../api/services/webhooks/manage-endpoints.js';
import { startTestReceiver, type TestReceiver } from '../../api/services/webhooks/test-receiver.test-support.js';
import { officeActor } from '../support/files.js';
import {
  appWebhookDeps,
  consentHeadless,
  exchangeCode,
  registerTestVendor,
  startAuthorization,
  type TestVendor,
} from '../support/oauth-vendor.js';
import { createIdentityTestApp, createMemberSession, createOffice, type IdentityTestApp, type TestOffice } from '../support/test-app.js';

let t: IdentityTestApp;
let vendor: TestVendor;
let appReceiver: TestReceiver;
let officeReceiver: TestReceiver;
let neverConnected: TestOffice;
let delivery: DeliveryDeps;
const clock = { now: () => new Date() };

before(async () => {
  t = await createIdentityTestApp({ listen: true });
  appReceiver = await startTestReceiver(clock);
  officeReceiver = await startTestReceiver(clock);
  vendor = await registerTestVendor(t, { webhookUrl: appReceiver.url });
  assert.match(vendor.webhookSecret ?? '', /^whsec_/);
  appReceiver.secrets.push(vendor.webhookSecret as string);
  // Office A's own endpoint too: it must say which app acted.
  const own = await createWebhookEndpoint({ db: t.db, actor: officeActor(t.office.id) }, appWebhookDeps(t), { url: officeReceiver.url });
  officeReceiver.secrets.push(own.secret);
  neverConnected = await createOffice(t.db, 'SCP JAMAIS CONNECTÉE');
  delivery = {
    db: t.db,
    clock,
    sealer: t.webhookSealer,
    transport: httpWebhookTransport({ allowLoopback: true, timeoutMs: 5000 }),
    random: () => 0.5,
  };
});
after(async () => {
  await appReceiver.stop();
  await officeReceiver.stop();
  await t.close();
});

/** One turn of the jobs: the outbox fanned out, every due lane delivered. */
async function pump(): Promise<void> {
  await dispatchOutbox({ db: t.db, clock });
  await deliverDue(delivery);
}

async function connect(officeId: string) {
  const start = await startAuthorization(vendor);
  const { token } = await createMemberSession(t.db, officeId);
  const { callback } = await consentHeadless(start, { cookieName: sessionCookieName(t.config), token });
  assert.ok(callback, 'the consent led back to the app');
  return exchangeCode(vendor, callback, start);
}

const asToken = (token: string | undefined) => `Bearer ${token}`;

async function newFolder(auth: string, number: string): Promise<string> {
  const res = await t.request
    .post('/v1/folders')
    .set('Authorization', auth)
    .send({ number, title: `Vente ${number}`, deedType: 'vente' })
    .expect(201);
  return res.body.id as string;
}

async function retitle(auth: string, folderId: string, title: string): Promise<void> {
  await t.request.patch(`/v1/folders/${folderId}`).set('Authorization', auth).send({ title }).expect(200);
}

type Received = { type: string; officeId: string; app?: { id: string; name: string }; data: { id?: string; title?: string } };
const received = (receiver: TestReceiver) => receiver.deliveries.map((d) => d.event as unknown as Received);

describe("an app's webhook endpoint", () => {
  it('receives the events of both connected offices, each naming its office and the app, in order per folder', async () => {
    const a = await connect(t.office.id);
    const b = await connect(t.otherOffice.id);
    const folderA = await newFolder(asToken(a.access_token), 'HOOK-A-1');
    const folderB = await newFolder(asToken(b.access_token), 'HOOK-B-1');
    // Interleaved changes to both folders: each folder's order must survive.
    for (const n of [1, 2, 3]) {
      await retitle(asToken(a.access_token), folderA, `Vente A v${n}`);
      await retitle(t.otherOffice.auth, folderB, `Vente B v${n}`);
    }
    const foreign = await newFolder(neverConnected.auth, 'HOOK-C-1');
    await pump();

    assert.deepEqual(appReceiver.rejected, [], 'every delivery verifies with the app secret');
    const events = received(appReceiver);
    assert.ok(!events.some((e) => e.officeId === neverConnected.id || e.data.id === foreign), 'an office never connected never leaks');
    const authorized = events.filter((e) => e.type === 'app.authorized').map((e) => e.officeId);
    assert.deepEqual(authorized.sort(), [t.office.id, t.otherOffice.id].sort());

    const ofFolder = (id: string) => events.filter((e) => e.data.id === id);
    assert.deepEqual(
      ofFolder(folderA).map((e) => [e.type, e.officeId, e.data.title]),
      [
        ['folder.created', t.office.id, 'Vente HOOK-A-1'],
        ['folder.updated', t.office.id, 'Vente A v1'],
        ['folder.updated', t.office.id, 'Vente A v2'],
        ['folder.updated', t.office.id, 'Vente A v3'],
      ],
    );
    assert.deepEqual(
      ofFolder(folderB).map((e) => [e.type, e.officeId, e.data.title]),
      [
        ['folder.created', t.otherOffice.id, 'Vente HOOK-B-1'],
        ['folder.updated', t.otherOffice.id, 'Vente B v1'],
        ['folder.updated', t.otherOffice.id, 'Vente B v2'],
        ['folder.updated', t.otherOffice.id, 'Vente B v3'],
      ],
    );
    // Attribution: what the app did names it; what office B's API key did names no app.
    assert.deepEqual(ofFolder(folderB)[0]?.app, { id: vendor.appId, name: 'Rédacto' });
    assert.equal(ofFolder(folderB)[1]?.app, undefined);

    // Office A's own endpoint hears office A only, and also learns which app acted.
    const own = received(officeReceiver);
    assert.ok(own.every((e) => e.officeId === t.office.id));
    assert.deepEqual(own.find((e) => e.type === 'folder.created' && e.data.id === folderA)?.app, { id: vendor.appId, name: 'Rédacto' });
  });

  it('hears an office disconnect, and nothing of that office afterwards; the other office goes on', async () => {
    const notary = await createMemberSession(t.db, t.otherOffice.id);
    const list = await t.request.get('/v1/app-connections').set('Authorization', notary.auth).expect(200);
    const connection = list.body.data[0] as { id: string };
    await t.request.delete(`/v1/app-connections/${connection.id}`).set('Authorization', notary.auth).expect(204);
    const after = await newFolder(t.otherOffice.auth, 'HOOK-B-AFTER');
    const stillA = await newFolder(t.office.auth, 'HOOK-A-2');
    await pump();

    const events = received(appReceiver);
    const deauthorized = events.filter((e) => e.type === 'app.deauthorized');
    assert.deepEqual(
      deauthorized.map((e) => e.officeId),
      [t.otherOffice.id],
    );
    assert.ok(!events.some((e) => e.data.id === after), "a disconnected office's later events do not reach the app");
    assert.ok(
      events.some((e) => e.data.id === stillA && e.officeId === t.office.id),
      'the office still connected is still heard',
    );
  });
});
