import { QueryTypes, type Transaction } from 'sequelize';
import type { Database } from '../../db/database.js';
import type { OutboxEvent } from '../webhooks/outbox-event.js';
import { type PlannedNotification, planNotifications } from './store.js';
import { addToUploadDigest } from './upload-digests.js';

/**
 * What the guide says people are told, decided from the outbox in the dispatcher's transaction:
 * - the first documents requested from a client in a folder: "dossier mis en ligne" (the guide's e-mail);
 *   later requests: "documents demandés" (all the requests made in one go, in one e-mail);
 * - a refused file: "document refusé", with the reason, to its client;
 * - the office's RIB or one of its documents shared with a folder: to each client of the folder;
 * - a client's upload: into the folder's digest for the office (at most one e-mail per 15 minutes).
 * Returns how many notifications are new (digests are counted when they fall due).
 */
export async function planNotificationsFromOutbox(
  db: Database,
  transaction: Transaction,
  events: OutboxEvent[],
  now: Date,
): Promise<number> {
  const planned: PlannedNotification[] = [];
  const requestGroups = new Map<string, OutboxEvent>();
  for (const event of events) {
    const data = event.payload;
    if (event.type === 'document.requested' && event.folderId) {
      // Requests made together share their transaction's time: one e-mail for the lot.
      requestGroups.set(`${event.folderId}:${data.clientId}:${event.occurredAtExact}`, event);
    } else if (event.type === 'document.refused' && event.folderId) {
      planned.push({
        officeId: event.officeId,
        folderId: event.folderId,
        kind: 'document_refused',
        channel: 'email',
        recipient: { clientId: String(data.clientId) },
        dedupeKey: `document_refused:${data.id}`,
        data: { fileId: data.id },
      });
    } else if (event.type === 'document.shared' && event.folderId && (data.kind === 'bank_details' || data.kind === 'file')) {
      const kind = data.kind === 'file' ? 'office_document_shared' : 'bank_details_shared';
      for (const clientId of await folderClientIds(db, transaction, event.folderId)) {
        planned.push({
          officeId: event.officeId,
          folderId: event.folderId,
          kind,
          channel: 'email',
          recipient: { clientId },
          dedupeKey: `${kind}:${data.id}:${clientId}`,
          data: { sharedDocumentId: data.id },
        });
      }
    } else if (event.type === 'document.uploaded' && event.folderId && (await uploadedByItsClient(db, transaction, String(data.id)))) {
      await addToUploadDigest(db, transaction, { officeId: event.officeId, folderId: event.folderId, fileId: String(data.id) }, now);
    }
  }
  let count = await planNotifications(db, transaction, planned, now);
  for (const event of requestGroups.values()) count += await planRequestsEmail(db, transaction, event, now);
  return count;
}

async function folderClientIds(db: Database, transaction: Transaction, folderId: string): Promise<string[]> {
  const rows = await db.sequelize.query<{ client_id: string }>(
    'SELECT client_id FROM folder_clients WHERE folder_id = :folderId ORDER BY client_id',
    {
      replacements: { folderId },
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  return rows.map((r) => r.client_id);
}

/** Files the office itself adds for a client are no news to the office. */
async function uploadedByItsClient(db: Database, transaction: Transaction, fileId: string): Promise<boolean> {
  const [row] = await db.sequelize.query<{ mine: boolean }>(
    'SELECT uploaded_by = client_id AS mine FROM document_files WHERE id = :fileId',
    {
      replacements: { fileId },
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  return row?.mine === true;
}

/**
 * One e-mail for the requests one transaction made for one client. Read from the outbox rather than from
 * the batch at hand, so that a batch boundary falling inside that transaction changes nothing.
 */
async function planRequestsEmail(db: Database, transaction: Transaction, event: OutboxEvent, now: Date): Promise<number> {
  const clientId = String(event.payload.clientId);
  const folderId = event.folderId as string;
  const requests = await db.sequelize.query<{ id: string }>(
    `SELECT payload->>'id' AS id FROM outbox_events
      WHERE folder_id = :folderId AND type = 'document.requested' AND occurred_at = CAST(:occurredAt AS timestamptz) AND payload->>'clientId' = :clientId
      ORDER BY seq`,
    { replacements: { folderId, clientId, occurredAt: event.occurredAtExact }, type: QueryTypes.SELECT, transaction },
  );
  const [welcomed] = await db.sequelize.query<{ one: number }>(
    "SELECT 1 AS one FROM notifications WHERE folder_id = :folderId AND client_id = :clientId AND kind = 'folder_online' LIMIT 1",
    { replacements: { folderId, clientId }, type: QueryTypes.SELECT, transaction },
  );
  const common = {
    officeId: event.officeId,
    folderId,
    channel: 'email' as const,
    recipient: { clientId },
    data: { requestIds: requests.map((r) => r.id) },
  };
  return planNotifications(
    db,
    transaction,
    [
      welcomed
        ? { ...common, kind: 'documents_requested', dedupeKey: `documents_requested:${folderId}:${clientId}:${event.occurredAtExact}` }
        : { ...common, kind: 'folder_online', dedupeKey: `folder_online:${folderId}:${clientId}` },
    ],
    now,
  );
}
