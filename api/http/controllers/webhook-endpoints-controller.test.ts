import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMemberSession, createTestApp, mintWidgetToken, type TestApp } from '../../../test/support/test-app.js';
import { systemClock } from '../../adapters/clock/system-clock.js';
import { dispatchOutbox } from '../../jobs/dispatch-outbox.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

// A public address, written as an IP so that the tests need no DNS.
const PUBLIC_URL = 'https://93.184.215.14/lecoffre/webhooks';
const as = (auth: string) => ({
  get: (path: string) => t.request.get(path).set('Authorization', auth),
  post: (path: string, body: object = {}) => t.request.post(path).set('Authorization', auth).send(body),
  patch: (path: string, body: object) => t.request.patch(path).set('Authorization', auth).send(body),
  delete: (path: string) => t.request.delete(path).set('Authorization', auth),
});
const office = () => as(t.office.auth);

describe('webhook endpoints API', () => {
  it('creates an endpoint and shows its secret once; the database holds it sealed', async () => {
    const res = await office()
      .post('/v1/webhook-endpoints', {
        url: PUBLIC_URL,
        description: 'Logiciel de rédaction',
        eventTypes: ['document.uploaded', 'folder.created'],
      })
      .expect(201);
    assert.match(res.body.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.equal(res.headers.location, `/v1/webhook-endpoints/${res.body.id}`);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.deepEqual(res.body.eventTypes, ['document.uploaded', 'folder.created']);
    assert.equal(res.body.enabled, true);

    const fetched = (await office().get(`/v1/webhook-endpoints/${res.body.id}`).expect(200)).body;
    assert.equal(fetched.secret, undefined, 'never shown again');
    const listed = (await office().get('/v1/webhook-endpoints').expect(200)).body;
    assert.deepEqual(
      listed.data.map((e: { id: string }) => e.id),
      [res.body.id],
    );
    assert.equal(listed.nextCursor, null);

    const row = await t.db.models.WebhookEndpoint.findByPk(res.body.id);
    const secretBytes = res.body.secret.slice('whsec_'.length);
    assert.ok(row && !JSON.stringify(row.toJSON()).includes(secretBytes), 'not stored in clear');
  });

  it('refuses receiver URLs that lead to this machine, its network or the metadata service', async () => {
    for (const url of [
      'http://127.0.0.1:8080/hooks',
      'https://localhost/hooks',
      'http://[::1]/hooks',
      'http://10.1.2.3/hooks',
      'http://192.168.0.10/hooks',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::ffff:169.254.169.254]/',
    ]) {
      const res = await office().post('/v1/webhook-endpoints', { url }).expect(422);
      assert.equal(res.body.code, 'webhook_url_forbidden', url);
      assert.equal(res.body.errors[0].path, 'url');
    }
    assert.equal(
      (await office().post('/v1/webhook-endpoints', { url: 'ftp://93.184.215.14/' }).expect(422)).body.code,
      'webhook_url_scheme',
    );
    assert.equal(
      (await office().post('/v1/webhook-endpoints', { url: 'https://user:pw@93.184.215.14/' }).expect(422)).body.code,
      'validation_failed',
    );
    assert.equal(
      (
        await office()
          .post('/v1/webhook-endpoints', { url: PUBLIC_URL, eventTypes: ['document.shared'] })
          .expect(422)
      ).body.code,
      'validation_failed',
    );
  });

  it('changes, rotates, turns off and deletes an endpoint', async () => {
    const { id } = (await office().post('/v1/webhook-endpoints', { url: PUBLIC_URL }).expect(201)).body;
    const patched = (
      await office()
        .patch(`/v1/webhook-endpoints/${id}`, { eventTypes: ['folder.completed'], enabled: false })
        .expect(200)
    ).body;
    assert.deepEqual(patched.eventTypes, ['folder.completed']);
    assert.equal(patched.enabled, false);
    assert.equal(patched.disabledReason, 'manual');

    const rotated = (await office().post(`/v1/webhook-endpoints/${id}/rotate-secret`).expect(200)).body;
    assert.match(rotated.secret, /^whsec_/);
    const overlapHours = (Date.parse(rotated.previousSecretExpiresAt) - Date.now()) / 3_600_000;
    assert.ok(overlapHours > 23.9 && overlapHours <= 24, `${overlapHours} h`);

    await office().delete(`/v1/webhook-endpoints/${id}`).expect(204);
    await office().get(`/v1/webhook-endpoints/${id}`).expect(404);
  });

  it('keeps each office to its own endpoints, messages and attempts (a foreign id is a 404)', async () => {
    const { id } = (
      await office()
        .post('/v1/webhook-endpoints', { url: PUBLIC_URL, eventTypes: ['folder.created'] })
        .expect(201)
    ).body;
    await office().post('/v1/folders', { number: 'WH-1', title: 'Vente', deedType: 'succession' }).expect(201);
    await dispatchOutbox({ db: t.db, clock: systemClock });
    const message = await t.db.models.WebhookMessage.findOne({ where: { endpointId: id } });
    assert.ok(message);

    const other = as(t.otherOffice.auth);
    await other.get(`/v1/webhook-endpoints/${id}`).expect(404);
    await other.patch(`/v1/webhook-endpoints/${id}`, { enabled: false }).expect(404);
    await other.post(`/v1/webhook-endpoints/${id}/rotate-secret`).expect(404);
    await other.get(`/v1/webhook-endpoints/${id}/attempts`).expect(404);
    await other.post(`/v1/webhook-endpoints/${id}/recover`, { since: '2020-01-01T00:00:00Z' }).expect(404);
    await other.post(`/v1/webhook-messages/${message.id}/resend`).expect(404);
    await other.delete(`/v1/webhook-endpoints/${id}`).expect(404);
    assert.deepEqual((await other.get('/v1/webhook-endpoints').expect(200)).body.data, []);

    const resent = (await office().post(`/v1/webhook-messages/${message.id}/resend`).expect(202)).body;
    assert.equal(resent.status, 'pending');
    assert.equal(resent.webhookId, message.eventId);
    assert.deepEqual((await office().get(`/v1/webhook-endpoints/${id}/attempts`).expect(200)).body, { data: [], nextCursor: null });
    assert.deepEqual((await office().post(`/v1/webhook-endpoints/${id}/recover`, { since: '2020-01-01T00:00:00Z' }).expect(200)).body, {
      recovered: 0,
    });
  });

  it('lets only notaries and API keys read or change them; collaborators and widget sessions neither', async () => {
    // Attempts carry payloads of every folder, including those a collaborator may not open.
    const collaborator = await createMemberSession(t.db, t.office.id, { role: 'collaborator' });
    assert.equal((await as(collaborator.auth).get('/v1/webhook-endpoints').expect(403)).body.code, 'operation_not_allowed');
    assert.equal(
      (await as(collaborator.auth).post('/v1/webhook-endpoints', { url: PUBLIC_URL }).expect(403)).body.code,
      'operation_not_allowed',
    );
    const notary = await createMemberSession(t.db, t.office.id, { role: 'notary' });
    await as(notary.auth).post('/v1/webhook-endpoints', { url: PUBLIC_URL }).expect(201);
    const widget = await mintWidgetToken(t.request, t.office.auth, { memberId: notary.memberId });
    assert.equal((await as(`Bearer ${widget}`).get('/v1/webhook-endpoints').expect(403)).body.code, 'operation_not_allowed');
  });

  it('publishes the event catalogue with a JSON Schema per event type', async () => {
    const body = (await office().get('/v1/event-types').expect(200)).body;
    assert.equal(body.nextCursor, null);
    const names = body.data.map((e: { name: string }) => e.name);
    assert.equal(names.length, 16);
    for (const name of ['document.uploaded', 'document.request_cancelled', 'member.pending', 'app.authorized']) {
      assert.ok(names.includes(name), name);
    }
    assert.ok(!names.includes('document.shared'), 'internal events stay internal');
    const uploaded = body.data.find((e: { name: string }) => e.name === 'document.uploaded');
    assert.equal(uploaded.schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.deepEqual(uploaded.schema.properties.data, { $ref: '#/$defs/DocumentFile' });
    assert.ok(uploaded.schema.$defs.DocumentFile.required.includes('sha256'));
  });

  it('reads and changes the office reminder settings', async () => {
    assert.deepEqual((await office().get('/v1/office/notification-settings').expect(200)).body, {
      reminderDaysBefore: 3,
      reminderEveryDays: 7,
      reminderMaxCount: 3,
    });
    await office().patch('/v1/office/notification-settings', { reminderMaxCount: 11 }).expect(422);
    const changed = (await office().patch('/v1/office/notification-settings', { reminderEveryDays: 14 }).expect(200)).body;
    assert.deepEqual(changed, { reminderDaysBefore: 3, reminderEveryDays: 14, reminderMaxCount: 3 });
  });
});
