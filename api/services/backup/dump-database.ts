import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { QueryTypes, Transaction } from 'sequelize';
import type { Database } from '../../db/database.js';
import { sampleWrappedKeys, type WrappedKeySample } from '../documents/check-master-keys.js';
import { storageKeysQuery } from '../documents/stored-files.js';
import { quoteIdent, type SequenceValue, type TableDump } from './manifest.js';

/** Rows fetched from the cursor at a time: bounded memory whatever the table's size. */
const FETCH_ROWS = 500;
/** Umzug's record of the migrations run: rebuilt by running them, never copied. */
export const MIGRATIONS_TABLE = 'schema_migrations';
/** What the database derives from the folders (its triggers keep the search's words): rebuilt as folders load. */
export const DERIVED_TABLES: readonly string[] = ['folder_words', 'search_words'];
/** The tables a backup holds: every table of `public` but these. */
export const isCopied = (table: string): boolean => table !== MIGRATIONS_TABLE && !DERIVED_TABLES.includes(table);

export interface DatabaseDump {
  migrations: string[];
  tables: TableDump[];
  sequences: SequenceValue[];
  samples: WrappedKeySample[];
  /** Every blob a file record names, in the same snapshot as the rows. */
  storageKeys: string[];
}

/**
 * Every row of the application's tables (schema `public`), the sequences' positions, the sealed-key
 * samples and the storage keys, all read in one REPEATABLE READ, READ ONLY transaction: one snapshot,
 * taken while the service runs, without blocking it. pg-boss's schema is left out: its jobs only wake
 * runners that find their work in the tables, and the scheduled ones are declared again at start.
 */
export async function dumpDatabase(db: Database, dir: string): Promise<DatabaseDump> {
  await mkdir(path.join(dir, 'database'), { recursive: true, mode: 0o700 });
  const { sequelize } = db;
  return sequelize.transaction({ isolationLevel: Transaction.ISOLATION_LEVELS.REPEATABLE_READ }, async (transaction) => {
    await sequelize.query('SET TRANSACTION READ ONLY', { transaction });
    const select = <T extends object>(sql: string) => sequelize.query<T>(sql, { type: QueryTypes.SELECT, transaction });

    const migrations = (await select<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY name`)).map((r) => r.name);
    const tableNames = (
      await select<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
      )
    )
      .map((r) => r.name)
      .filter(isCopied);

    const tables: TableDump[] = [];
    for (const table of tableNames) tables.push(await dumpTable(db, transaction, dir, table));

    const sequences: SequenceValue[] = [];
    const sequenceNames = await select<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
    );
    for (const { name } of sequenceNames) {
      const [value] = await select<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text AS last_value, is_called FROM public.${quoteIdent(name)}`,
      );
      sequences.push({ sequence: name, lastValue: value.last_value, isCalled: value.is_called });
    }

    const samples = await sampleWrappedKeys(db, transaction);
    const storageKeys = (await select<{ storage_key: string }>(`${storageKeysQuery()} ORDER BY storage_key`)).map((r) => r.storage_key);
    return { migrations, tables, sequences, samples, storageKeys };
  });
}

async function dumpTable(db: Database, transaction: Transaction, dir: string, table: string): Promise<TableDump> {
  const file = `database/${table}.jsonl`;
  const out = createWriteStream(path.join(dir, file), { flags: 'wx', mode: 0o600, flush: true });
  const hash = createHash('sha256');
  let rows = 0;
  let bytes = 0;
  const write = async (text: string) => {
    hash.update(text);
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  // A cursor inside the snapshot's transaction: the table is read in pages, every page from the same snapshot.
  await db.sequelize.query(
    `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS line FROM public.${quoteIdent(table)} t`,
    {
      transaction,
    },
  );
  for (;;) {
    const page = await db.sequelize.query<{ line: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`, {
      type: QueryTypes.SELECT,
      transaction,
    });
    if (page.length === 0) break;
    rows += page.length;
    await write(`${page.map((r) => r.line).join('\n')}\n`);
  }
  await db.sequelize.query('CLOSE backup_rows', { transaction });
  out.end();
  // 'close' comes after the fsync that `flush` asks for.
  await once(out, 'close');
  return { table, file, rows, bytes, sha256: hash.digest('hex') };
}
