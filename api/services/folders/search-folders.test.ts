import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { QueryTypes } from 'sequelize';
import { createOffice, createTestApp, type TestApp, type TestOffice } from '../../../test/support/test-app.js';
import { newId } from '../../domain/ids.js';
import { foldForSearch } from '../../domain/text.js';

/**
 * The search reads the office's latest folders first, follows a word that shows up too seldom to fill the
 * page further in list order, and goes to the trigram index for a word that does not show up: whichever way a page is found, it must be the first matches in list order, and paging
 * must neither skip nor repeat a folder across the point where the first pass stops.
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
    folders.push({ id: newId('fld'), text: foldForSearch(`F-${i} Vente ${surname}${second}`), archived: i < OLD_ARCHIVED });
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
      .query({ ...query, limit: '100', ...(cursor ? { cursor } : {}) })
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

  it('follows a word one folder in 100 carries past the first pass, in list order, to the oldest', async () => {
    const expected = matching('morvan');
    assert.equal(expected.length, FOLDERS / 100);
    assert.deepEqual(await everyPage({ q: 'Morvan' }), [...expected].reverse());
    assert.deepEqual(await everyPage({ q: 'morvan', sort: 'createdAt' }), expected);
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

  it('pages oldest first as well', async () => {
    assert.deepEqual(await everyPage({ q: 'marchetti', sort: 'createdAt' }), matching('marchetti'));
  });
});
