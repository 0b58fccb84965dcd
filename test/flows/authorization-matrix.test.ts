import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { clientActor, recordUploadedFile } from '../support/files.js';
import { createMemberSession, createTestApp, type TestApp } from '../support/test-app.js';

// Every endpoint of the notary workflow, against every caller who must not reach office A's folder:
// no credentials, a notary of another office, a collaborator of office A not listed on the folder, and a
// pending member of office A. Each cell is asserted: status, problem code, and that nothing changed.

let t: TestApp;
const ids: Record<string, string> = {};
const callers: Record<string, string | undefined> = {};

before(async () => {
  t = await createTestApp();
  const api = (method: 'get' | 'post' | 'put', path: string, body?: object) =>
    t.request[method](path).set('Authorization', t.office.auth).send(body);
  const owner = await createMemberSession(t.db, t.office.id, { role: 'collaborator', firstName: 'Julien' });
  const folder = await api('post', '/v1/folders', { number: 'M-1', title: 'Succession confidentielle', deedType: 'succession' }).expect(
    201,
  );
  ids.folder = folder.body.id;
  await api('put', `/v1/folders/${ids.folder}/members`, { access: 'members', memberIds: [owner.memberId] }).expect(200);
  const withClient = await api('post', `/v1/folders/${ids.folder}/clients`, {
    client: { lastName: 'Michou', firstName: 'Claire', mobile: '0626597292', email: 'claire@example.fr' },
  }).expect(200);
  ids.client = withClient.body.client.id;
  const requests = await api('post', `/v1/folders/${ids.folder}/document-requests`, {
    clientId: ids.client,
    documents: [{ label: 'CNI' }, { label: 'RIB' }],
  }).expect(201);
  ids.request = requests.body.data[0].id;
  ids.request2 = requests.body.data[1].id;
  ids.file = (await recordUploadedFile(t.db, clientActor(t.office.id, ids.client), { kind: 'request', requestId: ids.request })).id;
  ids.bank = (
    await api('post', '/v1/office/bank-details', { label: 'Office', holder: 'SELAS', iban: 'FR7630006000011234567890189' }).expect(201)
  ).body.id;

  callers.anonymous = undefined;
  callers.otherOffice = (await createMemberSession(t.db, t.otherOffice.id, { role: 'notary' })).auth;
  callers.collaboratorNotOnFolder = (await createMemberSession(t.db, t.office.id, { role: 'collaborator' })).auth;
  callers.pendingMember = (await createMemberSession(t.db, t.office.id, { role: 'collaborator', status: 'pending' })).auth;
});
after(() => t.close());

// Paths and bodies are functions: the ids exist only once before() has run.
type Endpoint = [
  method: 'get' | 'post' | 'put' | 'patch' | 'delete',
  path: () => string,
  body?: () => object,
  officeWrite?: 'member' | 'notary',
];
const folderEndpoints: Endpoint[] = [
  ['get', () => `/v1/folders/${ids.folder}`],
  ['patch', () => `/v1/folders/${ids.folder}`, () => ({ title: 'pwned' })],
  ['put', () => `/v1/folders/${ids.folder}/members`, () => ({ access: 'office', memberIds: [] })],
  ['post', () => `/v1/folders/${ids.folder}/archive`],
  ['get', () => `/v1/folders/${ids.folder}/events`],
  ['post', () => `/v1/folders/${ids.folder}/clients`, () => ({ clientId: ids.client })],
  ['delete', () => `/v1/folders/${ids.folder}/clients/${ids.client}`],
  ['get', () => `/v1/folders/${ids.folder}/document-requests`],
  ['post', () => `/v1/folders/${ids.folder}/document-requests`, () => ({ clientId: ids.client, documents: [{ label: 'x' }] })],
  ['delete', () => `/v1/document-requests/${ids.request2}`],
  ['get', () => `/v1/files/${ids.file}`],
  ['get', () => `/v1/files/${ids.file}/preview`],
  ['get', () => `/v1/files/${ids.file}/download`],
  ['post', () => `/v1/files/${ids.file}/validate`],
  ['post', () => `/v1/files/${ids.file}/refuse`, () => ({ reason: 'x' })],
  ['post', () => `/v1/folders/${ids.folder}/shared-documents`, () => ({ bankDetailsId: ids.bank })],
  ['get', () => `/v1/folders/${ids.folder}/shared-documents`],
  ['post', () => `/v1/folders/${ids.folder}/anchor`],
  ['get', () => `/v1/folders/${ids.folder}/proof`],
];
const officeEndpoints: Endpoint[] = [
  ['get', () => `/v1/clients/${ids.client}`],
  ['patch', () => `/v1/clients/${ids.client}`, () => ({ firstName: 'Claire' }), 'member'],
  ['get', () => `/v1/office/bank-details/${ids.bank}`],
  ['patch', () => `/v1/office/bank-details/${ids.bank}`, () => ({ iban: 'DE89370400440532013000' }), 'notary'],
  ['delete', () => `/v1/office/bank-details/${ids.bank}`, undefined, 'notary'],
];

/**
 * What each caller must get: the status and the problem code (a pattern). A collaborator works on the
 * office's clients like anyone of the office, but the office's bank details are a notary's.
 */
const expected: Record<string, (scope: 'folder' | 'office', officeWrite?: 'member' | 'notary') => [number, RegExp]> = {
  anonymous: () => [401, /^unauthenticated$/],
  otherOffice: () => [404, /_not_found$/],
  collaboratorNotOnFolder: (scope, officeWrite) =>
    scope === 'folder' ? [404, /_not_found$/] : officeWrite === 'notary' ? [403, /^operation_not_allowed$/] : [200, /.*/],
  pendingMember: () => [403, /^member_pending$/],
};

async function state() {
  const [rows] = await t.db.sequelize.query(
    `SELECT (SELECT count(*) FROM folders) f, (SELECT max(version) FROM folders) v, (SELECT count(*) FROM folder_clients) fc,
      (SELECT count(*) FROM document_requests WHERE cancelled_at IS NULL) r, (SELECT count(*) FROM document_files WHERE status = 'pending') p,
      (SELECT count(*) FROM shared_documents) s, (SELECT count(*) FROM office_bank_details WHERE deleted_at IS NULL) b,
      (SELECT string_agg(first_name, ',') FROM clients) names, (SELECT count(*) FROM audit_events) a`,
  );
  return rows;
}

describe('authorization matrix of the notary workflow', () => {
  for (const caller of Object.keys(expected)) {
    for (const [scope, endpoints] of [
      ['folder', folderEndpoints],
      ['office', officeEndpoints],
    ] as const) {
      for (const [method, path, body, officeWrite] of endpoints) {
        const template = path.toString().replace(/^\(\)\s*=>\s*`|`$/g, '');
        it(`${caller}: ${method.toUpperCase()} ${template}`, async () => {
          const before = await state();
          const req = t.request[method](path());
          if (callers[caller]) req.set('Authorization', callers[caller] as string);
          const res = await (body ? req.send(body()) : req);
          const [status, code] = expected[caller](scope, officeWrite);
          assert.equal(res.status, status, JSON.stringify(res.body));
          if (status >= 400) assert.match(res.body.code, code);
          if (status >= 400) {
            const text = JSON.stringify(res.body);
            for (const secret of ['Succession confidentielle', 'Michou', 'FR76'])
              assert.ok(!text.includes(secret), `leaks ${secret}: ${text}`);
          }
          if (status >= 400) assert.deepEqual(await state(), before, 'nothing changed');
        });
      }
    }
  }

  it('lists show another office nothing, and a collaborator not on the folder not that folder', async () => {
    for (const path of ['/v1/folders', '/v1/clients', '/v1/office/bank-details', '/v1/folders?q=confidentielle']) {
      const res = await t.request
        .get(path)
        .set('Authorization', callers.otherOffice as string)
        .expect(200);
      assert.deepEqual(res.body.data, [], path);
    }
    const folders = await t.request
      .get('/v1/folders')
      .set('Authorization', callers.collaboratorNotOnFolder as string)
      .expect(200);
    assert.deepEqual(folders.body.data, []);
  });
});
