import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../../../test/support/patience.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const michou = { number: '3', title: 'Succession Mme Michou', deedType: 'succession', note: 'Héritiers : 2' };

async function folderCount(): Promise<number> {
  return t.db.models.Folder.count();
}

describe('POST /v1/folders', () => {
  it('creates a folder and answers with it, its location and its ETag', async () => {
    const res = await t.request.post('/v1/folders').set('Authorization', t.office.auth).send(michou).expect(201);
    assert.match(res.body.id, /^fld_[0-9a-z]{26}$/);
    assert.equal(res.body.title, 'Succession Mme Michou');
    assert.deepEqual(res.body.deedType, { code: 'succession', label: 'Succession' });
    assert.equal(res.body.status, 'open');
    assert.equal(res.headers.location, `/v1/folders/${res.body.id}`);
    assert.match(res.headers.etag, /^"v1-[A-Za-z0-9_-]{22}"$/);
    const got = await t.request.get(`/v1/folders/${res.body.id}`).set('Authorization', t.office.auth).expect(200);
    assert.deepEqual(got.body, res.body);
  });

  const badBodies: Array<[string, unknown, number, string, string | undefined]> = [
    ['missing title', { number: '10', deedType: 'vente' }, 422, 'validation_failed', 'title'],
    ['number too long', { ...michou, number: 'x'.repeat(51) }, 422, 'validation_failed', 'number'],
    ['blank title', { ...michou, number: '11', title: '   ' }, 422, 'validation_failed', 'title'],
    ['unknown deed type', { ...michou, number: '12', deedType: 'mariage-gay-lussac' }, 422, 'unknown_deed_type', 'deedType'],
    ['wrong types', { number: 12, title: ['a'], deedType: true }, 422, 'validation_failed', 'title'],
    ['unknown field', { ...michou, number: '13', colour: 'blue' }, 422, 'validation_failed', undefined],
    ['control characters', { ...michou, number: '14\u0007' }, 422, 'validation_failed', 'number'],
    ['duplicate number', michou, 409, 'folder_number_taken', 'number'],
  ];
  for (const [name, body, status, code, field] of badBodies) {
    it(`refuses ${name} with a ${status} problem and writes nothing`, async () => {
      const before = await folderCount();
      const res = await t.request
        .post('/v1/folders')
        .set('Authorization', t.office.auth)
        .send(body as object)
        .expect(status);
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(res.body.status, status);
      assert.equal(res.body.code, code);
      assert.ok(res.body.requestId, 'the problem quotes the request id');
      if (field)
        assert.ok(
          res.body.errors.some((e: { path: string }) => e.path === field),
          JSON.stringify(res.body.errors),
        );
      assert.equal(await folderCount(), before);
    });
  }

  it('refuses invalid JSON with a 400 problem', async () => {
    const res = await t.request
      .post('/v1/folders')
      .set('Authorization', t.office.auth)
      .set('Content-Type', 'application/json')
      .send('{"number": "20", "title": ')
      .expect(400);
    assert.equal(res.body.code, 'invalid_json');
  });

  it('refuses a 1 MB body with a 413 problem', async () => {
    const before = await folderCount();
    const res = await t.request
      .post('/v1/folders')
      .set('Authorization', t.office.auth)
      .send({ ...michou, number: '21', note: 'x'.repeat(1024 * 1024) })
      .expect(413);
    assert.equal(res.body.code, 'body_too_large');
    assert.equal(await folderCount(), before);
  });

  it('refuses a body that is not JSON with a 415 problem', async () => {
    const res = await t.request
      .post('/v1/folders')
      .set('Authorization', t.office.auth)
      .set('Content-Type', 'text/plain')
      .send('number=3')
      .expect(415);
    assert.equal(res.body.code, 'unsupported_media_type');
  });
});

describe('GET /v1/folders', () => {
  it('pages newest first with an opaque cursor until nextCursor is null', async () => {
    const t2 = await createTestApp();
    try {
      for (let i = 1; i <= 45; i++) {
        await t2.request
          .post('/v1/folders')
          .set('Authorization', t2.office.auth)
          .send({ number: `P-${i}`, title: `Vente ${i}`, deedType: 'vente' })
          .expect(201);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { body: { data: Array<{ number: string }>; nextCursor: string | null } } = await t2.request
          .get('/v1/folders')
          .query({ limit: 20, ...(cursor ? { cursor } : {}) })
          .set('Authorization', t2.office.auth)
          .expect(200);
        seen.push(...res.body.data.map((f) => f.number));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor);
      assert.equal(pages, 3);
      assert.equal(seen.length, 45);
      assert.equal(new Set(seen).size, 45);
      assert.equal(seen[0], 'P-45');
      assert.equal(seen[44], 'P-1');
    } finally {
      await t2.close();
    }
  });

  it('finds folders by number or title whatever the case and accents', async () => {
    await t.request
      .post('/v1/folders')
      .set('Authorization', t.office.auth)
      .send({ number: 'H-1', title: 'Donation Hélène Œuvray', deedType: 'donation' })
      .expect(201);
    for (const q of ['helene', 'HÉLÈNE', 'oeuvray', 'h-1']) {
      const res = await t.request.get('/v1/folders').query({ q }).set('Authorization', t.office.auth).expect(200);
      assert.deepEqual(
        res.body.data.map((f: { number: string }) => f.number),
        ['H-1'],
        `q=${q}`,
      );
    }
    const none = await t.request.get('/v1/folders').query({ q: '%' }).set('Authorization', t.office.auth).expect(200);
    assert.equal(none.body.data.length, 0, 'LIKE wildcards are matched literally');
  });

  it('filters by status', async () => {
    const res = await t.request.get('/v1/folders').query({ status: 'archived' }).set('Authorization', t.office.auth).expect(200);
    assert.deepEqual(res.body, { data: [], nextCursor: null });
  });

  it('refuses a limit out of range, an unknown status and a forged cursor', async () => {
    for (const [query, code, path] of [
      [{ limit: 0 }, 'validation_failed', 'limit'],
      [{ limit: 101 }, 'validation_failed', 'limit'],
      [{ status: 'deleted' }, 'validation_failed', 'status'],
      [{ cursor: 'not-a-cursor' }, 'invalid_cursor', 'cursor'],
    ] as const) {
      const res = await t.request.get('/v1/folders').query(query).set('Authorization', t.office.auth).expect(422);
      assert.equal(res.body.code, code);
      assert.ok(
        res.body.errors.some((e: { path: string }) => e.path === path),
        JSON.stringify(res.body),
      );
    }
  });
});

describe('PATCH /v1/folders/{id}', () => {
  it('edits fields and refuses a lost update with 412', async () => {
    const created = await t.request
      .post('/v1/folders')
      .set('Authorization', t.office.auth)
      .send({ number: 'E-1', title: 'Bail', deedType: 'bail-habitation' })
      .expect(201);
    const id = created.body.id;
    const first = await t.request
      .patch(`/v1/folders/${id}`)
      .set('Authorization', t.office.auth)
      .set('If-Match', created.headers.etag)
      .send({ title: 'Bail Michou', note: 'Garant à prévoir' })
      .expect(200);
    assert.equal(first.body.title, 'Bail Michou');
    assert.equal(first.body.version, 2);
    assert.match(first.headers.etag, /^"v2-[A-Za-z0-9_-]{22}"$/);
    const stale = await t.request
      .patch(`/v1/folders/${id}`)
      .set('Authorization', t.office.auth)
      .set('If-Match', created.headers.etag)
      .send({ title: 'Écrase tout' })
      .expect(412);
    assert.equal(stale.body.code, 'folder_modified');
    const now = await t.request.get(`/v1/folders/${id}`).set('Authorization', t.office.auth).expect(200);
    assert.equal(now.body.title, 'Bail Michou');
  });

  it('refuses an unknown deed type and a taken number without changing anything', async () => {
    const created = await t.request
      .post('/v1/folders')
      .set('Authorization', t.office.auth)
      .send({ number: 'E-2', title: 'Vente', deedType: 'vente' })
      .expect(201);
    const id = created.body.id;
    await t.request.patch(`/v1/folders/${id}`).set('Authorization', t.office.auth).send({ deedType: 'nope' }).expect(422);
    const taken = await t.request.patch(`/v1/folders/${id}`).set('Authorization', t.office.auth).send({ number: 'E-1' }).expect(409);
    assert.equal(taken.body.code, 'folder_number_taken');
    const now = await t.request.get(`/v1/folders/${id}`).set('Authorization', t.office.auth).expect(200);
    assert.deepEqual(now.body, created.body);
  });
});

describe('office isolation and authentication', () => {
  it("hides another office's folder behind a 404 on read and write", async () => {
    const mine = await t.request
      .post('/v1/folders')
      .set('Authorization', t.office.auth)
      .send({ number: 'S-1', title: 'Secret', deedType: 'vente' })
      .expect(201);
    const read = await t.request.get(`/v1/folders/${mine.body.id}`).set('Authorization', t.otherOffice.auth).expect(404);
    assert.equal(read.body.code, 'folder_not_found');
    await t.request.patch(`/v1/folders/${mine.body.id}`).set('Authorization', t.otherOffice.auth).send({ title: 'x' }).expect(404);
    const list = await t.request.get('/v1/folders').set('Authorization', t.otherOffice.auth).expect(200);
    assert.equal(list.body.data.length, 0);
    // The same number is free in another office.
    await t.request
      .post('/v1/folders')
      .set('Authorization', t.otherOffice.auth)
      .send({ number: 'S-1', title: 'Autre', deedType: 'vente' })
      .expect(201);
  });

  it('answers 401 problems without credentials or with a wrong or revoked key', async () => {
    for (const auth of [undefined, 'Bearer lck_test_nope', 'Basic abc']) {
      const req = t.request.get('/v1/folders');
      const res = await (auth ? req.set('Authorization', auth) : req).expect(401);
      assert.equal(res.body.code, 'unauthenticated');
      assert.match(res.headers['www-authenticate'], /^Bearer/);
    }
    // Revoked behind the app's back: the app hears it (NOTIFY at commit) and drops the key it had verified.
    await t.db.models.ApiKey.update({ revokedAt: new Date() }, { where: { officeId: t.otherOffice.id } });
    await eventually(
      'the revoked key refused',
      async () => (await t.request.get('/v1/folders').set('Authorization', t.otherOffice.auth)).status === 401,
    );
  });
});
