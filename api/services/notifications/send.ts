import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';
import type { NotificationRow } from '../../db/models/webhooks.js';
import type { Clock } from '../../ports/clock.js';
import { MailDeliveryError, type Mailer } from '../../ports/mailer.js';
import { SmsDeliveryError, type SmsSender } from '../../ports/sms-sender.js';
import { sendTrackedSms } from '../sms/send-tracked-sms.js';
import { renderNotification } from './render.js';

export interface NotificationDeps {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  sms: SmsSender;
  /** For links in messages (config.baseUrl). */
  baseUrl: string;
  leaseMs?: number;
}

/** Waits after the 1st, 2nd… failed send; then the notification is given up (and stays on record). */
export const NOTIFICATION_RETRY_SECONDS = [60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600] as const;

export interface SendSummary {
  sent: number;
  skipped: number;
  failed: number;
  retrying: number;
}

/** Reserves due notifications for this worker (several processes may run this at once). */
async function claimDue(deps: NotificationDeps, now: Date, limit: number): Promise<NotificationRow[]> {
  const ids = await deps.db.sequelize.query<{ id: string }>(
    `UPDATE notifications SET lease_until = :leaseUntil
      WHERE id IN (SELECT id FROM notifications
                    WHERE status = 'pending' AND due_at <= :now AND (lease_until IS NULL OR lease_until <= :now)
                    ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED)
      RETURNING id`,
    { replacements: { now, limit, leaseUntil: new Date(now.getTime() + (deps.leaseMs ?? 120_000)) }, type: QueryTypes.SELECT },
  );
  if (ids.length === 0) return [];
  return deps.db.models.Notification.findAll({ where: { id: ids.map((r) => r.id) }, order: [['dueAt', 'ASC']] });
}

async function deliver(deps: NotificationDeps, row: NotificationRow, now: Date): Promise<'sent' | 'skipped'> {
  const rendered = await renderNotification(deps.db, row, deps.baseUrl, now);
  if ('skip' in rendered) {
    await row.update({ status: 'skipped', lastError: rendered.skip, leaseUntil: null });
    return 'skipped';
  }
  if (rendered.channel === 'email') {
    await deps.mailer.send({ fromName: rendered.fromName, to: rendered.to, ...rendered.email });
  } else {
    await sendTrackedSms(deps, { to: rendered.to, text: rendered.text }, { purpose: 'notification', notificationId: row.id });
  }
  await row.update({ status: 'sent', sentAt: now, attempts: row.attempts + 1, leaseUntil: null, lastError: null });
  return 'sent';
}

/**
 * Sends every notification due now. A failure is retried later on a schedule; a refusal for good (an
 * SMTP 5xx: no such mailbox; an SMS provider's 4xx: not a mobile number) is not. At-least-once: a crash between the server's acceptance and the
 * bookkeeping sends that message again.
 */
export async function sendDueNotifications(deps: NotificationDeps, limit = 50): Promise<SendSummary> {
  const summary: SendSummary = { sent: 0, skipped: 0, failed: 0, retrying: 0 };
  const now = deps.clock.now();
  for (const row of await claimDue(deps, now, limit)) {
    try {
      summary[await deliver(deps, row, now)]++;
    } catch (error) {
      const attempts = row.attempts + 1;
      const permanent =
        (error instanceof MailDeliveryError && (error.responseCode ?? 0) >= 500) || (error instanceof SmsDeliveryError && error.permanent);
      const wait = NOTIFICATION_RETRY_SECONDS[attempts - 1];
      const giveUp = permanent || wait === undefined;
      await row.update({
        attempts,
        status: giveUp ? 'failed' : 'pending',
        dueAt: giveUp ? row.dueAt : new Date(now.getTime() + wait * 1000),
        leaseUntil: null,
        lastError: (error as Error).message.slice(0, 500),
      });
      summary[giveUp ? 'failed' : 'retrying']++;
    }
  }
  return summary;
}

/** When the next pending notification falls due, or null. */
export async function nextNotificationDueAt(db: Database): Promise<Date | null> {
  const [row] = await db.sequelize.query<{ at: Date | null }>("SELECT min(due_at) AS at FROM notifications WHERE status = 'pending'", {
    type: QueryTypes.SELECT,
  });
  return row?.at ?? null;
}
