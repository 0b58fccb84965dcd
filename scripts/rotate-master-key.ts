/**
 * Master key rotation: re-wraps every file's data key with a new master key. Blobs are never read or
 * rewritten (a data key does not change; only its wrapping in the database does), so this takes seconds
 * even for terabytes of documents.
 *
 *   1. Generate the new key:                     openssl rand -base64 32
 *   2. Restart the server with the new key current and the old one(s) still readable:
 *        LECOFFRE_MASTER_KEY=<new>  LECOFFRE_PREVIOUS_MASTER_KEYS=<old>[,<older>…]
 *      (new files are sealed with the new key from now on; old ones still open.)
 *   3. With the same two variables (and DATABASE_URL, or the same LECOFFRE_DATA_DIR in embedded mode):
 *        npx tsx scripts/rotate-master-key.ts [--batch-size 500]
 *   4. Once it reports 0 failures, drop LECOFFRE_PREVIOUS_MASTER_KEYS and restart. Keep the old key in
 *      your backups' key escrow as long as backups made before the rotation are kept.
 *
 * Each batch is its own transaction: an interrupted run is resumed by running it again, and a run with
 * nothing left to do changes nothing. Records it cannot unwrap (a master key missing from
 * LECOFFRE_PREVIOUS_MASTER_KEYS) are listed and left as they are; the exit code is then 1.
 *
 * Embedded mode: without LECOFFRE_MASTER_KEY the current key is `<data dir>/master-key`. After rotating to
 * a key given in LECOFFRE_MASTER_KEY, keep starting the server with that variable (the file still holds
 * the old key; the variable wins over it). It can run while `npm start` runs: it then uses the same
 * embedded PostgreSQL and leaves it running.
 */
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { MasterKeyError, rotationKeys } from '../api/composition.js';
import { ConfigError, loadConfig } from '../api/config.js';
import { openDatabase } from '../api/db/database.js';
import { rotateMasterKey } from '../api/services/documents/rotate-master-key.js';
import { connectConfiguredDatabase, runOperatorCommand } from './connect-database.js';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'batch-size': { type: 'string', default: '500' } } });
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    console.error('--batch-size must be a positive whole number.');
    return 2;
  }
  const config = loadConfig();
  const { cipher, currentKeyId, previousKeyIds, source } = await rotationKeys(config);
  console.log(`Re-wrapping data keys with master key ${currentKeyId} (from ${source}).`);
  console.log(`Previous keys held: ${previousKeyIds.length ? previousKeyIds.join(', ') : 'none (set LECOFFRE_PREVIOUS_MASTER_KEYS)'}.`);

  const { databaseUrl, stopDatabase } = await connectConfiguredDatabase(config);
  const db = openDatabase(databaseUrl, config.database);
  try {
    let batches = 0;
    const result = await rotateMasterKey(db, cipher, {
      batchSize,
      onBatch: ({ table, rewrapped, failed }) => {
        batches += 1;
        console.log(`  batch ${batches}: ${table}, ${rewrapped} re-wrapped${failed ? `, ${failed} failed` : ''}`);
      },
    });
    for (const table of Object.keys(result.rewrapped) as Array<keyof typeof result.rewrapped>) {
      console.log(`${table}: ${result.rewrapped[table]} re-wrapped, ${result.alreadyCurrent[table]} already under ${result.masterKeyId}.`);
    }
    if (result.failures.length === 0) {
      console.log('Done: every record is under the current master key. LECOFFRE_PREVIOUS_MASTER_KEYS can be removed.');
      return 0;
    }
    console.error(`${result.failures.length} record(s) could not be re-wrapped and keep their old wrapping:`);
    for (const f of result.failures) console.error(`  ${f.table} ${f.id}: ${f.reason} (master key ${f.masterKeyId})`);
    const missing = [...new Set(result.failures.filter((f) => f.reason === 'unknown_master_key').map((f) => f.masterKeyId))];
    if (missing.length) console.error(`Add the key(s) ${missing.join(', ')} to LECOFFRE_PREVIOUS_MASTER_KEYS and run again.`);
    return 1;
  } finally {
    await db.close();
    await stopDatabase();
  }
}

runOperatorCommand(main, { configuration: [ConfigError, MasterKeyError] });
