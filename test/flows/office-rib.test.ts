import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const as = (auth: string) => ({
  get: (path: string) => t.request.get(path).set('Authorization', auth),
  post: (path: string, body: object = {}) => t.request.post(path).set('Authorization', auth).send(body),
  patch: (path: string, body: object) => t.request.patch(path).set('Authorization', auth).send(body),
  delete: (path: string) => t.request.delete(path).set('Authorization', auth),
});

describe("the office's RIBs and sharing them with a folder's clients", () => {
  it('keeps several RIBs, validates them, and shares a frozen copy', async () => {
    const office = as(t.office.auth);
    assert.equal((await office.get('/v1/office').expect(200)).body.name, 'SELAS AP NOTAIRES');
    const main = (
      await office
        .post('/v1/office/bank-details', {
          label: 'Compte office',
          holder: 'SELAS AP NOTAIRES',
          iban: 'fr76 3000 6000 0112 3456 7890 189',
          bic: 'agrifrpp',
        })
        .expect(201)
    ).body;
    assert.equal(main.iban, 'FR7630006000011234567890189');
    assert.equal(main.ibanDisplay, 'FR76 3000 6000 0112 3456 7890 189');
    assert.equal(main.bic, 'AGRIFRPP');
    await office
      .post('/v1/office/bank-details', { label: 'Gestion locative', holder: 'SELAS AP NOTAIRES', iban: 'DE89370400440532013000' })
      .expect(201);
    assert.equal((await office.get('/v1/office/bank-details').expect(200)).body.data.length, 2);

    const folder = (await office.post('/v1/folders', { number: 'R-1', title: 'Vente Martin', deedType: 'vente' }).expect(201)).body;
    const shared = (await office.post(`/v1/folders/${folder.id}/shared-documents`, { bankDetailsId: main.id }).expect(201)).body;
    assert.equal(shared.bankDetails.iban, 'FR7630006000011234567890189');

    // Editing the RIB afterwards never changes what the client already received.
    await office.patch(`/v1/office/bank-details/${main.id}`, { iban: 'FR1420041010050500013M02606' }).expect(200);
    await office.delete(`/v1/office/bank-details/${main.id}`).expect(204);
    await office.get(`/v1/office/bank-details/${main.id}`).expect(404);
    const seen = (await office.get(`/v1/folders/${folder.id}/shared-documents`).expect(200)).body.data;
    assert.equal(seen.length, 1);
    assert.equal(seen[0].bankDetails.iban, 'FR7630006000011234567890189');

    // Another office sees none of it.
    const other = as(t.otherOffice.auth);
    await other.get(`/v1/office/bank-details/${main.id}`).expect(404);
    await other.get(`/v1/folders/${folder.id}/shared-documents`).expect(404);
    assert.equal((await other.get('/v1/office/bank-details').expect(200)).body.data.length, 0);
    const bad = await other.post(`/v1/folders/${folder.id}/shared-documents`, { bankDetailsId: main.id }).expect(404);
    assert.equal(bad.body.code, 'folder_not_found');
  });
});

describe('clients of the office', () => {
  it('are searched by name whatever the accents, reused across folders, and edited', async () => {
    const office = as(t.office.auth);
    const helene = (
      await office
        .post('/v1/clients', {
          lastName: 'MICHOU',
          firstName: 'Hélène',
          mobile: '+32 470 12 34 56',
          email: 'helene@example.be',
          language: 'en',
        })
        .expect(201)
    ).body;
    assert.equal(helene.mobile, '+32470123456');
    const found = (await office.get('/v1/clients?q=helene michou'.replace(' ', '%20')).expect(200)).body.data;
    assert.deepEqual(found, []);
    const byName = (await office.get('/v1/clients?q=michou').expect(200)).body.data;
    assert.deepEqual(
      byName.map((c: { id: string }) => c.id),
      [helene.id],
    );
    assert.deepEqual(
      (await office.get('/v1/clients?q=HELENE').expect(200)).body.data.map((c: { id: string }) => c.id),
      [helene.id],
    );

    const f1 = (await office.post('/v1/folders', { number: 'C-1', title: 'Donation', deedType: 'donation' }).expect(201)).body;
    const f2 = (await office.post('/v1/folders', { number: 'C-2', title: 'Vente', deedType: 'vente' }).expect(201)).body;
    await office.post(`/v1/folders/${f1.id}/clients`, { clientId: helene.id }).expect(200);
    await office.post(`/v1/folders/${f2.id}/clients`, { clientId: helene.id }).expect(200);
    const again = await office.post(`/v1/folders/${f2.id}/clients`, { clientId: helene.id }).expect(409);
    assert.equal(again.body.code, 'client_already_in_folder');
    // Folder search finds client names, and follows a renamed client.
    assert.equal((await office.get('/v1/folders?q=michou').expect(200)).body.data.length, 2);
    await office.patch(`/v1/clients/${helene.id}`, { lastName: 'Dupré' }).expect(200);
    assert.equal((await office.get('/v1/folders?q=dupre').expect(200)).body.data.length, 2);
    assert.equal((await office.get('/v1/folders?q=michou').expect(200)).body.data.length, 0);

    await office.delete(`/v1/folders/${f2.id}/clients/${helene.id}`).expect(204);
    assert.deepEqual((await office.get(`/v1/folders/${f2.id}`).expect(200)).body.clients, []);
    await as(t.otherOffice.auth).get(`/v1/clients/${helene.id}`).expect(404);
    await as(t.otherOffice.auth).post(`/v1/folders/${f1.id}/clients`, { clientId: helene.id }).expect(404);
  });
});
