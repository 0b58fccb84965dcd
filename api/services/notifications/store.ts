import { QueryTypes, type Transaction } from 'sequelize';
import type { Database } from '../../db/database.js';
import type { NotificationChannel } from '../../db/models/webhooks.js';
import { newId } from '../../domain/ids.js';

export type NotificationKind =
  | 'folder_online'
  | 'documents_requested'
  | 'document_refused'
  | 'bank_details_shared'
  | 'office_document_shared'
  | 'uploads_digest'
  | 'request_reminder'
  | 'endpoint_disabled';

export interface PlannedNotification {
  officeId: string;
  folderId: string | null;
  kind: NotificationKind;
  channel: NotificationChannel;
  recipient: { clientId: string } | { memberId: string };
  /** Planning the same thing twice (the outbox is read at least once) yields one notification. */
  dedupeKey: string;
  data?: Record<string, unknown>;
}

/** Records notifications to send, due now; duplicates (same dedupe key) are ignored. Returns how many are new. */
export async function planNotifications(
  db: Database,
  transaction: Transaction,
  planned: PlannedNotification[],
  now: Date,
): Promise<number> {
  if (planned.length === 0) return 0;
  const rows = planned.map((p) => ({
    id: newId('ntf', now.getTime()),
    office_id: p.officeId,
    folder_id: p.folderId,
    kind: p.kind,
    channel: p.channel,
    client_id: 'clientId' in p.recipient ? p.recipient.clientId : null,
    member_id: 'memberId' in p.recipient ? p.recipient.memberId : null,
    dedupe_key: p.dedupeKey,
    data: p.data ?? {},
  }));
  // One statement; ON CONFLICT DO NOTHING + RETURNING tells exactly which ones are new.
  const inserted = await db.sequelize.query<{ id: string }>(
    `INSERT INTO notifications (id, office_id, folder_id, kind, channel, client_id, member_id, dedupe_key, data, due_at, created_at)
     SELECT r.id, r.office_id, r.folder_id, r.kind, r.channel, r.client_id, r.member_id, r.dedupe_key, r.data, :now, :now
       FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id text, office_id text, folder_id text, kind text, channel text,
            client_id text, member_id text, dedupe_key text, data jsonb)
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id`,
    { replacements: { rows: JSON.stringify(rows), now }, type: QueryTypes.SELECT, transaction },
  );
  return inserted.length;
}
