/**
 * `npm run restore -- <backup dir>`: restores a backup made by `npm run backup` into a NEW database and a
 * NEW blob store, as configured for `npm start` (DATABASE_URL: an existing, empty database; else a new
 * embedded PostgreSQL in LECOFFRE_DATA_DIR, which must be empty but for its `master-key` file;
 * LECOFFRE_STORAGE: the data dir's `blobs/` or an empty bucket). It refuses a non-empty target.
 *
 * Before it writes anything it checks that the configured master key ring (LECOFFRE_MASTER_KEY,
 * LECOFFRE_PREVIOUS_MASTER_KEYS, or `<data dir>/master-key`) opens every master key the backup names,
 * that the backup's schema is this version's, and every file's size and SHA-256. Exit code: 0 restored,
 * 1 refused or failed (the message says why), 78 configuration. See docs/operations.md, "Restore".
 */
import 'dotenv/config';
import { readdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { blobStoreFor, MasterKeyError, rotationKeys } from '../api/composition.js';
import { ConfigError, loadConfig } from '../api/config.js';
import { openDatabase } from '../api/db/database.js';
import { ensureDatabase, startEmbeddedPostgres } from '../api/db/embedded-postgres.js';
import { migrateDatabase } from '../api/db/migrate.js';
import { migrations } from '../api/db/migrations/index.js';
import { BackupError } from '../api/services/backup/manifest.js';
import { assertEmptyTarget, checkBackup, restoreInto } from '../api/services/backup/restore-backup.js';
import { runOperatorCommand } from './connect-database.js';

/** What may already be in a new embedded data dir: the master key the operator put there for the restore. */
const ALLOWED_IN_NEW_DATA_DIR = new Set(['master-key']);

async function main(): Promise<number> {
  const { positionals } = parseArgs({ allowPositionals: true });
  if (positionals.length !== 1) {
    console.error('Usage: npm run restore -- <backup dir>');
    return 2;
  }
  const [dir] = positionals;
  const config = loadConfig();
  const { cipher } = await rotationKeys(config);
  const manifest = await checkBackup(dir, { cipher, migrations: migrations.map((m) => m.name) });
  console.log(
    `Backup of ${manifest.createdAt} checked: ${manifest.storage.blobs.length} blobs, master key ${cipher.currentMasterKeyId} opens it.`,
  );

  let stopDatabase = async () => {};
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const present = await readdir(config.dataDir).catch(() => [] as string[]);
    const extra = present.filter((name) => !ALLOWED_IN_NEW_DATA_DIR.has(name));
    if (extra.length > 0)
      throw new BackupError(`${config.dataDir} is not a new data dir (it holds ${extra.join(', ')}): restore into a new one.`);
    const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort });
    stopDatabase = () => embedded.stop();
    databaseUrl = await ensureDatabase(embedded.adminUrl, 'lecoffre');
  }
  const db = openDatabase(databaseUrl, { ...config.database, poolMax: 2 });
  try {
    const target = { db, blobStore: await blobStoreFor(config) };
    await assertEmptyTarget(target);
    await migrateDatabase(db);
    await restoreInto(target, dir, manifest);
    const rows = manifest.database.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(`Restored ${rows} rows and ${manifest.storage.blobs.length} blobs. Start LeCoffre on this configuration.`);
    if (manifest.storage.missing.length > 0) {
      console.error(`${manifest.storage.missing.length} file(s) had no blob when the backup was made: they stay unreadable.`);
    }
    return 0;
  } finally {
    await db.close();
    await stopDatabase();
  }
}

runOperatorCommand(main, { configuration: [ConfigError, MasterKeyError], explained: [BackupError] });
