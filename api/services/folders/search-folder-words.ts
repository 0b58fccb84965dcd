import type { Database } from '../../db/database.js';
import { bind, plannedRows } from '../../db/prepared-read.js';
import { likeContaining } from '../../domain/text.js';
import { type FolderList, listOrder } from './folder-list.js';

/** The most words containing what was typed that the search follows one by one. */
const MAX_WORDS = 64;
/** The trigram index on words finds a word by three letters at least. */
const MIN_LETTERS = 3;

/**
 * The first matches of a search in list order, read from the office's words (folder_words, kept by the
 * database from each folder's search text): the words that contain what was typed, then each word's
 * first folders in list order from its B-tree, each row checked for the whole text, merged. The cost
 * follows the page and the number of such words, not how many folders carry them: a word 4 000 folders
 * of a million carry reads about as many rows as one 10 folders carry.
 *
 * Text that holds several words spans word boundaries, yet every folder it matches carries a word that
 * contains its longest part, which picks the candidates; strpos() on the folder's whole text then keeps
 * the exact matches. Null when this cannot answer cheaply: no part as long as MIN_LETTERS, or more than
 * MAX_WORDS words contain it (a few letters, a number's prefix); such text is common, and a read in
 * list order meets it soon.
 */
export async function folderRowsByWord(db: Database, list: FolderList, folded: string): Promise<string[] | null> {
  const longest = folded.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest.length < MIN_LETTERS) return null;
  const values = [...list.values];
  const { forward, past } = listOrder(list);
  const words = bind(values, MAX_WORDS);
  // The cursor is in the list's conditions, and again on the words' key: each word's walk then starts
  // at the cursor instead of at its first folder.
  const text = `
    WITH words AS MATERIALIZED (
      SELECT word FROM search_words WHERE word LIKE ${bind(values, likeContaining(longest))} LIMIT ${words} + 1
    )
    SELECT NULL::text AS id, count(*) AS words FROM words
    UNION ALL
    (SELECT DISTINCT hit.id, NULL::bigint FROM words CROSS JOIN LATERAL (
       SELECT f.id FROM folder_words p JOIN folders f ON f.id = p.folder_id
       WHERE p.office_id = ${bind(values, list.officeId)} AND p.word = words.word
         ${list.after === null ? '' : `AND p.folder_id ${past} ${bind(values, list.after)}`}
         AND ${list.conditions} AND strpos(f.search_text, ${bind(values, folded)}) > 0
       ORDER BY p.folder_id ${forward} LIMIT ${bind(values, list.limit)}
     ) hit
     WHERE (SELECT count(*) FROM words) <= ${words}
     ORDER BY hit.id ${forward} LIMIT ${bind(values, list.limit)})`;
  const rows = await plannedRows<{ id: string | null; words: string | null }>(db, text, values);
  if (Number(rows.find((row) => row.id === null)?.words) > MAX_WORDS) return null;
  return rows.flatMap((row) => (row.id === null ? [] : [row.id]));
}
