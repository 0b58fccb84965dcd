import type { Database } from '../../db/database.js';
import { bind, plannedRows } from '../../db/prepared-read.js';
import { likeContaining } from '../../domain/text.js';
import { type FolderList, listOrder } from './folder-list.js';
import { folderRowsByWord } from './search-folder-words.js';

/**
 * Folders the first pass in list order reads per row the page wants, before it judges how common the
 * text is: a text one folder in this many carries fills the page within it.
 */
const FIRST_SCAN_PER_ROW = 40;
/** The most folders read in list order: past it, sorting the trigram index's matches costs less. */
const MAX_ORDERED_SCAN = 25_000;
/** The margin on the rate the first pass met the text at, for its unevenness. */
const MARGIN = 1.5;

/**
 * The first matches of a search (`folded`, the searched text folded) in list order, exactly.
 *
 * Most searches are answered from the office's words (search-folder-words.ts): each word's first
 * folders in list order, at a cost that follows the page, not how many folders carry the word.
 *
 * Text too short for the words' index, or that too many words share (a few letters, a number's prefix),
 * is read row by row over the office's folders in list order instead: such text is common, and the first
 * pass (40 folders per row wanted) usually fills the page. From what that pass found the search judges
 * the rest: text that showed up, but too seldom to fill the page, is followed in list order as far as the
 * page should need (up to MAX_ORDERED_SCAN folders in all); text that would need more, or did not show up
 * at all, goes to the trigram index on folders, whose matches are then few enough to sort. (Sorted, a
 * common text's matches would cost more than the whole read in list order: 20 000 at a million folders.)
 *
 * A pass answers only when it found the rows wanted or read every folder left; the words and the trigram
 * query each answer the whole search. Each step is one statement, planned for its values each time: a
 * plan made once for any text could scan a million rows for a rare one.
 */
export async function searchFolderRows(db: Database, list: FolderList, folded: string): Promise<string[]> {
  const byWord = await folderRowsByWord(db, list, folded);
  if (byWord) return byWord;
  const firstScan = FIRST_SCAN_PER_ROW * list.limit;
  const first = await firstPass(db, list, folded, firstScan);
  if (first.rows.length >= list.limit || first.edge === null) return first.rows;
  if (first.edge !== undefined) {
    const wanted = list.limit - first.rows.length;
    // At the rate the first pass met the word, with a margin for its unevenness.
    const stillToRead = Math.ceil(((wanted * firstScan) / first.rows.length) * MARGIN);
    if (stillToRead <= MAX_ORDERED_SCAN - firstScan) {
      const more = await nextPass(db, list, folded, first.edge, stillToRead, wanted);
      if (more.length >= wanted) return [...first.rows, ...more];
    }
  }
  return trigramSearch(db, list, folded);
}

interface FirstPass {
  rows: string[];
  /**
   * The stretch's last folder; null when fewer than `scan` folders were left, so nothing lies past it;
   * unknown when the pass found nothing (the edge rides on its rows), and the trigram query then answers.
   */
  edge?: string | null;
}

/**
 * The matches among the office's next `scan` folders, in list order, at most `limit` of them, and where
 * that stretch ends: a walk of the (office_id, id) index that bounds the row-by-row scan as an index
 * condition (the office's last folder when fewer than `scan` were left: PostgreSQL reads that fallback
 * only then). strpos() is no operator the trigram index serves, so the pass walks the id order and stops
 * at `limit`; row by row it also costs less than LIKE (8 500 folders: 1.5 ms against 2.5 ms).
 */
async function firstPass(db: Database, list: FolderList, folded: string, scan: number): Promise<FirstPass> {
  const values = [...list.values];
  const { forward, backward, past } = listOrder(list);
  const stretch = (direction: string) =>
    `SELECT s.id FROM folders s WHERE s.office_id = ${bind(values, list.officeId)}` +
    (list.after === null ? '' : ` AND s.id ${past} ${bind(values, list.after)}`) +
    ` ORDER BY s.id ${direction}`;
  const text = `
    WITH edge AS MATERIALIZED (SELECT (${stretch(forward)} OFFSET ${bind(values, scan - 1)} LIMIT 1) AS id)
    SELECT f.id, (SELECT id FROM edge) AS edge FROM folders f
    WHERE ${list.conditions} AND strpos(f.search_text, ${bind(values, folded)}) > 0
      AND f.id ${list.ascending ? '<=' : '>='} coalesce((SELECT id FROM edge), (${stretch(backward)} LIMIT 1))
    ORDER BY f.id ${forward} LIMIT ${bind(values, list.limit)}`;
  const rows = await plannedRows<{ id: string; edge: string | null }>(db, text, values);
  return { rows: rows.map((row) => row.id), edge: rows[0]?.edge };
}

/**
 * The matches among the `scan` folders past `edge`, in list order, at most `wanted`. The stretch is a
 * LIMIT PostgreSQL pulls rows from one at a time, so the scan stops at the `wanted`th match without a
 * walk of the index to find where the stretch ends; whether folders lie past it no longer matters, as
 * a pass that falls short hands the page to the trigram query.
 */
async function nextPass(db: Database, list: FolderList, folded: string, edge: string, scan: number, wanted: number): Promise<string[]> {
  const values = [...list.values];
  const { forward, past } = listOrder(list);
  const text = `
    SELECT id FROM (
      SELECT f.id, f.search_text FROM folders f WHERE ${list.conditions} AND f.id ${past} ${bind(values, edge)}
      ORDER BY f.id ${forward} LIMIT ${bind(values, scan)}
    ) stretch
    WHERE strpos(stretch.search_text, ${bind(values, folded)}) > 0 LIMIT ${bind(values, wanted)}`;
  return (await plannedRows<{ id: string }>(db, text, values)).map((row) => row.id);
}

/** The whole search by the trigram index: every match, sorted. */
async function trigramSearch(db: Database, list: FolderList, folded: string): Promise<string[]> {
  const values = [...list.values];
  const text = `SELECT f.id FROM folders f WHERE ${list.conditions} AND f.search_text LIKE ${bind(values, likeContaining(folded))}
    ORDER BY f.id ${listOrder(list).forward} LIMIT ${bind(values, list.limit)}`;
  return (await plannedRows<{ id: string }>(db, text, values)).map((row) => row.id);
}
