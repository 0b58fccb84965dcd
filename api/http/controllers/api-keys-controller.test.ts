import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { QueryTypes } from 'sequelize';
import { createIdentityTestApp, createMemberSession, type IdentityTestApp } from '../../../test/support/test-app.js';
import { hashSecret } from '../../services/api-keys/mint-api-key.js';

let t: IdentityTestApp;
let notary: string;
before(async () => {
  t = await createIdentityTestApp();
  notary = (await createMemberSession(t.db, t.office.id, { role: 'notary' })).auth;
});
after(() => t.close());

describe('API keys', () => {
  it('shows a new key once, stores only its hash, and lists it without the secret', async () => {
    const created = await t.request
      .post('/v1/api-keys')
      .set('Authorization', notary)
      .send({ name: 'Logiciel de rédaction — production', mode: 'live' })
      .expect(201);
    assert.match(created.body.secret, /^lck_live_[\w-]{32}$/);
    assert.equal(created.body.displayPrefix, `${created.body.secret.slice(0, 13)}…`);
    assert.equal(created.headers.location, `/v1/api-keys/${created.body.id}`);
    assert.equal(created.headers['cache-control'], 'no-store');
    const row = await t.db.models.ApiKey.findByPk(created.body.id);
    assert.equal(row?.secretHash, hashSecret(created.body.secret));
    assert.ok(!JSON.stringify(row?.toJSON()).includes(created.body.secret), 'the secret is not stored');

    const test = await t.request.post('/v1/api-keys').set('Authorization', notary).send({ name: 'Recette', mode: 'test' }).expect(201);
    assert.match(test.body.secret, /^lck_test_/);

    const list = await t.request.get('/v1/api-keys').set('Authorization', notary).expect(200);
    assert.deepEqual(
      list.body.data.slice(0, 2).map((k: { name: string }) => k.name),
      ['Recette', 'Logiciel de rédaction — production'],
    );
    assert.ok(!JSON.stringify(list.body).includes(created.body.secret));
    assert.ok(list.body.data.every((k: object) => !('secret' in k)));
  });

  it('records when a key was last used, and revokes it at once', async () => {
    const created = await t.request.post('/v1/api-keys').set('Authorization', notary).send({ name: 'Éphémère', mode: 'test' }).expect(201);
    const key = `Bearer ${created.body.secret}`;
    await t.request.get('/v1/me').set('Authorization', key).expect(200);
    const used = await t.request.get('/v1/api-keys?limit=100').set('Authorization', notary).expect(200);
    const listed = used.body.data.find((k: { id: string }) => k.id === created.body.id);
    assert.ok(listed.lastUsedAt, 'last-used time recorded');
    assert.equal(listed.revokedAt, null);

    await t.request.delete(`/v1/api-keys/${created.body.id}`).set('Authorization', notary).expect(204);
    await t.request.get('/v1/me').set('Authorization', key).expect(401);
    await t.request.delete(`/v1/api-keys/${created.body.id}`).set('Authorization', notary).expect(204);
    const after = await t.request.get('/v1/api-keys?limit=100').set('Authorization', notary).expect(200);
    assert.ok(after.body.data.find((k: { id: string }) => k.id === created.body.id).revokedAt);
    const audit = await t.db.sequelize.query<{ action: string }>('SELECT action FROM audit_events WHERE subject_id = :id ORDER BY seq', {
      replacements: { id: created.body.id },
      type: QueryTypes.SELECT,
    });
    assert.deepEqual(
      audit.map((a) => a.action),
      ['api_key.created', 'api_key.revoked'],
    );
  });

  it('keeps other offices’ keys out of reach (404) and refuses blank names', async () => {
    const otherNotary = (await createMemberSession(t.db, t.otherOffice.id)).auth;
    const mine = await t.request.post('/v1/api-keys').set('Authorization', notary).send({ name: 'Mienne', mode: 'test' }).expect(201);
    const res = await t.request.delete(`/v1/api-keys/${mine.body.id}`).set('Authorization', otherNotary).expect(404);
    assert.equal(res.body.code, 'api_key_not_found');
    const list = await t.request.get('/v1/api-keys?limit=100').set('Authorization', otherNotary).expect(200);
    assert.ok(!list.body.data.some((k: { id: string }) => k.id === mine.body.id));
    await t.request.get('/v1/me').set('Authorization', `Bearer ${mine.body.secret}`).expect(200);

    const blank = await t.request.post('/v1/api-keys').set('Authorization', notary).send({ name: '   ', mode: 'test' }).expect(422);
    assert.equal(blank.body.errors[0].path, 'name');
    await t.request.post('/v1/api-keys').set('Authorization', notary).send({ name: 'x', mode: 'prod' }).expect(422);
  });

  it('is a notary’s business, signed in with ID.not', async () => {
    const collaborator = (await createMemberSession(t.db, t.office.id, { role: 'collaborator' })).auth;
    const byCollaborator = await t.request
      .post('/v1/api-keys')
      .set('Authorization', collaborator)
      .send({ name: 'x', mode: 'test' })
      .expect(403);
    assert.equal(byCollaborator.body.code, 'operation_not_allowed');
    const byKey = await t.request.post('/v1/api-keys').set('Authorization', t.office.auth).send({ name: 'x', mode: 'test' }).expect(403);
    assert.equal(byKey.body.code, 'operation_not_allowed');
  });
});
