import { Op, QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';
import type { NotificationRow } from '../../db/models/webhooks.js';
import { calendarDay } from '../../domain/time-zones.js';
import { messagesIn, type RenderedEmail } from '../../templates/index.js';
import { links } from './links.js';

export type RenderedNotification =
  | { channel: 'email'; to: string; fromName: string; email: RenderedEmail }
  | { channel: 'sms'; to: string; text: string }
  /** Nothing to say any more (request cancelled, client removed from the folder…). */
  | { skip: string };

interface Recipient {
  name: string;
  email: string;
  mobile: string | null;
  language: string;
}

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

async function recipientOf(db: Database, n: NotificationRow): Promise<Recipient | undefined> {
  if (n.clientId) {
    const client = await db.models.Client.findOne({ where: { id: n.clientId, officeId: n.officeId } });
    if (!client) return undefined;
    // A client taken off the folder hears nothing more about it.
    if (n.folderId && !(await db.models.FolderClient.findOne({ where: { folderId: n.folderId, clientId: client.id } }))) return undefined;
    return { name: `${client.firstName} ${client.lastName}`, email: client.email, mobile: client.mobile, language: client.language };
  }
  const member = await db.models.Member.findOne({ where: { id: n.memberId as string, officeId: n.officeId, status: 'active' } });
  // Members have no language setting yet: French, the product's language.
  return member ? { name: `${member.firstName} ${member.lastName}`, email: member.email, mobile: null, language: 'fr' } : undefined;
}

async function openRequests(db: Database, n: NotificationRow, requestIds: string[]) {
  return db.models.DocumentRequest.findAll({
    where: { id: { [Op.in]: requestIds }, officeId: n.officeId, clientId: n.clientId as string, cancelledAt: null, status: 'requested' },
    order: [['id', 'ASC']],
  });
}

/**
 * Builds the message of a notification from the data as it is now (a request cancelled since is left
 * out), in the recipient's language, with nothing about anyone but the recipient and their own folder.
 */
export async function renderNotification(db: Database, n: NotificationRow, baseUrl: string, now: Date): Promise<RenderedNotification> {
  const office = await db.models.Office.findByPk(n.officeId);
  const who = await recipientOf(db, n);
  if (!office || !who) return { skip: 'recipient no longer concerned' };
  const m = messagesIn(who.language);
  const salutation = { recipientName: who.name, officeName: office.name, timeZone: office.timeZone };
  const email = (rendered: RenderedEmail): RenderedNotification => ({
    channel: 'email',
    to: who.email,
    fromName: office.name,
    email: rendered,
  });
  const clientSpaceUrl = links.clientSpace(baseUrl);

  switch (n.kind) {
    case 'folder_online':
      return email(m.folderOnline({ ...salutation, clientSpaceUrl }));
    case 'documents_requested': {
      const requests = await openRequests(db, n, ids(n.data.requestIds));
      if (requests.length === 0) return { skip: 'requests cancelled or already answered' };
      return email(
        m.documentsRequested({ ...salutation, clientSpaceUrl, documents: requests.map((r) => ({ label: r.label, dueDate: r.dueDate })) }),
      );
    }
    case 'document_refused': {
      const file = await db.models.DocumentFile.findOne({
        where: { id: String(n.data.fileId), clientId: n.clientId as string, status: 'refused' },
      });
      if (!file) return { skip: 'file no longer refused' };
      const request = file.requestId ? await db.models.DocumentRequest.findByPk(file.requestId) : null;
      return email(
        m.documentRefused({
          ...salutation,
          documentLabel: request?.label ?? (who.language === 'en' ? 'Extra document' : 'Document supplémentaire'),
          fileName: file.originalName,
          reason: file.refusalReason,
          reuploadUrl: links.reupload(baseUrl, file.folderId, file.requestId),
        }),
      );
    }
    case 'bank_details_shared':
      return email(m.bankDetailsShared({ ...salutation, clientSpaceUrl }));
    case 'office_document_shared': {
      const shared = await db.models.SharedDocument.findOne({ where: { id: String(n.data.sharedDocumentId), officeId: n.officeId } });
      if (!shared) return { skip: 'no such shared document' };
      return email(m.officeDocumentShared({ ...salutation, clientSpaceUrl, documentLabel: shared.label }));
    }
    case 'uploads_digest': {
      const folder = await db.models.Folder.findOne({ where: { id: n.folderId as string, officeId: n.officeId } });
      const files = await db.sequelize.query<{ client_name: string; label: string | null; file_name: string }>(
        `SELECT c.first_name || ' ' || c.last_name AS client_name, r.label, f.original_name AS file_name
           FROM document_files f JOIN clients c ON c.id = f.client_id LEFT JOIN document_requests r ON r.id = f.request_id
          WHERE f.id IN (:fileIds) AND f.folder_id = :folderId ORDER BY f.id`,
        { replacements: { fileIds: [...ids(n.data.fileIds), ''], folderId: n.folderId }, type: QueryTypes.SELECT },
      );
      if (!folder || files.length === 0) return { skip: 'no such files' };
      return email(
        m.uploadsDigest({
          ...salutation,
          folderNumber: folder.number,
          folderTitle: folder.title,
          folderUrl: links.staffFolder(baseUrl, folder.id),
          files: files.map((f) => ({ clientName: f.client_name, documentLabel: f.label, fileName: f.file_name })),
        }),
      );
    }
    case 'request_reminder': {
      const requests = await openRequests(db, n, ids(n.data.requestIds));
      if (requests.length === 0) return { skip: 'requests answered or cancelled' };
      const today = calendarDay(now, office.timeZone);
      const params = {
        ...salutation,
        clientSpaceUrl,
        documents: requests.map((r) => ({ label: r.label, dueDate: r.dueDate as string, overdue: (r.dueDate as string) < today })),
      };
      if (n.channel === 'sms')
        return who.mobile ? { channel: 'sms', to: who.mobile, text: m.requestReminderSms(params) } : { skip: 'no mobile' };
      return email(m.requestReminder(params));
    }
    case 'endpoint_disabled':
      return email(
        m.endpointDisabled({
          ...salutation,
          endpointUrl: String(n.data.url),
          reason: n.data.reason === 'gone' ? 'gone' : 'failing',
          failingSince: typeof n.data.failingSince === 'string' ? n.data.failingSince : null,
        }),
      );
    default:
      return { skip: `unknown kind ${n.kind}` };
  }
}
