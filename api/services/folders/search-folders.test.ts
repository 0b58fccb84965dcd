import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { QueryTypes } from 'sequelize';
import { createOffice, createTestApp, type TestApp, type TestOffice } from '../../../test/support/test-app.js';
import { newId } from '../../domain/ids.js';
import { foldForSearch } from '../../domain/text.js';

/**
 * The search reads most text from the office's words, and text too short or too widely shared for them
 * row by row in list order, then by the trigram index: whichever way a page is found, it must be the
 * first matches in list order, and paging must neither skip nor repeat a folder.
 */
const FOLDERS = 6_000;
const OLD_ARCHIVED = 40;

let t: TestApp;
let office: TestOffice;
/** Every folder's id, oldest first, with the words it carries. */
const folders: Array<{ id: string; text: string; archived: boolean }> = [];

before(async () => {
  t = await createTestApp();
  office = await createOffice(t.db, 'Office with many folders');
  const deedType = await t.db.models.DeedType.findOne();
  for (let i = 0; i < FOLDERS; i++) {
    const surname = i === 10 || i === FOLDERS - 5 ? 'Quintavalle' : i % 3 === 0 ? 'Marchetti' : 'Martin';
    // One folder in 100 also names a second client: too seldom to fill a page of 100 within the first pass.
    const second = i % 100 === 1 ? ' Morvan' : '';
    // One folder in 1 500 names another: the first pass meets it once or twice.
    const third = i % 1500 === 1400 ? ' Lombardini' : '';
    // One folder in 75 names a place of its own, all of them spelt "Rivaz…": more words share those
    // letters than the words' index follows.
    const place = i % 75 === 5 ? ` Rivaz${String(i).padStart(4, '0')}` : '';
    folders.push({
      id: newId('fld'),
      text: foldForSearch(`F-${i} Vente ${surname}${second}${third}${place}`),
      archived: i < OLD_ARCHIVED,
    });
  }
  folders.sort((a, b) => (a.id < b.id ? -1 : 1));
  await t.db.sequelize.query(
    `INSERT INTO folders (id, office_id, number, title, deed_type_id, search_text, status)
     SELECT id, :officeId, id, search_text, :deedTypeId, search_text, CASE WHEN archived THEN 'archived' ELSE 'open' END
       FROM unnest(ARRAY[:ids]::text[], ARRAY[:texts]::text[], ARRAY[:archived]::boolean[]) AS f(id, search_text, archived)`,
    {
      replacements: {
        officeId: office.id,
        deedTypeId: deedType?.id,
        ids: folders.map((f) => f.id),
        texts: folders.map((f) => f.text),
        archived: folders.map((f) => f.archived),
      },
      type: QueryTypes.INSERT,
    },
  );
});
after(() => t.close());

async function everyPage(query: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await t.request
      .get('/v1/folders')
      .query({ limit: '100', ...query, ...(cursor ? { cursor } : {}) })
      .set('Authorization', office.auth)
      .expect(200);
    ids.push(...res.body.data.map((f: { id: string }) => f.id));
    cursor = res.body.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

const matching = (word: string, keep: (f: (typeof folders)[number]) => boolean = () => true) =>
  folders.filter((f) => f.text.includes(word) && keep(f)).map((f) => f.id);

describe('searching an office of 6 000 folders', () => {
  it('pages a word one folder in three carries, newest first, without a gap or a repeat', async () => {
    assert.deepEqual(await everyPage({ q: 'MARCHETTI' }), matching('marchetti').reverse());
  });

  it('pages a word one folder in 100 carries to the oldest, in either order', async () => {
    const expected = matching('morvan');
    assert.equal(expected.length, FOLDERS / 100);
    assert.deepEqual(await everyPage({ q: 'Morvan' }), [...expected].reverse());
    assert.deepEqual(await everyPage({ q: 'morvan', sort: 'createdAt' }), expected);
  });

  it('finds every folder of a word one folder in 1 500 carries, in either order', async () => {
    const expected = matching('lombardini');
    assert.equal(expected.length, FOLDERS / 1500);
    assert.deepEqual(await everyPage({ q: 'lombardini' }), [...expected].reverse());
    assert.deepEqual(await everyPage({ q: 'lombardini', sort: 'createdAt' }), expected);
  });

  it('finds text inside a word and text across two words, as the folded text has them', async () => {
    for (const q of ['ombardin', 'tin lombardini', 'vente quintavalle', 'tti morv']) {
      const expected = matching(q);
      assert.ok(expected.length > 0, q);
      assert.deepEqual(await everyPage({ q, limit: '10' }), [...expected].reverse(), q);
    }
  });

  it('follows letters more words share than it looks up one by one in list order, then by the trigram index', async () => {
    const expected = matching('rivaz');
    assert.equal(expected.length, FOLDERS / 75);
    // Pages of 10: a first pass too short to fill one, then a next pass in list order (the trigram index
    // for the last page, which falls short).
    assert.deepEqual(await everyPage({ q: 'rivaz', limit: '10' }), [...expected].reverse());
    assert.deepEqual(await everyPage({ q: 'rivaz', limit: '10', sort: 'createdAt' }), expected);
    // Two letters: too few for the words' index.
    assert.deepEqual(await everyPage({ q: 'iv', limit: '10' }), [...matching('iv')].reverse());
  });

  it("finds a folder by its new title's words once renamed, no longer by the old ones", async () => {
    // An old folder: the first pass reads only the newest.
    const folder = folders[1000];
    assert.ok(folder);
    const res = await t.request.get(`/v1/folders/${folder.id}`).set('Authorization', office.auth).expect(200);
    await t.request
      .patch(`/v1/folders/${folder.id}`)
      .set('Authorization', office.auth)
      .set('If-Match', res.headers.etag)
      .send({ title: 'Donation Zanzibar' })
      .expect(200);
    assert.deepEqual(await everyPage({ q: 'zanzibar' }), [folder.id]);
    const [oldWord] = folder.text.split(' ').slice(-1);
    assert.ok(oldWord);
    assert.ok(!(await everyPage({ q: oldWord })).includes(folder.id), `no longer found by "${oldWord}"`);
    folder.text = foldForSearch(`${folder.id} Donation Zanzibar`);
  });

  it('finds a rare word on an old folder as well as on a new one, in either order', async () => {
    const expected = matching('quintavalle');
    assert.equal(expected.length, 2);
    assert.deepEqual(await everyPage({ q: 'quintavalle' }), [...expected].reverse());
    assert.deepEqual(await everyPage({ q: 'quintavalle', sort: 'createdAt' }), expected);
  });

  it('finds matches only the oldest folders hold when a filter narrows the search', async () => {
    const expected = matching('marchetti', (f) => f.archived).reverse();
    assert.ok(expected.length > 0);
    assert.deepEqual(await everyPage({ q: 'marchetti', status: 'archived' }), expected);
  });

  it("shows another office none of this office's folders, whatever it searches", async () => {
    const other = await createOffice(t.db, 'Another office');
    for (const q of ['morvan', 'quintavalle', 'rivaz', 'iv']) {
      const res = await t.request.get('/v1/folders').query({ q }).set('Authorization', other.auth).expect(200);
      assert.deepEqual(res.body.data, [], q);
    }
  });

  it('pages oldest first as well', async () => {
    assert.deepEqual(await everyPage({ q: 'marchetti', sort: 'createdAt' }), matching('marchetti'));
  });
});
