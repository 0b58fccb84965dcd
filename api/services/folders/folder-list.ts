import type { Database } from '../../db/database.js';
import { bind, plannedRows } from '../../db/prepared-read.js';

/**
 * The folders a list looks at, as SQL on the folders row `f`: its conditions (visibility, filters and the
 * cursor) joined with AND, their values bound as $1, $2… in `values`.
 */
export interface FolderList {
  conditions: string;
  values: readonly unknown[];
  /** The office, whose indexes a search walks. */
  officeId: string;
  /** The cursor: the last folder of the previous page, which the list starts after. */
  after: string | null;
  ascending: boolean;
  /** Rows wanted: the page and one more. */
  limit: number;
}

/** The ids of the list's first `limit` folders, in list order. */
export async function folderRows(db: Database, list: FolderList): Promise<string[]> {
  const values = [...list.values];
  const text = `SELECT f.id FROM folders f WHERE ${list.conditions} ORDER BY f.id ${listOrder(list).forward} LIMIT ${bind(values, list.limit)}`;
  return (await plannedRows<{ id: string }>(db, text, values)).map((row) => row.id);
}

/** The list's order as SQL: its direction, the other one, and the comparison that means "past" a folder. */
export function listOrder(list: FolderList) {
  return list.ascending ? { forward: 'ASC', backward: 'DESC', past: '>' } : { forward: 'DESC', backward: 'ASC', past: '<' };
}
