/**
 * `folders.addClient` gives back the client it added, not whichever client the folder lists first: the
 * mistake a vendor makes when a folder already has a client (a couple buying, heirs of a succession).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LeCoffre } from './index.js';
import { type RunningApi, startApi } from './test-helpers.js';

let api: RunningApi;
let lecoffre: LeCoffre;
before(async () => {
  api = await startApi();
  lecoffre = new LeCoffre({ apiKey: api.testApp.office.apiKey, baseUrl: api.baseUrl });
});
after(() => api.close());

const person = (firstName: string, email: string) => ({ lastName: 'Michou', firstName, email, mobile: '06 26 59 72 92' });

describe('folders.addClient', () => {
  it('gives back the client just added when the folder already has others, new or existing', async () => {
    const folder = await lecoffre.folders.create({ number: 'AC-1', title: 'Succession Michou', deedType: 'succession' });
    const jeanne = await lecoffre.folders.addClient(folder.id, { client: person('Jeanne', 'jeanne@example.fr') });
    assert.equal(jeanne.client.firstName, 'Jeanne');

    // A new client, typed with another case and spaces than the API stores.
    const paul = await lecoffre.folders.addClient(folder.id, { client: person('Paul', '  Paul.Michou@Example.fr ') });
    assert.equal(paul.client.firstName, 'Paul');
    assert.notEqual(paul.client.id, jeanne.client.id);
    assert.deepEqual(paul.folder.clients.map((c) => c.firstName).sort(), ['Jeanne', 'Paul']);

    // An existing client of the office, by id.
    const existing = await lecoffre.clients.create(person('Anne', 'anne@example.fr'));
    const anne = await lecoffre.folders.addClient(folder.id, { clientId: existing.id });
    assert.equal(anne.client.id, existing.id);
    assert.equal(anne.client.firstName, 'Anne');
    assert.equal(anne.folder.clients.length, 3);

    // The session minted for "the client added" is that client's.
    const session = await lecoffre.widgetSessions.create({ clientId: paul.client.id, folderId: folder.id });
    const asPaul = new LeCoffre({ token: session.token, baseUrl: api.baseUrl });
    const me = await asPaul.me.retrieve();
    assert.equal(me.kind, 'client');
    assert.equal(me.client?.id, paul.client.id);
  });
});
