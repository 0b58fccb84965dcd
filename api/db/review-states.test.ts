import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { QueryTypes } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { FILE_STATUSES, REQUEST_STATUSES } from '../domain/review.js';
import { type Database, openDatabase } from './database.js';

// The migrations are history and keep their own copy of each state list in a CHECK constraint: a state
// added to the domain without a migration would be refused by PostgreSQL at the first write.
describe('review states: the domain and the migrated tables agree', () => {
  let database: TestDatabase;
  let db: Database;
  before(async () => {
    database = await createTestDatabase();
    db = openDatabase(database.url);
  });
  after(async () => {
    await db.close();
    await database.drop();
  });

  /** The values a table's CHECK constraint allows for `status`, in the order it lists them. */
  async function allowedStatuses(table: string): Promise<string[]> {
    const rows = await db.sequelize.query<{ definition: string }>(
      `SELECT pg_get_constraintdef(c.oid) AS definition FROM pg_constraint c
        WHERE c.conrelid = CAST(:table AS regclass) AND c.contype = 'c' AND pg_get_constraintdef(c.oid) LIKE '%status%'`,
      { replacements: { table }, type: QueryTypes.SELECT },
    );
    assert.equal(rows.length, 1, `one CHECK constraint on ${table}.status`);
    return [...rows[0].definition.matchAll(/'([a-z_]+)'::text/g)].map((match) => match[1]);
  }

  it('document_requests.status allows exactly REQUEST_STATUSES', async () => {
    assert.deepEqual(await allowedStatuses('document_requests'), [...REQUEST_STATUSES]);
  });

  it('document_files.status allows exactly FILE_STATUSES', async () => {
    assert.deepEqual(await allowedStatuses('document_files'), [...FILE_STATUSES]);
  });
});
