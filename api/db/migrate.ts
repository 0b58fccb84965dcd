import { QueryTypes } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import { type Database, openDatabase } from './database.js';
import { migrations } from './migrations/index.js';
import { syncCatalogue } from './seed/seed.js';

// Any constant works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK_ID = 4_215_026;

/**
 * Brings the schema up to date, then the global catalogue (reference data every mode needs). Several
 * processes may start at once against one database (scale-out, tests), so the whole run holds a
 * PostgreSQL advisory lock: the second process waits, then finds nothing left to do.
 */
export async function migrateDatabase(db: Database): Promise<string[]> {
  const { sequelize } = db;
  const umzug = new Umzug({
    migrations: migrations.map((m) => ({
      name: m.name,
      up: () => sequelize.transaction(async (transaction) => m.up(sequelize, transaction)),
    })),
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });
  return sequelize.transaction(async (transaction) => {
    await sequelize.query('SELECT pg_advisory_xact_lock(:id)', {
      replacements: { id: MIGRATION_LOCK_ID },
      type: QueryTypes.SELECT,
      transaction,
    });
    const done = await umzug.up();
    await syncCatalogue(db, transaction);
    return done.map((m) => m.name);
  });
}

export async function migrate(databaseUrl: string): Promise<void> {
  const db = openDatabase(databaseUrl, { poolMax: 2 });
  try {
    await migrateDatabase(db);
  } finally {
    await db.close();
  }
}
