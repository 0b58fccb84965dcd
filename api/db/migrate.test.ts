import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { QueryTypes } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { type Database, openDatabase } from './database.js';
import { migrateDatabase } from './migrate.js';
import { migrations } from './migrations/index.js';

/** A database of the suite's own, with no migration run: `db()` once the suite started. */
function emptyDatabase(): () => Database {
  let database: TestDatabase;
  let db: Database;
  before(async () => {
    database = await createTestDatabase({ empty: true });
    db = openDatabase(database.url, { poolMax: 3 });
  });
  after(async () => {
    await db.close();
    await database.drop();
  });
  return () => db;
}

describe('migrateDatabase', () => {
  const db = emptyDatabase();

  it('runs every migration on an empty database, then none on the next start, and the catalogue is there', async () => {
    assert.deepEqual(
      await migrateDatabase(db()),
      migrations.map((m) => m.name),
    );
    assert.deepEqual(await migrateDatabase(db()), []);
    assert.ok((await db().models.DeedType.count()) > 0, 'the catalogue was synced');
  });
});

/**
 * A database upgraded to the search's words already holds folders: the migration indexes their words,
 * and from then on the triggers keep them in step.
 */
describe('migration 0160-folder-words on a database that holds folders', () => {
  const database = emptyDatabase();

  const words = () =>
    database().sequelize.query<{ folder_id: string; word: string }>('SELECT folder_id, word FROM folder_words ORDER BY folder_id, word', {
      type: QueryTypes.SELECT,
    });

  it('indexes every word of the folders written before it, each once, then follows a change and a removal', async () => {
    const index = migrations.findIndex((m) => m.name === '0160-folder-words');
    assert.ok(index > 0);
    const run = (list: typeof migrations) =>
      database().sequelize.transaction(async (transaction) => {
        for (const m of list) await m.up(database().sequelize, transaction);
      });
    await run(migrations.slice(0, index));
    await database().sequelize.query(`
      INSERT INTO offices (id, name, crpcen) VALUES ('off_a', 'Étude A', '35026');
      INSERT INTO deed_types (id, code, label, label_en, position) VALUES ('dt_sale', 'sale', 'Vente', 'Sale', 1);
      INSERT INTO folders (id, office_id, number, title, deed_type_id, search_text) VALUES
        ('fld_1', 'off_a', '2024-001', 'Vente Morvan', 'dt_sale', '2024-001 vente morvan'),
        ('fld_2', 'off_a', '2024-002', 'Vente Le Gall', 'dt_sale', '2024-002 vente le gall le gall')`);

    await run(migrations.slice(index, index + 1));
    assert.deepEqual(await words(), [
      { folder_id: 'fld_1', word: '2024-001' },
      { folder_id: 'fld_1', word: 'morvan' },
      { folder_id: 'fld_1', word: 'vente' },
      { folder_id: 'fld_2', word: '2024-002' },
      { folder_id: 'fld_2', word: 'gall' },
      { folder_id: 'fld_2', word: 'le' },
      { folder_id: 'fld_2', word: 'vente' },
    ]);

    await database().sequelize.query(`UPDATE folders SET search_text = '2024-001 donation morvan' WHERE id = 'fld_1'`);
    const dictionary = await database().sequelize.query<{ word: string }>('SELECT word FROM search_words ORDER BY word', {
      type: QueryTypes.SELECT,
    });
    assert.deepEqual(
      dictionary.map((row) => row.word),
      ['2024-001', '2024-002', 'donation', 'gall', 'le', 'morvan', 'vente'],
    );
    assert.deepEqual(
      (await words()).filter((row) => row.folder_id === 'fld_1').map((row) => row.word),
      ['2024-001', 'donation', 'morvan'],
    );

    await database().sequelize.query(`DELETE FROM folders WHERE id = 'fld_2'`);
    assert.deepEqual(
      (await words()).map((row) => row.folder_id),
      ['fld_1', 'fld_1', 'fld_1'],
    );
  });
});
