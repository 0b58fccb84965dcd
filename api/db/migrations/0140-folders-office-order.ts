import type { Sequelize, Transaction } from 'sequelize';

// An office's folders newest first, whatever their status: the default list and the first, bounded pass
// of a search (search-folder-rows.ts) read the office's latest folders in id order from this index. The
// (office_id, status, id) index serves that order only once a status is chosen.
const statements = ['CREATE INDEX folders_office_id_idx ON folders (office_id, id DESC)'];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
