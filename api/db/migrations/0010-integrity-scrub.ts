import type { Sequelize, Transaction } from 'sequelize';

// Where the integrity scrub stopped: one row, moved forward after every file it checks, so that a
// restart (or the next scheduled run, on any process) goes on from there instead of from the start.
const statements = [
  `CREATE TABLE integrity_scrub_cursor (
    id text PRIMARY KEY CHECK (id = 'scrub'),
    table_name text NOT NULL,
    after_id text NOT NULL,
    pass_started_at timestamptz NOT NULL,
    passes_completed integer NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
