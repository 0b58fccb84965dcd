/**
 * The guide's notary flow, driven through the HTTP API, seen by a vendor's receiver: every delivery
 * verifies with the `standardwebhooks` package, each folder's events arrive exactly in the order the
 * flow produced them, and every payload matches the JSON Schema that `GET /v1/event-types` publishes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { clientActor, recordUploadedFile } from '../../../test/support/files.js';
import { eventTypeCatalogue } from './event-catalogue.js';
import { type WebhookFixture, webhookFixture } from './webhook-fixture.test-support.js';

let f: WebhookFixture;
before(async () => {
  f = await webhookFixture();
});
after(() => f.close());

const api = () => ({
  get: (path: string) => f.t.request.get(path).set('Authorization', f.t.office.auth),
  post: (path: string, body: object = {}) => f.t.request.post(path).set('Authorization', f.t.office.auth).send(body),
});

describe("the guide's flow, as a webhook receiver sees it", () => {
  it('delivers exactly the expected events per folder, in order, each verified and matching its schema', async () => {
    await f.addEndpoint();
    const types = (await api().get('/v1/document-types').expect(200)).body.data as Array<{ id: string; label: string }>;
    const typeId = (label: string) => types.find((d) => d.label === label)?.id as string;

    // Folder 1: Claire Michou's succession, as in the guide.
    const folder = (await api().post('/v1/folders', { number: '3', title: 'Succession Mme Michou', deedType: 'succession' }).expect(201))
      .body;
    const claire = (
      await api()
        .post(`/v1/folders/${folder.id}/clients`, {
          client: { lastName: 'Michou', firstName: 'Claire', mobile: '06 26 59 72 92', email: 'julie.martin1183@gmail.com' },
        })
        .expect(200)
    ).body.client;
    // Folder 2, worked on in between: its events must not mix with folder 1's.
    const other = (await api().post('/v1/folders', { number: '4', title: 'Vente Graglia', deedType: 'succession' }).expect(201)).body;
    const [cni, impots] = (
      await api()
        .post(`/v1/folders/${folder.id}/document-requests`, {
          clientId: claire.id,
          documents: [
            { documentTypeId: typeId("Carte Nationale d'Identité recto-verso") },
            { documentTypeId: typeId("Avis d'imposition N-2") },
          ],
        })
        .expect(201)
    ).body.data;
    await f.pump(); // some events go out mid-flow: ordering must hold across turns too
    const asClaire = clientActor(f.t.office.id, claire.id);
    const cniFile = await recordUploadedFile(f.t.db, asClaire, { kind: 'request', requestId: cni.id }, 'cni.jpg');
    const impotsFile = await recordUploadedFile(f.t.db, asClaire, { kind: 'request', requestId: impots.id }, 'avis.pdf');
    await api().post(`/v1/files/${cniFile.id}/refuse`, { reason: 'Le verso est illisible' }).expect(200);
    await api().post(`/v1/folders/${other.id}/archive`).expect(200);
    await api().post(`/v1/files/${impotsFile.id}/validate`).expect(200);
    const again = await recordUploadedFile(f.t.db, asClaire, { kind: 'request', requestId: cni.id }, 'cni-lisible.jpg');
    await api().post(`/v1/files/${again.id}/validate`).expect(200);
    await api().post(`/v1/folders/${folder.id}/archive`).expect(200);
    await f.pump();

    assert.equal(f.receiver.rejected.length, 0, 'every delivery verified');
    const folderOf = (d: (typeof f.receiver.deliveries)[number]) => (d.event.data.folderId ?? d.event.data.id) as string;
    const sequence = (folderId: string) => f.receiver.deliveries.filter((d) => folderOf(d) === folderId).map((d) => d.event.type);
    assert.deepEqual(sequence(folder.id), [
      'folder.created',
      'client.added',
      'document.requested',
      'document.requested',
      'document.uploaded',
      'document.uploaded',
      'document.refused',
      'document.validated',
      'document.uploaded',
      'document.validated',
      'folder.completed',
      'folder.archived',
    ]);
    assert.deepEqual(sequence(other.id), ['folder.created', 'folder.archived']);
    assert.equal(new Set(f.receiver.deliveries.map((d) => d.webhookId)).size, f.receiver.deliveries.length, 'no duplicates');

    const refused = f.receiver.deliveries.find((d) => d.event.type === 'document.refused');
    assert.equal(refused?.event.data.refusalReason, 'Le verso est illisible');

    // The catalogue's schemas describe what was actually sent.
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addFormat('date-time', { validate: (s: string) => !Number.isNaN(Date.parse(s)) });
    const validators = new Map(eventTypeCatalogue().map((e) => [e.name, ajv.compile(e.schema)]));
    for (const delivery of f.receiver.deliveries) {
      const validate = validators.get(delivery.event.type);
      assert.ok(validate, `${delivery.event.type} is in the catalogue`);
      assert.ok(validate(delivery.event), `${delivery.event.type}: ${ajv.errorsText(validate.errors)}`);
    }
  });
});
