import type { Sequelize, Transaction } from 'sequelize';

// A widget session carries the components it was minted for: what it may do follows from them
// (domain/capabilities.ts). Sessions minted before are given what they were used for.
const statements = [
  `ALTER TABLE widget_sessions ADD COLUMN components text[] NOT NULL DEFAULT '{}'`,
  `UPDATE widget_sessions SET components = CASE
     WHEN client_id IS NOT NULL THEN ARRAY['upload']
     WHEN folder_id IS NOT NULL THEN ARRAY['folder']
     ELSE ARRAY['folder-list', 'folder'] END`,
  `ALTER TABLE widget_sessions ADD CONSTRAINT widget_sessions_components_known
     CHECK (components <@ ARRAY['folder', 'folder-list', 'upload'] AND cardinality(components) > 0)`,
  `ALTER TABLE widget_sessions ALTER COLUMN components DROP DEFAULT`,
];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
