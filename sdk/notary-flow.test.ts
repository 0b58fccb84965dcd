/** The notary's flow through the SDK alone, against the real API: every endpoint the contract has today. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LeCoffre, NotFoundError } from './index.js';
import { type RunningApi, startApi } from './test-helpers.js';

let api: RunningApi;
let lecoffre: LeCoffre;
before(async () => {
  api = await startApi();
  lecoffre = new LeCoffre({ apiKey: api.testApp.office.apiKey, baseUrl: api.baseUrl });
});
after(() => api.close());

const michou = { lastName: 'Michou', firstName: 'Jeanne', email: 'jeanne.michou@example.fr', mobile: '06 26 59 72 92' };

describe('the notary flow through the SDK', () => {
  it('catalogue: deed types with their suggested documents, and a document type of the office', async () => {
    const deedTypes = await lecoffre.catalogue.deedTypes.list().toArray();
    const succession = deedTypes.find((d) => d.code === 'succession');
    assert.ok(succession, 'the catalogue has the succession deed type');
    assert.ok(succession.suggestedDocumentTypes.length > 0);
    const custom = await lecoffre.catalogue.documentTypes.create({ label: "Attestation de l'employeur" });
    assert.equal(custom.origin, 'office');
    const documentTypes = await lecoffre.catalogue.documentTypes.list().toArray();
    assert.ok(documentTypes.some((d) => d.id === custom.id));
  });

  it('folder, clients, document requests, bank details shared, archive, audit trail', async () => {
    const office = await lecoffre.office.retrieve();
    assert.equal(office.name, 'SELAS AP NOTAIRES');

    const folder = await lecoffre.folders.create({ number: '2024-001', title: 'Succession Mme Michou', deedType: 'succession' });
    assert.match(folder.id, /^fld_/);
    assert.deepEqual(folder.deedType, { code: 'succession', label: 'Succession' });
    assert.deepEqual(await lecoffre.folders.retrieve(folder.id), folder);

    // One client created first, then associated; another created on the spot.
    const jeanne = await lecoffre.clients.create(michou);
    assert.equal(jeanne.mobile, '+33626597292');
    const first = await lecoffre.folders.addClient(folder.id, { clientId: jeanne.id });
    assert.equal(first.client.id, jeanne.id);
    const { client: paul, folder: withBoth } = await lecoffre.folders.addClient(folder.id, {
      client: { lastName: 'Michou', firstName: 'Paul', email: 'paul.michou@example.fr', mobile: '+32 470 12 34 56' },
    });
    assert.deepEqual(withBoth.clients.map((c) => c.firstName).sort(), ['Jeanne', 'Paul']);
    assert.deepEqual((await lecoffre.clients.list({ q: 'michou' }).toArray()).map((c) => c.id).sort(), [jeanne.id, paul.id].sort());
    const renamed = await lecoffre.clients.update(jeanne.id, { firstName: 'Jeanne-Marie' });
    assert.equal(renamed.firstName, 'Jeanne-Marie');

    const idCard = (await lecoffre.catalogue.documentTypes.list().toArray()).find((d) => d.code !== null);
    assert.ok(idCard);
    const requested = await lecoffre.documentRequests.create(folder.id, {
      clientId: jeanne.id,
      documents: [{ documentTypeId: idCard.id }, { label: 'Livret de famille', dueDate: '2030-01-31' }],
    });
    assert.equal(requested.data.length, 2);
    assert.ok(requested.data.every((r) => r.status === 'requested'));
    await lecoffre.documentRequests.cancel(requested.data[1].id);
    const left = await lecoffre.documentRequests.list(folder.id, { clientId: jeanne.id }).toArray();
    assert.deepEqual(
      left.map((r) => r.id),
      [requested.data[0].id],
    );

    const rib = await lecoffre.office.bankDetails.create({
      label: 'Compte office',
      holder: 'SELAS AP NOTAIRES',
      iban: 'FR76 3000 6000 0112 3456 7890 189',
    });
    assert.equal(rib.iban, 'FR7630006000011234567890189');
    const relabelled = await lecoffre.office.bankDetails.update(rib.id, { label: 'Compte séquestre' }, { ifMatch: rib.version });
    assert.equal(relabelled.label, 'Compte séquestre');
    const shared = await lecoffre.folders.shareDocument(folder.id, { bankDetailsId: rib.id });
    assert.equal(shared.kind, 'bank_details');
    assert.deepEqual(
      (await lecoffre.folders.sharedDocuments(folder.id).toArray()).map((d) => d.id),
      [shared.id],
    );

    const current = await lecoffre.folders.retrieve(folder.id);
    const noted = await lecoffre.folders.update(folder.id, { note: 'Héritiers : 2' }, { ifMatch: current.version });
    assert.equal(noted.note, 'Héritiers : 2');
    const archived = await lecoffre.folders.archive(folder.id);
    assert.equal(archived.status, 'archived');
    assert.deepEqual(
      (await lecoffre.folders.list({ status: 'archived' }).toArray()).map((f) => f.id),
      [folder.id],
    );
    assert.deepEqual(await lecoffre.folders.list({ status: 'open' }).toArray(), []);

    const actions = (await lecoffre.folders.events(folder.id).toArray()).map((e) => e.action);
    assert.ok(actions.includes('folder.created'), actions.join(', '));
  });

  it('removes a client from a folder, and deletes bank details', async () => {
    const folder = await lecoffre.folders.create({ number: '2024-002', title: 'Vente Martin', deedType: 'vente' });
    const martin = await lecoffre.clients.create({ ...michou, lastName: 'Martin', email: 'martin@example.fr' });
    await lecoffre.folders.addClient(folder.id, { clientId: martin.id });
    await lecoffre.folders.removeClient(folder.id, martin.id);
    assert.deepEqual((await lecoffre.folders.retrieve(folder.id)).clients, []);

    const rib = await lecoffre.office.bankDetails.create({
      label: 'Gestion locative',
      holder: 'SELAS AP NOTAIRES',
      iban: 'FR7630006000011234567890189',
    });
    await lecoffre.office.bankDetails.delete(rib.id);
    await assert.rejects(lecoffre.office.bankDetails.retrieve(rib.id), NotFoundError);
  });

  it('sends an id with characters that need escaping as one path segment, never as another route', async () => {
    await assert.rejects(lecoffre.folders.retrieve('../deed-types'), { name: 'NotFoundError', code: 'folder_not_found' });
    // An empty id would otherwise address the list (`/v1/folders/`): refused before anything is sent.
    await assert.rejects(lecoffre.folders.retrieve(''), /"id" must be a non-empty string/);
  });
});
