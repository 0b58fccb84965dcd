import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { QueryTypes } from 'sequelize';
import { createMemberSession, createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const patch = (auth: string, body: object) => t.request.patch('/v1/office').set('Authorization', auth).send(body);
const zoneOf = async () => (await t.request.get('/v1/office').set('Authorization', t.office.auth).expect(200)).body.timeZone as string;

describe("the office's time zone", () => {
  it('is Paris until a notary sets another; /v1/me says it; the change is in the audit trail', async () => {
    assert.equal(await zoneOf(), 'Europe/Paris');
    const notary = await createMemberSession(t.db, t.office.id, { role: 'notary' });
    const changed = await patch(notary.auth, { timeZone: 'Indian/Reunion' }).expect(200);
    assert.equal(changed.body.timeZone, 'Indian/Reunion');
    assert.equal(await zoneOf(), 'Indian/Reunion');
    const me = await t.request.get('/v1/me').set('Authorization', notary.auth).expect(200);
    assert.equal(me.body.office.timeZone, 'Indian/Reunion');
    const [audit] = await t.db.sequelize.query<{ data: { timeZone: { from: string; to: string } } }>(
      `SELECT data FROM audit_events WHERE office_id = :officeId AND action = 'office.updated' ORDER BY seq DESC LIMIT 1`,
      { replacements: { officeId: t.office.id }, type: QueryTypes.SELECT },
    );
    assert.deepEqual(audit?.data.timeZone, { from: 'Europe/Paris', to: 'Indian/Reunion' });
    await patch(t.office.auth, { timeZone: 'Europe/Paris' }).expect(200);
  });

  it('refuses an unknown zone with a 422 naming the field, and changes nothing', async () => {
    for (const timeZone of ['Mars/Olympus_Mons', '', '+02:00']) {
      const res = await patch(t.office.auth, { timeZone }).expect(422);
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(res.body.code, 'validation_failed');
      assert.equal(res.body.errors[0].path, 'timeZone');
    }
    assert.equal(await zoneOf(), 'Europe/Paris');
  });

  it('is a notary’s decision: a collaborator and another office’s key cannot change it', async () => {
    const collaborator = await createMemberSession(t.db, t.office.id, { role: 'collaborator' });
    const res = await patch(collaborator.auth, { timeZone: 'Pacific/Noumea' }).expect(403);
    assert.equal(res.body.code, 'operation_not_allowed');
    await patch(t.otherOffice.auth, { timeZone: 'Pacific/Noumea' }).expect(200);
    assert.equal(await zoneOf(), 'Europe/Paris', 'another office changes its own zone, never this one');
  });
});
