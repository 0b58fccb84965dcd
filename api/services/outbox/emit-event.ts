import type { Transaction } from 'sequelize';
import { newId } from '../../domain/ids.js';
import type { ServiceContext } from '../context.js';
import { announceOutbox, type OutboxAnnouncement } from './announce-outbox.js';

/** Webhook event types. */
export type EventType =
  | 'folder.created'
  | 'folder.updated'
  | 'folder.archived'
  | 'folder.completed'
  | 'client.added'
  | 'document.requested'
  | 'document.request_cancelled'
  | 'document.uploaded'
  | 'document.validated'
  | 'document.refused'
  | 'folder.anchoring_started'
  | 'folder.anchored'
  | 'folder.anchoring_failed'
  | 'member.pending'
  | 'app.authorized'
  | 'app.deauthorized'
  /** Internal (notifications): the office shared its RIB or a document with a folder's clients. */
  | 'document.shared';

/**
 * Writes a domain event to the outbox in the caller's transaction (the transactional outbox pattern):
 * the webhook workers deliver it if and only if the change committed, woken once it has (announce-outbox.ts).
 * `data` is the resource as the API returns it.
 */
export async function emitEvent(
  ctx: ServiceContext,
  transaction: Transaction,
  type: EventType,
  folderId: string | null,
  data: unknown,
): Promise<void> {
  // An app's action names the app: its webhook deliveries say which app did it.
  const appId = ctx.actor.kind === 'app' ? (ctx.actor.app?.id ?? null) : null;
  const [rows] = (await ctx.db.sequelize.query(
    `INSERT INTO outbox_events (id, office_id, folder_id, type, payload, app_id) VALUES (:id, :officeId, :folderId, :type, :payload, :appId)
     RETURNING seq::text AS seq, occurred_at`,
    {
      replacements: { id: newId('msg'), officeId: ctx.actor.officeId, folderId, type, payload: JSON.stringify(data), appId },
      transaction,
    },
  )) as [{ seq: string; occurred_at: Date }[], unknown];
  const row = rows[0];
  const announcement: OutboxAnnouncement = {
    seq: row.seq,
    office: ctx.actor.officeId,
    folder: folderId,
    type,
    at: new Date(row.occurred_at).toISOString(),
  };
  const pending = committedRows.get(transaction);
  if (pending) {
    pending.push(announcement);
    return;
  }
  const rowsOfTransaction = [announcement];
  committedRows.set(transaction, rowsOfTransaction);
  transaction.afterCommit(() => announceOutbox(ctx.db, rowsOfTransaction));
}

// The rows each open transaction wrote: announced once, together, when it commits.
const committedRows = new WeakMap<Transaction, OutboxAnnouncement[]>();
