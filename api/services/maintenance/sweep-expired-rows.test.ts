import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMemberSession, createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { sweepExpiredRows } from './sweep-expired-rows.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const count = async (table: string) => {
  const [rows] = await t.db.sequelize.query(`SELECT count(*)::int AS n FROM ${table}`);
  return (rows as Array<{ n: number }>)[0].n;
};

describe('the maintenance sweep', () => {
  it('deletes sessions expired for a week and stale idempotency keys, and keeps live ones', async () => {
    const live = await createMemberSession(t.db, t.office.id);
    await createMemberSession(t.db, t.office.id, {}, new Date(Date.now() - 10 * 24 * 3600 * 1000));
    await t.db.sequelize.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, state, created_at) VALUES ('s', 'old', 'h', 'done', now() - interval '2 days'), ('s', 'new', 'h', 'done', now())`,
    );
    assert.equal(await count('sessions'), 2);
    const swept = await sweepExpiredRows(t.db);
    assert.equal(swept.sessions, 1);
    assert.equal(swept.idempotencyKeys, 1);
    assert.equal(await count('sessions'), 1);
    assert.equal(await count('idempotency_keys'), 1);
    await t.request.get('/v1/folders').set('Authorization', live.auth).expect(200);
  });

  it('deletes expired OAuth records (codes, tokens, grants) and keeps those still usable', async () => {
    await t.db.sequelize.query(
      `INSERT INTO oauth_records (model, id_hash, payload, grant_id, expires_at) VALUES
         ('AuthorizationCode', 'old-code', '{}', 'g1', now() - interval '1 minute'),
         ('RefreshToken', 'old-refresh', '{}', 'g1', now() - interval '1 second'),
         ('RefreshToken', 'live-refresh', '{}', 'g2', now() + interval '90 days'),
         ('Grant', 'live-grant', '{}', 'g2', now() + interval '90 days')`,
    );
    const swept = await sweepExpiredRows(t.db);
    assert.equal(swept.oauthRecords, 2);
    const [kept] = await t.db.sequelize.query('SELECT id_hash FROM oauth_records ORDER BY id_hash');
    assert.deepEqual(
      (kept as Array<{ id_hash: string }>).map((r) => r.id_hash),
      ['live-grant', 'live-refresh'],
    );
  });
});
