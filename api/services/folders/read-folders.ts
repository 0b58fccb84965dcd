import { preparedRows } from '../../db/prepared-read.js';
import { completionOf, type RequestStatus } from '../../domain/review.js';
import type { FinalisedAnchor } from '../../ports/anchor.js';
import { visibleFoldersBound } from '../access/folder-access.js';
import type { ServiceContext } from '../context.js';
import { anchorSummaryOf } from './present-folders.js';
import { type Folder, type FolderClient, type FolderFields, toFolder } from './views.js';

interface FolderJsonRow extends FolderFields {
  deedCode: string;
  deedLabel: string;
  anchorRequestedAt: Date | null;
  anchorAnchoredAt: Date | null;
  anchorFinal: FinalisedAnchor | null;
  memberIds: string[];
  clients: Array<Omit<FolderClient, 'completion'> & { total: number; validated: number }>;
}

/**
 * Folders with their deed type, members, clients with their completion and their anchor, in one statement:
 * a folder read, or a page of the list, costs one round trip. What it answers is what `presentFolders`
 * builds inside a transaction (the same order of clients and members, a client actor sees only themself);
 * `folder-reads.test.ts` compares the two. $1 is the folders' ids, $2 the validated state, $3 the client
 * actor if any; the visibility rule binds the rest.
 */
const FOLDERS_JSON = (visible: string, onlyClient: boolean) => `
  SELECT f.id, f.office_id AS "officeId", f.number, f.title, f.deed_type_id AS "deedTypeId", f.note, f.access, f.status,
    f.version, f.requests_total AS "requestsTotal", f.requests_validated AS "requestsValidated",
    f.files_pending AS "filesPending", f.completed_at AS "completedAt", f.anchor_status AS "anchorStatus",
    f.anchor_error AS "anchorError", f.archived_at AS "archivedAt", f.created_at AS "createdAt", f.updated_at AS "updatedAt",
    d.code AS "deedCode", d.label AS "deedLabel",
    a.requested_at AS "anchorRequestedAt", a.anchored_at AS "anchorAnchoredAt",
    CASE WHEN a.anchored_at IS NOT NULL THEN b.final END AS "anchorFinal",
    COALESCE((SELECT json_agg(m.member_id ORDER BY m.member_id) FROM folder_members m WHERE m.folder_id = f.id), '[]') AS "memberIds",
    COALESCE((
      SELECT json_agg(json_build_object('id', c.id, 'lastName', c.last_name, 'firstName', c.first_name, 'email', c.email,
               'mobile', c.mobile, 'total', n.total, 'validated', n.validated) ORDER BY fc.created_at, fc.client_id)
      FROM folder_clients fc JOIN clients c ON c.id = fc.client_id
      CROSS JOIN LATERAL (
        SELECT count(*) AS total, count(*) FILTER (WHERE r.status = $2) AS validated
        FROM document_requests r WHERE r.folder_id = f.id AND r.client_id = fc.client_id AND r.cancelled_at IS NULL
      ) n
      WHERE fc.folder_id = f.id${onlyClient ? ' AND fc.client_id = $3' : ''}
    ), '[]') AS clients
  FROM folders f
  JOIN deed_types d ON d.id = f.deed_type_id
  LEFT JOIN folder_anchors a ON a.folder_id = f.id AND f.anchor_status IS NOT NULL
  LEFT JOIN anchor_batches b ON b.id = a.batch_id
  WHERE f.id = ANY($1::text[]) AND ${visible}`;

/**
 * The row above as one JSON value per folder: pg then describes and parses one column, not 25 (the
 * types, a parser per column and a Date per timestamp), on every read. Timestamps arrive as ISO 8601
 * text with their offset and become Dates again here (DATE_FIELDS), at millisecond precision, as pg's
 * own parser gives them.
 */
const AS_JSON = (rows: string) => `SELECT row_to_json(folder) AS folder FROM (${rows}) folder`;
const DATE_FIELDS = ['completedAt', 'archivedAt', 'createdAt', 'updatedAt', 'anchorRequestedAt', 'anchorAnchoredAt'] as const;

function revived(row: FolderJsonRow): FolderJsonRow {
  const dated = row as unknown as Record<(typeof DATE_FIELDS)[number], string | Date | null>;
  for (const field of DATE_FIELDS) {
    const value = dated[field];
    if (typeof value === 'string') dated[field] = new Date(value);
  }
  return row;
}

// The statement's texts by shape, built once: every read then hands pg (and the prepared statement's name
// lookup) the same string, which V8 hashes and compares once, not a new 2 kB string per request.
const texts = new Map<string, string>();
function foldersJson(visible: string, onlyClient: boolean): string {
  const key = `${onlyClient}:${visible}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = AS_JSON(FOLDERS_JSON(visible, onlyClient));
    texts.set(key, text);
  }
  return text;
}

/** The folders of `ids` the actor may see, in the order of `ids`; the others are left out. */
export async function readFolders(ctx: ServiceContext, ids: readonly string[]): Promise<Folder[]> {
  if (ids.length === 0) return [];
  const { actor } = ctx;
  const values: unknown[] = [ids, 'validated' satisfies RequestStatus];
  if (actor.kind === 'client') values.push(actor.clientId);
  const text = foldersJson(visibleFoldersBound(ctx, 'f', values), actor.kind === 'client');
  const rows = (await preparedRows<{ folder: FolderJsonRow }>(ctx.db, text, values)).map(({ folder }) => revived(folder));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      toFolder(row, {
        deedType: { code: row.deedCode, label: row.deedLabel },
        clients: row.clients.map(({ total, validated, ...client }) => ({ ...client, completion: completionOf(validated, total) })),
        memberIds: row.memberIds,
        hideNote: actor.kind === 'client',
        anchor: anchorSummaryOf(
          row,
          row.anchorRequestedAt ? { requestedAt: row.anchorRequestedAt, anchoredAt: row.anchorAnchoredAt } : undefined,
          row.anchorFinal ?? undefined,
        ),
      }),
    ];
  });
}
