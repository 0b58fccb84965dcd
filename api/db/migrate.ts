import { QueryTypes, type Transaction } from 'sequelize';
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
  return sequelize.transaction(async (transaction) => {
    await sequelize.query('SELECT pg_advisory_xact_lock(:id)', {
      replacements: { id: MIGRATION_LOCK_ID },
      type: QueryTypes.SELECT,
      transaction,
    });
    const done = (await anyPending(db, transaction)) ? await runPending(db) : [];
    await syncCatalogue(db, transaction);
    return done;
  });
}

const MIGRATIONS_TABLE = 'schema_migrations';

/** Whether some migration has not run: most starts find none, and then Umzug is not even loaded. */
async function anyPending(db: Database, transaction: Transaction): Promise<boolean> {
  const [table] = await db.sequelize.query<{ present: boolean }>('SELECT to_regclass(:table) IS NOT NULL AS present', {
    replacements: { table: MIGRATIONS_TABLE },
    type: QueryTypes.SELECT,
    transaction,
  });
  if (!table?.present) return true;
  const rows = await db.sequelize.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE}`, { type: QueryTypes.SELECT, transaction });
  const ran = new Set(rows.map((row) => row.name));
  return migrations.some((m) => !ran.has(m.name));
}

async function runPending(db: Database): Promise<string[]> {
  const { sequelize } = db;
  const { SequelizeStorage, Umzug } = await import('umzug');
  const umzug = new Umzug({
    migrations: migrations.map((m) => ({
      name: m.name,
      up: () => sequelize.transaction(async (transaction) => m.up(sequelize, transaction)),
    })),
    storage: new SequelizeStorage({ sequelize, tableName: MIGRATIONS_TABLE }),
    logger: undefined,
  });
  const done = await umzug.up();
  return done.map((m) => m.name);
}

export async function migrate(databaseUrl: string): Promise<void> {
  const db = openDatabase(databaseUrl, { poolMax: 2 });
  try {
    await migrateDatabase(db);
  } finally {
    await db.close();
  }
}
