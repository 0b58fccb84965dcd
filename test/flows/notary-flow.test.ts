import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyAuditChain } from '../../api/services/audit/verify-audit-chain.js';
import { clientActor, recordUploadedFile } from '../support/files.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const api = () => ({
  get: (path: string) => t.request.get(path).set('Authorization', t.office.auth),
  post: (path: string, body: object = {}) => t.request.post(path).set('Authorization', t.office.auth).send(body),
});

describe("the guide's notary flow, through HTTP", () => {
  it('creates a folder, adds Claire Michou, requests documents, reviews them to 100% and archives', async () => {
    const folder = (await api().post('/v1/folders', { number: '3', title: 'Succession Mme Michou', deedType: 'succession' }).expect(201))
      .body;
    assert.deepEqual(folder.completion, { validated: 0, total: 0, percent: 0 });

    const withClient = await api()
      .post(`/v1/folders/${folder.id}/clients`, {
        client: { lastName: 'Michou', firstName: 'Claire', mobile: '06 26 59 72 92', email: 'julie.martin1183@gmail.com' },
      })
      .expect(200);
    const claire = withClient.body.client;
    assert.equal(claire.mobile, '+33626597292', 'stored in E.164');
    assert.equal(claire.lastName, 'Michou');

    const types = (await api().get('/v1/document-types').expect(200)).body.data as Array<{ id: string; label: string }>;
    const typeId = (label: string) => types.find((d) => d.label === label)?.id as string;
    const requested = await api()
      .post(`/v1/folders/${folder.id}/document-requests`, {
        clientId: claire.id,
        documents: [
          { documentTypeId: typeId("Carte Nationale d'Identité recto-verso") },
          { documentTypeId: typeId("Avis d'imposition N-2") },
          { documentTypeId: typeId('Autres documents'), note: 'Le testament, si vous en avez une copie' },
        ],
      })
      .expect(201);
    const [cni, impots, autres] = requested.body.data;
    assert.equal(cni.label, "Carte Nationale d'Identité recto-verso");
    assert.equal(cni.status, 'requested');

    let now = (await api().get(`/v1/folders/${folder.id}`).expect(200)).body;
    assert.deepEqual(now.completion, { validated: 0, total: 3, percent: 0 });
    assert.equal(now.actionRequired, false);

    // Claire sends her three documents (the upload endpoint stores bytes, then records them like this).
    const asClaire = clientActor(t.office.id, claire.id);
    const cniFile = await recordUploadedFile(t.db, asClaire, { kind: 'request', requestId: cni.id }, 'cni.jpg');
    const impotsFile = await recordUploadedFile(t.db, asClaire, { kind: 'request', requestId: impots.id }, 'avis.pdf');
    const autresFile = await recordUploadedFile(t.db, asClaire, { kind: 'request', requestId: autres.id }, 'testament.pdf');

    now = (await api().get(`/v1/folders/${folder.id}`).expect(200)).body;
    assert.equal(now.actionRequired, true, 'the clock symbol: files wait for review');
    const waiting = (await api().get('/v1/folders?needsAction=true').expect(200)).body.data;
    assert.deepEqual(
      waiting.map((f: { id: string }) => f.id),
      [folder.id],
    );

    // The CNI is blurred: refused with a reason; the request goes back to "requested".
    const refused = await api().post(`/v1/files/${cniFile.id}/refuse`, { reason: 'Le verso est illisible' }).expect(200);
    assert.equal(refused.body.status, 'refused');
    assert.equal(refused.body.refusalReason, 'Le verso est illisible');
    await api().post(`/v1/files/${impotsFile.id}/validate`).expect(200);
    await api().post(`/v1/files/${autresFile.id}/validate`).expect(200);

    let requests = (await api().get(`/v1/folders/${folder.id}/document-requests`).expect(200)).body.data;
    assert.deepEqual(
      requests.map((r: { status: string }) => r.status),
      ['requested', 'validated', 'validated'],
    );
    now = (await api().get(`/v1/folders/${folder.id}`).expect(200)).body;
    assert.deepEqual(now.completion, { validated: 2, total: 3, percent: 66 });
    assert.equal(now.clients[0].completion.percent, 66);
    assert.equal(now.actionRequired, false);

    // She sends a readable CNI; the notary validates it: 100%.
    const again = await recordUploadedFile(t.db, asClaire, { kind: 'request', requestId: cni.id }, 'cni-lisible.jpg');
    await api().post(`/v1/files/${again.id}/validate`).expect(200);
    requests = (await api().get(`/v1/folders/${folder.id}/document-requests`).expect(200)).body.data;
    assert.equal(requests[0].files.length, 2, 'the refused file stays on record');
    now = (await api().get(`/v1/folders/${folder.id}`).expect(200)).body;
    assert.deepEqual(now.completion, { validated: 3, total: 3, percent: 100 });
    assert.ok(now.completedAt);

    const archived = await api().post(`/v1/folders/${folder.id}/archive`).expect(200);
    assert.equal(archived.body.status, 'archived');
    const tabs = (await api().get('/v1/folders?status=archived').expect(200)).body.data;
    assert.deepEqual(
      tabs.map((f: { id: string }) => f.id),
      [folder.id],
    );

    // Every step is in the audit trail, in order, and the chain verifies.
    const events = (await api().get(`/v1/folders/${folder.id}/events`).expect(200)).body.data as Array<{ action: string }>;
    const actions = events.map((e) => e.action);
    for (const action of [
      'folder.created',
      'folder.client_added',
      'document.requested',
      'document.uploaded',
      'document.refused',
      'document.validated',
      'folder.completed',
      'folder.archived',
    ]) {
      assert.ok(actions.includes(action), `${action} in ${actions.join()}`);
    }
    assert.ok(actions.indexOf('document.refused') < actions.indexOf('folder.completed'));
    const verdict = await verifyAuditChain(t.db, t.office.id);
    assert.equal(verdict.ok, true);
    assert.ok(verdict.events >= events.length);

    // The outbox holds the webhook events of the flow, in order.
    const [outbox] = (await t.db.sequelize.query('SELECT type FROM outbox_events WHERE folder_id = :f ORDER BY seq', {
      replacements: { f: folder.id },
    })) as [Array<{ type: string }>, unknown];
    assert.deepEqual(
      outbox.map((o) => o.type).filter((type) => type !== 'folder.updated'),
      [
        'folder.created',
        'client.added',
        'document.requested',
        'document.requested',
        'document.requested',
        'document.uploaded',
        'document.uploaded',
        'document.uploaded',
        'document.refused',
        'document.validated',
        'document.validated',
        'document.uploaded',
        'document.validated',
        'folder.completed',
        'folder.archived',
      ],
    );
  });
});
