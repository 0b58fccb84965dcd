import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createFolder } from '../../api/services/folders/create-folder.js';
import { beginIdempotent } from '../../api/services/idempotency/idempotency-store.js';
import { officeActor } from '../support/files.js';
import { eventually } from '../support/patience.js';
import { createIdentityTestApp, type IdentityTestApp } from '../support/test-app.js';

let t: IdentityTestApp;
before(async () => {
  t = await createIdentityTestApp({ listen: true });
});
after(() => t.close());

const folder = (number: string) => ({ number, title: 'Vente Dupont', deedType: 'vente' });

describe('Idempotency-Key when the caller is gone or overtaken', () => {
  it('keeps the claim of a request whose client hung up: the retry gets the answer, the folder is created once', async () => {
    // The request is held at its INSERT by a lock this test takes, so that the client can hang up first.
    const blocker = await t.db.sequelize.transaction();
    await t.db.sequelize.query('LOCK TABLE folders IN EXCLUSIVE MODE', { transaction: blocker });
    const hangUp = new AbortController();
    const cut = fetch(`${t.baseUrl}/v1/folders`, {
      method: 'POST',
      headers: { Authorization: t.office.auth, 'Idempotency-Key': 'k-hang-up', 'Content-Type': 'application/json' },
      body: JSON.stringify(folder('H-1')),
      signal: hangUp.signal,
    }).catch((error: unknown) => error);
    // pg_stat_activity spans the whole cluster, where other test files run their own databases.
    await eventually('the request waiting on the folders lock', async () => {
      const [rows] = await t.db.sequelize.query(
        `SELECT 1 FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%INSERT INTO folders%'`,
      );
      return rows.length > 0;
    });
    hangUp.abort();
    assert.ok((await cut) instanceof Error, 'the client hung up before any answer');
    await blocker.commit();
    await eventually('the folder created by the abandoned request', () => t.db.models.Folder.findOne({ where: { number: 'H-1' } }));

    // The SDK's way: a retry with the same key, again while the key is still settling.
    const retried = await eventually('an answer other than idempotency_key_in_use', async () => {
      const res = await t.request
        .post('/v1/folders')
        .set('Authorization', t.office.auth)
        .set('Idempotency-Key', 'k-hang-up')
        .send(folder('H-1'));
      return res.body.code === 'idempotency_key_in_use' ? undefined : res;
    });
    assert.equal(retried.status, 201, JSON.stringify(retried.body));
    assert.equal(retried.headers['idempotent-replayed'], 'true');
    assert.equal(await t.db.models.Folder.count({ where: { number: 'H-1' } }), 1);
  });

  it('rolls back the write of an attempt starved past its lease once a retry took its key over', async () => {
    const starved = await beginIdempotent(t.db, 'scope-starved', 'k-starved', 'hash');
    assert.equal(starved.outcome, 'proceed');
    await t.db.sequelize.query(`UPDATE idempotency_keys SET lease_until = now() - interval '1 second' WHERE key = 'k-starved'`);
    const retry = await beginIdempotent(t.db, 'scope-starved', 'k-starved', 'hash');
    assert.equal(retry.outcome, 'proceed', 'the retry takes the lapsed claim over');
    if (starved.outcome !== 'proceed' || retry.outcome !== 'proceed') return;

    const actor = officeActor(t.office.id);
    await assert.rejects(createFolder({ db: t.db, actor, idempotencyClaim: starved.claim }, folder('S-1')), {
      code: 'idempotency_key_in_use',
    });
    assert.equal(await t.db.models.Folder.count({ where: { number: 'S-1' } }), 0, 'the overtaken attempt wrote nothing');
    await createFolder({ db: t.db, actor, idempotencyClaim: retry.claim }, folder('S-1'));
    assert.equal(await t.db.models.Folder.count({ where: { number: 'S-1' } }), 1);
  });
});
