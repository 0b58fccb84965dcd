import { Op, QueryTypes } from 'sequelize';
import { loadFolder, visibleFolders } from '../access/folder-access.js';
import type { ServiceContext } from '../context.js';

/**
 * One change, as the live streams tell it: which folder changed and how, never the resource itself. A
 * subscriber reads the resource through the API, with its own credential, so the stream can never show
 * more than the caller may read.
 */
export interface LiveEvent {
  /** The outbox row's sequence number (decimal text): the stream's event id, and where a resume starts. */
  seq: string;
  officeId: string;
  folderId: string;
  /** The webhook event type (`document.uploaded`, `folder.anchored`…). */
  type: string;
  occurredAt: string;
}

/** At most this many missed events are replayed on resume; past it the stream tells the client to reload. */
export const MAX_REPLAY = 500;

/** Whether the actor sees every folder of its office, so that no event needs a visibility check. */
function seesWholeOffice(ctx: ServiceContext): boolean {
  const { actor } = ctx;
  return actor.kind !== 'client' && actor.role !== 'collaborator' && !actor.folderId;
}

/** A folder stream opens only on a folder the actor may open: a hidden or foreign one is "not found". */
export async function openFolderStream(ctx: ServiceContext, folderId: string): Promise<string> {
  return (await loadFolder(ctx, folderId)).id;
}

/** Whether the actor may still see `folderId` (its access may have changed since the stream opened). */
export async function seesFolder(ctx: ServiceContext, folderId: string): Promise<boolean> {
  if (seesWholeOffice(ctx)) return true;
  const count = await ctx.db.models.Folder.count({ where: { [Op.and]: [{ id: folderId }, visibleFolders(ctx)] } });
  return count > 0;
}

/** Where a stream opened now starts: every event after this seq reaches it, live or on resume. */
export async function latestSeq(ctx: ServiceContext): Promise<string> {
  const [row] = await ctx.db.sequelize.query<{ seq: string }>('SELECT coalesce(max(seq), 0)::text AS seq FROM outbox_events', {
    type: QueryTypes.SELECT,
  });
  return row?.seq ?? '0';
}

/**
 * The events after `afterSeq` of one folder (or of every folder the actor sees), in order, for a client
 * resuming with Last-Event-ID. `truncated`: more were missed than are replayed; the client reloads instead.
 */
export async function eventsAfter(
  ctx: ServiceContext,
  scope: { folderId: string } | { office: true },
  afterSeq: string,
): Promise<{ events: LiveEvent[]; truncated: boolean }> {
  const rows = await ctx.db.sequelize.query<{ seq: string; office_id: string; folder_id: string; type: string; occurred_at: Date }>(
    `SELECT seq::text AS seq, office_id, folder_id, type, occurred_at FROM outbox_events
      WHERE office_id = :officeId AND seq > :afterSeq AND folder_id IS NOT NULL
        ${'folderId' in scope ? 'AND folder_id = :folderId' : ''}
      ORDER BY seq LIMIT :limit`,
    {
      type: QueryTypes.SELECT,
      replacements: {
        officeId: ctx.actor.officeId,
        afterSeq,
        folderId: 'folderId' in scope ? scope.folderId : null,
        limit: MAX_REPLAY + 1,
      },
    },
  );
  const truncated = rows.length > MAX_REPLAY;
  const events: LiveEvent[] = [];
  const visible = new Map<string, boolean>();
  for (const row of rows.slice(0, MAX_REPLAY)) {
    let sees = visible.get(row.folder_id);
    if (sees === undefined) {
      sees = await seesFolder(ctx, row.folder_id);
      visible.set(row.folder_id, sees);
    }
    if (!sees) continue;
    events.push({
      seq: row.seq,
      officeId: row.office_id,
      folderId: row.folder_id,
      type: row.type,
      occurredAt: new Date(row.occurred_at).toISOString(),
    });
  }
  return { events, truncated };
}
