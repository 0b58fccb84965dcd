import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { binary, openFolderWithClient } from '../support/folder-flow.js';
import { createTestApp, mintWidgetToken, type TestApp } from '../support/test-app.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n% projet d acte\n');

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

async function blobCount(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).length;
}

describe('the office sends its own documents to a folder’s clients', () => {
  it('stores a frozen, encrypted copy the clients list and download, named as the office labelled it', async () => {
    const { folderId, clientId } = await openFolderWithClient(t, 'ODOC-1');
    const shared = (
      await t.request
        .post(`/v1/folders/${folderId}/shared-files`)
        .set('Authorization', t.office.auth)
        .field('label', 'Projet d’acte de vente')
        .attach('file', PDF, { filename: 'projet.pdf' })
        .expect(201)
    ).body;
    assert.equal(shared.kind, 'file');
    assert.equal(shared.label, 'Projet d’acte de vente');
    assert.equal(shared.bankDetails, null);

    const client = `Bearer ${await mintWidgetToken(t.request, t.office.auth, { clientId, folderId, components: ['upload'] })}`;
    const listed = (await t.request.get(`/v1/folders/${folderId}/shared-documents`).set('Authorization', client).expect(200)).body.data;
    assert.deepEqual(
      listed.map((d: { id: string; kind: string }) => [d.id, d.kind]),
      [[shared.id, 'file']],
    );
    const download = await t.request
      .get(`/v1/shared-documents/${shared.id}/download`)
      .set('Authorization', client)
      .buffer(true)
      .parse(binary)
      .expect(200);
    assert.deepEqual(download.body, PDF, 'the very bytes the office sent');
    assert.match(download.headers['content-disposition'], /attachment; filename="projet\.pdf"/);
    assert.equal(download.headers['content-type'], 'application/pdf');

    // Another office: nothing, not even that it exists.
    const foreign = await t.request.get(`/v1/shared-documents/${shared.id}/download`).set('Authorization', t.otherOffice.auth).expect(404);
    assert.equal(foreign.body.code, 'shared_document_not_found');
  });

  it('refuses what is not a pdf, jpg or png, and keeps neither a record nor a blob', async () => {
    const { folderId } = await openFolderWithClient(t, 'ODOC-2');
    const blobsBefore = await blobCount(t.storageDir);
    const refused = await t.request
      .post(`/v1/folders/${folderId}/shared-files`)
      .set('Authorization', t.office.auth)
      .attach('file', Buffer.from('MZ not a document'), { filename: 'virus.pdf' });
    assert.equal(refused.status, 415);
    assert.equal(
      (await t.request.get(`/v1/folders/${folderId}/shared-documents`).set('Authorization', t.office.auth).expect(200)).body.data.length,
      0,
    );
    assert.equal(await blobCount(t.storageDir), blobsBefore, 'no orphan blob');
    const empty = await t.request.post(`/v1/folders/${folderId}/shared-files`).set('Authorization', t.office.auth).field('label', 'x');
    assert.equal(empty.status, 422);
    assert.equal(empty.body.code, 'no_file');
  });
});
