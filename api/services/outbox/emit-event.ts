import type { Transaction } from 'sequelize';
import { newId } from '../../domain/ids.js';
import type { ServiceContext } from '../context.js';

/** Webhook event types. */
export type EventType =
  | 'folder.created'
  | 'folder.updated'
  | 'folder.archived'
  | 'folder.completed'
  | 'client.added'
  | 'document.requested'
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
 * the webhook workers deliver it if and only if the change committed. `data` is the resource as the API
 * returns it.
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
  await ctx.db.sequelize.query(
    'INSERT INTO outbox_events (id, office_id, folder_id, type, payload, app_id) VALUES (:id, :officeId, :folderId, :type, :payload, :appId)',
    {
      replacements: { id: newId('msg'), officeId: ctx.actor.officeId, folderId, type, payload: JSON.stringify(data), appId },
      transaction,
    },
  );
}
