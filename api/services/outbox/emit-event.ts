import type { Transaction } from 'sequelize';
import { insertSql } from '../../db/insert-sql.js';
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

/** The outbox_events row of an event by column: what emitEvent inserts, and a change written as one statement. */
export function outboxEventRow(ctx: ServiceContext, type: EventType, folderId: string | null, data: unknown): Record<string, unknown> {
  // An app's action names the app: its webhook deliveries say which app did it.
  const appId = ctx.actor.kind === 'app' ? (ctx.actor.app?.id ?? null) : null;
  return { id: newId('msg'), office_id: ctx.actor.officeId, folder_id: folderId, type, payload: JSON.stringify(data), app_id: appId };
}

/** What the outbox's insert hands back (`RETURNING ${OUTBOX_RETURNING}`), for its announcement. */
export const OUTBOX_RETURNING = 'seq::text AS seq, occurred_at';
export interface OutboxInserted {
  seq: string;
  occurred_at: Date;
}

/** The announcement of an outbox row once committed, from its row and what its insert returned. */
export function announcementOf(row: Record<string, unknown>, inserted: OutboxInserted): OutboxAnnouncement {
  return {
    seq: inserted.seq,
    office: String(row.office_id),
    folder: (row.folder_id as string | null) ?? null,
    type: String(row.type),
    at: new Date(inserted.occurred_at).toISOString(),
  };
}

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
  const row = outboxEventRow(ctx, type, folderId, data);
  const values: unknown[] = [];
  const [inserted] = (await ctx.db.sequelize.query(`${insertSql('outbox_events', row, values)} RETURNING ${OUTBOX_RETURNING}`, {
    bind: values,
    transaction,
  })) as [OutboxInserted[], unknown];
  const announcement = announcementOf(row, inserted[0] as OutboxInserted);
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
