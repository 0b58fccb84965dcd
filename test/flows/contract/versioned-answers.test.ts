import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CURRENT_API_VERSION } from '../../../api/domain/api-versions.js';
import { openFolderWithClient } from '../../support/folder-flow.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

// The Stripe model: a caller pinned to a version keeps its answers whatever came since. Adding a client
// answered the whole folder until 2026-12-02, where nothing said which client was new; since 2026-12-09 it
// answers the client added, with its folder.

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const paul = (email: string) => ({ client: { lastName: 'Fabre', firstName: 'Paul', mobile: '06 11 22 33 44', email } });

describe('POST /v1/folders/{id}/clients by version', () => {
  it('answers the client added and its folder at the current version (2026-12-09), with or without the header', async () => {
    assert.equal(CURRENT_API_VERSION, '2026-12-09');
    const { folderId, clientId: claire } = await openFolderWithClient(t, 'VER-1');
    for (const [version, email] of [
      [undefined, 'paul.one@example.fr'],
      ['2026-12-09', 'paul.two@example.fr'],
    ] as const) {
      const call = t.request.post(`/v1/folders/${folderId}/clients`).set('Authorization', t.office.auth);
      if (version) call.set('LeCoffre-Version', version);
      const added = await call.send(paul(email)).expect(200);
      assert.equal(added.headers['lecoffre-version'], '2026-12-09');
      assert.deepEqual(Object.keys(added.body).sort(), ['client', 'folder']);
      // The new client, not whichever the folder lists first.
      assert.equal(added.body.client.email, email);
      assert.notEqual(added.body.client.id, claire);
      assert.equal(added.body.folder.id, folderId);
      assert.ok(added.body.folder.clients.some((c: { id: string }) => c.id === added.body.client.id));
    }
  });

  it('answers the folder alone, with its ETag, to a caller pinned to 2026-12-02', async () => {
    const { folderId } = await openFolderWithClient(t, 'VER-2');
    const added = await t.request
      .post(`/v1/folders/${folderId}/clients`)
      .set('Authorization', t.office.auth)
      .set('LeCoffre-Version', '2026-12-02')
      .send(paul('paul.pinned@example.fr'))
      .expect(200);
    assert.equal(added.headers['lecoffre-version'], '2026-12-02');
    assert.equal(added.body.id, folderId);
    assert.equal(added.body.client, undefined);
    assert.deepEqual(added.body.clients.map((c: { firstName: string }) => c.firstName).sort(), ['Claire', 'Paul']);
    assert.ok(added.headers.etag.startsWith(`"v${added.body.version}-`), added.headers.etag);
    // The same folder read back: the pinned answer was the folder as it stands.
    const read = await t.request.get(`/v1/folders/${folderId}`).set('Authorization', t.office.auth).expect(200);
    assert.equal(read.body.version, added.body.version);
  });
});
