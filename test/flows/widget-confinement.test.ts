import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createFolderWithClient,
  createIdentityTestApp,
  createMemberSession,
  type IdentityTestApp,
  mintWidgetToken,
} from '../support/test-app.js';

// A widget token sits in a vendor's page: whoever reads the page holds it. These are the attacks that
// worked with a token minted for one folder, each now refused, and what such a token still needs to do.

let t: IdentityTestApp;
let f1: Awaited<ReturnType<typeof createFolderWithClient>>;
let f2: Awaited<ReturnType<typeof createFolderWithClient>>;
let notaryId: string;
let widget: string;

const as = (auth: string) => ({
  get: (path: string) => t.request.get(path).set('Authorization', auth),
  post: (path: string, body: object = {}) => t.request.post(path).set('Authorization', auth).send(body),
  patch: (path: string, body: object) => t.request.patch(path).set('Authorization', auth).send(body),
});

before(async () => {
  t = await createIdentityTestApp();
  f1 = await createFolderWithClient(t.db, t.office.id);
  f2 = await createFolderWithClient(t.db, t.office.id, { lastName: 'Victime' });
  notaryId = (await createMemberSession(t.db, t.office.id, { role: 'notary' })).memberId;
  widget = `Bearer ${await mintWidgetToken(t.request, t.office.auth, { memberId: notaryId, folderId: f1.folderId })}`;
});
after(() => t.close());

describe('a widget session minted for one folder', () => {
  it('cannot redirect the SMS codes of a client of another folder', async () => {
    const res = await as(widget).patch(`/v1/clients/${f2.clientId}`, { mobile: '0611111111' }).expect(404);
    assert.equal(res.body.code, 'client_not_found');
    const client = await t.db.models.Client.findByPk(f2.clientId, { rejectOnEmpty: true });
    assert.equal(client.mobile, f2.mobile);
  });

  it('cannot change the e-mail or mobile of its own folder’s client either, but may correct a name', async () => {
    for (const change of [{ mobile: '0611111111' }, { email: 'pirate@evil.test' }]) {
      const res = await as(widget).patch(`/v1/clients/${f1.clientId}`, change).expect(403);
      assert.equal(res.body.code, 'client_contact_locked');
      assert.match(res.body.detail, /^L’e-mail et le mobile/);
    }
    await as(widget).patch(`/v1/clients/${f1.clientId}`, { firstName: 'Estelle-Marie' }).expect(200);
    const client = await t.db.models.Client.findByPk(f1.clientId, { rejectOnEmpty: true });
    assert.deepEqual([client.email, client.mobile, client.firstName], [f1.email, f1.mobile, 'Estelle-Marie']);
  });

  it('cannot add a RIB to the office, yet can send one of the existing RIBs to its folder', async () => {
    const forged = await as(widget).post('/v1/office/bank-details', { label: 'x', holder: 'Escroc', iban: 'DE89370400440532013000' });
    assert.equal(forged.status, 403);
    assert.equal(forged.body.code, 'operation_not_allowed');
    const rib = (
      await as(t.office.auth)
        .post('/v1/office/bank-details', { label: 'Étude', holder: 'SELAS', iban: 'FR7630006000011234567890189' })
        .expect(201)
    ).body;
    const listed = (await as(widget).get('/v1/office/bank-details').expect(200)).body.data as Array<{ id: string }>;
    assert.deepEqual(
      listed.map((r) => r.id),
      [rib.id],
    );
    await as(widget).post(`/v1/folders/${f1.folderId}/shared-documents`, { bankDetailsId: rib.id }).expect(201);
    await as(widget).post(`/v1/folders/${f2.folderId}/shared-documents`, { bankDetailsId: rib.id }).expect(404);
  });

  it('lists the clients of its folder only, not the office directory', async () => {
    const clients = (await as(widget).get('/v1/clients?limit=100').expect(200)).body.data as Array<{ id: string }>;
    assert.deepEqual(
      clients.map((c) => c.id),
      [f1.clientId],
    );
    await as(widget).get(`/v1/clients/${f2.clientId}`).expect(404);
  });

  it('adds new clients to its folder but cannot pull an existing client of the office into it', async () => {
    const linked = await as(widget).post(`/v1/folders/${f1.folderId}/clients`, { clientId: f2.clientId }).expect(403);
    assert.equal(linked.body.code, 'existing_client_link_not_allowed');
    await as(widget)
      .post(`/v1/folders/${f1.folderId}/clients`, {
        client: { lastName: 'Nouveau', firstName: 'Jean', email: 'jean.nouveau@client.test', mobile: '0699887766' },
      })
      .expect(200);
  });

  it('approves no member, creates no folder, client or document type, and manages no webhook', async () => {
    const pending = await createMemberSession(t.db, t.office.id, { role: 'collaborator', status: 'pending' });
    const refused = [
      await as(widget).post(`/v1/members/${pending.memberId}/approve`),
      await as(widget).post('/v1/folders', { number: 'W-1', title: 'x', deedType: 'vente' }),
      await as(widget).post('/v1/clients', { lastName: 'a', firstName: 'b', email: 'c@d.test', mobile: '0611223344' }),
      await as(widget).post('/v1/document-types', { label: 'Pièce pirate' }),
      await as(widget).get('/v1/webhook-endpoints'),
    ];
    assert.deepEqual(
      refused.map((r) => [r.status, r.body.code]),
      refused.map(() => [403, 'operation_not_allowed']),
    );
  });

  it('says what it was minted for in /v1/me, and lists only what it may do', async () => {
    const me = (await as(widget).get('/v1/me').expect(200)).body;
    assert.deepEqual(me.components, ['folder']);
    assert.equal(me.folderId, f1.folderId);
    assert.ok(me.permissions.includes('files:review'));
    assert.ok(!me.permissions.includes('bank_details:write') && !me.permissions.includes('folders:create'));
  });
});

describe('minting widget sessions', () => {
  const mint = (body: object) => as(t.office.auth).post('/v1/widget-sessions', body);

  it('defaults to the component the person uses: folder, folder-list or upload', async () => {
    assert.deepEqual((await mint({ memberId: notaryId, folderId: f1.folderId }).expect(201)).body.components, ['folder']);
    assert.deepEqual((await mint({ memberId: notaryId }).expect(201)).body.components, ['folder-list']);
    assert.deepEqual((await mint({ clientId: f1.clientId, folderId: f1.folderId }).expect(201)).body.components, ['upload']);
  });

  it('refuses a folder session reaching every folder unless it says so, and components of the other side', async () => {
    for (const body of [
      { memberId: notaryId, components: ['folder'] },
      { memberId: notaryId, folderId: f1.folderId, components: ['upload'] },
      { clientId: f1.clientId, components: ['folder'] },
      { memberId: notaryId, components: [] },
    ]) {
      const res = await mint(body).expect(422);
      assert.equal(res.body.errors[0].path, 'components', JSON.stringify(body));
    }
    assert.deepEqual((await mint({ memberId: notaryId, components: ['folder-list', 'folder'] }).expect(201)).body.components, [
      'folder-list',
      'folder',
    ]);
  });

  it('a client widget cannot set the client’s password nor write the catalogue; a client session cannot either write it', async () => {
    const clientWidget = `Bearer ${await mintWidgetToken(t.request, t.office.auth, { clientId: f1.clientId, folderId: f1.folderId })}`;
    const password = await as(clientWidget).post('/v1/client-auth/password', { password: 'Gr4nd-Pr3-Fleuri-du-Sud' }).expect(403);
    assert.equal(password.body.code, 'operation_not_allowed');
    assert.equal(await t.db.models.ClientCredential.count({ where: { clientId: f1.clientId } }), 0);
    await as(clientWidget).post('/v1/document-types', { label: 'Pièce cliente' }).expect(403);
  });
});
