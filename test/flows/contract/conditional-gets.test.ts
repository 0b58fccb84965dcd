import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { samplePdf } from '../../../api/services/documents/sample-files.test-support.js';
import { openFolderWithClient } from '../../support/folder-flow.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

// A poller revalidates instead of downloading again: an ETag over what would be sent, If-None-Match, 304.
// The folder's version does not move when a client's upload moves its completion: a 304 on the version
// alone would have kept a folder at 0 % in every cache.

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const get = (path: string, etag?: string) => {
  const call = t.request.get(path).set('Authorization', t.office.auth);
  return etag ? call.set('If-None-Match', etag) : call;
};

describe('conditional GETs', () => {
  it('answers 304 to an unchanged folder, and 200 with a new ETag once an upload, validated, moved its completion', async () => {
    const { folderId, clientId } = await openFolderWithClient(t, 'ETAG-1');
    const [request] = (
      await t.request
        .post(`/v1/folders/${folderId}/document-requests`)
        .set('Authorization', t.office.auth)
        .send({ clientId, documents: [{ label: 'CNI' }] })
        .expect(201)
    ).body.data as Array<{ id: string }>;
    const first = await get(`/v1/folders/${folderId}`).expect(200);
    assert.equal(first.headers['cache-control'], 'private, no-cache');
    const etag = first.headers.etag as string;
    const unchanged = await get(`/v1/folders/${folderId}`, etag).expect(304);
    assert.equal(unchanged.text ?? '', '');
    assert.equal(unchanged.headers.etag, etag);

    const sent = await t.request
      .post(`/v1/document-requests/${request.id}/documents`)
      .set('Authorization', t.office.auth)
      .attach('file', await samplePdf(), { filename: 'cni.pdf' })
      .expect(201);
    await t.request.post(`/v1/documents/${sent.body.data[0].id}/validate`).set('Authorization', t.office.auth).expect(200);
    const changed = await get(`/v1/folders/${folderId}`, etag).expect(200);
    assert.equal(changed.body.version, first.body.version, 'an upload and its review are not edits: same version');
    assert.notDeepEqual(changed.body.clients[0].completion, first.body.clients[0].completion);
    assert.notEqual(changed.headers.etag, etag);
    await get(`/v1/folders/${folderId}`, changed.headers.etag).expect(304);
  });

  it('keeps If-Match on the version: the ETag read before an upload still updates, a stale version does not', async () => {
    const { folderId, clientId } = await openFolderWithClient(t, 'ETAG-2');
    const [request] = (
      await t.request
        .post(`/v1/folders/${folderId}/document-requests`)
        .set('Authorization', t.office.auth)
        .send({ clientId, documents: [{ label: 'RIB' }] })
        .expect(201)
    ).body.data as Array<{ id: string }>;
    const read = await get(`/v1/folders/${folderId}`).expect(200);
    await t.request
      .post(`/v1/document-requests/${request.id}/documents`)
      .set('Authorization', t.office.auth)
      .attach('file', await samplePdf(), { filename: 'rib.pdf' })
      .expect(201);
    const edited = await t.request
      .patch(`/v1/folders/${folderId}`)
      .set('Authorization', t.office.auth)
      .set('If-Match', read.headers.etag)
      .send({ note: 'Garant à prévoir' })
      .expect(200);
    assert.equal(edited.body.version, read.body.version + 1);
    const stale = await t.request
      .patch(`/v1/folders/${folderId}`)
      .set('Authorization', t.office.auth)
      .set('If-Match', read.headers.etag)
      .send({ note: 'écrase' })
      .expect(412);
    assert.equal(stale.body.code, 'folder_modified');
    // The bare version, as the SDK's `ifMatch: folder.version` sends it.
    await t.request
      .patch(`/v1/folders/${folderId}`)
      .set('Authorization', t.office.auth)
      .set('If-Match', `"v${edited.body.version}"`)
      .send({ note: 'Garant reçu' })
      .expect(200);
  });

  it('revalidates a client, the folder and client lists and the catalogue, and sees a change', async () => {
    const { folderId, clientId } = await openFolderWithClient(t, 'ETAG-3');
    for (const path of ['/v1/folders', `/v1/clients/${clientId}`, '/v1/clients', '/v1/document-types', '/v1/deed-types']) {
      const first = await get(path).expect(200);
      assert.equal(first.headers['cache-control'], 'private, no-cache', path);
      assert.ok(first.headers.etag, path);
      await get(path, first.headers.etag).expect(304);
    }
    const before = await get(`/v1/clients/${clientId}`).expect(200);
    await t.request.patch(`/v1/clients/${clientId}`).set('Authorization', t.office.auth).send({ firstName: 'Clarisse' }).expect(200);
    const after = await get(`/v1/clients/${clientId}`, before.headers.etag).expect(200);
    assert.equal(after.body.firstName, 'Clarisse');
    const list = await get('/v1/folders').expect(200);
    await t.request.patch(`/v1/folders/${folderId}`).set('Authorization', t.office.auth).send({ title: 'Succession Michou' }).expect(200);
    await get('/v1/folders', list.headers.etag).expect(200);
  });

  it('leaves other reads no-store', async () => {
    const res = await get('/v1/me').expect(200);
    assert.equal(res.headers['cache-control'], 'no-store');
  });
});
