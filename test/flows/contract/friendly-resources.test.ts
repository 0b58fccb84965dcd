import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CURRENT_API_VERSION } from '../../../api/domain/api-versions.js';
import { createFolderWithClient, createTestApp, type TestApp } from '../../support/test-app.js';

// What an integration meets first: a dated contract, catalogue types by their stable code (the same on
// every installation) and folder lists it can sync from.

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

describe('LeCoffre-Version', () => {
  it('answers with the current version when none is sent, and with the one sent', async () => {
    const plain = await t.request.get('/v1/me').set('Authorization', t.office.auth).expect(200);
    assert.equal(plain.headers['lecoffre-version'], CURRENT_API_VERSION);
    const pinned = await t.request
      .get('/v1/me')
      .set('Authorization', t.office.auth)
      .set('LeCoffre-Version', CURRENT_API_VERSION)
      .expect(200);
    assert.equal(pinned.headers['lecoffre-version'], CURRENT_API_VERSION);
  });

  it('refuses an unknown version with a problem naming the known ones, before anything runs', async () => {
    const refused = await t.request
      .post('/v1/folders')
      .set('Authorization', t.office.auth)
      .set('LeCoffre-Version', '2019-01-01')
      .send({ number: 'V-1', title: 'Vente Martin', deedType: 'vente' })
      .expect(400);
    assert.equal(refused.body.code, 'unsupported_api_version');
    assert.match(refused.body.detail, new RegExp(CURRENT_API_VERSION));
    const folders = await t.request.get('/v1/folders').query({ q: 'V-1' }).set('Authorization', t.office.auth).expect(200);
    assert.deepEqual(folders.body.data, []);
  });
});

describe('document requests by the type code', () => {
  it('takes a catalogue type by its code, as by its id, and names a wrong code', async () => {
    const { folderId, clientId } = await createFolderWithClient(t.db, t.office.id);
    const types = await t.request.get('/v1/document-types').set('Authorization', t.office.auth).expect(200);
    const cni = (types.body.data as Array<{ id: string; code: string | null; label: string }>).find(
      (type) => type.code === 'cni-recto-verso',
    );
    assert.ok(cni);
    const created = await t.request
      .post(`/v1/folders/${folderId}/document-requests`)
      .set('Authorization', t.office.auth)
      .send({ clientId, documents: [{ documentType: 'cni-recto-verso' }, { documentTypeId: cni.id }] })
      .expect(201);
    assert.deepEqual(
      created.body.data.map((request: { documentTypeId: string; label: string }) => [request.documentTypeId, request.label]),
      [
        [cni.id, cni.label],
        [cni.id, cni.label],
      ],
    );

    const unknown = await t.request
      .post(`/v1/folders/${folderId}/document-requests`)
      .set('Authorization', t.office.auth)
      .send({ clientId, documents: [{ documentType: 'passeport-martien' }] })
      .expect(422);
    assert.deepEqual(unknown.body.errors, [{ path: 'documents[0].documentType', message: 'unknown document type code' }]);
    const both = await t.request
      .post(`/v1/folders/${folderId}/document-requests`)
      .set('Authorization', t.office.auth)
      .send({ clientId, documents: [{ documentType: 'cni-recto-verso', label: 'CNI' }] })
      .expect(422);
    assert.equal(both.body.errors[0].path, 'documents[0]');
  });
});

describe('GET /v1/folders filters and sort', () => {
  it('filters by deed type code, client and update time, and sorts oldest first on request', async () => {
    const other = await createTestApp();
    try {
      const create = (number: string, deedType: string) =>
        other.request
          .post('/v1/folders')
          .set('Authorization', other.office.auth)
          .send({ number, title: `Dossier ${number}`, deedType })
          .expect(201);
      const first = (await create('F-1', 'vente')).body;
      const second = (await create('F-2', 'succession')).body;
      const third = (await create('F-3', 'vente')).body;
      const list = async (query: Record<string, string>) =>
        (await other.request.get('/v1/folders').query(query).set('Authorization', other.office.auth).expect(200)).body.data.map(
          (folder: { number: string }) => folder.number,
        );

      assert.deepEqual(await list({}), ['F-3', 'F-2', 'F-1']);
      assert.deepEqual(await list({ sort: 'createdAt' }), ['F-1', 'F-2', 'F-3']);
      assert.deepEqual(await list({ sort: 'createdAt', limit: '1' }), ['F-1']);
      assert.deepEqual(await list({ deedType: 'vente' }), ['F-3', 'F-1']);
      assert.deepEqual(await list({ deedType: 'no-such-deed' }), []);
      assert.deepEqual(await list({ updatedSince: third.updatedAt }), ['F-3']);
      assert.deepEqual(await list({ updatedSince: new Date(Date.parse(third.updatedAt) + 60_000).toISOString() }), []);

      const withClient = await other.request
        .post(`/v1/folders/${second.id}/clients`)
        .set('Authorization', other.office.auth)
        .send({ client: { lastName: 'Martin', firstName: 'Léa', email: 'lea.martin@client.test', mobile: '0612345678' } })
        .expect(200);
      const client = withClient.body.client as { id: string };
      assert.deepEqual(await list({ clientId: client.id }), ['F-2']);
      assert.deepEqual(await list({ clientId: 'cli_nobody' }), []);
      assert.ok(first.id);

      const bad = await other.request.get('/v1/folders').query({ sort: 'title' }).set('Authorization', other.office.auth).expect(422);
      assert.equal(bad.body.code, 'validation_failed');
    } finally {
      await other.close();
    }
  });
});
