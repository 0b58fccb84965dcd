import { Op, type WhereOptions } from 'sequelize';
import type { FolderRow } from '../../db/models/folder.js';
import { likeContaining } from '../../domain/text.js';
import type { ServiceContext } from '../context.js';

export interface FolderSearch {
  /** Every condition of the list (visibility, filters, the cursor), the text aside. */
  where: WhereOptions<FolderRow>[];
  /** The cursor: the last folder of the previous page, which the search starts after. */
  after: string | null;
  /** The searched text, folded. */
  folded: string;
  ascending: boolean;
  /** Rows wanted: the page and one more. */
  limit: number;
}

/** A folder of a list, as its query finds it: its id only, the page's folders are read in one statement after. */
export type FolderRef = Pick<FolderRow, 'id'>;

export function folderRows(ctx: ServiceContext, where: WhereOptions<FolderRow>[], ascending: boolean, limit: number): Promise<FolderRef[]> {
  return ctx.db.models.Folder.findAll({
    attributes: ['id'],
    where: { [Op.and]: where },
    order: [['id', ascending ? 'ASC' : 'DESC']],
    limit,
  });
}

/** Folders the first pass reads, in list order, before it judges how common the word is. */
const FIRST_SCAN = 2500;
/** The most folders read in list order: past it, sorting the trigram index's matches costs less. */
const MAX_ORDERED_SCAN = 25_000;

/**
 * The first matches of a search in list order. A word many folders carry (a common surname) would have the
 * trigram index hand PostgreSQL every match of the whole database (20 000 at a million folders) to sort
 * before the first page. So the search first reads the office's next FIRST_SCAN folders in list order,
 * testing each row: a common word fills the page within them. From what that pass found it judges the
 * rest: a word that showed up, but too seldom to fill the page, is followed in list order as far as the
 * page should need (up to MAX_ORDERED_SCAN folders in all); a word that did not show up at all, or would
 * need more, goes to the trigram index, whose few matches then cost little to sort. Either way the page is
 * exactly the first matches in list order: a pass answers only when it found the rows wanted or read every
 * folder left, and the trigram query is the whole search.
 */
export async function searchFolderRows(ctx: ServiceContext, search: FolderSearch): Promise<FolderRef[]> {
  const first = await orderedPass(ctx, search, search.after, FIRST_SCAN, search.limit);
  if (first.rows.length >= search.limit || first.exhausted) return first.rows;
  const found = first.rows.length;
  const wanted = search.limit - found;
  // At the rate the first pass met the word, with a margin for its unevenness.
  const stillToRead = found === 0 ? Number.POSITIVE_INFINITY : Math.ceil(((wanted * FIRST_SCAN) / found) * 1.5);
  if (first.edge !== null && stillToRead <= MAX_ORDERED_SCAN - FIRST_SCAN) {
    // The last pass: should it fall short, the trigram query follows whatever lies past its stretch, so
    // it need not learn where the stretch ended.
    const second = await orderedPass(ctx, search, first.edge, stillToRead, wanted, { last: true });
    if (second.rows.length >= wanted) return [...first.rows, ...second.rows];
  }
  return folderRows(ctx, [...search.where, { searchText: { [Op.like]: likeContaining(search.folded) } }], search.ascending, search.limit);
}

interface Pass {
  rows: FolderRef[];
  /** The stretch's last folder, known when a match was found and the stretch was whole. */
  edge: string | null;
  /** A match was found and fewer than `scan` folders were left: nothing lies past this stretch. */
  exhausted: boolean;
}

/** The attribute each row of a pass carries: the id of the stretch's last folder, or null. */
const EDGE = 'stretch_edge';

/**
 * The matches among the office's next `scan` folders after `after`, in list order, at most `wanted` of
 * them, in one statement. Where the stretch ends is a subquery on (office_id, id), an index-only walk: it
 * bounds the row-by-row scan as an index condition (the office's last folder when fewer than `scan` were
 * left: PostgreSQL reads that fallback only then), and, but on the `last` pass, comes back on each row,
 * null when fewer were left, for the next pass to start there. A pass that finds nothing learns nothing of
 * the stretch: the caller then goes to the trigram index, which answers either way.
 */
async function orderedPass(
  ctx: ServiceContext,
  search: FolderSearch,
  after: string | null,
  scan: number,
  wanted: number,
  { last = false } = {},
): Promise<Pass> {
  const { sequelize, models } = ctx.db;
  const [forward, backward] = search.ascending ? ['ASC', 'DESC'] : ['DESC', 'ASC'];
  const stretch =
    `SELECT stretch.id FROM folders stretch WHERE stretch.office_id = ${sequelize.escape(ctx.actor.officeId)}` +
    (after === null ? '' : ` AND stretch.id ${search.ascending ? '>' : '<'} ${sequelize.escape(after)}`);
  const edge = `(${stretch} ORDER BY stretch.id ${forward} OFFSET ${scan - 1} LIMIT 1)`;
  const lastLeft = `(${stretch} ORDER BY stretch.id ${backward} LIMIT 1)`;
  const bound = sequelize.literal(`"${models.Folder.name}".id ${search.ascending ? '<=' : '>='} coalesce(${edge}, ${lastLeft})`);
  // The list's own conditions hold the cursor; a later pass starts past the previous one's edge.
  const start = after === null || after === search.after ? [] : [{ id: { [search.ascending ? Op.gt : Op.lt]: after } }];
  // strpos() is no operator the trigram index serves, so this pass walks the id order and stops at `wanted`;
  // row by row it also costs less than LIKE (8 500 folders: 1.5 ms against 2.5 ms).
  const rowByRow = sequelize.where(sequelize.fn('strpos', sequelize.col('search_text'), search.folded), { [Op.gt]: 0 });
  const rows = await models.Folder.findAll({
    // Each row repeats the edge: the subquery is walked once more, which only a later pass needs.
    attributes: last ? ['id'] : ['id', [sequelize.literal(edge), EDGE]],
    where: { [Op.and]: [...search.where, ...start, rowByRow, bound] },
    order: [['id', forward]],
    limit: wanted,
  });
  const stretchEdge = rows.length && !last ? (rows[0]?.get(EDGE) as string | null) : null;
  return { rows, edge: stretchEdge, exhausted: rows.length > 0 && !last && stretchEdge === null };
}
