import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { QueryTypes, type Transaction } from 'sequelize';
import type { Database } from '../../db/database.js';
import { isCopied, MIGRATIONS_TABLE } from './dump-database.js';
import { BackupError, type BackupManifest, quoteIdent } from './manifest.js';

/** Rows inserted per statement. */
const INSERT_ROWS = 500;

/**
 * Loads a backup's rows into a database migrated to the backup's migrations, in one transaction: the
 * database ends up holding exactly the snapshot, or is left as it was. What the migrations seeded (the
 * catalogue) is emptied first, since the snapshot has its own copy. Parents are loaded before the tables
 * that reference them, so every foreign key is checked as the rows go in.
 */
export async function loadDatabase(db: Database, dir: string, manifest: BackupManifest): Promise<void> {
  const { sequelize } = db;
  await sequelize.transaction(async (transaction) => {
    const select = <T extends object>(sql: string) => sequelize.query<T>(sql, { type: QueryTypes.SELECT, transaction });
    const tables = (
      await select<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
      )
    )
      .map((r) => r.name)
      .filter((name) => name !== MIGRATIONS_TABLE);
    const present = tables.filter(isCopied);
    const dumped = new Set(manifest.database.tables.map((t) => t.table));
    const unexpected = [...present.filter((t) => !dumped.has(t)), ...[...dumped].filter((t) => !present.includes(t))];
    if (unexpected.length > 0) {
      throw new BackupError(`The migrated schema and the backup do not have the same tables (${unexpected.join(', ')}).`);
    }
    // The derived tables are emptied too: loading the folders fills them again.
    if (tables.length > 0) await sequelize.query(`TRUNCATE ${tables.map((t) => `public.${quoteIdent(t)}`).join(', ')}`, { transaction });

    const edges = await select<{ child: string; parent: string }>(
      `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint c
         JOIN pg_class ch ON ch.oid = c.conrelid JOIN pg_class pa ON pa.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = ch.relnamespace
        WHERE c.contype = 'f' AND n.nspname = 'public'`,
    );
    const byName = new Map(manifest.database.tables.map((t) => [t.table, t]));
    for (const table of parentsFirst(present, edges)) {
      const dump = byName.get(table);
      if (dump && dump.rows > 0) await loadTable(db, transaction, table, path.join(dir, dump.file));
    }
    for (const s of manifest.database.sequences) {
      await sequelize.query('SELECT setval(:sequence, :lastValue::bigint, :isCalled)', {
        replacements: { sequence: `public.${quoteIdent(s.sequence)}`, lastValue: s.lastValue, isCalled: s.isCalled },
        transaction,
      });
    }
  });
}

async function loadTable(db: Database, transaction: Transaction, table: string, file: string): Promise<void> {
  const columns = (
    await db.sequelize.query<{ name: string }>(
      `SELECT attname AS name FROM pg_attribute
        WHERE attrelid = :relation::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
      { replacements: { relation: `public.${quoteIdent(table)}` }, type: QueryTypes.SELECT, transaction },
    )
  )
    .map((r) => quoteIdent(r.name))
    .join(', ');
  const relation = `public.${quoteIdent(table)}`;
  // OVERRIDING SYSTEM VALUE: identity columns take the backed-up values; the sequences are set after.
  const sql = `INSERT INTO ${relation} (${columns}) OVERRIDING SYSTEM VALUE
               SELECT ${columns} FROM json_populate_recordset(NULL::${relation}, $1::json)`;
  let batch: string[] = [];
  const flush = async () => {
    await db.sequelize.query(sql, { bind: [`[${batch.join(',')}]`], transaction });
    batch = [];
  };
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line === '') continue;
    batch.push(line);
    if (batch.length >= INSERT_ROWS) await flush();
  }
  if (batch.length > 0) await flush();
}

/** Tables ordered so that each comes after those it references (a table referencing itself is fine). */
export function parentsFirst(tables: string[], edges: Array<{ child: string; parent: string }>): string[] {
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: string, trail: string[]) => {
    if (state.get(table) === 'done') return;
    if (state.get(table) === 'visiting') throw new BackupError(`Foreign keys form a cycle: ${[...trail, table].join(' -> ')}.`);
    state.set(table, 'visiting');
    for (const e of edges) if (e.child === table && e.parent !== table) visit(e.parent, [...trail, table]);
    state.set(table, 'done');
    ordered.push(table);
  };
  for (const table of [...tables].sort()) visit(table, []);
  return ordered;
}
