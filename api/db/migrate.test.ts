import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { type Database, openDatabase } from './database.js';
import { migrateDatabase } from './migrate.js';
import { migrations } from './migrations/index.js';

describe('migrateDatabase', () => {
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

  it('runs every migration on an empty database, then none on the next start, and the catalogue is there', async () => {
    assert.deepEqual(
      await migrateDatabase(db),
      migrations.map((m) => m.name),
    );
    assert.deepEqual(await migrateDatabase(db), []);
    assert.ok((await db.models.DeedType.count()) > 0, 'the catalogue was synced');
  });
});
