import type { Database } from '../../db/database.js';
import type { DevOutboxMessageRow } from '../../db/models/identity.js';
import { newId } from '../../domain/ids.js';
import type { SmsSender } from '../../ports/sms-sender.js';

export interface DevOutboxMessage {
  id: string;
  kind: 'sms' | 'email';
  to: string;
  subject: string | null;
  text: string;
  html: string | null;
  createdAt: string;
}

/** Records a message "sent" in the embedded mode (SMS here; the dev e-mail adapter writes here too). */
export async function writeDevOutbox(
  db: Database,
  message: { kind: 'sms' | 'email'; to: string; subject?: string | null; text: string; html?: string | null },
): Promise<void> {
  await db.models.DevOutboxMessage.create({
    id: newId('out'),
    kind: message.kind,
    to: message.to,
    subject: message.subject ?? null,
    bodyText: message.text,
    bodyHtml: message.html ?? null,
  });
}

/** Newest first (ids are time-ordered). */
export async function listDevOutbox(
  db: Database,
  filter: { to?: string; kind?: 'sms' | 'email'; limit?: number } = {},
): Promise<DevOutboxMessage[]> {
  const rows = await db.models.DevOutboxMessage.findAll({
    where: { ...(filter.to ? { to: filter.to } : {}), ...(filter.kind ? { kind: filter.kind } : {}) },
    order: [['id', 'DESC']],
    limit: Math.min(Math.max(filter.limit ?? 50, 1), 200),
  });
  return rows.map(toDevOutboxMessage);
}

const toDevOutboxMessage = (row: DevOutboxMessageRow): DevOutboxMessage => ({
  id: row.id,
  kind: row.kind,
  to: row.to,
  subject: row.subject,
  text: row.bodyText,
  html: row.bodyHtml,
  createdAt: row.createdAt.toISOString(),
});

/** The embedded mode's SMS "provider": the message lands in the dev outbox, readable at /dev/outbox. */
export function devOutboxSmsSender(db: Database): SmsSender {
  return {
    name: 'dev-outbox',
    async send(message) {
      await writeDevOutbox(db, { kind: 'sms', to: message.to, text: message.text });
    },
  };
}
