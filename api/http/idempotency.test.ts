import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMemberSession, createTestApp, type TestApp } from '../../test/support/test-app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const body = { number: 'I-1', title: 'Vente Dupont', deedType: 'vente' };

describe('Idempotency-Key', () => {
  it('replays the first answer for the same key and body, creating one folder', async () => {
    const first = await t.request
      .post('/v1/folders')
      .set('Authorization', t.office.auth)
      .set('Idempotency-Key', 'k-1')
      .send(body)
      .expect(201);
    const again = await t.request
      .post('/v1/folders')
      .set('Authorization', t.office.auth)
      .set('Idempotency-Key', 'k-1')
      .send(body)
      .expect(201);
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(again.headers.location, first.headers.location);
    assert.equal(await t.db.models.Folder.count({ where: { number: 'I-1' } }), 1);
  });

  it('refuses the same key with another body', async () => {
    const res = await t.request
      .post('/v1/folders')
      .set('Authorization', t.office.auth)
      .set('Idempotency-Key', 'k-1')
      .send({ ...body, number: 'I-2' })
      .expect(409);
    assert.equal(res.body.code, 'idempotency_key_reused');
    assert.equal(await t.db.models.Folder.count({ where: { number: 'I-2' } }), 0);
  });

  it('replays client errors too, and scopes keys to the credential', async () => {
    const bad = { ...body, deedType: 'nope' };
    await t.request.post('/v1/folders').set('Authorization', t.office.auth).set('Idempotency-Key', 'k-2').send(bad).expect(422);
    const replay = await t.request
      .post('/v1/folders')
      .set('Authorization', t.office.auth)
      .set('Idempotency-Key', 'k-2')
      .send(bad)
      .expect(422);
    assert.equal(replay.headers['idempotent-replayed'], 'true');
    // Another office using the same key string is another request altogether.
    await t.request.post('/v1/folders').set('Authorization', t.otherOffice.auth).set('Idempotency-Key', 'k-1').send(body).expect(201);
  });

  it('lets exactly one of two concurrent requests with one key run', async () => {
    const send = () =>
      t.request
        .post('/v1/folders')
        .set('Authorization', t.office.auth)
        .set('Idempotency-Key', 'k-3')
        .send({ ...body, number: 'I-3' });
    const answers = await Promise.all([send(), send(), send()]);
    const statuses = answers.map((a) => a.status).sort();
    assert.ok(statuses.includes(201), statuses.join());
    for (const a of answers)
      assert.ok(a.status === 201 || (a.status === 409 && a.body.code === 'idempotency_key_in_use'), `${a.status} ${a.body.code}`);
    assert.equal(await t.db.models.Folder.count({ where: { number: 'I-3' } }), 1);
  });

  it('refuses a malformed key', async () => {
    const res = await t.request
      .post('/v1/folders')
      .set('Authorization', t.office.auth)
      .set('Idempotency-Key', 'x'.repeat(256))
      .send(body)
      .expect(400);
    assert.equal(res.body.code, 'invalid_idempotency_key');
  });

  it('scopes keys by session cookie too: two members signed in on the hosted pages never share answers', async () => {
    const a = await createMemberSession(t.db, t.office.id);
    const b = await createMemberSession(t.db, t.otherOffice.id);
    const send = (token: string) =>
      t.request
        .post('/v1/folders')
        .set('Cookie', `lecoffre_session=${token}`)
        .set('Idempotency-Key', 'same-key')
        .send({ ...body, number: 'I-9' });
    const first = await send(a.token).expect(201);
    const second = await send(b.token).expect(201);
    assert.notEqual(second.body.id, first.body.id);
    assert.equal(second.headers['idempotent-replayed'], undefined);
    const mine = await t.request.get(`/v1/folders/${second.body.id}`).set('Authorization', t.otherOffice.auth).expect(200);
    assert.equal(mine.body.number, 'I-9');
  });

  // What a process killed mid-request leaves: the claim running, no answer stored, renewals stopped.
  const leaveRunning = (key: string, leaseSql: string, committed: boolean) =>
    t.db.sequelize.query(
      `UPDATE idempotency_keys SET state = 'running', status_code = NULL, response_body = NULL, lease_until = ${leaseSql},
         committed_at = ${committed ? 'committed_at' : 'NULL'} WHERE key = :key`,
      { replacements: { key } },
    );

  it('never runs a committed write twice: a claim whose process died after its commit answers answer_lost', async () => {
    const dead = { ...body, number: 'I-DEAD' };
    const send = () => t.request.post('/v1/folders').set('Authorization', t.office.auth).set('Idempotency-Key', 'k-dead').send(dead);
    await send().expect(201);

    await leaveRunning('k-dead', "now() + interval '7 seconds'", true);
    const busy = await send().expect(409);
    assert.equal(busy.body.code, 'idempotency_key_in_use');
    // Come back when the lease lapses, not sooner.
    const retryAfter = Number(busy.headers['retry-after']);
    assert.ok(retryAfter >= 4 && retryAfter <= 7, `Retry-After ${busy.headers['retry-after']}, the lease has 7 s left`);

    await leaveRunning('k-dead', "now() - interval '1 second'", true);
    const retried = await send().expect(409);
    assert.equal(retried.body.code, 'idempotency_key_answer_lost', JSON.stringify(retried.body));
    assert.equal(await t.db.models.Folder.count({ where: { number: 'I-DEAD' } }), 1);
    // And so on for every later retry: the key is not run again.
    assert.equal((await send().expect(409)).body.code, 'idempotency_key_answer_lost');
  });

  it('lets a retry take over a claim whose process died before writing, once its lease has lapsed', async () => {
    const first = await t.request
      .post('/v1/folders')
      .set('Authorization', t.office.auth)
      .set('Idempotency-Key', 'k-unwritten')
      .send({ ...body, number: 'I-UNWRITTEN' })
      .expect(201);
    // As if the process had died before its folder committed: no folder by that number, no mark on the key.
    await t.db.models.Folder.update({ number: 'I-UNWRITTEN-GONE' }, { where: { id: first.body.id } });
    await leaveRunning('k-unwritten', "now() - interval '1 second'", false);
    const retried = await t.request
      .post('/v1/folders')
      .set('Authorization', t.office.auth)
      .set('Idempotency-Key', 'k-unwritten')
      .send({ ...body, number: 'I-UNWRITTEN' })
      .expect(201);
    assert.notEqual(retried.body.id, first.body.id);
    assert.equal(await t.db.models.Folder.count({ where: { number: 'I-UNWRITTEN' } }), 1);
  });
});
