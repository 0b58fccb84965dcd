import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { recordAuditEvent } from '../../../api/services/audit/record-audit-event.js';
import { verifyAuditChain, verifyFolderAuditChain } from '../../../api/services/audit/verify-audit-chain.js';
import { samplePdf } from '../../../api/services/documents/sample-files.test-support.js';
import { officeActor } from '../../support/files.js';
import { binary, openFolderWithClient } from '../../support/folder-flow.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

// One name for what a client sends and the office reviews: a document, in routes, SDK methods, events and
// audit actions. The `/v1/files/…` routes keep working as announced aliases until the next major version.

const spec = JSON.parse(readFileSync(new URL('../../../openapi/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { operationId: string; deprecated?: boolean }>>;
};

let t: TestApp;
let pdf: Buffer;
before(async () => {
  t = await createTestApp();
  pdf = await samplePdf();
});
after(() => t.close());

async function requestFor(folderId: string, clientId: string, count: number): Promise<string[]> {
  const created = await t.request
    .post(`/v1/folders/${folderId}/document-requests`)
    .set('Authorization', t.office.auth)
    .send({ clientId, documents: Array.from({ length: count }, (_, i) => ({ label: `Pièce ${i + 1}` })) })
    .expect(201);
  return created.body.data.map((r: { id: string }) => r.id);
}

describe('documents under one name', () => {
  it('uploads, reads, refuses and validates under /v1/documents, with no deprecation notice', async () => {
    const { folderId, clientId } = await openFolderWithClient(t, 'DOC-1');
    const [first, second] = await requestFor(folderId, clientId, 2);
    const sent = await t.request
      .post(`/v1/document-requests/${first}/documents`)
      .set('Authorization', t.office.auth)
      .attach('file', pdf, { filename: 'cni.pdf' })
      .expect(201);
    assert.equal(sent.headers.deprecation, undefined);
    const id = sent.body.data[0].id as string;
    const read = await t.request.get(`/v1/documents/${id}`).set('Authorization', t.office.auth).expect(200);
    assert.equal(read.body.status, 'pending');
    assert.equal(read.headers.deprecation, undefined);
    const refused = await t.request
      .post(`/v1/documents/${id}/refuse`)
      .set('Authorization', t.office.auth)
      .send({ reason: 'Illisible' })
      .expect(200);
    assert.deepEqual([refused.body.status, refused.body.refusalReason], ['refused', 'Illisible']);

    const again = await t.request
      .post(`/v1/document-requests/${second}/documents`)
      .set('Authorization', t.office.auth)
      .attach('file', pdf, { filename: 'rib.pdf' })
      .expect(201);
    const validated = await t.request
      .post(`/v1/documents/${again.body.data[0].id}/validate`)
      .set('Authorization', t.office.auth)
      .expect(200);
    assert.equal(validated.body.status, 'validated');
    const bytes = await t.request
      .get(`/v1/documents/${validated.body.id}/download`)
      .set('Authorization', t.office.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    assert.deepEqual(bytes.body, pdf);

    const extra = await t.request
      .post(`/v1/folders/${folderId}/extra-documents`)
      .set('Authorization', t.office.auth)
      .field('clientId', clientId)
      .attach('file', pdf, { filename: 'extra.pdf' })
      .expect(201);
    const extras = await t.request.get(`/v1/folders/${folderId}/extra-documents`).set('Authorization', t.office.auth).expect(200);
    assert.deepEqual(
      extras.body.data.map((f: { id: string }) => f.id),
      [extra.body.data[0].id],
    );

    const events = await t.request.get(`/v1/folders/${folderId}/events`).set('Authorization', t.office.auth).expect(200);
    const actions = (events.body.data as Array<{ action: string }>).map((e) => e.action);
    assert.ok(actions.includes('document.refused') && actions.includes('document.validated'), actions.join(', '));
    assert.deepEqual(
      actions.filter((a) => a.startsWith('file.')),
      [],
    );
  });

  it('answers the deprecated /v1/files routes the same, naming their successor and the deprecation', async () => {
    const { folderId, clientId } = await openFolderWithClient(t, 'DOC-2');
    const [first, second] = await requestFor(folderId, clientId, 2);
    const sent = await t.request
      .post(`/v1/document-requests/${first}/files`)
      .set('Authorization', t.office.auth)
      .attach('file', pdf, { filename: 'cni.pdf' })
      .expect(201);
    assert.match(sent.headers.deprecation, /^@\d+$/);
    assert.equal(sent.headers.link, `</v1/document-requests/${first}/documents>; rel="successor-version"`);
    const id = sent.body.data[0].id as string;

    const byOldName = await t.request.get(`/v1/files/${id}`).set('Authorization', t.office.auth).expect(200);
    const byNewName = await t.request.get(`/v1/documents/${id}`).set('Authorization', t.office.auth).expect(200);
    assert.deepEqual(byOldName.body, byNewName.body);
    assert.equal(byOldName.headers.link, `</v1/documents/${id}>; rel="successor-version"`);

    const refused = await t.request.post(`/v1/files/${id}/refuse`).set('Authorization', t.office.auth).send({ reason: 'Flou' }).expect(200);
    assert.deepEqual([refused.body.status, refused.body.refusalReason], ['refused', 'Flou']);
    assert.equal(refused.headers.link, `</v1/documents/${id}/refuse>; rel="successor-version"`);
    // Same rules whatever the name: a reviewed document cannot be reviewed again.
    const twice = await t.request.post(`/v1/documents/${id}/validate`).set('Authorization', t.office.auth).expect(409);
    assert.equal(twice.body.code, 'file_already_refused');

    const other = await t.request
      .post(`/v1/document-requests/${second}/documents`)
      .set('Authorization', t.office.auth)
      .attach('file', pdf, { filename: 'rib.pdf' })
      .expect(201);
    const otherId = other.body.data[0].id as string;
    const early = await t.request.get(`/v1/files/${otherId}/download`).set('Authorization', t.office.auth).expect(403);
    assert.equal(early.body.code, 'file_not_validated');
    await t.request.post(`/v1/files/${otherId}/validate`).set('Authorization', t.office.auth).expect(200);
    const bytes = await t.request
      .get(`/v1/files/${otherId}/download`)
      .set('Authorization', t.office.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    assert.deepEqual(bytes.body, pdf);
    assert.equal(bytes.headers.link, `</v1/documents/${otherId}/download>; rel="successor-version"`);

    const extras = await t.request.get(`/v1/folders/${folderId}/extra-files`).set('Authorization', t.office.auth).expect(200);
    assert.deepEqual(extras.body.data, []);
    assert.match(extras.headers.deprecation, /^@\d+$/);
  });

  it('marks every /v1/files route and only those deprecated in the spec, each with a /v1/documents twin', () => {
    const deprecated: string[] = [];
    const operationIds = new Set<string>();
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        operationIds.add(operation.operationId);
        if (operation.deprecated) deprecated.push(`${method.toUpperCase()} ${path} ${operation.operationId}`);
      }
    }
    assert.deepEqual(deprecated.sort(), [
      'GET /v1/files/{id} files.retrieve',
      'GET /v1/files/{id}/download files.download',
      'GET /v1/files/{id}/preview files.preview',
      'GET /v1/folders/{id}/extra-files folders.extraFiles',
      'POST /v1/document-requests/{id}/files files.upload',
      'POST /v1/files/{id}/refuse files.refuse',
      'POST /v1/files/{id}/validate files.validate',
      'POST /v1/folders/{id}/extra-files files.uploadExtra',
    ]);
    for (const name of ['retrieve', 'validate', 'refuse', 'upload', 'uploadExtra', 'preview', 'download']) {
      assert.ok(operationIds.has(`documents.${name}`), `documents.${name}`);
    }
    assert.ok(operationIds.has('folders.extraDocuments'));
  });
});

describe('audit actions renamed since they were recorded', () => {
  it('are listed by their current name, with the recorded one, and the chains still verify', async () => {
    const { folderId } = await openFolderWithClient(t, 'DOC-3');
    // A row as the integrity scrub wrote it before the rename; stored rows are never rewritten.
    await t.db.sequelize.transaction((transaction) =>
      recordAuditEvent({ db: t.db, actor: officeActor(t.office.id) }, transaction, {
        action: 'file.integrity_failed',
        subjectType: 'document_file',
        subjectId: 'fil_old',
        folderId,
        data: { reason: 'segment_tampered' },
      }),
    );
    const events = await t.request.get(`/v1/folders/${folderId}/events`).set('Authorization', t.office.auth).expect(200);
    const old = (events.body.data as Array<{ action: string; recordedAction?: string }>).find((e) => e.recordedAction !== undefined);
    assert.deepEqual(old && [old.action, old.recordedAction], ['document.integrity_failed', 'file.integrity_failed']);
    assert.equal((await verifyFolderAuditChain(t.db, folderId)).ok, true);
    assert.equal((await verifyAuditChain(t.db, t.office.id)).ok, true);
  });
});
