/**
 * `npm run backup -- <target dir>`: a consistent copy of LeCoffre's data into a new directory — every row
 * of the database (one snapshot, taken while the service runs), every blob those rows name (as stored:
 * encrypted) and a manifest (sizes and SHA-256 of everything, the master key ids needed). The master key
 * itself is never written into a backup: keep it in a key escrow apart from the backups.
 *
 * Reads the same configuration as `npm start` (DATABASE_URL or the embedded PostgreSQL of
 * LECOFFRE_DATA_DIR; LECOFFRE_STORAGE and its bucket). Exit code: 0 done, 1 done but blobs were missing
 * (listed) or failed, 78 configuration. See docs/operations.md, "Back up".
 */
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { blobStoreFor } from '../api/composition.js';
import { ConfigError, loadConfig } from '../api/config.js';
import { openDatabase } from '../api/db/database.js';
import { backUp } from '../api/services/backup/back-up.js';
import { BackupError } from '../api/services/backup/manifest.js';
import { connectConfiguredDatabase, runOperatorCommand } from './connect-database.js';

async function main(): Promise<number> {
  const { positionals } = parseArgs({ allowPositionals: true });
  if (positionals.length !== 1) {
    console.error('Usage: npm run backup -- <target dir>   (a new or empty directory)');
    return 2;
  }
  const [dir] = positionals;
  const config = loadConfig();
  const { databaseUrl, stopDatabase } = await connectConfiguredDatabase(config);
  const db = openDatabase(databaseUrl, { ...config.database, poolMax: 2 });
  try {
    const manifest = await backUp({ db, blobStore: await blobStoreFor(config) }, dir);
    const rows = manifest.database.tables.reduce((sum, t) => sum + t.rows, 0);
    const bytes = manifest.storage.blobs.reduce((sum, b) => sum + b.size, 0);
    console.log(
      `Backed up into ${dir}: ${rows} rows in ${manifest.database.tables.length} tables, ${manifest.storage.blobs.length} blobs (${bytes} bytes).`,
    );
    const keys = manifest.keyRing.masterKeyIds;
    console.log(
      keys.length
        ? `A restore needs master key ${keys.join(' and ')}; it is NOT in the backup: keep it in your key escrow.`
        : 'Nothing in it is sealed by a master key yet.',
    );
    if (manifest.storage.missing.length === 0) return 0;
    console.error(`${manifest.storage.missing.length} blob(s) named by file records were already missing from the store:`);
    for (const key of manifest.storage.missing) console.error(`  ${key}`);
    return 1;
  } finally {
    await db.close();
    await stopDatabase();
  }
}

runOperatorCommand(main, { configuration: [ConfigError], explained: [BackupError] });
