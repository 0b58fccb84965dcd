import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { clientActor, recordUploadedFile } from '../support/files.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let folderId: string;
let clientId: string;
before(async () => {
  t = await createTestApp();
  folderId = (await post('/v1/folders', { number: 'B-1', title: 'Vente Dupont', deedType: 'vente' }).expect(201)).body.id;
  const folder = await post(`/v1/folders/${folderId}/clients`, {
    client: { lastName: 'Dupont', firstName: 'Hélène', mobile: '0612345678', email: 'helene.dupont@example.fr' },
  }).expect(200);
  clientId = folder.body.client.id;
});
after(() => t.close());

function post(path: string, body: object = {}) {
  return t.request.post(path).set('Authorization', t.office.auth).send(body);
}

/** Everything a bad request could have touched, to prove it touched nothing. */
async function snapshot() {
  const [rows] = await t.db.sequelize.query(
    `SELECT (SELECT count(*) FROM folders) f, (SELECT count(*) FROM clients) c, (SELECT count(*) FROM document_requests) r,
            (SELECT count(*) FROM document_files WHERE status <> 'pending') reviewed, (SELECT count(*) FROM office_bank_details) b,
            (SELECT count(*) FROM audit_events) a, (SELECT count(*) FROM outbox_events) o, (SELECT max(version) FROM folders) v`,
  );
  return rows;
}

async function expectProblem(
  res: Promise<{ status: number; body: { code: string; errors?: Array<{ path: string }> } }>,
  status: number,
  code: string,
  path?: string,
) {
  const before = await snapshot();
  const { status: got, body } = await res;
  assert.equal(got, status, JSON.stringify(body));
  assert.equal(body.code, code);
  if (path)
    assert.ok(
      body.errors?.some((e) => e.path === path),
      JSON.stringify(body.errors),
    );
  assert.deepEqual(await snapshot(), before, 'nothing changed');
}

describe('bad input in the notary workflow gets a precise problem and changes nothing', () => {
  it('unknown deed type, duplicate folder number', async () => {
    await expectProblem(
      post('/v1/folders', { number: 'B-2', title: 'x', deedType: 'viager-lunaire' }),
      422,
      'unknown_deed_type',
      'deedType',
    );
    await expectProblem(post('/v1/folders', { number: 'B-1', title: 'x', deedType: 'vente' }), 409, 'folder_number_taken', 'number');
  });

  it('invalid phone numbers and e-mails', async () => {
    await expectProblem(
      post('/v1/clients', { lastName: 'A', firstName: 'B', mobile: '12', email: 'a@b.fr' }),
      422,
      'invalid_phone',
      'mobile',
    );
    await expectProblem(
      post('/v1/clients', { lastName: 'A', firstName: 'B', mobile: '01 23 45 67 89', email: 'a@b.fr' }),
      422,
      'invalid_phone',
      'mobile',
    );
    await expectProblem(
      post('/v1/clients', { lastName: 'A', firstName: 'B', mobile: '0612345678', email: 'pas-un-mail' }),
      422,
      'invalid_email',
      'email',
    );
    await expectProblem(
      post(`/v1/folders/${folderId}/clients`, { client: { lastName: 'A', firstName: 'B', mobile: '+99 123', email: 'x@y.fr' } }),
      422,
      'invalid_phone',
      'client.mobile',
    );
    await expectProblem(
      post('/v1/clients', { lastName: 'Autre', firstName: 'H', mobile: '0612345679', email: 'HELENE.DUPONT@example.fr' }),
      409,
      'client_email_taken',
      'email',
    );
  });

  it('invalid IBAN (checksum) and BIC', async () => {
    await expectProblem(
      post('/v1/office/bank-details', { label: 'Office', holder: 'SELAS AP NOTAIRES', iban: 'FR76 3000 6000 0112 3456 7890 188' }),
      422,
      'invalid_iban',
      'iban',
    );
    await expectProblem(
      post('/v1/office/bank-details', { label: 'Office', holder: 'SELAS', iban: 'FR7630006000011234567890189', bic: 'XX' }),
      422,
      'invalid_bic',
      'bic',
    );
  });

  it('requests for a client not on the folder, unknown types, impossible dates', async () => {
    const other = (
      await post('/v1/clients', { lastName: 'Hors', firstName: 'Dossier', mobile: '0698765432', email: 'hors@example.fr' }).expect(201)
    ).body;
    await expectProblem(
      post(`/v1/folders/${folderId}/document-requests`, { clientId: other.id, documents: [{ label: 'RIB' }] }),
      422,
      'client_not_in_folder',
      'clientId',
    );
    await expectProblem(
      post(`/v1/folders/${folderId}/document-requests`, { clientId, documents: [{ documentTypeId: 'doct_nope' }] }),
      422,
      'validation_failed',
      'documents[0].documentTypeId',
    );
    await expectProblem(
      post(`/v1/folders/${folderId}/document-requests`, { clientId, documents: [{ label: 'RIB', dueDate: '2026-02-30' }] }),
      422,
      'validation_failed',
      'documents[0].dueDate',
    );
    await expectProblem(post(`/v1/folders/${folderId}/document-requests`, { clientId, documents: [] }), 422, 'validation_failed');
  });

  it('refusing an already validated file, validating a file of a cancelled request', async () => {
    const [a, b] = (
      await post(`/v1/folders/${folderId}/document-requests`, {
        clientId,
        documents: [{ label: 'RIB' }, { label: 'Justificatif' }],
      }).expect(201)
    ).body.data;
    const fileA = await recordUploadedFile(t.db, clientActor(t.office.id, clientId), { kind: 'request', requestId: a.id });
    await post(`/v1/files/${fileA.id}/validate`).expect(200);
    await expectProblem(post(`/v1/files/${fileA.id}/refuse`, { reason: 'Finalement non' }), 409, 'file_already_validated');
    await expectProblem(
      t.request.delete(`/v1/document-requests/${a.id}`).set('Authorization', t.office.auth),
      409,
      'request_has_validated_file',
    );

    const fileB = await recordUploadedFile(t.db, clientActor(t.office.id, clientId), { kind: 'request', requestId: b.id });
    await t.request.delete(`/v1/document-requests/${b.id}`).set('Authorization', t.office.auth).expect(204);
    await expectProblem(post(`/v1/files/${fileB.id}/validate`), 409, 'request_cancelled');
  });

  it('a stale If-Match', async () => {
    const current = await t.request.get(`/v1/folders/${folderId}`).set('Authorization', t.office.auth).expect(200);
    await t.request.patch(`/v1/folders/${folderId}`).set('Authorization', t.office.auth).send({ note: 'première' }).expect(200);
    await expectProblem(
      t.request
        .patch(`/v1/folders/${folderId}`)
        .set('Authorization', t.office.auth)
        .set('If-Match', current.headers.etag)
        .send({ note: 'écrase' }),
      412,
      'folder_modified',
    );
  });

  it('changes to an archived folder', async () => {
    const id = (await post('/v1/folders', { number: 'B-9', title: 'Archivé', deedType: 'vente' }).expect(201)).body.id;
    await post(`/v1/folders/${id}/archive`).expect(200);
    await expectProblem(post(`/v1/folders/${id}/archive`), 409, 'folder_archived');
    await expectProblem(post(`/v1/folders/${id}/clients`, { clientId }), 409, 'folder_not_open');
  });
});
