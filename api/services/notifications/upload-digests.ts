import { QueryTypes, type Transaction } from 'sequelize';
import type { Database } from '../../db/database.js';
import { folderStaff } from './recipients.js';
import { planNotifications } from './store.js';

/** The office hears of a folder's uploads at most this often. */
export const DIGEST_WINDOW_MS = 15 * 60 * 1000;

/**
 * Adds a client's upload to its folder's digest. The first upload after a quiet quarter of an hour is
 * due at once; the ones that follow wait for the window to pass and go out together.
 */
export async function addToUploadDigest(
  db: Database,
  transaction: Transaction,
  upload: { officeId: string; folderId: string; fileId: string },
  now: Date,
): Promise<void> {
  await db.sequelize.query(
    `INSERT INTO folder_upload_digests (folder_id, office_id, file_ids, due_at)
     VALUES (:folderId, :officeId, ARRAY[:fileId], :now)
     ON CONFLICT (folder_id) DO UPDATE
       SET file_ids = array_append(folder_upload_digests.file_ids, :fileId),
           due_at = COALESCE(folder_upload_digests.due_at,
                             GREATEST(CAST(:now AS timestamptz), folder_upload_digests.last_sent_at + make_interval(secs => :windowSeconds)))
     WHERE NOT (:fileId = ANY (folder_upload_digests.file_ids))`,
    { replacements: { ...upload, now, windowSeconds: DIGEST_WINDOW_MS / 1000 }, transaction },
  );
}

/** Turns every due digest into one e-mail per member who sees the folder. Returns how many were planned. */
export async function flushDueDigests(db: Database, now: Date): Promise<number> {
  return db.sequelize.transaction(async (transaction) => {
    const due = await db.sequelize.query<{ folder_id: string; office_id: string; file_ids: string[] }>(
      `SELECT folder_id, office_id, file_ids FROM folder_upload_digests
        WHERE due_at <= :now ORDER BY due_at LIMIT 100 FOR UPDATE SKIP LOCKED`,
      { replacements: { now }, type: QueryTypes.SELECT, transaction },
    );
    let planned = 0;
    for (const digest of due) {
      const staff = await folderStaff(db, digest.folder_id, transaction);
      planned += await planNotifications(
        db,
        transaction,
        staff.map((member) => ({
          officeId: digest.office_id,
          folderId: digest.folder_id,
          kind: 'uploads_digest' as const,
          channel: 'email' as const,
          recipient: { memberId: member.id },
          dedupeKey: `uploads_digest:${digest.folder_id}:${now.getTime()}:${member.id}`,
          data: { fileIds: digest.file_ids },
        })),
        now,
      );
      await db.sequelize.query(
        "UPDATE folder_upload_digests SET file_ids = '{}', due_at = NULL, last_sent_at = :now WHERE folder_id = :folderId",
        { replacements: { now, folderId: digest.folder_id }, transaction },
      );
    }
    return planned;
  });
}

/** When the next digest falls due, or null. */
export async function nextDigestDueAt(db: Database): Promise<Date | null> {
  const [row] = await db.sequelize.query<{ at: Date | null }>('SELECT min(due_at) AS at FROM folder_upload_digests', {
    type: QueryTypes.SELECT,
  });
  return row?.at ?? null;
}
