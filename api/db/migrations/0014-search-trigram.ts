import type { Sequelize, Transaction } from 'sequelize';

// `?q=` matches a folded substring anywhere (LIKE '%…%'), which a B-tree cannot serve: without these the
// search reads every row of the office. Trigram GIN indexes answer it from the index at any table size.
// pg_trgm ships with PostgreSQL's contrib; on a managed server the migrating role needs the right to
// create it (or an administrator creates it once beforehand: IF NOT EXISTS then does nothing).
// fastupdate off: folders are written at a human pace, and a pending list of unmerged entries would be
// scanned linearly by every search until the next vacuum.
const statements = [
  'CREATE EXTENSION IF NOT EXISTS pg_trgm',
  'CREATE INDEX folders_search_trgm_idx ON folders USING gin (search_text gin_trgm_ops) WITH (fastupdate = off)',
  'CREATE INDEX clients_search_trgm_idx ON clients USING gin (search_text gin_trgm_ops) WITH (fastupdate = off)',
];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
