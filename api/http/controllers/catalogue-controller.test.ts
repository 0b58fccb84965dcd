import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { documentTypes } from '../../db/seed/catalogue.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

describe('catalogue', () => {
  it('lists the deed types of the guide with their suggested documents in order', async () => {
    const res = await t.request.get('/v1/deed-types').set('Authorization', t.office.auth).expect(200);
    const labels = res.body.data.map((d: { label: string }) => d.label);
    for (const label of ["Bail d'habitation", 'Vente', 'Succession', 'Donation']) assert.ok(labels.includes(label), label);
    const bail = res.body.data.find((d: { code: string }) => d.code === 'bail-habitation');
    // The guide's "Demander des documents" screen for a Bail d'habitation, in its order.
    assert.deepEqual(
      bail.suggestedDocumentTypes.slice(0, 3).map((d: { label: string }) => d.label),
      ['Autres documents', "Avis d'imposition N-1", "Avis d'imposition N-2"],
    );
    assert.equal(bail.suggestedDocumentTypes.length, 15);
  });

  it('lists every catalogue document, sorted as French readers expect', async () => {
    const res = await t.request.get('/v1/document-types').set('Authorization', t.office.auth).expect(200);
    assert.equal(res.body.data.length, documentTypes.length);
    const labels: string[] = res.body.data.map((d: { label: string }) => d.label);
    assert.deepEqual(labels, [...labels].sort(new Intl.Collator('fr', { sensitivity: 'base' }).compare));
    assert.ok(labels.includes("Carte Nationale d'Identité recto-verso"));
  });

  it("creates an office's own type, visible to that office only", async () => {
    const created = await t.request
      .post('/v1/document-types')
      .set('Authorization', t.office.auth)
      .send({ label: "  Attestation   de l'employeur ", description: 'De moins de 3 mois' })
      .expect(201);
    assert.equal(created.body.label, "Attestation de l'employeur");
    assert.equal(created.body.origin, 'office');
    const mine = await t.request.get('/v1/document-types').set('Authorization', t.office.auth).expect(200);
    assert.ok(mine.body.data.some((d: { id: string }) => d.id === created.body.id));
    const theirs = await t.request.get('/v1/document-types').set('Authorization', t.otherOffice.auth).expect(200);
    assert.ok(!theirs.body.data.some((d: { id: string }) => d.id === created.body.id));
    // Another office may have its own type with the same label.
    await t.request
      .post('/v1/document-types')
      .set('Authorization', t.otherOffice.auth)
      .send({ label: "Attestation de l'employeur" })
      .expect(201);
  });

  it('refuses a label that exists already, whatever its case and accents', async () => {
    for (const label of [
      'attestation DE L’EMPLOYEUR'.replace('’', "'"),
      'CARTE NATIONALE D’IDENTITE RECTO-VERSO'.replace('’', "'"),
      'livret de famille',
    ]) {
      const res = await t.request.post('/v1/document-types').set('Authorization', t.office.auth).send({ label }).expect(409);
      assert.equal(res.body.code, 'document_type_exists', label);
      assert.equal(res.body.errors[0].path, 'label');
    }
    const blank = await t.request.post('/v1/document-types').set('Authorization', t.office.auth).send({ label: '   ' }).expect(422);
    assert.equal(blank.body.errors[0].path, 'label');
  });
});
