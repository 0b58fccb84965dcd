import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createFolderWithClient,
  createIdentityTestApp,
  createMemberSession,
  type IdentityTestApp,
} from '../../../test/support/test-app.js';

let t: IdentityTestApp;
let notaryId: string;
before(async () => {
  t = await createIdentityTestApp();
  notaryId = (await createMemberSession(t.db, t.office.id)).memberId;
});
after(() => t.close());

const mint = (body: object, authorization = t.office.auth) =>
  t.request.post('/v1/widget-sessions').set('Authorization', authorization).send(body);

describe('POST /v1/widget-sessions', () => {
  it('mints a 15-minute token by default, 60 at most, shown once and stored hashed', async () => {
    const res = await mint({ memberId: notaryId }).expect(201);
    assert.match(res.body.token, /^lcw_[\w-]{43}$/);
    assert.equal(new Date(res.body.expiresAt).getTime() - t.clock.now().getTime(), 15 * 60_000);
    assert.deepEqual(
      { memberId: res.body.memberId, clientId: res.body.clientId, folderId: res.body.folderId },
      { memberId: notaryId, clientId: null, folderId: null },
    );
    const row = await t.db.models.WidgetSession.findByPk(res.body.id);
    assert.ok(row && row.tokenHash !== res.body.token && !row.tokenHash.startsWith('lcw_'));

    const hour = await mint({ memberId: notaryId, expiresInMinutes: 60 }).expect(201);
    assert.equal(new Date(hour.body.expiresAt).getTime() - t.clock.now().getTime(), 60 * 60_000);
    for (const minutes of [0, 61, 1.5]) {
      const refused = await mint({ memberId: notaryId, expiresInMinutes: minutes }).expect(422);
      assert.equal(refused.body.errors[0].path, 'expiresInMinutes');
    }

    const me = await t.request.get('/v1/me').set('Authorization', `Bearer ${res.body.token}`).expect(200);
    assert.equal(me.body.kind, 'widget');
    assert.equal(me.body.member.id, notaryId);
    assert.equal(me.body.session.kind, 'widget_session');
    assert.ok(!me.body.permissions.includes('api_keys:manage'), 'a widget never manages keys');
    t.clock.advance(15 * 60);
    await t.request.get('/v1/me').set('Authorization', `Bearer ${res.body.token}`).expect(401);
  });

  it('acts for one client, optionally bound to a folder of theirs', async () => {
    const { clientId, folderId } = await createFolderWithClient(t.db, t.office.id);
    const other = await createFolderWithClient(t.db, t.office.id);
    const res = await mint({ clientId, folderId }).expect(201);
    const me = await t.request.get('/v1/me').set('Authorization', `Bearer ${res.body.token}`).expect(200);
    assert.equal(me.body.kind, 'client');
    assert.equal(me.body.client.id, clientId);
    assert.equal(me.body.folderId, folderId);
    const notTheirs = await mint({ clientId, folderId: other.folderId }).expect(422);
    assert.equal(notTheirs.body.code, 'folder_not_accessible');
  });

  it('checks who and what it is for: one of member or client, of this office, active', async () => {
    const foreign = await createFolderWithClient(t.db, t.otherOffice.id);
    const pending = await createMemberSession(t.db, t.office.id, { role: 'collaborator', status: 'pending' });
    assert.equal((await mint({}).expect(422)).body.code, 'validation_failed');
    assert.equal((await mint({ memberId: notaryId, clientId: foreign.clientId }).expect(422)).body.code, 'validation_failed');
    assert.equal((await mint({ clientId: foreign.clientId }).expect(404)).body.code, 'client_not_found');
    assert.equal((await mint({ memberId: notaryId, folderId: foreign.folderId }).expect(404)).body.code, 'folder_not_found');
    assert.equal((await mint({ memberId: 'mbr_nobody' }).expect(404)).body.code, 'member_not_found');
    assert.equal((await mint({ memberId: pending.memberId }).expect(409)).body.code, 'member_pending');
  });

  it('refuses a collaborator a folder they are not listed on', async () => {
    const collaborator = await createMemberSession(t.db, t.office.id, { role: 'collaborator' });
    const { folderId } = await createFolderWithClient(t.db, t.office.id);
    await t.db.models.Folder.update({ access: 'members' }, { where: { id: folderId } });
    assert.equal((await mint({ memberId: collaborator.memberId, folderId }).expect(422)).body.code, 'folder_not_accessible');
    await t.db.models.FolderMember.create({ folderId, memberId: collaborator.memberId, officeId: t.office.id });
    await mint({ memberId: collaborator.memberId, folderId }).expect(201);
  });
});
