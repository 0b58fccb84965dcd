import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openFolderWithClient } from '../support/folder-flow.js';
import { createTestApp, mintWidgetToken, type TestApp } from '../support/test-app.js';

// "Documents supplémentaires": what a client sends without a request used to reach nobody at the office
// (no listing); the office now lists them per folder and reviews them like requested documents.

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

describe('extra documents sent by clients', () => {
  it('are listed to the office, reviewed like requested ones, and each client sees only its own', async () => {
    const { folderId, clientId } = await openFolderWithClient(t, 'EXTRA-1');
    const second = (
      await t.request
        .post(`/v1/folders/${folderId}/clients`)
        .set('Authorization', t.office.auth)
        .send({ client: { lastName: 'Michou', firstName: 'Paul', mobile: '06 11 22 33 44', email: 'paul.michou@example.fr' } })
        .expect(200)
    ).body.client.id as string;
    const claire = `Bearer ${await mintWidgetToken(t.request, t.office.auth, { clientId, folderId, components: ['upload'] })}`;
    const paul = `Bearer ${await mintWidgetToken(t.request, t.office.auth, { clientId: second, folderId, components: ['upload'] })}`;

    // Before anything is sent: an empty list, not an error.
    assert.deepEqual(
      (await t.request.get(`/v1/folders/${folderId}/extra-files`).set('Authorization', t.office.auth).expect(200)).body.data,
      [],
    );

    const sent = (
      await t.request
        .post(`/v1/folders/${folderId}/extra-files`)
        .set('Authorization', claire)
        .attach('file', PDF, { filename: 'attestation.pdf' })
        .expect(201)
    ).body.data[0];
    const office = (await t.request.get(`/v1/folders/${folderId}/extra-files`).set('Authorization', t.office.auth).expect(200)).body.data;
    assert.deepEqual(
      office.map((f: { id: string; name: string; clientId: string; status: string; requestId: string | null }) => [
        f.id,
        f.name,
        f.clientId,
        f.status,
        f.requestId,
      ]),
      [[sent.id, 'attestation.pdf', clientId, 'pending', null]],
    );

    // Paul, in the same folder, does not see Claire's file; Claire does, and sees its review.
    assert.deepEqual((await t.request.get(`/v1/folders/${folderId}/extra-files`).set('Authorization', paul).expect(200)).body.data, []);
    await t.request.post(`/v1/files/${sent.id}/validate`).set('Authorization', t.office.auth).expect(200);
    const mine = (await t.request.get(`/v1/folders/${folderId}/extra-files`).set('Authorization', claire).expect(200)).body.data;
    assert.equal(mine[0].status, 'validated');

    // Another office: not found, as for the folder itself.
    const foreign = await t.request.get(`/v1/folders/${folderId}/extra-files`).set('Authorization', t.otherOffice.auth).expect(404);
    assert.equal(foreign.body.code, 'folder_not_found');
  });
});
